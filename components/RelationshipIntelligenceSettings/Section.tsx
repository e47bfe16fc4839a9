import * as React from "react";
import { mergeStyleSets, Text } from "@fluentui/react";

const classes = mergeStyleSets({
  fieldset: { border: 0, margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: 8 },
  body: { display: "flex", flexDirection: "column", gap: 8 },
  value: { display: "flex", flexDirection: "column", gap: 2 },
});

/** A titled group of fields: a real fieldset/legend, so screen readers announce the group. */
export function Section(props: { title: string; children?: React.ReactNode }): React.ReactElement {
  return (
    <fieldset className={classes.fieldset}>
      <legend className={classes.legend}>
        <Text variant="mediumPlus" styles={{ root: { fontWeight: 600 } }}>
          {props.title}
        </Text>
      </legend>
      <div className={classes.body}>{props.children}</div>
    </fieldset>
  );
}

/** Explanatory text under a section's title. */
export function Note(props: { children?: React.ReactNode; id?: string }): React.ReactElement {
  return (
    <Text block variant="small" id={props.id}>
      {props.children}
    </Text>
  );
}

/**
 * A setting shown to someone who may not change it: its name and value as plain text in the body
 * colour, where a disabled control would be faint (about 2.6:1) and say "unavailable" instead.
 */
export function ReadOnlyValue(props: { label: string; value: React.ReactNode }): React.ReactElement {
  return (
    <div className={classes.value} data-setting={props.label}>
      <Text block variant="small" styles={{ root: { fontWeight: 600 } }}>
        {props.label}
      </Text>
      <Text block>{props.value}</Text>
    </div>
  );
}

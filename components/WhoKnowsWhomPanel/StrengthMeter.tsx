import * as React from "react";
import { mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { Introducer } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";

const classes = mergeStyleSets({
  track: { width: 80, height: 10, borderRadius: 5, overflow: "hidden", flexShrink: 0, borderWidth: 1, borderStyle: "solid" },
  fill: { height: "100%" },
});

/** Connection strength (of a colleague, or of a whole path) as a meter, always with its word beside it. */
export function StrengthMeter(props: {
  connection: Pick<Introducer, "strength" | "strengthWord">;
  t: Translate;
  /** What is measured, when not a colleague's connection (a path's strength). */
  label?: string;
}): React.ReactElement {
  const { connection, t } = props;
  const colours = useWidgetColours();
  const word = t(`wkw.strength.${connection.strengthWord}`);
  return (
    <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
      {/* The outline shows the full length at 3:1, so how much is filled can be seen. */}
      <div
        role="meter"
        aria-label={props.label ?? t("wkw.strength")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={connection.strength}
        aria-valuetext={t("wkw.strength.value", { word, strength: Math.round(connection.strength) })}
        className={classes.track}
        style={{ ...keepColours(colours), borderColor: colours.meterOutline, background: colours.background }}
      >
        <div
          className={classes.fill}
          data-part="fill"
          style={{ width: `${Math.min(100, Math.max(0, connection.strength))}%`, background: colours.meterFill }}
        />
      </div>
      <Text variant="small" aria-hidden="true">
        {word}
      </Text>
    </Stack>
  );
}

import * as React from "react";
import { MessageBarType, mergeStyleSets, Text, useTheme } from "@fluentui/react";
import { Notice } from "../../shared/ui/Notice";
import { ACTIVITY_KINDS, type ActivityKind, type MessageRef } from "../../shared/model";
import { message, type Translate } from "../../shared/ui/i18n";
import { problemField, type ProblemField } from "./settingsEdits";

const classes = mergeStyleSets({
  list: { margin: "4px 0 0 0", paddingLeft: 20 },
});

/** A problem in the admin's words: activity kinds are named as on the page, not as stored. */
export function problemText(t: Translate, problem: MessageRef): string {
  const kind = problem.params?.kind;
  const isKind = typeof kind === "string" && (ACTIVITY_KINDS as readonly string[]).includes(kind);
  return message(t, isKind ? { ...problem, params: { ...problem.params, kind: t(`settingsPage.weight.${kind as ActivityKind}`) } } : problem);
}

/** Summary at the top: the problems, each once, in the order validation found them. */
export function ProblemSummary(props: { t: Translate; title: string; problems: MessageRef[]; type: MessageBarType }): React.ReactElement | null {
  if (props.problems.length === 0) return null;
  return (
    <Notice messageBarType={props.type} isMultiline delayedRender={false}>
      <strong>{props.title}</strong>
      <ul className={classes.list}>
        {props.problems.map((problem, index) => (
          <li key={index}>{problemText(props.t, problem)}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** The problems of one field, shown right beside it. */
export function FieldProblems(props: { t: Translate; problems: MessageRef[]; field: ProblemField }): React.ReactElement | null {
  const theme = useTheme();
  const own = props.problems.filter((problem) => problemField(problem) === props.field);
  if (own.length === 0) return null;
  return (
    <div>
      {own.map((problem, index) => (
        <Text key={index} block variant="small" styles={{ root: { color: theme.semanticColors.errorText } }}>
          {problemText(props.t, problem)}
        </Text>
      ))}
    </div>
  );
}

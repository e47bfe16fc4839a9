import * as React from "react";
import { HighContrastSelector, mergeStyleSets, useTheme } from "@fluentui/react";
import type { Grade } from "../../shared/model";

interface ScoreRingProps {
  score: number;
  grade: Grade;
  /** The whole reading in words: the ring is one image to assistive technology. */
  label: string;
  size: number;
}

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

const classes = mergeStyleSets({
  // Forced colours do not repaint SVG strokes: pick system colours so the ring stays visible.
  track: { selectors: { [HighContrastSelector]: { stroke: "GrayText" } } },
  arc: { selectors: { [HighContrastSelector]: { stroke: "CanvasText" } } },
  number: { selectors: { [HighContrastSelector]: { fill: "CanvasText" } } },
});

/** The score as a ring filled to score/100, the number in its middle. */
export function ScoreRing(props: ScoreRingProps): React.ReactElement {
  const theme = useTheme();
  const colours: Record<Grade, string> = {
    good: theme.semanticColors.successIcon,
    fair: theme.semanticColors.warningIcon,
    poor: theme.semanticColors.errorIcon,
  };
  const filled = (CIRCUMFERENCE * Math.min(100, Math.max(0, props.score))) / 100;
  return (
    <svg role="img" aria-label={props.label} width={props.size} height={props.size} viewBox="0 0 100 100">
      <circle
        className={classes.track}
        cx="50"
        cy="50"
        r={RADIUS}
        fill="none"
        stroke={theme.palette.neutralLight}
        strokeWidth="10"
      />
      <circle
        className={classes.arc}
        cx="50"
        cy="50"
        r={RADIUS}
        fill="none"
        stroke={colours[props.grade]}
        strokeWidth="10"
        strokeLinecap="round"
        strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
        // Start at twelve o'clock, fill clockwise.
        transform="rotate(-90 50 50)"
      />
      <text
        className={classes.number}
        x="50"
        y="50"
        textAnchor="middle"
        dominantBaseline="central"
        fontSize="30"
        fontWeight="600"
        fill={theme.semanticColors.bodyText}
      >
        {Math.round(props.score)}
      </text>
    </svg>
  );
}

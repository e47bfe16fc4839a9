import * as React from "react";
import type { Grade } from "../../shared/model";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";

interface ScoreRingProps {
  score: number;
  grade: Grade;
  /** The whole reading in words: the ring is one image to assistive technology. */
  label: string;
  size: number;
}

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The score as a ring filled to score/100, the number in its middle. */
export function ScoreRing(props: ScoreRingProps): React.ReactElement {
  const colours = useWidgetColours();
  const filled = (CIRCUMFERENCE * Math.min(100, Math.max(0, props.score))) / 100;
  return (
    <svg
      role="img"
      aria-label={props.label}
      width={props.size}
      height={props.size}
      viewBox="0 0 100 100"
      style={keepColours(colours)}
      data-grade={props.grade}
    >
      <circle cx="50" cy="50" r={RADIUS} fill="none" stroke={colours.track} strokeWidth="10" />
      <circle
        data-part="arc"
        cx="50"
        cy="50"
        r={RADIUS}
        fill="none"
        stroke={colours.grade[props.grade]}
        strokeWidth="10"
        strokeLinecap="round"
        strokeDasharray={`${filled} ${CIRCUMFERENCE}`}
        // Start at twelve o'clock, fill clockwise.
        transform="rotate(-90 50 50)"
      />
      <text x="50" y="50" textAnchor="middle" dominantBaseline="central" fontSize="30" fontWeight="600" fill={colours.text}>
        {Math.round(props.score)}
      </text>
    </svg>
  );
}

import * as React from "react";
import type { Grade } from "../../shared/model";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";

/**
 * Each grade has its own shape as well as its own colour, so the grade reads without colour
 * vision and in forced colours (where every grade is the system's text colour): good a circle,
 * fair a square, poor a downward triangle.
 */
interface ShapeProps {
  grade: Grade;
  cx: number;
  cy: number;
  /** Radius of the circle; the other shapes get the same area. */
  r: number;
  fill: string;
  stroke?: string;
}

export function GradeShape(props: ShapeProps): React.ReactElement {
  const { cx, cy, r } = props;
  const paint = { fill: props.fill, stroke: props.stroke, strokeWidth: props.stroke ? 1.5 : undefined, "data-grade": props.grade };
  switch (props.grade) {
    case "good":
      return <circle cx={cx} cy={cy} r={r} {...paint} />;
    case "fair": {
      const side = r * Math.sqrt(Math.PI);
      return <rect x={cx - side / 2} y={cy - side / 2} width={side} height={side} {...paint} />;
    }
    case "poor": {
      const side = r * Math.sqrt((4 * Math.PI) / Math.sqrt(3));
      const height = (side * Math.sqrt(3)) / 2;
      // The centroid sits a third of the height below the top edge.
      const top = cy - height / 3;
      const points = [`${cx - side / 2},${top}`, `${cx + side / 2},${top}`, `${cx},${top + height}`].join(" ");
      return <polygon points={points} {...paint} />;
    }
  }
}

/** The grade's shape beside its word; decorative, as the word is always next to it. */
export function GradeMark(props: { grade: Grade }): React.ReactElement {
  const colours = useWidgetColours();
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false" style={{ flex: "none", ...keepColours(colours) }}>
      <GradeShape grade={props.grade} cx={6} cy={6} r={3.8} fill={colours.grade[props.grade]} />
    </svg>
  );
}

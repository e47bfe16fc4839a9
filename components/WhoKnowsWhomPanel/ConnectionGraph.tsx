import * as React from "react";
import { mergeStyleSets, useTheme } from "@fluentui/react";
import type { Introducer } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";

interface ConnectionGraphProps {
  introducers: Introducer[];
  selectedId: string | null;
  onOpen: (introducer: Introducer) => void;
  t: Translate;
  /** The lead or contact at the centre; without it the centre says "Customer". */
  recordName?: string;
}

const SIZE = 240;
const CENTRE = SIZE / 2;
const ORBIT = 88;
const NODE_RADIUS = 20;
/** Line style tells strengths apart without colour: solid, dashed, dotted. */
const DASHES: Record<Introducer["strengthWord"], string | undefined> = { strong: undefined, good: "6 4", weak: "2 4" };

const classes = mergeStyleSets({
  graph: { display: "block", width: "100%", maxWidth: 320, height: "auto", margin: "0 auto" },
  node: {
    cursor: "pointer",
    outline: "none",
    selectors: { ":focus circle": { strokeWidth: 4 } },
  },
});

/**
 * The record in the middle, colleagues around it. One node is in the tab order at a time; arrow keys
 * move between nodes and Enter (or Space) opens the colleague's details.
 */
export function ConnectionGraph(props: ConnectionGraphProps): React.ReactElement {
  const { introducers, t } = props;
  const theme = useTheme();
  const [active, setActive] = React.useState(0);
  const nodes = React.useRef<Array<SVGGElement | null>>([]);

  const moveTo = (index: number) => {
    const next = (index + introducers.length) % introducers.length;
    setActive(next);
    nodes.current[next]?.focus();
  };
  const onKeyDown = (index: number) => (event: React.KeyboardEvent) => {
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        moveTo(index + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        moveTo(index - 1);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(introducers.length - 1);
        break;
      case "Enter":
      case " ":
        props.onOpen(introducers[index]);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const positions = introducers.map((_, index) => {
    // Strongest at twelve o'clock, the rest clockwise.
    const angle = (2 * Math.PI * index) / introducers.length - Math.PI / 2;
    return { x: CENTRE + ORBIT * Math.cos(angle), y: CENTRE + ORBIT * Math.sin(angle) };
  });
  const colours = useWidgetColours();
  const ink = colours.text;
  const selectedFill = colours.forced ? colours.background : theme.palette.themeLighter;

  return (
    <svg role="group" aria-label={t("wkw.graph.label")} viewBox={`0 0 ${SIZE} ${SIZE}`} className={classes.graph} style={keepColours(colours)}>
      {introducers.map((introducer, index) => (
        <line
          key={`edge-${introducer.userId}`}
          x1={CENTRE}
          y1={CENTRE}
          x2={positions[index].x}
          y2={positions[index].y}
          stroke={colours.edge}
          strokeWidth={1 + introducer.strength / 25}
          strokeDasharray={DASHES[introducer.strengthWord]}
          aria-hidden="true"
        />
      ))}
      <g aria-hidden="true">
        <circle cx={CENTRE} cy={CENTRE} r={NODE_RADIUS + 6} fill={colours.forced ? colours.background : theme.palette.neutralLighter} stroke={ink} />
        <text x={CENTRE} y={CENTRE} textAnchor="middle" dominantBaseline="central" fontSize="10" fill={ink}>
          {props.recordName ? initials(props.recordName) : t("wkw.graph.centre")}
        </text>
      </g>
      {introducers.map((introducer, index) => {
        const selected = introducer.userId === props.selectedId;
        return (
          <g
            key={introducer.userId}
            ref={(element) => {
              nodes.current[index] = element;
            }}
            role="button"
            tabIndex={index === active ? 0 : -1}
            aria-label={t("wkw.graph.node", {
              name: introducer.fullName,
              word: t(`wkw.strength.${introducer.strengthWord}`),
              strength: Math.round(introducer.strength),
            })}
            aria-pressed={selected}
            className={classes.node}
            onKeyDown={onKeyDown(index)}
            onClick={() => {
              setActive(index);
              props.onOpen(introducer);
            }}
          >
            <circle
              cx={positions[index].x}
              cy={positions[index].y}
              r={NODE_RADIUS}
              fill={selected ? selectedFill : colours.background}
              stroke={selected ? colours.selected : ink}
              strokeWidth={selected ? 3 : 1.5}
            />
            <text
              x={positions[index].x}
              y={positions[index].y}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize="12"
              fontWeight="600"
              fill={ink}
            >
              {initials(introducer.fullName)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** First letters of the first and last words of a name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0][0];
  const last = words.length > 1 ? words[words.length - 1][0] : "";
  return (first + last).toUpperCase();
}

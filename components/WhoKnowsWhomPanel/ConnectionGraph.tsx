import * as React from "react";
import { mergeStyleSets, useTheme } from "@fluentui/react";
import type { Introducer, IntroductionPath } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";
import { pathKey } from "./PathCard";

interface ConnectionGraphProps {
  introducers: Introducer[];
  /** Second-degree paths: drawn colleague → coworker → record, on an outer ring. */
  paths: IntroductionPath[];
  /** The open node's key: a colleague's user id, or a path's key. */
  selectedKey: string | null;
  onOpen: (key: string) => void;
  t: Translate;
  /** The lead or contact at the centre; without it the centre says "Customer". */
  recordName?: string;
}

const NODE_RADIUS = 20;
const INNER_ORBIT = 88;
const OUTER_ORBIT = 146;
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

interface Point {
  x: number;
  y: number;
}

/** Something the user can open: a colleague who knows the record, or a colleague at the end of a path. */
interface GraphNode {
  key: string;
  name: string;
  strength: number;
  strengthWord: Introducer["strengthWord"];
  at: Point;
  label: string;
  /** The coworker in between, for a path. */
  via?: { name: string; at: Point };
}

function polar(centre: number, radius: number, angle: number): Point {
  return { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) };
}

/**
 * Colleagues who know the record and their coworkers share the inner ring (strongest at twelve o'clock,
 * clockwise); a path's colleague sits on the outer ring beyond its coworker. Coworkers are squares and
 * colleagues circles, so the two steps read apart without colour.
 */
function layout(props: ConnectionGraphProps): { size: number; nodes: GraphNode[]; coworkers: Array<{ id: string; name: string; at: Point }> } {
  const { introducers, paths, t } = props;
  const size = paths.length > 0 ? 2 * (OUTER_ORBIT + NODE_RADIUS + 4) : 240;
  const centre = size / 2;
  const coworkerIds = [...new Set(paths.map((p) => p.coworker.id))];
  const slots = introducers.length + coworkerIds.length;
  const angleOf = (slot: number) => (2 * Math.PI * slot) / slots - Math.PI / 2;
  const nodes: GraphNode[] = introducers.map((introducer, index) => ({
    key: introducer.userId,
    name: introducer.fullName,
    strength: introducer.strength,
    strengthWord: introducer.strengthWord,
    at: polar(centre, INNER_ORBIT, angleOf(index)),
    label: t("wkw.graph.node", {
      name: introducer.fullName,
      word: t(`wkw.strength.${introducer.strengthWord}`),
      strength: Math.round(introducer.strength),
    }),
  }));
  const coworkers = coworkerIds.map((id, index) => ({
    id,
    name: paths.find((p) => p.coworker.id === id)?.coworker.fullName ?? "",
    angle: angleOf(introducers.length + index),
  }));
  for (const coworker of coworkers) {
    const through = paths.filter((p) => p.coworker.id === coworker.id);
    // Colleagues through the same coworker fan out around it, within its share of the ring.
    const spread = (2 * Math.PI) / slots / Math.max(through.length, 1);
    through.forEach((path, index) => {
      nodes.push({
        key: pathKey(path),
        name: path.colleague.fullName,
        strength: path.strength,
        strengthWord: path.strengthWord,
        at: polar(centre, OUTER_ORBIT, coworker.angle + (index - (through.length - 1) / 2) * spread),
        label: t("wkw.graph.pathNode", {
          name: path.colleague.fullName,
          coworker: path.coworker.fullName,
          word: t(`wkw.strength.${path.strengthWord}`),
          strength: Math.round(path.strength),
        }),
        via: { name: path.coworker.fullName, at: polar(centre, INNER_ORBIT, coworker.angle) },
      });
    });
  }
  return { size, nodes, coworkers: coworkers.map((c) => ({ id: c.id, name: c.name, at: polar(centre, INNER_ORBIT, c.angle) })) };
}

/**
 * The record in the middle, colleagues around it, paths through coworkers further out. One node is in
 * the tab order at a time; arrow keys move between colleagues (first degree, then paths) and Enter
 * (or Space) opens one's details.
 */
export function ConnectionGraph(props: ConnectionGraphProps): React.ReactElement {
  const { t } = props;
  const theme = useTheme();
  const [active, setActive] = React.useState(0);
  const elements = React.useRef<Array<SVGGElement | null>>([]);
  const { size, nodes, coworkers } = layout(props);
  const centre = size / 2;

  const moveTo = (index: number) => {
    const next = (index + nodes.length) % nodes.length;
    setActive(next);
    elements.current[next]?.focus();
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
        moveTo(nodes.length - 1);
        break;
      case "Enter":
      case " ":
        props.onOpen(nodes[index].key);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const colours = useWidgetColours();
  const ink = colours.text;
  const selectedFill = colours.forced ? colours.background : theme.palette.themeLighter;
  const edge = (key: string, from: Point, to: Point, node: GraphNode) => (
    <line
      key={key}
      x1={from.x}
      y1={from.y}
      x2={to.x}
      y2={to.y}
      stroke={colours.edge}
      strokeWidth={1 + node.strength / 25}
      strokeDasharray={DASHES[node.strengthWord]}
      aria-hidden="true"
    />
  );
  const centrePoint = { x: centre, y: centre };

  return (
    <svg role="group" aria-label={t("wkw.graph.label")} viewBox={`0 0 ${size} ${size}`} className={classes.graph} style={keepColours(colours)}>
      {nodes.map((node) =>
        node.via
          ? [edge(`edge-${node.key}`, node.via.at, node.at, node), edge(`edge-via-${node.key}`, centrePoint, node.via.at, node)]
          : edge(`edge-${node.key}`, centrePoint, node.at, node),
      )}
      <g aria-hidden="true">
        <circle cx={centre} cy={centre} r={NODE_RADIUS + 6} fill={colours.forced ? colours.background : theme.palette.neutralLighter} stroke={ink} />
        <text x={centre} y={centre} textAnchor="middle" dominantBaseline="central" fontSize="10" fill={ink}>
          {props.recordName ? initials(props.recordName) : t("wkw.graph.centre")}
        </text>
      </g>
      {coworkers.map((coworker) => (
        <g key={`coworker-${coworker.id}`} aria-hidden="true" data-coworker={coworker.id}>
          <rect
            x={coworker.at.x - NODE_RADIUS + 2}
            y={coworker.at.y - NODE_RADIUS + 2}
            width={2 * NODE_RADIUS - 4}
            height={2 * NODE_RADIUS - 4}
            rx={3}
            fill={colours.background}
            stroke={ink}
            strokeWidth={1.5}
          />
          <text x={coworker.at.x} y={coworker.at.y} textAnchor="middle" dominantBaseline="central" fontSize="11" fill={ink}>
            {initials(coworker.name)}
          </text>
        </g>
      ))}
      {nodes.map((node, index) => {
        const selected = node.key === props.selectedKey;
        return (
          <g
            key={node.key}
            ref={(element) => {
              elements.current[index] = element;
            }}
            role="button"
            tabIndex={index === active ? 0 : -1}
            aria-label={node.label}
            aria-pressed={selected}
            className={classes.node}
            onKeyDown={onKeyDown(index)}
            onClick={() => {
              setActive(index);
              props.onOpen(node.key);
            }}
          >
            <circle
              cx={node.at.x}
              cy={node.at.y}
              r={NODE_RADIUS}
              fill={selected ? selectedFill : colours.background}
              stroke={selected ? colours.selected : ink}
              strokeWidth={selected ? 3 : 1.5}
            />
            <text x={node.at.x} y={node.at.y} textAnchor="middle" dominantBaseline="central" fontSize="12" fontWeight="600" fill={ink}>
              {initials(node.name)}
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

import * as React from "react";
import { Link, mergeStyleSets, Text, useTheme } from "@fluentui/react";
import type { Grade } from "../../shared/model";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import type { ListRow } from "./dataset";
import { keepColours, useWidgetColours } from "../../shared/ui/palette";
import { GradeMark, GradeShape } from "./GradeMark";
import { scored, type ListItem } from "./ordering";

export interface PipelineChartProps {
  items: ListItem[];
  t: Translate;
  format: Formatter;
  now: Date;
  onOpen: (row: ListRow) => void;
}

const WIDTH = 400;
const HEIGHT = 240;
const PLOT = { left: 34, right: 14, top: 12, bottom: 30 };
const MS_PER_DAY = 86_400_000;
/** The time axis spans at least this many days, so a pipeline closing this week is not one stripe. */
const MIN_SPAN_DAYS = 30;
const RADIUS = { min: 5, max: 18 };
const GRADES: Grade[] = ["good", "fair", "poor"];

const classes = mergeStyleSets({
  root: { minWidth: 0 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  bubble: { cursor: "pointer", outline: "none" },
  legend: { display: "flex", flexWrap: "wrap", gap: 12, margin: "4px 0", padding: 0, listStyle: "none" },
  legendItem: { display: "inline-flex", alignItems: "center", gap: 4 },
  offChart: { margin: "8px 0 0 0" },
  group: { margin: "4px 0", padding: 0, listStyle: "none" },
});

interface Bubble {
  item: ListItem;
  grade: Grade;
  score: number;
  close: Date;
  value: number | null;
}

interface Placement {
  bubbles: Bubble[];
  pastClose: Array<{ item: ListItem; close: Date }>;
  noClose: ListItem[];
  noScore: ListItem[];
}

function place(items: ListItem[], today: number): Placement {
  const placement: Placement = { bubbles: [], pastClose: [], noClose: [], noScore: [] };
  for (const item of items) {
    if (item.outcome.kind === "loading") continue;
    const score = scored(item);
    if (!score || item.outcome.kind !== "health") {
      placement.noScore.push(item);
      continue;
    }
    const { estimatedCloseDate: close, estimatedValue: value } = item.outcome.entry;
    if (!close) placement.noClose.push(item);
    else if (close.getTime() < today) placement.pastClose.push({ item, close });
    else placement.bubbles.push({ item, grade: score.grade, score: score.score, close, value });
  }
  return placement;
}

/**
 * Open opportunities by health (up) against estimated close date (across), bubble area by
 * estimated revenue, grade by colour and shape. Each bubble is a link to its record; what cannot
 * be placed (a close date passed or missing, no score) is listed under the chart by name.
 */
export function PipelineChart(props: PipelineChartProps): React.ReactElement {
  const { t, format } = props;
  const theme = useTheme();
  const colours = useWidgetColours();
  const [focused, setFocused] = React.useState<string | null>(null);
  const today = startOfDay(props.now);
  const placement = place(props.items, today);
  const { bubbles } = placement;

  const end = Math.max(today + MIN_SPAN_DAYS * MS_PER_DAY, ...bubbles.map((b) => b.close.getTime()));
  const x = (time: number) => PLOT.left + ((time - today) / (end - today)) * (WIDTH - PLOT.left - PLOT.right);
  const y = (score: number) => PLOT.top + (1 - score / 100) * (HEIGHT - PLOT.top - PLOT.bottom);
  const largest = Math.max(0, ...bubbles.map((b) => b.value ?? 0));
  // Area, not radius, follows the revenue.
  const radius = (value: number | null) =>
    value === null || largest <= 0 ? RADIUS.min : RADIUS.min + (RADIUS.max - RADIUS.min) * Math.sqrt(Math.max(0, value) / largest);
  const ticks = [today, (today + end) / 2, end];
  const ink = colours.text;
  const rule = colours.forced ? "GrayText" : theme.semanticColors.bodyDivider;
  const open = (row: ListRow) => props.onOpen(row);

  const label = (b: Bubble) => {
    const params = {
      name: b.item.row.name || t("list.noName"),
      score: format.number(b.score),
      grade: t(`health.grade.${b.grade}`),
      date: format.date(b.close),
      value: b.value === null ? "" : format.number(b.value),
    };
    return t(b.value === null ? "list.chart.bubbleNoValue" : "list.chart.bubble", params);
  };

  return (
    <div className={classes.root} data-part="pipeline">
      <Text as="h3" variant="medium" block styles={{ root: { fontWeight: 600, margin: "0 0 4px 0" } }}>
        {t("list.chart.title")}
      </Text>
      <Text block variant="small">
        {t("list.chart.description")}
      </Text>
      <ul className={classes.legend} aria-label={t("list.chart.legend")}>
        {GRADES.map((grade) => (
          <li key={grade} className={classes.legendItem}>
            <GradeMark grade={grade} />
            <Text variant="small">{t(`health.grade.${grade}`)}</Text>
          </li>
        ))}
      </ul>
      {bubbles.length === 0 ? (
        <Text block>{t("list.chart.empty")}</Text>
      ) : (
        <svg className={classes.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={t("list.chart.title")} style={keepColours(colours)}>
          <g aria-hidden="true" fill={ink} fontSize="10">
            {[0, 50, 100].map((score) => (
              <g key={score}>
                <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(score)} y2={y(score)} stroke={rule} />
                <text x={PLOT.left - 4} y={y(score)} textAnchor="end" dominantBaseline="central">
                  {format.number(score)}
                </text>
              </g>
            ))}
            {ticks.map((time, index) => (
              <text key={index} x={x(time)} y={HEIGHT - PLOT.bottom + 14} textAnchor={index === 0 ? "start" : index === 2 ? "end" : "middle"}>
                {format.date(new Date(time))}
              </text>
            ))}
            <text x={(PLOT.left + WIDTH - PLOT.right) / 2} y={HEIGHT - 2} textAnchor="middle">
              {t("list.chart.axisClose")}
            </text>
            <text x={8} y={(PLOT.top + HEIGHT - PLOT.bottom) / 2} textAnchor="middle" transform={`rotate(-90 8 ${(PLOT.top + HEIGHT - PLOT.bottom) / 2})`}>
              {t("list.chart.axisScore")}
            </text>
          </g>
          {/* Largest first, so small bubbles stay on top and clickable. */}
          {[...bubbles]
            .sort((a, b) => radius(b.value) - radius(a.value))
            .map((b) => {
              const cx = x(b.close.getTime());
              const cy = y(b.score);
              const r = radius(b.value);
              const key = b.item.row.key;
              return (
                <g
                  key={key}
                  role="link"
                  tabIndex={0}
                  aria-label={label(b)}
                  className={classes.bubble}
                  data-grade={b.grade}
                  onClick={() => open(b.item.row)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      open(b.item.row);
                    }
                  }}
                  onFocus={() => setFocused(key)}
                  onBlur={() => setFocused((current) => (current === key ? null : current))}
                >
                  <GradeShape grade={b.grade} cx={cx} cy={cy} r={r} fill={colours.grade[b.grade]} stroke={colours.background} />
                  {focused === key ? (
                    <circle cx={cx} cy={cy} r={r + 4} fill="none" stroke={colours.text} strokeWidth={2} data-part="focus" />
                  ) : null}
                </g>
              );
            })}
        </svg>
      )}
      <OffChart placement={placement} t={t} format={format} onOpen={open} />
    </div>
  );
}

function OffChart(props: { placement: Placement; t: Translate; format: Formatter; onOpen: (row: ListRow) => void }): React.ReactElement | null {
  const { placement, t } = props;
  const groups: Array<{ key: string; title: string; entries: Array<{ item: ListItem; note?: string }> }> = [
    { key: "pastClose", title: t("list.chart.pastClose"), entries: placement.pastClose.map(({ item, close }) => ({ item, note: props.format.date(close) })) },
    { key: "noClose", title: t("list.chart.noClose"), entries: placement.noClose.map((item) => ({ item })) },
    { key: "noScore", title: t("list.chart.noScore"), entries: placement.noScore.map((item) => ({ item })) },
  ].filter((group) => group.entries.length > 0);
  if (groups.length === 0) return null;
  return (
    <div className={classes.offChart} data-part="offChart">
      <Text as="h4" variant="small" block styles={{ root: { fontWeight: 600 } }}>
        {t("list.chart.offChart")}
      </Text>
      {groups.map((group) => (
        <div key={group.key} data-group={group.key}>
          <Text variant="small" block>
            {group.title}
          </Text>
          <ul className={classes.group}>
            {group.entries.map(({ item, note }) => (
              <li key={item.row.key}>
                <Link onClick={() => props.onOpen(item.row)}>{item.row.name || t("list.noName")}</Link>
                {note ? <Text variant="small"> · {note}</Text> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function startOfDay(d: Date): number {
  const copy = new Date(d.getTime());
  copy.setHours(0, 0, 0, 0);
  return copy.getTime();
}

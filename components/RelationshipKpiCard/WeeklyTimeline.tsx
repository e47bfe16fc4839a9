import * as React from "react";
import { mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { WeeklyPoint } from "../../shared/model";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import { keepColours, useWidgetColours, type WidgetColours } from "../../shared/ui/palette";
import { visuallyHidden } from "../../shared/ui/styles";

interface WeeklyTimelineProps {
  points: WeeklyPoint[];
  t: Translate;
  format: Formatter;
}

/** Chart units; the SVG scales to the width it gets. */
const BAR = 8;
const WEEK = 3 * BAR + 8;
const HEIGHT = 60;
const DOT = 3;

const classes = mergeStyleSets({
  chart: { display: "block", width: "100%", maxWidth: 480, height: HEIGHT },
  legend: { fontSize: 12 },
  axis: { fontSize: 11, maxWidth: 480 },
  swatch: { verticalAlign: "middle", marginRight: 4 },
});

type Series = "sent" | "received" | "meetings";

/** Three shapes, so the series differ without colour: solid bar, outlined bar, stem with a dot. */
function Mark(props: { series: Series; x: number; height: number; base: number; colours: WidgetColours }): React.ReactElement | null {
  const { series, x, height, base, colours } = props;
  if (series === "meetings") {
    if (height === 0) return null;
    const top = Math.max(DOT, base - height);
    return (
      <g data-series="meetings">
        <line x1={x + BAR / 2} x2={x + BAR / 2} y1={base} y2={top} stroke={colours.meetings} strokeWidth="1.5" />
        <circle cx={x + BAR / 2} cy={top} r={DOT} fill={colours.meetings} />
      </g>
    );
  }
  if (series === "sent") {
    return <rect data-series="sent" x={x} y={base - height} width={BAR} height={height} fill={colours.sent} />;
  }
  return (
    <rect
      data-series="received"
      x={x + 1}
      y={base - height}
      width={BAR - 2}
      height={height}
      fill={colours.background}
      stroke={colours.received}
      strokeWidth="1.5"
    />
  );
}

/**
 * Emails sent and received and meetings held, per week. Screen readers get a summary and a table
 * of the numbers.
 */
export function WeeklyTimeline(props: WeeklyTimelineProps): React.ReactElement {
  const { points, t, format } = props;
  const colours = useWidgetColours();
  if (points.length === 0) return <Text block>{t("kpi.timeline.empty")}</Text>;

  const max = Math.max(1, ...points.map((p) => Math.max(p.sent, p.received, p.meetings)));
  const barHeight = (n: number) => (n === 0 ? 0 : Math.max(1, (n / max) * (HEIGHT - 1)));
  const total = (p: WeeklyPoint) => p.sent + p.received + p.meetings;
  const busiest = points.reduce((a, b) => (total(b) > total(a) ? b : a));
  const sum = (series: Series) => points.reduce((n, p) => n + p[series], 0);
  const summary = t("kpi.timeline.summary", {
    weeks: format.number(points.length),
    sent: format.number(sum("sent")),
    received: format.number(sum("received")),
    meetings: format.number(sum("meetings")),
    busiest: format.day(busiest.weekStart),
  });
  const series: Series[] = ["sent", "received", "meetings"];

  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <svg
        role="img"
        aria-label={summary}
        className={classes.chart}
        style={keepColours(colours)}
        viewBox={`0 0 ${points.length * WEEK} ${HEIGHT}`}
        preserveAspectRatio="none"
      >
        {points.map((point, index) => (
          <g key={point.weekStart}>
            {series.map((name, position) => (
              <Mark key={name} series={name} x={index * WEEK + position * BAR} height={barHeight(point[name])} base={HEIGHT} colours={colours} />
            ))}
          </g>
        ))}
      </svg>
      {/* Where the weeks start and end: the bars alone do not say which weeks they are. */}
      <Stack horizontal horizontalAlign="space-between" aria-hidden="true" className={classes.axis}>
        <span>{format.day(points[0].weekStart)}</span>
        {points.length > 1 ? <span>{format.day(points[points.length - 1].weekStart)}</span> : null}
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} aria-hidden="true" className={classes.legend}>
        {series.map((name) => (
          <span key={name} data-legend={name}>
            <svg width="10" height="12" viewBox="0 0 10 12" className={classes.swatch} style={keepColours(colours)}>
              <Mark series={name} x={1} height={10} base={12} colours={colours} />
            </svg>
            {t(`kpi.timeline.${name}`)}
          </span>
        ))}
      </Stack>
      <table className={visuallyHidden}>
        <caption>{t("kpi.timeline.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kpi.timeline.week")}</th>
            {series.map((name) => (
              <th key={name} scope="col">
                {t(`kpi.timeline.${name}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.weekStart}>
              <th scope="row">{format.day(point.weekStart)}</th>
              {series.map((name) => (
                <td key={name}>{format.number(point[name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

import * as React from "react";
import { HighContrastSelector, mergeStyleSets, Stack, Text, useTheme } from "@fluentui/react";
import type { WeeklyPoint } from "../../shared/model";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import { visuallyHidden } from "../../shared/ui/styles";

interface WeeklyTimelineProps {
  points: WeeklyPoint[];
  t: Translate;
  format: Formatter;
}

/** Chart units; the SVG scales to the width it gets. */
const BAR = 8;
const WEEK = 2 * BAR + 8;
const HEIGHT = 60;

const classes = mergeStyleSets({
  chart: { display: "block", width: "100%", maxWidth: 480, height: HEIGHT },
  // In forced colours, fills and strokes become system colours; solid vs outlined still tells them apart.
  sent: { selectors: { [HighContrastSelector]: { fill: "CanvasText", stroke: "CanvasText" } } },
  received: { selectors: { [HighContrastSelector]: { fill: "Canvas", stroke: "CanvasText" } } },
  legend: { fontSize: 12 },
  axis: { fontSize: 11, maxWidth: 480 },
  swatch: { verticalAlign: "middle", marginRight: 4 },
});

/**
 * Sent and received per week as paired bars: sent solid, received outlined, so the series differ by
 * shape and position, not only colour. Screen readers get a summary and a table of the numbers.
 */
export function WeeklyTimeline(props: WeeklyTimelineProps): React.ReactElement {
  const { points, t, format } = props;
  const theme = useTheme();
  if (points.length === 0) return <Text block>{t("kpi.timeline.empty")}</Text>;

  const max = Math.max(1, ...points.map((p) => Math.max(p.sent, p.received)));
  const barHeight = (n: number) => (n === 0 ? 0 : Math.max(1, (n / max) * (HEIGHT - 1)));
  const busiest = points.reduce((a, b) => (b.sent + b.received > a.sent + a.received ? b : a));
  const summary = t("kpi.timeline.summary", {
    weeks: format.number(points.length),
    sent: format.number(points.reduce((n, p) => n + p.sent, 0)),
    received: format.number(points.reduce((n, p) => n + p.received, 0)),
    busiest: format.day(busiest.weekStart),
  });
  const sentColour = theme.palette.themePrimary;
  const receivedColour = theme.palette.neutralSecondary;

  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <svg
        role="img"
        aria-label={summary}
        className={classes.chart}
        viewBox={`0 0 ${points.length * WEEK} ${HEIGHT}`}
        preserveAspectRatio="none"
      >
        {points.map((point, index) => (
          <g key={point.weekStart}>
            <rect
              className={classes.sent}
              x={index * WEEK}
              y={HEIGHT - barHeight(point.sent)}
              width={BAR}
              height={barHeight(point.sent)}
              fill={sentColour}
            />
            <rect
              className={classes.received}
              x={index * WEEK + BAR + 1}
              y={HEIGHT - barHeight(point.received)}
              width={BAR - 2}
              height={barHeight(point.received)}
              fill={theme.palette.white}
              stroke={receivedColour}
              strokeWidth="1.5"
            />
          </g>
        ))}
      </svg>
      {/* Where the weeks start and end: the bars alone do not say which weeks they are. */}
      <Stack horizontal horizontalAlign="space-between" aria-hidden="true" className={classes.axis}>
        <span>{format.day(points[0].weekStart)}</span>
        {points.length > 1 ? <span>{format.day(points[points.length - 1].weekStart)}</span> : null}
      </Stack>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} aria-hidden="true" className={classes.legend}>
        <span>
          <svg width="10" height="10" className={classes.swatch}>
            <rect className={classes.sent} width="10" height="10" fill={sentColour} />
          </svg>
          {t("kpi.timeline.sent")}
        </span>
        <span>
          <svg width="10" height="10" className={classes.swatch}>
            <rect
              className={classes.received}
              x="1"
              y="1"
              width="8"
              height="8"
              fill={theme.palette.white}
              stroke={receivedColour}
              strokeWidth="1.5"
            />
          </svg>
          {t("kpi.timeline.received")}
        </span>
      </Stack>
      <table className={visuallyHidden}>
        <caption>{t("kpi.timeline.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("kpi.timeline.week")}</th>
            <th scope="col">{t("kpi.timeline.sent")}</th>
            <th scope="col">{t("kpi.timeline.received")}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.weekStart}>
              <th scope="row">{format.day(point.weekStart)}</th>
              <td>{format.number(point.sent)}</td>
              <td>{format.number(point.received)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Stack>
  );
}

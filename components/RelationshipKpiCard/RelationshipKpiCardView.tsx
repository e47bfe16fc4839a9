import * as React from "react";
import { mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { KpiSet, LoadResult } from "../../shared/model";
import { describeActivity } from "../../shared/ui/activity";
import { SkippedRowsNote } from "../../shared/ui/SkippedRowsNote";
import type { WidgetHostProps } from "../../shared/ui/types";
import { LoadedWidget } from "../../shared/ui/LoadedWidget";
import { WeeklyTimeline } from "./WeeklyTimeline";

export type KpiGroup = "emails" | "meetings" | "calls" | "time" | "response" | "activity" | "timeline";

export interface RelationshipKpiCardViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<KpiSet>>;
  loadKey: string;
  /** Which groups to show, in this order. */
  groups: KpiGroup[];
  /** The maker asked for the one-column layout (it is also chosen on narrow space and phones). */
  compact: boolean;
}

const classes = mergeStyleSets({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))",
    gap: "8px 16px",
    margin: 0,
  },
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 6, margin: 0 },
  tile: { minWidth: 0 },
  row: { display: "flex", justifyContent: "space-between", gap: 8, minWidth: 0 },
  label: { fontSize: 12 },
  value: { margin: 0, fontWeight: 600 },
  wideTile: { gridColumn: "1 / -1" },
});

export function RelationshipKpiCardView(props: RelationshipKpiCardViewProps): React.ReactElement {
  return (
    <LoadedWidget {...props} title={props.t("kpi.title")} loadingRows={(compact) => (compact ? [16, 16, 16, 16, 60] : [16, 40, 40, 60])}>
      {(kpis, compact) => <KpiReady {...props} kpis={kpis} compact={compact} />}
    </LoadedWidget>
  );
}

interface Metric {
  key: string;
  label: string;
  value: string;
  /** Long values (activities) take a whole row in the grid. */
  wide?: boolean;
}

function KpiReady(props: RelationshipKpiCardViewProps & { kpis: KpiSet; compact: boolean }): React.ReactElement {
  const { kpis, t, format } = props;
  const metrics = props.groups.flatMap((group) => metricsOf(group, props));
  const showTimeline = props.groups.includes("timeline");
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <SkippedRowsNote count={kpis.skippedRows} t={t} />
      <Text block variant="small">
        {t("kpi.window", { days: format.number(kpis.windowDays) })}
      </Text>
      {metrics.length > 0 ? (
        <dl className={props.compact ? classes.list : classes.grid}>
          {metrics.map((metric) => (
            <div key={metric.key} className={metricClass(metric, props.compact)} data-kpi={metric.key}>
              <dt className={classes.label}>{metric.label}</dt>
              <dd className={classes.value}>{metric.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {showTimeline ? (
        <div>
          <Text as="h3" variant="medium" block>
            {t("kpi.timeline.title")}
          </Text>
          <WeeklyTimeline points={kpis.timeline} t={t} format={format} />
        </div>
      ) : null}
    </Stack>
  );
}

/** Compact: label and value on one row. Grid: tiles, activities spanning the whole width. */
function metricClass(metric: Metric, compact: boolean): string {
  if (compact) return classes.row;
  return metric.wide ? `${classes.tile} ${classes.wideTile}` : classes.tile;
}

function metricsOf(group: KpiGroup, props: RelationshipKpiCardViewProps & { kpis: KpiSet }): Metric[] {
  const { kpis, t, format } = props;
  const count = (key: string, n: number): Metric => ({ key, label: t(`kpi.${key}`), value: format.number(n) });
  const known = (value: string | null) => value ?? t("kpi.notEnoughData");
  switch (group) {
    case "emails":
      return [count("emailsSent", kpis.emailsSent), count("emailsReceived", kpis.emailsReceived)];
    case "meetings":
      return [count("meetings", kpis.meetings)];
    case "calls":
      return [count("callsMade", kpis.callsMade), count("callsReceived", kpis.callsReceived)];
    case "time":
      return [
        { key: "timeOurs", label: t("kpi.timeOurs"), value: format.duration(kpis.minutesOurs) },
        { key: "timeTheirs", label: t("kpi.timeTheirs"), value: format.duration(kpis.minutesTheirs) },
      ];
    case "response": {
      // Both directions: how they answer the threads we start, and how we answer theirs.
      const rate = (key: string, value: number | null): Metric => ({ key, label: t(`kpi.${key}`), value: known(value === null ? null : format.percent(value)) });
      const wait = (key: string, minutes: number | null): Metric => ({ key, label: t(`kpi.${key}`), value: known(minutes === null ? null : format.duration(minutes)) });
      return [
        rate("responseRate", kpis.responseRate),
        wait("firstResponse", kpis.averageFirstResponseMinutes),
        rate("ourResponseRate", kpis.ourResponseRate),
        wait("ourFirstResponse", kpis.ourAverageFirstResponseMinutes),
      ];
    }
    case "activity":
      return [
        { key: "lastActivity", label: t("kpi.lastActivity"), value: describeActivity(kpis.last, t, format), wide: true },
        { key: "nextActivity", label: t("kpi.nextActivity"), value: describeActivity(kpis.next, t, format), wide: true },
      ];
    case "timeline":
      return [];
  }
}

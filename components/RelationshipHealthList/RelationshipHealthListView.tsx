import * as React from "react";
import {
  DefaultButton,
  Dropdown,
  MessageBar,
  MessageBarType,
  mergeStyleSets,
  Stack,
  Text,
  type IDropdownOption,
} from "@fluentui/react";
import { failureOf } from "../../shared/ui/failure";
import { CHEVRON_DOWN_ICON, SvgIcon } from "../../shared/ui/icons";
import { StateView } from "../../shared/ui/StateView";
import { isCompactLayout, type WidgetHostProps } from "../../shared/ui/types";
import { WidgetFrame } from "../../shared/ui/WidgetFrame";
import type { DatasetPage, ListRow } from "./dataset";
import type { LoadEntries } from "./entry";
import { HealthGrid } from "./HealthGrid";
import {
  arrange,
  DEFAULT_ARRANGEMENT,
  GRADE_FILTERS,
  scored,
  SORT_ORDERS,
  TREND_FILTERS,
  type Arrangement,
  type ListItem,
  type RowOutcome,
} from "./ordering";
import { PipelineChart } from "./PipelineChart";
import { useHealthEntries, type HealthEntries } from "./useHealthEntries";

export interface RelationshipHealthListViewProps extends WidgetHostProps {
  page: DatasetPage;
  /** Scores for lower-case ids (the loader of shared/data/healthList). */
  load: LoadEntries;
  onOpen: (row: ListRow) => void;
  /** Sorts the view by one of its own columns (server-side). */
  onSortColumn: (name: string) => void;
  onLoadMore: () => void;
  /** Asks the host for the view again, after it failed. */
  onRefresh: () => void;
}

/** Below this width the view's own columns give way to ours; the grid scrolls sideways before that. */
const VIEW_COLUMNS_WIDTH = 720;
/** Narrower than this, six health columns squeeze names letter by letter: one-line rows instead (a subgrid on a form). */
const FULL_GRID_WIDTH = 640;
/** From this width the pipeline chart sits beside the list instead of under it. */
const SIDE_BY_SIDE_WIDTH = 960;

const classes = mergeStyleSets({
  toolbar: { display: "flex", flexWrap: "wrap", gap: 8, alignItems: "flex-end", marginBottom: 8 },
  toolbarItem: { minWidth: 150, flex: "1 1 150px", maxWidth: 240 },
  compactItem: { flex: "1 1 100%", maxWidth: "100%" },
  sideBySide: { display: "flex", gap: 16, alignItems: "flex-start" },
  list: { flex: "3 1 0", minWidth: 0 },
  chart: { flex: "2 1 0", minWidth: 0 },
  stacked: { display: "flex", flexDirection: "column", gap: 16 },
});

export function RelationshipHealthListView(props: RelationshipHealthListViewProps): React.ReactElement {
  return (
    <WidgetFrame {...props} title={props.t("list.title")}>
      <ListContent {...props} />
    </WidgetFrame>
  );
}

function ListContent(props: RelationshipHealthListViewProps): React.ReactElement {
  const { page, t } = props;
  if (!page.recordType) {
    return (
      <MessageBar messageBarType={MessageBarType.info} isMultiline data-state="unsupportedTable">
        <strong>{t("list.unsupportedTable.title")}</strong> {t("list.unsupportedTable.body", { table: page.table })}
      </MessageBar>
    );
  }
  if (page.failed) {
    return (
      <MessageBar
        messageBarType={MessageBarType.warning}
        isMultiline
        data-state="viewFailed"
        actions={<DefaultButton text={t("state.retry")} onClick={props.onRefresh} />}
      >
        <strong>{t("list.viewFailed.title")}</strong> {t("list.viewFailed.body")}
      </MessageBar>
    );
  }
  return <ScoredList {...props} />;
}

function ScoredList(props: RelationshipHealthListViewProps): React.ReactElement {
  const { page, t } = props;
  const ids = React.useMemo(
    () => page.rows.flatMap((row) => (row.id ? [row.id] : [])),
    // The host hands a new page object on every update; the ids say whether anything changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [page.rows.map((row) => row.id).join(",")],
  );
  const health = useHealthEntries(props.load, page.recordType ?? page.table, ids);
  const [arrangement, setArrangement] = React.useState<Arrangement>(DEFAULT_ARRANGEMENT);
  const compact = isCompactLayout(props.width, props.formFactor) || props.width < FULL_GRID_WIDTH;
  const now = props.now();

  // A problem that stops every score (feature switched off, unsupported type) replaces the list.
  const blocking = health.problem && (health.problem.kind === "featureOff" || health.problem.kind === "unsupportedRecordType");
  if (health.problem && blocking) {
    return <StateView state={health.problem} t={t} format={props.format} onRetry={health.retry} />;
  }
  if (page.rows.length === 0) {
    return page.loading ? (
      <StateView state={{ kind: "loading" }} t={t} format={props.format} onRetry={health.retry} loadingRows={[16, 32, 32, 32]} />
    ) : (
      <Text block data-state="empty">
        {t("list.empty")}
      </Text>
    );
  }

  const items = page.rows.map((row, position): ListItem => ({ row, position, outcome: outcomeOf(row, health) }));
  const shown = arrange(items, arrangement, now);
  const attention = items.filter((item) => {
    const score = scored(item);
    return score !== null && (score.grade === "poor" || score.health.trend === "declining");
  }).length;
  const withChart = page.recordType === "opportunity";
  const sideBySide = withChart && !compact && props.width >= SIDE_BY_SIDE_WIDTH;

  const list = (
    <div className={sideBySide ? classes.list : undefined}>
      <Toolbar arrangement={arrangement} onChange={setArrangement} t={t} compact={compact} />
      <Text block role="status" variant="small" styles={{ root: { marginBottom: 4 } }}>
        {t("list.shown", { shown: props.format.number(shown.length), loaded: props.format.number(items.length) })}
        {" · "}
        {t("list.attention", { count: props.format.number(attention) })}
      </Text>
      {health.problem ? <StateView state={health.problem} t={t} format={props.format} onRetry={health.retry} /> : null}
      {shown.length === 0 ? (
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="center" wrap data-state="noMatch">
          <Text>{t("list.noMatch")}</Text>
          <DefaultButton text={t("list.clearFilters")} onClick={() => setArrangement({ ...arrangement, grade: "all", trend: "all" })} />
        </Stack>
      ) : (
        <HealthGrid
          items={shown}
          viewColumns={props.width >= VIEW_COLUMNS_WIDTH ? page.columns : []}
          compact={compact}
          order={arrangement.order}
          t={t}
          format={props.format}
          now={now}
          label={t("list.title")}
          onOpen={props.onOpen}
          onSortColumn={(name) => {
            // Sorting by a view column hands the order back to the view.
            setArrangement({ ...arrangement, order: "view" });
            props.onSortColumn(name);
          }}
        />
      )}
      <Paging page={page} loaded={items.length} t={t} format={props.format} onLoadMore={props.onLoadMore} />
    </div>
  );

  if (!withChart) return list;
  const chart = (
    <div className={sideBySide ? classes.chart : undefined}>
      <PipelineChart items={shown} t={t} format={props.format} now={now} onOpen={props.onOpen} />
    </div>
  );
  return <div className={sideBySide ? classes.sideBySide : classes.stacked}>{list}{chart}</div>;
}

function outcomeOf(row: ListRow, health: HealthEntries): RowOutcome {
  if (!row.id) return { kind: "failed", failure: { kind: "invalidInput" } };
  const entry = health.entries.get(row.id);
  if (entry) {
    return entry.outcome.kind === "scored"
      ? { kind: "health", health: entry.outcome.score, entry }
      : { kind: "failed", failure: failureOf(entry.outcome.error) };
  }
  const failed = health.failed.get(row.id);
  return failed ? { kind: "failed", failure: failed } : { kind: "loading" };
}

function Toolbar(props: {
  arrangement: Arrangement;
  onChange: (arrangement: Arrangement) => void;
  t: WidgetHostProps["t"];
  compact: boolean;
}): React.ReactElement {
  const { arrangement, t } = props;
  const itemClass = props.compact ? classes.compactItem : classes.toolbarItem;
  // Fluent draws the caret from its icon font, which a host may not register.
  const caret = () => <SvgIcon icon={CHEVRON_DOWN_ICON} size={12} />;
  const options = (keys: readonly string[], label: (key: string) => string): IDropdownOption[] =>
    keys.map((key) => ({ key, text: label(key) }));
  return (
    <div className={classes.toolbar}>
      <Dropdown
        className={itemClass}
        label={t("list.sort")}
        onRenderCaretDown={caret}
        selectedKey={arrangement.order}
        options={options(SORT_ORDERS, (key) => t(`list.sort.${key}`))}
        onChange={(_, option) => option && props.onChange({ ...arrangement, order: option.key as Arrangement["order"] })}
      />
      <Dropdown
        className={itemClass}
        label={t("list.grade")}
        onRenderCaretDown={caret}
        selectedKey={arrangement.grade}
        options={options(GRADE_FILTERS, (key) => t(key === "all" || key === "noScore" ? `list.grade.${key}` : `health.grade.${key}`))}
        onChange={(_, option) => option && props.onChange({ ...arrangement, grade: option.key as Arrangement["grade"] })}
      />
      <Dropdown
        className={itemClass}
        label={t("list.trend")}
        onRenderCaretDown={caret}
        selectedKey={arrangement.trend}
        options={options(TREND_FILTERS, (key) => t(key === "all" ? "list.trend.all" : `health.trend.${key}`))}
        onChange={(_, option) => option && props.onChange({ ...arrangement, trend: option.key as Arrangement["trend"] })}
      />
    </div>
  );
}

function Paging(props: {
  page: DatasetPage;
  loaded: number;
  t: WidgetHostProps["t"];
  format: WidgetHostProps["format"];
  onLoadMore: () => void;
}): React.ReactElement | null {
  const { page, t, format } = props;
  if (!page.hasNextPage && page.total === null) return null;
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="center" styles={{ root: { marginTop: 8 } }}>
      {page.total !== null ? (
        <Text variant="small">{t("list.total", { loaded: format.number(props.loaded), total: format.number(page.total) })}</Text>
      ) : null}
      {page.hasNextPage ? <DefaultButton text={t("list.more")} onClick={props.onLoadMore} disabled={page.loading} /> : null}
    </Stack>
  );
}

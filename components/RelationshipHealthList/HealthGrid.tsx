import * as React from "react";
import { Link, mergeStyleSets, useTheme } from "@fluentui/react";
import type { Trend } from "../../shared/model";
import { describeActivity } from "../../shared/ui/activity";
import type { Formatter } from "../../shared/ui/format";
import { failureReason } from "../../shared/ui/failure";
import { message, type Translate } from "../../shared/ui/i18n";
import { visuallyHidden } from "../../shared/ui/styles";
import type { ListRow, ViewColumn } from "./dataset";
import { GradeMark } from "./GradeMark";
import { daysSinceAnswer, scored, type ListItem, type SortOrder } from "./ordering";

export interface HealthGridProps {
  items: ListItem[];
  /** The maker's view columns shown after ours (none in the compact layout). */
  viewColumns: ViewColumn[];
  compact: boolean;
  order: SortOrder;
  t: Translate;
  format: Formatter;
  now: Date;
  label: string;
  onOpen: (row: ListRow) => void;
  onSortColumn: (name: string) => void;
}

/** Text glyphs show without any icon font; the word beside them carries the meaning. */
const TREND_ARROWS: Record<Trend, string> = { improving: "↗", steady: "→", declining: "↘", notEnoughInfo: "–" };

const classes = mergeStyleSets({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  grid: { borderCollapse: "collapse", width: "100%", tableLayout: "auto" },
  header: { textAlign: "start", fontWeight: 600, padding: "6px 8px", verticalAlign: "bottom" },
  cell: { padding: "6px 8px", verticalAlign: "top", textAlign: "start" },
  compactCell: { padding: "4px 6px", verticalAlign: "middle", whiteSpace: "nowrap" },
  // One line per row on a phone: the name gives way first.
  compactName: { maxWidth: 0, width: "100%", overflow: "hidden", textOverflow: "ellipsis" },
  wrap: { whiteSpace: "normal" },
  // The frame lets long text break anywhere; a grade or trend word stays whole.
  inline: { display: "inline-flex", alignItems: "center", gap: 4, whiteSpace: "nowrap", overflowWrap: "normal" },
  sortButton: {
    background: "none",
    border: "none",
    padding: 0,
    font: "inherit",
    fontWeight: 600,
    color: "inherit",
    cursor: "pointer",
    textAlign: "start",
  },
  sign: { fontWeight: 600, marginInlineEnd: 4 },
  number: { fontVariantNumeric: "tabular-nums" },
});

interface GridColumn {
  key: string;
  header: React.ReactNode;
  /** A sort button in the header: the cell's focus goes to it. */
  sortBy?: string;
  ariaSort?: "ascending" | "descending";
  cell: (item: ListItem) => React.ReactNode;
  /** The cell holds a button (the record's name): focus goes to it. */
  interactive?: boolean;
  className?: string;
}

type Position = readonly [row: number, column: number];

/**
 * The rows as a grid (WAI-ARIA grid pattern): one Tab stop, arrow keys move between cells, Home
 * and End along a row, Ctrl+Home and Ctrl+End to the first and last cell, Page Up and Page Down by
 * five rows; Enter on a name opens the record.
 */
export function HealthGrid(props: HealthGridProps): React.ReactElement {
  const { t, format, now, compact } = props;
  const theme = useTheme();
  const gridRef = React.useRef<HTMLTableElement>(null);
  const [active, setActive] = React.useState<Position>([1, 0]);
  const focusPending = React.useRef(false);

  const columns = gridColumns(props);
  const rowCount = props.items.length + 1;
  const position: Position = [Math.min(active[0], rowCount - 1), Math.min(active[1], columns.length - 1)];

  React.useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    focusTarget(gridRef.current, position)?.focus();
  });

  const move = (to: Position) => {
    focusPending.current = true;
    setActive([Math.max(0, Math.min(rowCount - 1, to[0])), Math.max(0, Math.min(columns.length - 1, to[1]))]);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const [row, column] = position;
    const last = columns.length - 1;
    const to = ((): Position | null => {
      switch (event.key) {
        case "ArrowRight":
          return [row, column + 1];
        case "ArrowLeft":
          return [row, column - 1];
        case "ArrowDown":
          return [row + 1, column];
        case "ArrowUp":
          return [row - 1, column];
        case "Home":
          return event.ctrlKey ? [0, 0] : [row, 0];
        case "End":
          return event.ctrlKey ? [rowCount - 1, last] : [row, last];
        case "PageDown":
          return [row + 5, column];
        case "PageUp":
          return [row - 5, column];
        default:
          return null;
      }
    })();
    if (!to) return;
    event.preventDefault();
    move(to);
  };

  // A click or a focus from outside (screen reader cursor) makes that cell the Tab stop.
  const onFocus = (event: React.FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("[data-cell]");
    const found = cell?.dataset.cell?.split(":").map(Number);
    if (found && (found[0] !== position[0] || found[1] !== position[1])) setActive([found[0], found[1]]);
  };

  const stop = (row: number, column: number) => (row === position[0] && column === position[1] ? 0 : -1);
  const cellClass = (column: GridColumn, extra = "") =>
    [compact ? classes.compactCell : classes.cell, column.className ?? "", extra].filter(Boolean).join(" ");
  const divider = `1px solid ${theme.semanticColors.bodyDivider}`;

  return (
    <div className={classes.scroller}>
      <table
        ref={gridRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount}
        aria-colcount={columns.length}
        className={classes.grid}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-layout={compact ? "compact" : "regular"}
      >
        <thead>
          <tr role="row" aria-rowindex={1} style={{ borderBottom: divider }}>
            {columns.map((column, c) => (
              <th
                key={column.key}
                role="columnheader"
                scope="col"
                aria-colindex={c + 1}
                aria-sort={column.ariaSort}
                data-cell={`0:${c}`}
                tabIndex={column.sortBy ? undefined : stop(0, c)}
                className={`${classes.header} ${compact ? classes.compactCell : ""}`}
              >
                {column.sortBy ? (
                  <button
                    type="button"
                    className={classes.sortButton}
                    tabIndex={stop(0, c)}
                    onClick={() => props.onSortColumn(column.sortBy as string)}
                  >
                    {column.header}
                    {column.ariaSort ? <span aria-hidden="true">{column.ariaSort === "ascending" ? " ▲" : " ▼"}</span> : null}
                  </button>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.items.map((item, index) => {
            const r = index + 1;
            return (
              <tr key={item.row.key} role="row" aria-rowindex={r + 1} data-state={rowState(item)} style={{ borderBottom: divider }}>
                {columns.map((column, c) => (
                  <td
                    key={column.key}
                    role="gridcell"
                    aria-colindex={c + 1}
                    data-cell={`${r}:${c}`}
                    tabIndex={column.interactive ? undefined : stop(r, c)}
                    className={cellClass(column, compact && item.outcome.kind === "failed" && column.key === "health" ? classes.wrap : "")}
                  >
                    {column.interactive ? (
                      <Link onClick={() => props.onOpen(item.row)} tabIndex={stop(r, c)} underline>
                        {item.row.name || t("list.noName")}
                      </Link>
                    ) : (
                      column.cell(item)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  function gridColumns(p: HealthGridProps): GridColumn[] {
    const health: GridColumn = {
      key: "health",
      header: t("list.column.health"),
      ariaSort: p.order === "scoreLow" ? "ascending" : p.order === "scoreHigh" ? "descending" : undefined,
      cell: (item) => <HealthCell item={item} t={t} format={format} compact={compact} />,
    };
    const trend: GridColumn = {
      key: "trend",
      header: t("list.column.trend"),
      cell: (item) => {
        if (item.outcome.kind !== "health" || item.outcome.health.status === "notApplicable") return null;
        const value = item.outcome.health.trend;
        return (
          <span className={classes.inline}>
            <span aria-hidden="true">{TREND_ARROWS[value]}</span>
            <span className={compact ? visuallyHidden : undefined}>{t(`health.trend.${value}`)}</span>
          </span>
        );
      },
    };
    const name: GridColumn = {
      key: "name",
      header: t("list.column.name"),
      interactive: true,
      cell: () => null,
      className: compact ? classes.compactName : undefined,
    };
    if (compact) return [name, health, trend];
    return [
      name,
      health,
      trend,
      { key: "factor", header: t("list.column.factor"), cell: (item) => <FactorCell item={item} t={t} /> },
      {
        key: "lastAnswer",
        header: t("list.column.lastAnswer"),
        cell: (item) => {
          if (item.outcome.kind !== "health") return null;
          const days = daysSinceAnswer(item.outcome.health, now);
          return days === null ? t("list.noAnswer") : <span className={classes.number}>{format.number(days)}</span>;
        },
      },
      {
        key: "next",
        header: t("list.column.next"),
        cell: (item) => (item.outcome.kind === "health" ? describeActivity(item.outcome.health.next, t, format) : null),
      },
      ...p.viewColumns.map(
        (column): GridColumn => ({
          key: `view:${column.name}`,
          header: column.label,
          sortBy: column.sortable ? column.name : undefined,
          ariaSort: column.sorted ?? undefined,
          cell: (item) => item.row.cells[column.name] ?? "",
        }),
      ),
    ];
  }
}

function focusTarget(grid: HTMLElement | null, [row, column]: Position): HTMLElement | null {
  const cell = grid?.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
  return cell?.querySelector<HTMLElement>("button, a") ?? cell ?? null;
}

function rowState(item: ListItem): string {
  if (item.outcome.kind !== "health") return item.outcome.kind;
  return item.outcome.health.status;
}

function HealthCell(props: { item: ListItem; t: Translate; format: Formatter; compact: boolean }): React.ReactElement {
  const { item, t } = props;
  const score = scored(item);
  if (score) {
    return (
      <span className={classes.inline}>
        <GradeMark grade={score.grade} />
        <span className={classes.number}>{t("list.score", { score: props.format.number(score.score), grade: t(`health.grade.${score.grade}`) })}</span>
      </span>
    );
  }
  switch (item.outcome.kind) {
    case "loading":
      return <span>{t("list.scoring")}</span>;
    case "failed":
      // On a phone the reason has no column of its own, so it is said here.
      return <span>{props.compact ? t("list.failed", { reason: failureReason(t, item.outcome.failure) }) : t("list.noScore")}</span>;
    case "health":
      return <span>{t(item.outcome.health.status === "notApplicable" ? "health.status.notApplicable" : "health.status.notEnoughInfo")}</span>;
  }
}

/** The one factor that moved the score most, or why there is no score. */
function FactorCell(props: { item: ListItem; t: Translate }): React.ReactElement | null {
  const { item, t } = props;
  switch (item.outcome.kind) {
    case "loading":
      return null;
    case "failed":
      return <span>{t("list.failed", { reason: failureReason(t, item.outcome.failure) })}</span>;
    case "health": {
      const { health } = item.outcome;
      const top = health.status === "scored" ? health.factors[0] : undefined;
      if (top) {
        const raises = top.impact >= 0;
        return (
          <span>
            <span aria-hidden="true" className={classes.sign}>
              {raises ? "+" : "−"}
            </span>
            <span className={visuallyHidden}>{t(raises ? "health.factor.raises" : "health.factor.lowers")} </span>
            {message(t, top.message)}
          </span>
        );
      }
      return health.reason ? <span>{message(t, health.reason)}</span> : null;
    }
  }
}

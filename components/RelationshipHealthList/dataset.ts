/**
 * Reads the PCF dataset (the maker's view or subgrid) into plain rows and columns, so the view
 * never touches the host's objects.
 */
import { normalizeGuid } from "../../shared/analytics/ids";
import { RECORD_TYPES, type RecordType } from "../../shared/model";

type DataSet = ComponentFramework.PropertyTypes.DataSet;

/** A column of the maker's view, shown beside the health columns. */
export interface ViewColumn {
  name: string;
  label: string;
  /** How the view sorts by it now, if it does. */
  sorted: "ascending" | "descending" | null;
  sortable: boolean;
}

export interface ListRow {
  /** The dataset's own id, to open the record. */
  key: string;
  /** Lower-case GUID, or null when the host gave no usable id (the row says so instead of a score). */
  id: string | null;
  name: string;
  /** Formatted values of the view's columns, by column name. */
  cells: Record<string, string>;
}

export interface DatasetPage {
  /** The table's logical name, as the host gives it. */
  table: string;
  recordType: RecordType | null;
  rows: ListRow[];
  columns: ViewColumn[];
  loading: boolean;
  /** The host could not read the view itself. */
  failed: boolean;
  /** Records in the whole view, or null when the host does not know. */
  total: number | null;
  hasNextPage: boolean;
}

/** The smallest and largest page a maker may set; 250 is what one health query batch is sized for. */
export const PAGE_SIZE_LIMITS = { min: 5, max: 250, fallback: 50 } as const;

export function pageSize(raw: number | null | undefined): number {
  if (typeof raw !== "number" || !Number.isFinite(raw)) return PAGE_SIZE_LIMITS.fallback;
  return Math.min(PAGE_SIZE_LIMITS.max, Math.max(PAGE_SIZE_LIMITS.min, Math.round(raw)));
}

function asRecordType(table: string): RecordType | null {
  const lower = table.trim().toLowerCase();
  return (RECORD_TYPES as readonly string[]).includes(lower) ? (lower as RecordType) : null;
}

export function readDataset(dataset: DataSet): DatasetPage {
  const table = dataset.getTargetEntityType();
  const sortedBy = new Map(dataset.sorting.map((sort) => [sort.name, sort.sortDirection]));
  const visible = dataset.columns.filter((column) => column.isHidden !== true).sort((a, b) => a.order - b.order);
  const primary = visible.find((column) => column.isPrimary === true);
  const columns: ViewColumn[] = visible
    .filter((column) => column !== primary)
    .map((column) => {
      const direction = sortedBy.get(column.name);
      return {
        name: column.name,
        label: column.displayName,
        sorted: direction === 0 ? "ascending" : direction === 1 ? "descending" : null,
        sortable: column.disableSorting !== true,
      };
    });
  const rows = dataset.sortedRecordIds.flatMap((key): ListRow[] => {
    const record = dataset.records[key];
    if (!record) return [];
    const name = (primary ? record.getFormattedValue(primary.name) : "") || record.getNamedReference()?.name || "";
    return [
      {
        key,
        id: normalizeGuid(record.getRecordId()),
        name,
        cells: Object.fromEntries(columns.map((column) => [column.name, record.getFormattedValue(column.name) ?? ""])),
      },
    ];
  });
  const total = dataset.paging.totalResultCount;
  return {
    table,
    recordType: asRecordType(table),
    rows,
    columns,
    loading: dataset.loading,
    failed: dataset.error,
    total: total >= 0 ? total : null,
    hasNextPage: dataset.paging.hasNextPage,
  };
}

/** Sorts the view by one of its columns, server-side: ascending first, then the other way. */
export function sortByColumn(dataset: DataSet, name: string): void {
  const current = dataset.sorting.find((sort) => sort.name === name)?.sortDirection;
  const next: ComponentFramework.PropertyHelper.DataSetApi.Types.SortDirection = current === 0 ? 1 : 0;
  dataset.sorting.splice(0, dataset.sorting.length, { name, sortDirection: next });
  dataset.refresh();
}

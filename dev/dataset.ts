/**
 * A view of a table in the stand-in's store, as the host hands a dataset control its records:
 * ids in braces and upper case, formatted values, the view's columns and sorting, paging that adds
 * the next page to the records (loadNextPage), and openDatasetItem. Dev-only, browser-safe: the
 * playground hosts the health list on it. Active records of the table, in the view's sort order.
 */
import { TABLES } from "./dataverse/schema";
import type { DataverseStore } from "./dataverse/store";

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityReference = ComponentFramework.EntityReference;
type SortStatus = ComponentFramework.PropertyHelper.DataSetApi.SortStatus;

interface ViewColumnSpec {
  name: string;
  displayName: string;
  dataType: string;
}

/** Each table's view columns; the first is the primary name column. */
export const VIEW_COLUMNS: Record<string, ViewColumnSpec[]> = {
  contact: [
    { name: "fullname", displayName: "Full Name", dataType: "SingleLine.Text" },
    { name: "jobtitle", displayName: "Job Title", dataType: "SingleLine.Text" },
    { name: "emailaddress1", displayName: "Email", dataType: "SingleLine.Email" },
  ],
  lead: [
    { name: "fullname", displayName: "Name", dataType: "SingleLine.Text" },
    { name: "companyname", displayName: "Company Name", dataType: "SingleLine.Text" },
  ],
  opportunity: [
    { name: "name", displayName: "Topic", dataType: "SingleLine.Text" },
    { name: "estimatedvalue", displayName: "Est. Revenue", dataType: "Currency" },
    { name: "estimatedclosedate", displayName: "Est. Close Date", dataType: "DateAndTime.DateOnly" },
  ],
  account: [
    { name: "name", displayName: "Account Name", dataType: "SingleLine.Text" },
    { name: "telephone1", displayName: "Main Phone", dataType: "SingleLine.Phone" },
  ],
};

export interface ViewDatasetOptions {
  table: string;
  pageSize?: number;
  /** Called after refresh, a page change or a sort: the host then calls updateView. */
  onChange: () => void;
  onOpen: (reference: EntityReference) => void;
}

function formatted(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return value.toLocaleString("en-US");
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function createViewDataset(store: DataverseStore, options: ViewDatasetOptions): DataSet {
  const { table } = options;
  const specs = VIEW_COLUMNS[table] ?? [{ name: "name", displayName: "Name", dataType: "SingleLine.Text" }];
  const primaryId = `${table}id`;
  const sorting: SortStatus[] = [];
  let pageSize = options.pageSize ?? 50;
  let pages = 1;

  // The stand-in holds only the tables we read: a view of any other table is empty here.
  const active = () => (TABLES.has(table) ? [...store.scan(table)].filter((row) => row.statecode === undefined || row.statecode === 0) : []);
  const sorted = () => {
    const rows = active();
    const [sort] = sorting;
    if (!sort) return rows;
    const sign = sort.sortDirection === 1 ? -1 : 1;
    const key = (row: Record<string, unknown>) => {
      const value = row[sort.name];
      return value instanceof Date ? value.getTime() : value ?? "";
    };
    return rows.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -sign : x > y ? sign : 0;
    });
  };

  const dataset = {
    columns: specs.map((spec, order) => ({ ...spec, alias: spec.name, order, visualSizeFactor: 1, isPrimary: order === 0 })),
    error: false,
    errorMessage: "",
    loading: false,
    sortedRecordIds: [] as string[],
    records: {} as Record<string, unknown>,
    sorting,
    filtering: { getFilter: () => null, setFilter: () => undefined, clearFilter: () => undefined },
    linking: { getLinkedEntities: () => [], addLinkedEntity: () => undefined },
    paging: {
      totalResultCount: 0,
      hasNextPage: false,
      hasPreviousPage: false,
      firstPageNumber: 1,
      lastPageNumber: 1,
      get pageSize() {
        return pageSize;
      },
      setPageSize: (size: number) => void (pageSize = size),
      loadNextPage: () => {
        pages += 1;
        load();
      },
      loadPreviousPage: () => undefined,
      loadExactPage: (page: number) => {
        pages = page;
        load();
      },
      reset: () => {
        pages = 1;
        load();
      },
    },
    getTargetEntityType: () => table,
    getTitle: () => `Active ${table} records`,
    openDatasetItem: (reference: EntityReference) => options.onOpen(reference),
    refresh: () => {
      pages = 1;
      load();
    },
    clearSelectedRecordIds: () => undefined,
    getSelectedRecordIds: () => [],
    setSelectedRecordIds: () => undefined,
  };

  function read(): void {
    const all = sorted();
    const shown = all.slice(0, pages * pageSize);
    dataset.sortedRecordIds = [];
    dataset.records = {};
    for (const row of shown) {
      const key = `{${String(row[primaryId]).toUpperCase()}}`;
      const name = formatted(row[specs[0].name]);
      const reference = { id: { guid: key }, name, etn: table };
      dataset.sortedRecordIds.push(key);
      dataset.records[key] = {
        getRecordId: () => key,
        getFormattedValue: (column: string) => formatted(row[column]),
        getValue: (column: string) => row[column] ?? null,
        getNamedReference: () => reference,
      };
    }
    dataset.paging.totalResultCount = all.length;
    dataset.paging.hasNextPage = shown.length < all.length;
    dataset.paging.lastPageNumber = Math.max(1, Math.ceil(all.length / pageSize));
  }

  function load(): void {
    read();
    options.onChange();
  }

  read();
  return dataset as unknown as DataSet;
}

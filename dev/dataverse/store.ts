/**
 * In-memory tables. Rows hold every column of their table (null when unset). Lookup and
 * flagged columns are hash-indexed so joins and party lookups stay fast on 100,000 activities.
 */

import { TABLES, TableDef, columnDef, storageTable, tableDef } from "./schema";
import { Row, Value, normalizeGuid, storeValue } from "./values";

export interface StoreOptions {
  /** The store's "now", for createdon/modifiedon. */
  clock?: () => Date;
  /** Ids for new rows; the default counts up, so runs are reproducible. */
  newId?: () => string;
}

type ColumnIndex = Map<Value, Row[]>;

/** Every column set to null: new rows are spread from it, so they share one object shape. */
const blankRows = new Map<TableDef, Row>();

function blankRow(def: TableDef): Row {
  let blank = blankRows.get(def);
  if (!blank) {
    blank = Object.fromEntries(Object.keys(def.columns).map((name) => [name, null]));
    blankRows.set(def, blank);
  }
  return blank;
}

export class DataverseStore {
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly indexes = new Map<string, Map<string, ColumnIndex>>();
  readonly clock: () => Date;
  readonly newId: () => string;

  constructor(options: StoreOptions = {}) {
    let counter = 0;
    this.clock = options.clock ?? (() => new Date(0));
    this.newId =
      options.newId ?? (() => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, "0")}`);
    for (const def of TABLES.values()) {
      if (def.viewOf) continue;
      this.tables.set(def.name, new Map());
      const indexed = new Map<string, ColumnIndex>();
      for (const [name, column] of Object.entries(def.columns)) {
        if (column.kind === "lookup" || column.indexed) indexed.set(name, new Map());
      }
      this.indexes.set(def.name, indexed);
    }
  }

  /** Adds a row; unknown columns throw. Views (email, task, ...) set activitytypecode. Returns the id. */
  insert(table: string, values: Record<string, unknown>): string {
    const def = tableDef(table);
    const row: Row = { ...blankRow(def) };
    for (const name in values) row[name] = storeValue(columnDef(def, name), values[name]);
    if (def.viewOf) row.activitytypecode = def.viewOf.activityType;
    row[def.primaryKey] ??= this.newId();
    if ("createdon" in def.columns) row.createdon ??= storeValue(def.columns.createdon, this.clock());
    if ("modifiedon" in def.columns) row.modifiedon ??= row.createdon;
    const rows = this.rowsOf(def);
    const id = row[def.primaryKey] as string;
    if (rows.has(id)) throw new Error(`Stand-in: duplicate ${def.name} id ${id}`);
    rows.set(id, row);
    this.indexRow(def, row, "add");
    return id;
  }

  get(table: string, id: string): Row | undefined {
    const def = tableDef(table);
    const row = this.rowsOf(def).get(normalizeGuid(id));
    return row && this.inView(def, row) ? row : undefined;
  }

  /** All rows of a table (or view). */
  scan(table: string): Iterable<Row> {
    const def = tableDef(table);
    if (def.viewOf) return this.lookup(def.viewOf.table, "activitytypecode", def.viewOf.activityType);
    return this.rowsOf(def).values();
  }

  count(table: string): number {
    const def = tableDef(table);
    return def.viewOf ? this.lookup(table, "activitytypecode", def.viewOf.activityType).length : this.rowsOf(def).size;
  }

  isIndexed(table: string, column: string): boolean {
    return this.indexes.get(storageTable(tableDef(table)))?.has(column) ?? false;
  }

  /** Rows whose indexed column equals a stored value. */
  lookup(table: string, column: string, value: Value): Row[] {
    const def = tableDef(table);
    const index = this.indexes.get(storageTable(def))?.get(column);
    if (!index) throw new Error(`Stand-in: ${table}.${column} is not indexed`);
    const rows = index.get(value) ?? [];
    return def.viewOf ? rows.filter((row) => this.inView(def, row)) : rows;
  }

  update(table: string, id: string, values: Record<string, unknown>): Row | undefined {
    const def = tableDef(table);
    const row = this.get(table, id);
    if (!row) return undefined;
    const patch: Row = {};
    for (const [name, value] of Object.entries(values)) {
      if (name === def.primaryKey) throw new Error(`Stand-in: the primary key of ${table} cannot change`);
      patch[name] = storeValue(columnDef(def, name), value);
    }
    if ("modifiedon" in def.columns) patch.modifiedon = storeValue(def.columns.modifiedon, this.clock());
    this.indexRow(def, row, "remove");
    Object.assign(row, patch);
    this.indexRow(def, row, "add");
    return row;
  }

  remove(table: string, id: string): boolean {
    const def = tableDef(table);
    const row = this.get(table, id);
    if (!row) return false;
    this.indexRow(def, row, "remove");
    this.rowsOf(def).delete(row[def.primaryKey] as string);
    return true;
  }

  private rowsOf(def: TableDef): Map<string, Row> {
    return this.tables.get(storageTable(def)) as Map<string, Row>;
  }

  private inView(def: TableDef, row: Row): boolean {
    return !def.viewOf || row.activitytypecode === def.viewOf.activityType;
  }

  private indexRow(def: TableDef, row: Row, change: "add" | "remove"): void {
    const indexed = this.indexes.get(storageTable(def)) as Map<string, ColumnIndex>;
    for (const [column, index] of indexed) {
      const value = row[column];
      if (value === null) continue;
      const bucket = index.get(value);
      if (change === "add") {
        if (bucket) bucket.push(row);
        else index.set(value, [row]);
      } else if (bucket) {
        const at = bucket.indexOf(row);
        if (at >= 0) bucket.splice(at, 1);
      }
    }
  }
}

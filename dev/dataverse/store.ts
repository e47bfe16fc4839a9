/**
 * In-memory tables. Rows hold only the columns that were set (absent = null), so tables can carry
 * every published column at no cost. Lookups and GUID columns are hash-indexed so joins and party
 * lookups stay fast on 100,000 activities.
 */

import { TABLES, TableDef, hasColumn, standInError, storageTable, storedColumn, tableDef } from "./schema";
import { Row, Value, cell, normalizeGuid, storeValue } from "./values";

export interface StoreOptions {
  /** The store's "now", for createdon/modifiedon. */
  clock?: () => Date;
  /** Ids for new rows; the default counts up, so runs are reproducible. */
  newId?: () => string;
}

type ColumnIndex = Map<Value, Row[]>;

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
        if (column.indexed) indexed.set(name, new Map());
      }
      this.indexes.set(def.name, indexed);
    }
  }

  /**
   * Adds a row the way the platform itself would (server-side sync, solution import): any published
   * column of the table, and for an activity any of activitypointer's too. Unpublished columns and
   * a statuscode outside its statecode throw. Activities set activitytypecode. Returns the id.
   */
  insert(table: string, values: Record<string, unknown>): string {
    const def = tableDef(table);
    const row: Row = {};
    for (const name in values) {
      const value = storeValue(this.column(def, name), values[name]);
      if (value !== null) row[name] = value;
    }
    if (def.viewOf) row.activitytypecode = def.viewOf.activityType;
    row[def.primaryKey] ??= this.newId();
    if (hasColumn(def, "createdon")) row.createdon ??= storeValue(def.columns.createdon, this.clock());
    if (hasColumn(def, "modifiedon") && row.createdon !== undefined) row.modifiedon ??= row.createdon;
    checkStatus(def, row);
    const rows = this.rowsOf(def);
    const id = row[def.primaryKey] as string;
    if (rows.has(id)) throw standInError(`duplicate ${def.name} id ${id}`);
    rows.set(id, row);
    this.indexRow(def, row, "add");
    return id;
  }

  get(table: string, id: string): Row | undefined {
    const def = tableDef(table);
    const row = this.rowsOf(def).get(normalizeGuid(id));
    return row && this.inView(def, row) ? row : undefined;
  }

  /** All rows of a table (or activity type). */
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
    if (!index) throw standInError(`${table}.${column} is not indexed`);
    const rows = index.get(value) ?? [];
    return def.viewOf ? rows.filter((row) => this.inView(def, row)) : rows;
  }

  update(table: string, id: string, values: Record<string, unknown>): Row | undefined {
    const def = tableDef(table);
    const row = this.get(table, id);
    if (!row) return undefined;
    const patch: Row = {};
    for (const [name, value] of Object.entries(values)) {
      if (name === def.primaryKey) throw standInError(`the primary key of ${table} cannot change`);
      patch[name] = storeValue(this.column(def, name), value);
    }
    if (hasColumn(def, "modifiedon")) patch.modifiedon = storeValue(def.columns.modifiedon, this.clock());
    checkStatus(def, { ...row, ...patch });
    this.indexRow(def, row, "remove");
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) delete row[name];
      else row[name] = value;
    }
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

  private column(def: TableDef, name: string) {
    const column = storedColumn(def, name);
    if (!column) throw standInError(`'${name}' is not a published column of ${def.name}`);
    return column;
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
      const value = cell(row, column);
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

/** A statuscode must belong to the row's statecode, as the table's status options say. */
function checkStatus(def: TableDef, row: Row): void {
  const states = storedColumn(def, "statuscode")?.states;
  const status = cell(row, "statuscode");
  const state = cell(row, "statecode");
  if (!states || status === null || state === null) return;
  if (states[status as number] !== state) {
    throw standInError(`${def.name} statuscode ${String(status)} does not belong to statecode ${String(state)}`);
  }
}

/** How the stand-in stores values: GUIDs lower-case without braces, dates as Dataverse's UTC ISO strings. */

import { ACTIVITY_TYPES, ColumnDef, OBJECT_TYPE_CODES, TABLES, standInError } from "./schema";

export type Value = string | number | boolean | null;
/** Rows hold only the columns that were set: an absent column is null. */
export type Row = Record<string, Value>;

export function cell(row: Row, column: string): Value {
  return row[column] ?? null;
}

/** A value for an error message. */
function shown(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "undefined";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normalizeGuid(value: unknown): string {
  if (typeof value === "string" && GUID.test(value)) return value;
  const text = shown(value).trim().replace(/^\{|\}$/g, "").toLowerCase();
  if (!GUID.test(text)) throw standInError(`'${shown(value)}' is not a GUID`);
  return text;
}

/** Dataverse keeps datetimes to the second and returns them as "YYYY-MM-DDTHH:mm:ssZ". */
export function toDataverseDate(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw standInError(`'${shown(value)}' is not a date`);
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function tableForTypeCode(value: unknown): string {
  if (typeof value === "number" || /^\d+$/.test(shown(value))) {
    const code = Number(value);
    const table = Object.keys(OBJECT_TYPE_CODES).find((name) => OBJECT_TYPE_CODES[name] === code);
    if (!table) throw standInError(`unknown object type code ${code}`);
    return table;
  }
  const name = shown(value).toLowerCase();
  if (!TABLES.has(name)) throw standInError(`unknown table '${name}'`);
  return name;
}

/** Turns a written value into its stored form; refuses values that do not fit the column. */
export function storeValue(column: ColumnDef, value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "id":
    case "guid":
    case "lookup":
      return normalizeGuid(value);
    case "date":
      return toDataverseDate(value as Date | string);
    case "int":
    case "number":
    case "option": {
      const n = Number(value);
      if (!Number.isFinite(n)) throw standInError(`'${shown(value)}' is not a number`);
      if (column.options && !column.options.has(n)) throw standInError(`${n} is not a published value of this choice column`);
      return n;
    }
    case "bool":
      if (typeof value !== "boolean") throw standInError(`'${shown(value)}' is not a boolean`);
      return value;
    case "typecode":
      return tableForTypeCode(value);
    case "activitytype": {
      const type = shown(value).toLowerCase();
      if (!(ACTIVITY_TYPES as readonly string[]).includes(type)) throw standInError(`unsupported activity type '${type}'`);
      return type;
    }
    case "string":
      if (typeof value !== "string") throw standInError(`'${shown(value)}' is not text`);
      return value;
    case "opaque":
      throw standInError("party lists, files and images are not stored");
  }
}

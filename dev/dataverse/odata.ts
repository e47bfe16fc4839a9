/**
 * The small OData subset the data layer uses for settings and lookups:
 * `?$select=a,b&$filter=<col> eq <literal> [and ...]&$top=N&$orderby=col [asc|desc]`.
 * Literals: 'text' ('' escapes a quote), GUIDs, numbers, true/false, null. Lookups are named
 * `_<name>_value`, as in the Web API. A property the entity type lacks (a lookup by its logical
 * name included) is refused with Dataverse's 0x80060888; other syntax throws as unsupported.
 */

import { ColumnDef, TableDef, hasColumn } from "./schema";
import { Row, Value, cell, normalizeGuid, storeValue } from "./values";
import { comparable } from "./fetchXml/conditions";
import { refuse, unknownPropertyFault } from "./faults";

export interface ODataQuery {
  select: string[] | null;
  filter: ODataClause[];
  top: number | null;
  orderBy: { column: string; descending: boolean }[];
}

export interface ODataClause {
  column: string;
  operator: "eq" | "ne";
  value: Value;
}

const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

function unsupported(what: string): Error {
  return new Error(`Stand-in: unsupported OData: ${what}`);
}

export function parseODataOptions(options: string | undefined, table: TableDef): ODataQuery {
  const query: ODataQuery = { select: null, filter: [], top: null, orderBy: [] };
  const text = (options ?? "").replace(/^\?/, "");
  if (text === "") return query;
  for (const part of text.split("&")) {
    const at = part.indexOf("=");
    const name = at < 0 ? part : part.slice(0, at);
    const value = decodeURIComponent(at < 0 ? "" : part.slice(at + 1).replace(/\+/g, " "));
    switch (name) {
      case "$select":
        query.select = value.split(",").map((column) => odataColumn(table, column.trim()));
        break;
      case "$filter":
        query.filter = parseFilter(value, table);
        break;
      case "$top":
        if (!/^\d+$/.test(value) || Number(value) < 1) throw unsupported(`$top=${value}`);
        query.top = Number(value);
        break;
      case "$orderby":
        query.orderBy = value.split(",").map((clause) => {
          const [column, direction, extra] = clause.trim().split(/\s+/);
          if (extra !== undefined || (direction !== undefined && direction !== "asc" && direction !== "desc")) {
            throw unsupported(`$orderby=${value}`);
          }
          return { column: odataColumn(table, column), descending: direction === "desc" };
        });
        break;
      case "$expand":
        for (const item of value.split(",")) {
          const navigation = item.trim().replace(/\(.*$/, "");
          if (!table.single.has(navigation) && !(navigation in table.collection)) refuse(unknownPropertyFault(table.name, navigation));
        }
        throw unsupported(`$expand=${value}`);
      default:
        throw unsupported(`query option ${name}`);
    }
  }
  return query;
}

/** Maps an OData property name to the column: `_x_value` for lookups, the logical name otherwise. */
export function odataColumn(table: TableDef, property: string): string {
  const lookup = /^_(.+)_value$/.exec(property);
  const name = lookup ? lookup[1] : property;
  if (!hasColumn(table, name) || (table.columns[name].kind === "lookup") !== Boolean(lookup)) {
    refuse(unknownPropertyFault(table.name, property));
  }
  if (table.columns[name].kind === "opaque") throw unsupported(`${property} (party lists, files and images)`);
  return name;
}

function parseFilter(text: string, table: TableDef): ODataClause[] {
  const tokens = tokenize(text);
  const clauses: ODataClause[] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const [property, operator, literal, joiner] = tokens.slice(i, i + 4);
    if (literal === undefined) throw unsupported(`$filter=${text}`);
    if (operator !== "eq" && operator !== "ne") throw unsupported(`operator '${operator}' in $filter`);
    if (joiner !== undefined && joiner !== "and") throw unsupported(`'${joiner}' in $filter (only and)`);
    if (joiner !== undefined && i + 4 >= tokens.length) throw unsupported(`$filter=${text}`);
    const column = odataColumn(table, property);
    clauses.push({ column, operator, value: literalValue(literal, table.columns[column]) });
  }
  return clauses;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*('(?:[^']|'')*'|[^\s()']+)\s*/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(text)) !== null) {
    tokens.push(match[1]);
    end = pattern.lastIndex;
  }
  if (end !== text.length) throw unsupported(`$filter=${text} (no parentheses or functions)`);
  return tokens;
}

function literalValue(literal: string, column: ColumnDef): Value {
  if (literal === "null") return null;
  if (literal.startsWith("'")) return storeValue(column, literal.slice(1, -1).replace(/''/g, "'"));
  if (literal === "true" || literal === "false") return storeValue(column, literal === "true");
  if (["id", "guid", "lookup"].includes(column.kind)) return normalizeGuid(literal);
  if (/^-?\d+(\.\d+)?$/.test(literal)) return storeValue(column, Number(literal));
  throw unsupported(`literal ${literal}`);
}

export function matchesOData(row: Row, query: ODataQuery, table: TableDef): boolean {
  return query.filter.every((clause) => {
    const column = table.columns[clause.column];
    const actual = comparable(column, cell(row, clause.column));
    const expected = comparable(column, clause.value);
    return clause.operator === "eq" ? actual === expected : actual !== expected;
  });
}

/** A row as the Web API returns it: selected columns (all when no $select), nulls included. */
export function odataEntity(row: Row, table: TableDef, select: string[] | null): Record<string, unknown> {
  const entity: Record<string, unknown> = { [table.primaryKey]: row[table.primaryKey] };
  const names = select ?? Object.keys(table.columns).filter((name) => table.columns[name].readable && table.columns[name].kind !== "opaque");
  for (const name of names) {
    const column = table.columns[name];
    const value = cell(row, name);
    if (column.kind !== "lookup") {
      entity[name] = value;
      continue;
    }
    const key = `_${name}_value`;
    entity[key] = value;
    if (value !== null) {
      entity[key + LOOKUP_TABLE] = column.typeColumn ? cell(row, column.typeColumn) : (column.targets as string[])[0];
    }
  }
  return entity;
}

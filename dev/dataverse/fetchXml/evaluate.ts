/**
 * Evaluates a parsed FetchXML query against the store. Joins are hash lookups (primary keys and
 * indexed lookups from the store, a one-off hash otherwise), never nested scans. A joined row is an
 * array with one slot per entity: root first, then link-entities in document order.
 *
 * Result shape follows the Dataverse Web API: null attributes are left out of non-aggregate rows;
 * aggregate rows carry every alias (null when empty). Date grouping is UTC.
 */

import { DataverseStore } from "../store";
import { ColumnDef, TableDef, columnDef, tableDef } from "../schema";
import { Row, Value } from "../values";
import { FaultSignal, aggregateLimitFault } from "../faults";
import { AttributeNode, EntityNode, FetchQuery, FilterNode, LinkNode, isCondition } from "./ast";
import { JoinedRow, Predicate, Resolver, comparable, compileFilter } from "./conditions";
import { dateGroupValue } from "./dates";
import { unsupported } from "./parse";

export type Entity = Record<string, unknown>;

export interface EvaluateOptions {
  aggregateLimit: number;
}

export interface FetchResult {
  entities: Entity[];
  /** More rows matched than one page holds (no `top` given). */
  moreRecords: boolean;
}

const PAGE_LIMIT = 5000;
const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const BOOLEAN_LABELS = ["No", "Yes"] as const;

interface Slot {
  node: EntityNode;
  def: TableDef;
  ordinal: number;
  /** Slot of the parent entity; -1 for the root. */
  parent: number;
  link: LinkNode | null;
}

export function tablesOf(query: FetchQuery): string[] {
  const tables: string[] = [];
  const visit = (node: EntityNode): void => {
    tables.push(node.table);
    node.links.forEach(visit);
  };
  visit(query.entity);
  return tables;
}

export function evaluateFetch(query: FetchQuery, store: DataverseStore, options: EvaluateOptions): FetchResult {
  const slots = flatten(query.entity);
  const rows = join(slots, store);
  if (query.aggregate) {
    if (rows.length > options.aggregateLimit) throw new FaultSignal(aggregateLimitFault());
    return page(aggregate(slots, rows), query);
  }
  return page(project(query, slots, rows), query);
}

function flatten(root: EntityNode): Slot[] {
  const slots: Slot[] = [];
  const aliases = new Set<string>();
  const visit = (node: EntityNode, parent: number, link: LinkNode | null): void => {
    const def = tableDef(node.table);
    if (node.alias) {
      if (aliases.has(node.alias)) throw unsupported(`duplicate alias '${node.alias}'`);
      aliases.add(node.alias);
    }
    if (link) {
      const parentDef = slots[parent].def;
      const joinable = (column: ColumnDef): boolean => ["id", "guid", "lookup"].includes(column.kind);
      if (!joinable(columnDef(def, link.from)) || !joinable(columnDef(parentDef, link.to))) {
        throw unsupported(`link-entity ${node.table} joins on non-GUID columns`);
      }
    }
    node.attributes.forEach((attribute) => columnDef(def, attribute.name));
    const ordinal = slots.length;
    slots.push({ node, def, ordinal, parent, link });
    node.links.forEach((child) => visit(child, ordinal, child));
  };
  visit(root, -1, null);
  return slots;
}

function join(slots: Slot[], store: DataverseStore): JoinedRow[] {
  const root = slots[0];
  const resolve = rootResolver(slots);
  const { early, late } = splitRootFilter(root.node.filter);
  const before = early ? compileFilter(early, resolve) : null;
  const after = late ? compileFilter(late, resolve) : null;
  let rows: JoinedRow[] = [];
  for (const row of candidates(root, store)) {
    const joined: JoinedRow = [row];
    if (!before || before(joined)) rows.push(joined);
  }
  for (const slot of slots.slice(1)) {
    const matches = linkMatcher(slot, store);
    const link = slot.link as LinkNode;
    const next: JoinedRow[] = [];
    for (const joined of rows) {
      const parent = joined[slot.parent];
      const found = parent ? matches(parent[link.to]) : [];
      if (found.length === 0) {
        if (link.linkType === "outer") next.push([...joined, null]);
      } else {
        for (const match of found) next.push([...joined, match]);
      }
    }
    rows = next;
  }
  return after ? rows.filter(after) : rows;
}

/**
 * Root conditions on the root's own columns run before joining; those naming a link-entity
 * (entityname) after. Only a top-level AND can be split that way.
 */
function splitRootFilter(filter: FilterNode | null): { early: FilterNode | null; late: FilterNode | null } {
  if (!filter || !mentionsEntityName(filter)) return { early: filter, late: null };
  if (filter.type === "or") return { early: null, late: filter };
  const mentions = (item: FilterNode["items"][number]): boolean =>
    isCondition(item) ? item.entityName !== null : mentionsEntityName(item);
  const own = filter.items.filter((item) => !mentions(item));
  return {
    early: own.length > 0 ? { type: "and", items: own } : null,
    late: { type: "and", items: filter.items.filter(mentions) },
  };
}

/** Root rows worth testing: an indexed `eq` in the root's top-level AND narrows them, else all. */
function candidates(root: Slot, store: DataverseStore): Iterable<Row> {
  const filter = root.node.filter;
  if (filter && filter.type === "and") {
    for (const item of filter.items) {
      if (!isCondition(item) || item.operator !== "eq" || item.entityName || item.values.length !== 1) continue;
      const column = columnDef(root.def, item.attribute);
      if (!["id", "guid", "lookup"].includes(column.kind)) continue;
      const value = item.values[0].trim().replace(/^\{|\}$/g, "").toLowerCase();
      if (item.attribute === root.def.primaryKey) {
        const row = store.get(root.def.name, value);
        return row ? [row] : [];
      }
      if (store.isIndexed(root.def.name, item.attribute)) return store.lookup(root.def.name, item.attribute, value);
    }
  }
  return store.scan(root.def.name);
}

function linkMatcher(slot: Slot, store: DataverseStore): (value: Value) => Row[] {
  const link = slot.link as LinkNode;
  const table = slot.def.name;
  const predicate: Predicate | null = link.filter ? compileFilter(link.filter, linkResolver(slot)) : null;
  const keep = (row: Row): boolean => !predicate || predicate([row]);
  if (link.from === slot.def.primaryKey) {
    return (value) => {
      const row = value === null ? undefined : store.get(table, value as string);
      return row && keep(row) ? [row] : [];
    };
  }
  if (store.isIndexed(table, link.from)) {
    return (value) => (value === null ? [] : store.lookup(table, link.from, value).filter(keep));
  }
  const hash = new Map<Value, Row[]>();
  for (const row of store.scan(table)) {
    const key = row[link.from];
    if (key === null || !keep(row)) continue;
    const bucket = hash.get(key);
    if (bucket) bucket.push(row);
    else hash.set(key, [row]);
  }
  return (value) => (value === null ? [] : hash.get(value) ?? []);
}

function rootResolver(slots: Slot[]): Resolver {
  return (entityName, attribute) => {
    const slot = entityName === null ? slots[0] : slots.find((s) => s.node.alias === entityName);
    if (!slot) throw unsupported(`condition entityname '${entityName}' names no link-entity alias`);
    return { ordinal: slot.ordinal, name: attribute, column: columnDef(slot.def, attribute) };
  };
}

/** Link filters run on the link's own rows before joining: slot 0 of a one-row array. */
function linkResolver(slot: Slot): Resolver {
  return (entityName, attribute) => {
    if (entityName !== null) throw unsupported("entityname inside a link-entity filter");
    return { ordinal: 0, name: attribute, column: columnDef(slot.def, attribute) };
  };
}

function mentionsEntityName(filter: FilterNode): boolean {
  return filter.items.some((item) => (isCondition(item) ? item.entityName !== null : mentionsEntityName(item)));
}

function lookupTarget(column: ColumnDef, row: Row): string {
  return column.typeColumn ? String(row[column.typeColumn]) : (column.targets as readonly string[])[0];
}

/** Writes one value the Web API way: lookups as GUID plus target table, booleans with a label. */
function emit(entity: Entity, key: string, column: ColumnDef, value: Value, row: Row): void {
  entity[key] = value;
  if (value === null) return;
  if (column.kind === "lookup") entity[key + LOOKUP_TABLE] = lookupTarget(column, row);
  if (column.kind === "bool") entity[key + FORMATTED] = (column.labels ?? BOOLEAN_LABELS)[value ? 1 : 0];
}

function project(query: FetchQuery, slots: Slot[], rows: JoinedRow[]): Entity[] {
  const fields = slots.flatMap((slot) =>
    slot.node.attributes.map((attribute) => {
      if (attribute.aggregate || attribute.groupBy || attribute.dateGrouping) {
        throw unsupported(`aggregate or groupby on ${attribute.name} without aggregate="true"`);
      }
      const column = columnDef(slot.def, attribute.name);
      const base = column.kind === "lookup" && slot.ordinal === 0 ? `_${attribute.name}_value` : attribute.name;
      const key = attribute.alias ?? (slot.ordinal === 0 ? base : `${slot.node.alias}.${attribute.name}`);
      return { slot: slot.ordinal, name: attribute.name, column, key };
    }),
  );
  const orders = slots.flatMap((slot) =>
    slot.node.orders.map((order) => {
      if (order.alias) throw unsupported("<order alias> outside an aggregate query");
      const name = order.attribute as string;
      return { slot: slot.ordinal, name, column: columnDef(slot.def, name), descending: order.descending };
    }),
  );
  const sorted = [...rows].sort((a, b) => {
    for (const order of orders) {
      const x = a[order.slot];
      const y = b[order.slot];
      const diff = compare(
        x ? comparable(order.column, x[order.name]) : null,
        y ? comparable(order.column, y[order.name]) : null,
      );
      if (diff !== 0) return order.descending ? -diff : diff;
    }
    return 0;
  });
  const rootKey = slots[0].def.primaryKey;
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const joined of sorted) {
    const entity: Entity = {};
    if (!query.distinct) entity[rootKey] = (joined[0] as Row)[rootKey];
    for (const field of fields) {
      const source = joined[field.slot];
      const value = source ? source[field.name] : null;
      if (value !== null) emit(entity, field.key, field.column, value, source as Row);
    }
    if (query.distinct) {
      const signature = JSON.stringify(entity);
      if (seen.has(signature)) continue;
      seen.add(signature);
    }
    entities.push(entity);
  }
  return entities;
}

interface AggregateField {
  attribute: AttributeNode;
  alias: string;
  slot: number;
  column: ColumnDef;
}

function aggregate(slots: Slot[], rows: JoinedRow[]): Entity[] {
  const fields: AggregateField[] = slots.flatMap((slot) =>
    slot.node.attributes.map((attribute) => checkAggregateAttribute(attribute, slot)),
  );
  const keys = fields.filter((field) => field.attribute.groupBy);
  const groups = new Map<string, JoinedRow[]>();
  if (keys.length === 0) groups.set("", rows);
  for (const joined of keys.length === 0 ? [] : rows) {
    const signature = JSON.stringify(keys.map((field) => groupValue(field, joined)));
    const group = groups.get(signature);
    if (group) group.push(joined);
    else groups.set(signature, [joined]);
  }
  const entities = [...groups.values()].map((group) => {
    const entity: Entity = {};
    for (const field of fields) {
      if (field.attribute.groupBy) {
        const source = group[0][field.slot];
        const value = groupValue(field, group[0]);
        if (field.attribute.dateGrouping) entity[field.alias] = value;
        else emit(entity, field.alias, field.column, value, source ?? {});
      } else {
        entity[field.alias] = aggregateValue(field, group);
      }
    }
    return entity;
  });
  const orders = slots.flatMap((slot) =>
    slot.node.orders.map((order) => {
      if (!order.alias) throw unsupported("<order attribute> in an aggregate query (order by alias)");
      if (!fields.some((field) => field.alias === order.alias)) throw unsupported(`order by unknown alias '${order.alias}'`);
      return { alias: order.alias, descending: order.descending };
    }),
  );
  return entities.sort((a, b) => {
    for (const order of orders) {
      const diff = compare(a[order.alias] as Value, b[order.alias] as Value);
      if (diff !== 0) return order.descending ? -diff : diff;
    }
    return 0;
  });
}

function checkAggregateAttribute(attribute: AttributeNode, slot: Slot): AggregateField {
  const column = columnDef(slot.def, attribute.name);
  const what = `attribute ${attribute.name}`;
  if (!attribute.alias) throw unsupported(`${what} needs an alias in an aggregate query`);
  if (attribute.groupBy === (attribute.aggregate !== null)) {
    throw unsupported(`${what} needs exactly one of groupby="true" or aggregate in an aggregate query`);
  }
  if (attribute.dateGrouping && column.kind !== "date") throw unsupported(`dategrouping on non-date ${what}`);
  if (attribute.distinct && attribute.aggregate !== "countcolumn") throw unsupported(`distinct on ${what} outside countcolumn`);
  const numeric = column.kind === "int" || column.kind === "option";
  if ((attribute.aggregate === "sum" || attribute.aggregate === "avg") && !numeric) {
    throw unsupported(`${attribute.aggregate} of non-numeric ${what}`);
  }
  if ((attribute.aggregate === "min" || attribute.aggregate === "max") && !numeric && column.kind !== "date") {
    throw unsupported(`${attribute.aggregate} of ${what} (numbers and dates only)`);
  }
  return { attribute, alias: attribute.alias, slot: slot.ordinal, column };
}

function groupValue(field: AggregateField, joined: JoinedRow): Value {
  const source = joined[field.slot];
  const value = source ? source[field.attribute.name] : null;
  if (value === null || !field.attribute.dateGrouping) return value;
  return dateGroupValue(value as string, field.attribute.dateGrouping);
}

function aggregateValue(field: AggregateField, group: JoinedRow[]): Value {
  if (field.attribute.aggregate === "count") return group.length;
  const values: Value[] = [];
  for (const joined of group) {
    const source = joined[field.slot];
    const value = source ? source[field.attribute.name] : null;
    if (value !== null) values.push(value);
  }
  switch (field.attribute.aggregate) {
    case "countcolumn":
      return field.attribute.distinct
        ? new Set(values.map((value) => comparable(field.column, value))).size
        : values.length;
    case "sum":
      return values.length === 0 ? null : (values as number[]).reduce((a, b) => a + b, 0);
    case "avg":
      return values.length === 0 ? null : (values as number[]).reduce((a, b) => a + b, 0) / values.length;
    case "min":
    case "max": {
      if (values.length === 0) return null;
      const pick = field.attribute.aggregate === "min" ? -1 : 1;
      return values.reduce((best, value) =>
        compare(comparable(field.column, value), comparable(field.column, best)) * pick > 0 ? value : best,
      );
    }
    default:
      throw unsupported(`aggregate ${String(field.attribute.aggregate)}`);
  }
}

/** SQL Server order: nulls first when ascending. */
function compare(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function page(entities: Entity[], query: FetchQuery): FetchResult {
  const limit = Math.min(query.top ?? query.count ?? PAGE_LIMIT, PAGE_LIMIT);
  return { entities: entities.slice(0, limit), moreRecords: query.top === null && entities.length > limit };
}

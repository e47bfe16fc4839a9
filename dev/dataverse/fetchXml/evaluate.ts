/**
 * Evaluates a parsed FetchXML query against the store. Joins are hash lookups (primary keys and
 * indexed lookups from the store, a one-off hash otherwise), never nested scans. A joined row is an
 * array with one slot per inner/outer link: root first, then link-entities in document order.
 * exists/in links and the any/not any filter links never add slots or multiply rows: they only
 * keep or drop the row they belong to.
 *
 * Result shape follows the Dataverse Web API: a null is no property at all, in plain and aggregate
 * rows; link-entity columns are `<alias>.<column>` (or `<alias>_x002e_<column>`) in plain rows and
 * their alias in aggregate rows; date groups are numbers, in the user's time zone unless the
 * attribute says usertimezone="false".
 */

import { DataverseStore } from "../store";
import { ColumnDef, TableDef, hasColumn, tableDef } from "../schema";
import { Row, Value, cell } from "../values";
import { AggregateLimitMessage, aggregateLimitFault, refuse, unknownAttributeFault } from "../faults";
import { AttributeNode, EntityNode, FetchQuery, FilterNode, LinkNode, isCondition, isFilterLink } from "./ast";
import { FilterContext, JoinedRow, Predicate, Resolver, comparable, compileFilter } from "./conditions";
import { dateGroupValue } from "./dates";
import { unsupported } from "./parse";

export type Entity = Record<string, unknown>;

/** How plain rows name link-entity columns; the docs show the dot, raw Web API JSON may escape it. */
export type LinkedColumnNames = "dotted" | "escaped";

export interface EvaluateOptions {
  aggregateLimit: number;
  aggregateMessage: AggregateLimitMessage;
  timeZone: string;
  linkedColumnNames: LinkedColumnNames;
}

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

/** An exists/in link: keeps rows whose `parent` slot has a match. */
interface SemiJoin {
  parent: number;
  link: LinkNode;
}

/** Every table a query reads, filter and exists links included (privilege checks). */
export function tablesOf(query: FetchQuery): string[] {
  const tables: string[] = [];
  const visitFilter = (filter: FilterNode | null): void => {
    for (const item of filter?.items ?? []) {
      if (isFilterLink(item)) visit(item);
      else if (!isCondition(item)) visitFilter(item);
    }
  };
  const visit = (node: EntityNode): void => {
    tables.push(node.table);
    visitFilter(node.filter);
    node.links.forEach(visit);
  };
  visit(query.entity);
  return tables;
}

/** A column the table publishes, or Dataverse's refusal naming it. */
export function publishedColumn(def: TableDef, name: string): ColumnDef {
  if (!hasColumn(def, name)) refuse(unknownAttributeFault(def.name, name));
  const column = def.columns[name];
  if (!column.readable) throw unsupported(`${def.name}.${name} is not valid for read`);
  return column;
}

export function evaluateFetch(query: FetchQuery, store: DataverseStore, options: EvaluateOptions): Entity[] {
  const evaluation = new Evaluation(store, options);
  const { slots, semi } = evaluation.flatten(query.entity);
  const rows = evaluation.join(slots, semi);
  if (query.aggregate) {
    const limit = Math.min(options.aggregateLimit, query.aggregateLimit ?? Infinity);
    if (rows.length > limit) refuse(aggregateLimitFault(options.aggregateMessage));
    return evaluation.aggregate(slots, rows);
  }
  return evaluation.project(query, slots, rows);
}

interface CompiledLink {
  lookup: (value: Value) => Row[];
  keep: (row: Row) => boolean;
}

class Evaluation {
  private readonly compiled = new Map<LinkNode, CompiledLink>();

  constructor(
    private readonly store: DataverseStore,
    private readonly options: EvaluateOptions,
  ) {}

  flatten(root: EntityNode): { slots: Slot[]; semi: SemiJoin[] } {
    const slots: Slot[] = [];
    const semi: SemiJoin[] = [];
    const aliases = new Set<string>();
    const visit = (node: EntityNode, parent: number, link: LinkNode | null): void => {
      const def = tableDef(node.table);
      if (node.alias) {
        if (aliases.has(node.alias)) throw unsupported(`duplicate alias '${node.alias}'`);
        aliases.add(node.alias);
      }
      if (link) checkJoin(link, def, slots[parent].def);
      node.attributes.forEach((attribute) => publishedColumn(def, attribute.name));
      const ordinal = slots.length;
      slots.push({ node, def, ordinal, parent, link });
      for (const child of node.links) {
        if (child.linkType === "exists" || child.linkType === "in") {
          checkJoin(child, tableDef(child.table), def);
          semi.push({ parent: ordinal, link: child });
        } else visit(child, ordinal, child);
      }
    };
    visit(root, -1, null);
    return { slots, semi };
  }

  join(slots: Slot[], semi: SemiJoin[]): JoinedRow[] {
    const root = slots[0];
    const context = this.context(rootResolver(slots), 0);
    const { early, late } = splitRootFilter(root.node.filter);
    const before = early ? compileFilter(early, context) : null;
    const after = late ? compileFilter(late, context) : null;
    let rows: JoinedRow[] = [];
    for (const row of candidates(root, this.store)) {
      const joined: JoinedRow = [row];
      if (!before || before(joined)) rows.push(joined);
    }
    for (const slot of slots.slice(1)) {
      const link = slot.link as LinkNode;
      const compiled = this.compile(link);
      const next: JoinedRow[] = [];
      for (const joined of rows) {
        const parent = joined[slot.parent];
        const found = parent ? compiled.lookup(cell(parent, link.to)).filter(compiled.keep) : [];
        if (found.length === 0) {
          if (link.linkType === "outer") next.push([...joined, null]);
        } else {
          for (const match of found) next.push([...joined, match]);
        }
      }
      rows = next;
    }
    for (const { parent, link } of semi) {
      rows = rows.filter((joined) => {
        const row = joined[parent];
        return row !== null && this.matches(link, row);
      });
    }
    return after ? rows.filter(after) : rows;
  }

  /** Whether a parent row has a linked row that passes the link's filter and its required nested links. */
  matches(link: LinkNode, parent: Row): boolean {
    const compiled = this.compile(link);
    return compiled
      .lookup(cell(parent, link.to))
      .some((row) => compiled.keep(row) && link.links.every((child) => child.linkType === "outer" || this.matches(child, row)));
  }

  private context(resolve: Resolver, anchor: number): FilterContext {
    return { resolve, anchor, timeZone: this.options.timeZone, matches: (link, parent) => this.matches(link, parent) };
  }

  /** A link's row source (by its `from` column) and its own filter, compiled once. */
  private compile(link: LinkNode): CompiledLink {
    const cached = this.compiled.get(link);
    if (cached) return cached;
    const def = tableDef(link.table);
    publishedColumn(def, link.from);
    const predicate: Predicate | null = link.filter ? compileFilter(link.filter, this.context(linkResolver(def), 0)) : null;
    const keep = (row: Row): boolean => !predicate || predicate([row]);
    const store = this.store;
    let lookup: (value: Value) => Row[];
    if (link.from === def.primaryKey) {
      lookup = (value) => {
        const row = value === null ? undefined : store.get(def.name, value as string);
        return row ? [row] : [];
      };
    } else if (store.isIndexed(def.name, link.from)) {
      lookup = (value) => (value === null ? [] : store.lookup(def.name, link.from, value));
    } else {
      const hash = new Map<Value, Row[]>();
      for (const row of store.scan(def.name)) {
        const key = cell(row, link.from);
        if (key === null) continue;
        const bucket = hash.get(key);
        if (bucket) bucket.push(row);
        else hash.set(key, [row]);
      }
      lookup = (value) => (value === null ? [] : hash.get(value) ?? []);
    }
    const compiled: CompiledLink = { lookup, keep };
    this.compiled.set(link, compiled);
    for (const child of link.links) checkJoin(child, tableDef(child.table), def);
    return compiled;
  }

  project(query: FetchQuery, slots: Slot[], rows: JoinedRow[]): Entity[] {
    const separator = this.options.linkedColumnNames === "escaped" ? "_x002e_" : ".";
    const fields = slots.flatMap((slot) =>
      slot.node.attributes.map((attribute) => {
        if (attribute.aggregate || attribute.groupBy || attribute.dateGrouping) {
          throw unsupported(`aggregate or groupby on ${attribute.name} without aggregate="true"`);
        }
        const column = publishedColumn(slot.def, attribute.name);
        const base = column.kind === "lookup" && slot.ordinal === 0 ? `_${attribute.name}_value` : attribute.name;
        const key = attribute.alias ?? (slot.ordinal === 0 ? base : `${slot.node.alias}${separator}${attribute.name}`);
        return { slot: slot.ordinal, name: attribute.name, column, key };
      }),
    );
    const orders = slots.flatMap((slot) =>
      slot.node.orders.map((order) => {
        if (order.alias) throw unsupported("<order alias> outside an aggregate query");
        const name = order.attribute as string;
        return { slot: slot.ordinal, name, column: publishedColumn(slot.def, name), descending: order.descending };
      }),
    );
    const sorted = [...rows].sort((a, b) => {
      for (const order of orders) {
        const x = a[order.slot];
        const y = b[order.slot];
        const diff = compare(
          x ? comparable(order.column, cell(x, order.name)) : null,
          y ? comparable(order.column, cell(y, order.name)) : null,
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
        const value = source ? cell(source, field.name) : null;
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

  aggregate(slots: Slot[], rows: JoinedRow[]): Entity[] {
    const fields: AggregateField[] = slots.flatMap((slot) =>
      slot.node.attributes.map((attribute) => checkAggregateAttribute(attribute, slot)),
    );
    const aliases = new Set<string>();
    for (const field of fields) {
      if (aliases.has(field.alias)) throw unsupported(`two columns share the alias '${field.alias}'`);
      aliases.add(field.alias);
    }
    const keys = fields.filter((field) => field.attribute.groupBy);
    const groups = new Map<string, JoinedRow[]>();
    if (keys.length === 0) groups.set("", rows);
    for (const joined of keys.length === 0 ? [] : rows) {
      const signature = JSON.stringify(keys.map((field) => this.groupValue(field, joined)));
      const group = groups.get(signature);
      if (group) group.push(joined);
      else groups.set(signature, [joined]);
    }
    const entities = [...groups.values()].map((group) => {
      const entity: Entity = {};
      for (const field of fields) {
        if (field.attribute.groupBy) {
          const source = group[0][field.slot];
          const value = this.groupValue(field, group[0]);
          if (value === null) continue;
          if (field.attribute.dateGrouping) entity[field.alias] = value;
          else emit(entity, field.alias, field.column, value, source as Row);
        } else {
          const value = aggregateValue(field, group);
          if (value !== null) entity[field.alias] = value;
        }
      }
      return entity;
    });
    const orders = slots.flatMap((slot) =>
      slot.node.orders.map((order) => {
        if (!order.alias) throw unsupported("<order attribute> in an aggregate query (order by alias)");
        if (!aliases.has(order.alias)) throw unsupported(`order by unknown alias '${order.alias}'`);
        return { alias: order.alias, descending: order.descending };
      }),
    );
    return entities.sort((a, b) => {
      for (const order of orders) {
        const diff = compare((a[order.alias] ?? null) as Value, (b[order.alias] ?? null) as Value);
        if (diff !== 0) return order.descending ? -diff : diff;
      }
      return 0;
    });
  }

  private groupValue(field: AggregateField, joined: JoinedRow): Value {
    const source = joined[field.slot];
    const value = source ? cell(source, field.attribute.name) : null;
    if (value === null || !field.attribute.dateGrouping) return value;
    const zone = field.attribute.userTimeZone ? this.options.timeZone : "UTC";
    return dateGroupValue(value as string, field.attribute.dateGrouping, zone);
  }
}

function checkJoin(link: LinkNode, def: TableDef, parentDef: TableDef): void {
  const joinable = (column: ColumnDef): boolean => ["id", "guid", "lookup"].includes(column.kind);
  const from = publishedColumn(def, link.from);
  const to = publishedColumn(parentDef, link.to);
  if (!joinable(from) || !joinable(to)) throw unsupported(`link-entity ${link.table} joins on non-GUID columns`);
}

/**
 * Root conditions on the root's own columns run before joining; those naming a link-entity
 * (entityname) after. Only a top-level AND can be split that way.
 */
function splitRootFilter(filter: FilterNode | null): { early: FilterNode | null; late: FilterNode | null } {
  if (!filter || !mentionsEntityName(filter)) return { early: filter, late: null };
  if (filter.type === "or") return { early: null, late: filter };
  const mentions = (item: FilterNode["items"][number]): boolean =>
    isCondition(item) ? item.entityName !== null : !isFilterLink(item) && mentionsEntityName(item);
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
      const column = publishedColumn(root.def, item.attribute);
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

function rootResolver(slots: Slot[]): Resolver {
  return (entityName, attribute) => {
    const slot = entityName === null ? slots[0] : slots.find((s) => s.node.alias === entityName);
    if (!slot) throw unsupported(`condition entityname '${entityName}' names no inner or outer link-entity alias`);
    return { ordinal: slot.ordinal, name: attribute, column: publishedColumn(slot.def, attribute) };
  };
}

/** Link filters run on the link's own rows before joining: slot 0 of a one-row array. */
function linkResolver(def: TableDef): Resolver {
  return (entityName, attribute) => {
    if (entityName !== null) throw unsupported("entityname inside a link-entity filter");
    return { ordinal: 0, name: attribute, column: publishedColumn(def, attribute) };
  };
}

function mentionsEntityName(filter: FilterNode): boolean {
  return filter.items.some((item) =>
    isCondition(item) ? item.entityName !== null : !isFilterLink(item) && mentionsEntityName(item),
  );
}

function lookupTarget(column: ColumnDef, row: Row): string {
  return column.typeColumn ? String(cell(row, column.typeColumn)) : (column.targets as readonly string[])[0];
}

/** Writes one value the Web API way: lookups as GUID plus target table, booleans with a label. */
function emit(entity: Entity, key: string, column: ColumnDef, value: Value, row: Row): void {
  entity[key] = value;
  if (value === null) return;
  if (column.kind === "lookup") entity[key + LOOKUP_TABLE] = lookupTarget(column, row);
  if (column.kind === "bool") entity[key + FORMATTED] = (column.labels ?? BOOLEAN_LABELS)[value ? 1 : 0];
}

interface AggregateField {
  attribute: AttributeNode;
  alias: string;
  slot: number;
  column: ColumnDef;
}

function checkAggregateAttribute(attribute: AttributeNode, slot: Slot): AggregateField {
  const column = publishedColumn(slot.def, attribute.name);
  const what = `attribute ${attribute.name}`;
  if (!attribute.alias) throw unsupported(`${what} needs an alias in an aggregate query`);
  if (attribute.groupBy === (attribute.aggregate !== null)) {
    throw unsupported(`${what} needs exactly one of groupby="true" or aggregate in an aggregate query`);
  }
  if (attribute.dateGrouping && column.kind !== "date") throw unsupported(`dategrouping on non-date ${what}`);
  if (attribute.distinct && attribute.aggregate !== "countcolumn") throw unsupported(`distinct on ${what} outside countcolumn`);
  const numeric = column.kind === "int" || column.kind === "number" || column.kind === "option";
  if ((attribute.aggregate === "sum" || attribute.aggregate === "avg") && !numeric) {
    throw unsupported(`${attribute.aggregate} of non-numeric ${what}`);
  }
  if ((attribute.aggregate === "min" || attribute.aggregate === "max") && !numeric && column.kind !== "date") {
    throw unsupported(`${attribute.aggregate} of ${what} (numbers and dates only)`);
  }
  return { attribute, alias: attribute.alias, slot: slot.ordinal, column };
}

function aggregateValue(field: AggregateField, group: JoinedRow[]): Value {
  if (field.attribute.aggregate === "count") return group.length;
  const values: Value[] = [];
  for (const joined of group) {
    const source = joined[field.slot];
    const value = source ? cell(source, field.attribute.name) : null;
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

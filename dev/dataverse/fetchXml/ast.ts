/** The FetchXML the stand-in evaluates, as a small typed tree. */

export type AggregateFunction = "count" | "countcolumn" | "sum" | "avg" | "min" | "max";
export type DateGrouping = "day" | "week" | "month" | "year";
/** Joins (children of entity/link-entity) and filter link types (children of filter). */
export type LinkType = "inner" | "outer" | "exists" | "in" | "any" | "not any";

export type Operator =
  | "eq"
  | "ne"
  | "null"
  | "not-null"
  | "in"
  | "not-in"
  | "lt"
  | "le"
  | "gt"
  | "ge"
  | "on"
  | "on-or-after"
  | "on-or-before"
  | "between"
  | "like";

export interface FetchQuery {
  aggregate: boolean;
  /** A per-query aggregate limit below the standard one. */
  aggregateLimit: number | null;
  top: number | null;
  /** Page size. */
  count: number | null;
  /** 1-based page number. */
  page: number | null;
  /** The `paging-cookie` attribute, as sent. */
  pagingCookie: string | null;
  distinct: boolean;
  entity: EntityNode;
}

export interface EntityNode {
  table: string;
  /** "" for the root entity. */
  alias: string;
  attributes: AttributeNode[];
  orders: OrderNode[];
  filter: FilterNode | null;
  links: LinkNode[];
}

export interface LinkNode extends EntityNode {
  /** Column of the linked table. */
  from: string;
  /** Column of the parent entity. */
  to: string;
  linkType: LinkType;
}

export interface AttributeNode {
  name: string;
  alias: string | null;
  aggregate: AggregateFunction | null;
  distinct: boolean;
  groupBy: boolean;
  dateGrouping: DateGrouping | null;
  /** Date groups in the user's time zone (the default) or in UTC. */
  userTimeZone: boolean;
}

export interface OrderNode {
  attribute: string | null;
  alias: string | null;
  descending: boolean;
}

export interface FilterNode {
  type: "and" | "or";
  items: (ConditionNode | FilterNode | LinkNode)[];
}

export interface ConditionNode {
  attribute: string;
  operator: Operator;
  values: string[];
  /** Alias of the link-entity the attribute belongs to, when set on a root filter. */
  entityName: string | null;
}

export function isCondition(item: FilterNode["items"][number]): item is ConditionNode {
  return "operator" in item;
}

export function isFilterLink(item: FilterNode["items"][number]): item is LinkNode {
  return "linkType" in item;
}

/** The FetchXML subset the stand-in evaluates, as a small typed tree. */

export type AggregateFunction = "count" | "countcolumn" | "sum" | "avg" | "min" | "max";
export type DateGrouping = "day" | "week" | "month" | "year";

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
  | "on-or-after"
  | "on-or-before"
  | "between"
  | "like";

export interface FetchQuery {
  aggregate: boolean;
  top: number | null;
  /** Page size. */
  count: number | null;
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
  linkType: "inner" | "outer";
}

export interface AttributeNode {
  name: string;
  alias: string | null;
  aggregate: AggregateFunction | null;
  distinct: boolean;
  groupBy: boolean;
  dateGrouping: DateGrouping | null;
}

export interface OrderNode {
  attribute: string | null;
  alias: string | null;
  descending: boolean;
}

export interface FilterNode {
  type: "and" | "or";
  items: (ConditionNode | FilterNode)[];
}

export interface ConditionNode {
  attribute: string;
  operator: Operator;
  values: string[];
  /** Alias of the link-entity the attribute belongs to, when set on a root filter. */
  entityName: string | null;
}

export function isCondition(item: ConditionNode | FilterNode): item is ConditionNode {
  return "operator" in item;
}

/**
 * FetchXML text to AST. Strict on purpose: an element or attribute outside the supported subset
 * throws, so a query the stand-in cannot evaluate exactly never gets a plausible wrong answer.
 */

import { DOMParser } from "@xmldom/xmldom";
import type { Element as XmlElement } from "@xmldom/xmldom";
import {
  AggregateFunction,
  AttributeNode,
  ConditionNode,
  DateGrouping,
  EntityNode,
  FetchQuery,
  FilterNode,
  LinkNode,
  Operator,
  OrderNode,
} from "./ast";

const AGGREGATES: readonly AggregateFunction[] = ["count", "countcolumn", "sum", "avg", "min", "max"];
const DATE_GROUPINGS: readonly DateGrouping[] = ["day", "week", "month", "year"];
const OPERATORS: readonly Operator[] = [
  "eq",
  "ne",
  "null",
  "not-null",
  "in",
  "not-in",
  "lt",
  "le",
  "gt",
  "ge",
  "on-or-after",
  "on-or-before",
  "between",
  "like",
];

const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
  fetch: ["version", "mapping", "aggregate", "top", "count", "distinct", "no-lock", "returntotalrecordcount", "output-format"],
  entity: ["name"],
  "link-entity": ["name", "from", "to", "alias", "link-type", "visible", "intersect"],
  attribute: ["name", "alias", "aggregate", "distinct", "groupby", "dategrouping", "usertimezone"],
  order: ["attribute", "alias", "descending"],
  filter: ["type"],
  condition: ["attribute", "operator", "value", "entityname"],
  value: [],
};

export function unsupported(what: string): Error {
  return new Error(`Stand-in: unsupported FetchXML: ${what}`);
}

export function parseFetchXml(xml: string): FetchQuery {
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  });
  let root: XmlElement | null = null;
  try {
    root = parser.parseFromString(xml, "text/xml").documentElement;
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
  if (errors.length > 0 || !root) throw new Error(`Stand-in: FetchXML is not well-formed: ${errors.join("; ")}`);
  const fetch = checked(root, "fetch");
  const entities = children(fetch);
  if (entities.length !== 1 || entities[0].tagName !== "entity") throw unsupported("<fetch> needs exactly one <entity>");
  return {
    aggregate: flag(fetch, "aggregate"),
    top: positiveInt(fetch, "top"),
    count: positiveInt(fetch, "count"),
    distinct: flag(fetch, "distinct"),
    entity: parseEntityBody(checked(entities[0], "entity"), "", required(entities[0], "name")),
  };
}

function parseEntityBody(element: XmlElement, alias: string, table: string): EntityNode {
  const node: EntityNode = { table, alias, attributes: [], orders: [], filter: null, links: [] };
  const filters: FilterNode[] = [];
  for (const child of children(element)) {
    switch (child.tagName) {
      case "attribute":
        node.attributes.push(parseAttribute(checked(child, "attribute")));
        break;
      case "order":
        node.orders.push(parseOrder(checked(child, "order")));
        break;
      case "filter":
        filters.push(parseFilter(checked(child, "filter")));
        break;
      case "link-entity":
        node.links.push(parseLink(checked(child, "link-entity")));
        break;
      case "all-attributes":
        throw unsupported("<all-attributes/> (name the columns you need)");
      default:
        throw unsupported(`<${child.tagName}>`);
    }
  }
  node.filter = filters.length === 0 ? null : filters.length === 1 ? filters[0] : { type: "and", items: filters };
  return node;
}

function parseLink(element: XmlElement): LinkNode {
  const linkType = element.getAttribute("link-type") || "inner";
  if (linkType !== "inner" && linkType !== "outer") throw unsupported(`link-type="${linkType}"`);
  const alias = element.getAttribute("alias") || "";
  const body = parseEntityBody(element, alias, required(element, "name"));
  if (!alias && body.attributes.length > 0) throw unsupported("a link-entity with attributes needs an alias");
  return { ...body, from: required(element, "from"), to: required(element, "to"), linkType };
}

function parseAttribute(element: XmlElement): AttributeNode {
  const aggregate = element.getAttribute("aggregate") || null;
  if (aggregate !== null && !AGGREGATES.includes(aggregate as AggregateFunction)) {
    throw unsupported(`aggregate="${aggregate}"`);
  }
  const dateGrouping = element.getAttribute("dategrouping") || null;
  if (dateGrouping !== null && !DATE_GROUPINGS.includes(dateGrouping as DateGrouping)) {
    throw unsupported(`dategrouping="${dateGrouping}"`);
  }
  return {
    name: required(element, "name"),
    alias: element.getAttribute("alias") || null,
    aggregate: aggregate as AggregateFunction | null,
    distinct: flag(element, "distinct"),
    groupBy: flag(element, "groupby"),
    dateGrouping: dateGrouping as DateGrouping | null,
  };
}

function parseOrder(element: XmlElement): OrderNode {
  const attribute = element.getAttribute("attribute") || null;
  const alias = element.getAttribute("alias") || null;
  if ((attribute === null) === (alias === null)) throw unsupported("<order> needs exactly one of attribute or alias");
  return { attribute, alias, descending: flag(element, "descending") };
}

function parseFilter(element: XmlElement): FilterNode {
  const type = element.getAttribute("type") || "and";
  if (type !== "and" && type !== "or") throw unsupported(`filter type="${type}"`);
  const items = children(element).map((child) => {
    if (child.tagName === "condition") return parseCondition(checked(child, "condition"));
    if (child.tagName === "filter") return parseFilter(checked(child, "filter"));
    throw unsupported(`<${child.tagName}> inside <filter>`);
  });
  return { type, items };
}

function parseCondition(element: XmlElement): ConditionNode {
  const operator = required(element, "operator");
  if (!OPERATORS.includes(operator as Operator)) throw unsupported(`operator="${operator}"`);
  const valueElements = children(element).map((child) => checked(child, "value"));
  const values = valueElements.map((child) => child.textContent ?? "");
  if (element.hasAttribute("value")) values.unshift(element.getAttribute("value") ?? "");
  return {
    attribute: required(element, "attribute"),
    operator: operator as Operator,
    values,
    entityName: element.getAttribute("entityname") || null,
  };
}

function children(element: XmlElement): XmlElement[] {
  const result: XmlElement[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) result.push(node as XmlElement);
    else if (node.nodeType === 3 && (node.nodeValue ?? "").trim() !== "" && element.tagName !== "value") {
      throw unsupported(`text inside <${element.tagName}>`);
    }
  }
  return result;
}

function checked(element: XmlElement, tag: string): XmlElement {
  if (element.tagName !== tag) throw unsupported(`<${element.tagName}> where <${tag}> was expected`);
  const allowed = ALLOWED_ATTRIBUTES[tag];
  for (let i = 0; i < element.attributes.length; i++) {
    const name = element.attributes[i].name;
    if (!allowed.includes(name)) throw unsupported(`attribute ${name} on <${tag}>`);
  }
  return element;
}

function required(element: XmlElement, name: string): string {
  const value = element.getAttribute(name);
  if (!value) throw unsupported(`<${element.tagName}> without ${name}`);
  return value;
}

function flag(element: XmlElement, name: string): boolean {
  const value = element.getAttribute(name);
  if (value === null || value === "" || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  throw unsupported(`${name}="${value}"`);
}

function positiveInt(element: XmlElement, name: string): number | null {
  const value = element.getAttribute(name);
  if (!value) return null;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw unsupported(`${name}="${value}"`);
  return Number(value);
}

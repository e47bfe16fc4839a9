/**
 * FetchXML text to AST. Two kinds of refusal: what Fetch.xsd or Microsoft's FetchXML reference
 * refuses (`invalid`), and what Dataverse accepts but the stand-in cannot evaluate exactly
 * (`unsupported`), so a query never gets a plausible wrong answer.
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
  LinkType,
  Operator,
  OrderNode,
} from "./ast";

const AGGREGATES: readonly AggregateFunction[] = ["count", "countcolumn", "sum", "avg", "min", "max"];
const DATE_GROUPINGS: readonly DateGrouping[] = ["day", "week", "month", "year"];
/** Documented date groupings the stand-in does not evaluate (fiscal settings, quarters). */
const OTHER_DATE_GROUPINGS = ["quarter", "fiscal-period", "fiscal-year"];
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
  "on",
  "on-or-after",
  "on-or-before",
  "between",
  "like",
];
const JOIN_TYPES: readonly LinkType[] = ["inner", "outer", "exists", "in"];
const FILTER_LINK_TYPES: readonly LinkType[] = ["any", "not any"];
/** Documented link types the stand-in does not evaluate. */
const OTHER_LINK_TYPES = ["all", "not all", "matchfirstrowusingcrossapply"];

/**
 * Attributes Fetch.xsd (and, for fetch, Microsoft's fetch element reference) declares: `evaluated`
 * are honoured, `ignored` only tune performance or display, anything else declared is unsupported,
 * and anything undeclared is invalid.
 */
const ATTRIBUTES: Record<string, { evaluated: readonly string[]; ignored: readonly string[]; declared: readonly string[] }> = {
  fetch: {
    evaluated: ["aggregate", "aggregatelimit", "top", "count", "page", "paging-cookie", "distinct"],
    ignored: ["version", "mapping", "no-lock", "latematerialize", "options"],
    declared: ["utc-offset", "min-active-row-version", "output-format", "returntotalrecordcount", "datasource"],
  },
  entity: { evaluated: ["name"], ignored: [], declared: ["enableprefiltering", "prefilterparametername"] },
  "link-entity": {
    evaluated: ["name", "from", "to", "alias", "link-type"],
    ignored: ["visible", "intersect"],
    declared: ["enableprefiltering", "prefilterparametername"],
  },
  attribute: {
    evaluated: ["name", "alias", "aggregate", "distinct", "groupby", "dategrouping", "usertimezone"],
    ignored: [],
    declared: ["build", "addedby", "rowaggregate"],
  },
  order: { evaluated: ["attribute", "alias", "descending"], ignored: [], declared: [] },
  filter: { evaluated: ["type"], ignored: ["hint"], declared: ["isquickfindfields", "overridequickfindrecordlimitenabled", "overridequickfindrecordlimitdisabled"] },
  condition: {
    evaluated: ["attribute", "operator", "value", "entityname"],
    ignored: ["uiname", "uitype", "uihidden"],
    declared: ["column", "aggregate", "rowaggregate", "alias"],
  },
  value: { evaluated: [], ignored: ["uiname", "uitype"], declared: [] },
};

export function unsupported(what: string): Error {
  return new Error(`Stand-in: unsupported FetchXML: ${what}`);
}

/** What Fetch.xsd or the FetchXML reference does not allow. */
export function invalid(what: string): Error {
  return new Error(`Stand-in: invalid FetchXML (Fetch.xsd / FetchXML reference): ${what}`);
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
  if (entities.length !== 1 || entities[0].tagName !== "entity") throw invalid("<fetch> needs exactly one <entity>");
  const query: FetchQuery = {
    aggregate: flag(fetch, "aggregate"),
    aggregateLimit: positiveInt(fetch, "aggregatelimit"),
    top: positiveInt(fetch, "top"),
    count: positiveInt(fetch, "count"),
    page: positiveInt(fetch, "page"),
    pagingCookie: fetch.getAttribute("paging-cookie") || null,
    distinct: flag(fetch, "distinct"),
    entity: parseEntityBody(checked(entities[0], "entity"), "", required(entities[0], "name")),
  };
  if (query.top !== null && (query.page !== null || query.count !== null)) {
    throw invalid("top cannot be combined with count or page (the paging reference says they are not compatible)");
  }
  if (query.top !== null && query.top > 5000) throw invalid(`top="${query.top}" exceeds 5,000`);
  return query;
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
      case "link-entity": {
        const link = parseLink(checked(child, "link-entity"));
        if (FILTER_LINK_TYPES.includes(link.linkType)) throw invalid(`link-type="${link.linkType}" belongs inside a <filter>`);
        node.links.push(link);
        break;
      }
      case "all-attributes":
        throw unsupported("<all-attributes/> (name the columns you need)");
      default:
        throw invalid(`<${child.tagName}> inside <${element.tagName}>`);
    }
  }
  node.filter = filters.length === 0 ? null : filters.length === 1 ? filters[0] : { type: "and", items: filters };
  return node;
}

function parseLink(element: XmlElement): LinkNode {
  const linkType = element.getAttribute("link-type") || "inner";
  if (OTHER_LINK_TYPES.includes(linkType)) throw unsupported(`link-type="${linkType}"`);
  if (![...JOIN_TYPES, ...FILTER_LINK_TYPES].includes(linkType as LinkType)) throw invalid(`link-type="${linkType}"`);
  const alias = element.getAttribute("alias") || "";
  const body = parseEntityBody(element, alias, required(element, "name"));
  const type = linkType as LinkType;
  if (type !== "inner" && type !== "outer" && (body.attributes.length > 0 || body.orders.length > 0)) {
    throw invalid(`a link-entity of link-type="${type}" cannot return columns or order rows`);
  }
  if (!alias && body.attributes.length > 0) throw unsupported("a link-entity with attributes needs an alias");
  const from = element.getAttribute("from");
  const to = element.getAttribute("to");
  // Documented as optional (Dataverse then infers the relationship); the stand-in needs both.
  if (!from || !to) throw unsupported("a link-entity without from and to");
  return { ...body, from, to, linkType: type };
}

function parseAttribute(element: XmlElement): AttributeNode {
  const aggregate = element.getAttribute("aggregate") || null;
  if (aggregate !== null && !AGGREGATES.includes(aggregate as AggregateFunction)) throw invalid(`aggregate="${aggregate}"`);
  const dateGrouping = element.getAttribute("dategrouping") || null;
  if (dateGrouping !== null && OTHER_DATE_GROUPINGS.includes(dateGrouping)) throw unsupported(`dategrouping="${dateGrouping}"`);
  if (dateGrouping !== null && !DATE_GROUPINGS.includes(dateGrouping as DateGrouping)) throw invalid(`dategrouping="${dateGrouping}"`);
  return {
    name: required(element, "name"),
    alias: element.getAttribute("alias") || null,
    aggregate: aggregate as AggregateFunction | null,
    distinct: flag(element, "distinct"),
    groupBy: flag(element, "groupby"),
    dateGrouping: dateGrouping as DateGrouping | null,
    userTimeZone: element.hasAttribute("usertimezone") ? flag(element, "usertimezone") : true,
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
  if (type !== "and" && type !== "or") throw invalid(`filter type="${type}"`);
  const items = children(element).map((child) => {
    if (child.tagName === "condition") return parseCondition(checked(child, "condition"));
    if (child.tagName === "filter") return parseFilter(checked(child, "filter"));
    if (child.tagName === "link-entity") {
      // Microsoft's link-entity reference puts filter link types inside a filter; Fetch.xsd predates them.
      const link = parseLink(checked(child, "link-entity"));
      if (!FILTER_LINK_TYPES.includes(link.linkType)) throw invalid(`link-type="${link.linkType}" inside a <filter> (only any and not any)`);
      return link;
    }
    throw invalid(`<${child.tagName}> inside <filter>`);
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
      throw invalid(`text inside <${element.tagName}>`);
    }
  }
  return result;
}

function checked(element: XmlElement, tag: string): XmlElement {
  if (element.tagName !== tag) throw invalid(`<${element.tagName}> where <${tag}> was expected`);
  const allowed = ATTRIBUTES[tag];
  for (let i = 0; i < element.attributes.length; i++) {
    const name = element.attributes[i].name;
    if (allowed.evaluated.includes(name) || allowed.ignored.includes(name)) continue;
    if (allowed.declared.includes(name)) throw unsupported(`attribute ${name} on <${tag}>`);
    throw invalid(`attribute ${name} on <${tag}>`);
  }
  return element;
}

function required(element: XmlElement, name: string): string {
  const value = element.getAttribute(name);
  if (!value) throw invalid(`<${element.tagName}> without ${name}`);
  return value;
}

function flag(element: XmlElement, name: string): boolean {
  const value = element.getAttribute(name);
  if (value === null || value === "" || value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  throw invalid(`${name}="${value}"`);
}

function positiveInt(element: XmlElement, name: string): number | null {
  const value = element.getAttribute(name);
  if (!value) return null;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw invalid(`${name}="${value}"`);
  return Number(value);
}

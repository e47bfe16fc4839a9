import { invalidInput } from "../errors";
import type { FetchQuery } from "./fetchQuery";
import { assertPositiveInteger } from "./validate";
import { element, serializeXml, text, type XmlElement } from "./xml";

/**
 * Typed constructors for the FetchXML subset this product uses. Table and column names are
 * closed unions, so a query cannot name a body/description column or a table we do not read;
 * values pass through the escaping writer in xml.ts.
 */

export type Table =
  | "activitypointer"
  | "email"
  | "phonecall"
  | "activityparty"
  | "systemuser"
  | "role"
  | "systemuserroles"
  | "teammembership"
  | "teamroles"
  | "connection"
  | "contact"
  | "lead"
  | "account"
  | "opportunity"
  | "environmentvariabledefinition"
  | "environmentvariablevalue"
  | "template";

/** Metadata columns only: never message bodies, descriptions or subjects of customer activities. */
export type Column =
  | "activityid"
  | "activitytypecode"
  | "actualstart"
  | "actualend"
  | "scheduledstart"
  | "scheduledend"
  | "actualdurationminutes"
  | "scheduleddurationminutes"
  | "statecode"
  | "regardingobjectid"
  | "ownerid"
  | "exchangeitemid"
  | "conversationindex"
  | "createdon"
  | "directioncode"
  | "activitypartyid"
  | "partyid"
  | "partyobjecttypecode"
  | "participationtypemask"
  | "systemuserid"
  | "fullname"
  | "title"
  | "internalemailaddress"
  | "isdisabled"
  | "roleid"
  | "name"
  | "roletemplateid"
  | "parentroleid"
  | "parentrootroleid"
  | "contactid"
  | "parentcustomerid"
  | "jobtitle"
  | "leadid"
  | "accountid"
  | "opportunityid"
  | "primarycontactid"
  | "parentcontactid"
  | "parentaccountid"
  | "estimatedclosedate"
  | "estimatedvalue"
  | "teamid"
  | "record1id"
  | "record2id"
  | "record2objecttypecode"
  | "environmentvariabledefinitionid"
  | "environmentvariablevalueid"
  | "schemaname"
  | "defaultvalue"
  | "value"
  | "modifiedon"
  | "templateid"
  | "templatetypecode";

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
  | "like";

export type Aggregate = "count" | "countcolumn" | "sum" | "avg" | "min" | "max";
export type DateGrouping = "day" | "week" | "month" | "year";

export interface FetchOptions {
  aggregate?: boolean;
  top?: number;
  distinct?: boolean;
}

export function fetchElement(options: FetchOptions, root: XmlElement): XmlElement {
  const top = options.top === undefined ? undefined : assertPositiveInteger(options.top, "row limit");
  return element("fetch", { aggregate: options.aggregate, top, distinct: options.distinct }, [root]);
}

export function entity(name: Table, ...children: XmlElement[]): XmlElement {
  return element("entity", { name }, children);
}

export interface AttributeOptions {
  alias?: string;
  aggregate?: Aggregate;
  distinct?: boolean;
  groupby?: boolean;
  dategrouping?: DateGrouping;
}

export function attribute(name: Column, options: AttributeOptions = {}): XmlElement {
  return element("attribute", {
    name,
    alias: options.alias,
    aggregate: options.aggregate,
    distinct: options.distinct,
    groupby: options.groupby,
    dategrouping: options.dategrouping,
  });
}

/**
 * inner and outer join; `any` (inside a filter) tests that some related row matches without joining, so
 * parent rows are never repeated (Microsoft's link-entity reference).
 */
export type LinkType = "inner" | "outer" | "any";

export interface LinkOptions {
  name: Table;
  from: Column;
  to: Column;
  /** Needed where the link's columns come back in the results; an `any` link returns none. */
  alias?: string;
  type: LinkType;
}

export function link(options: LinkOptions, ...children: XmlElement[]): XmlElement {
  const { name, from, to, alias, type } = options;
  return element("link-entity", { name, from, to, alias, "link-type": type }, children);
}

export function filter(type: "and" | "or", ...children: XmlElement[]): XmlElement {
  return element("filter", { type }, children);
}

export type ConditionValue = string | number;

export interface ConditionOptions {
  /** Alias of an outer link-entity whose column a root-filter condition tests. */
  entityname?: string;
}

/** A condition with a single value (eq, lt, ...) or none (null, not-null). */
export function condition(
  attributeName: Column,
  operator: Exclude<Operator, "in" | "not-in">,
  value?: ConditionValue,
  options: ConditionOptions = {},
): XmlElement {
  return element("condition", { entityname: options.entityname, attribute: attributeName, operator, value });
}

/** An in / not-in condition; its values become <value> children. */
export function conditionIn(
  attributeName: Column,
  values: readonly ConditionValue[],
  operator: "in" | "not-in" = "in",
  options: ConditionOptions = {},
): XmlElement {
  // An empty list is not valid FetchXML; callers decide what "none" means before getting here.
  if (values.length === 0) throw invalidInput("empty list of values");
  const children = values.map((value) => element("value", {}, [text(String(value))]));
  return element("condition", { entityname: options.entityname, attribute: attributeName, operator }, children);
}

export function order(target: { attribute: Column } | { alias: string }, descending = false): XmlElement {
  return element("order", { ...target, descending: descending || undefined });
}

export function toFetchQuery(table: Table, fetch: XmlElement): FetchQuery {
  return { entity: table, fetchXml: serializeXml(fetch), root: fetch };
}

/** An aggregate over activities: the shape of every counting query. */
export function activityAggregate(...children: XmlElement[]): FetchQuery {
  return toFetchQuery("activitypointer", fetchElement({ aggregate: true }, entity("activitypointer", ...children)));
}

/**
 * The same query asking for page `page` (2, 3, …), with the paging cookie Dataverse returned for the
 * page before, when it returned one (aggregate queries page by number alone).
 */
export function pagedFetchXml(query: FetchQuery, page: number, cookie: string | null): string {
  const number = assertPositiveInteger(page, "page number");
  const extra: [string, string][] = [["page", String(number)], ...(cookie === null ? [] : [["paging-cookie", cookie] as [string, string]])];
  const kept = query.root.attributes.filter(([key]) => key !== "page" && key !== "paging-cookie");
  return serializeXml({ ...query.root, attributes: [...kept, ...extra] });
}

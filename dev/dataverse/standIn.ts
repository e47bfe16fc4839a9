/**
 * A local stand-in for `context.webAPI`: FetchXML and a small OData subset over the in-memory
 * store, plus the failures Dataverse produces (throttling, server errors, missing privileges,
 * offline, aggregate limit). Dev and tests only: nothing in shared/ or components/ imports it.
 */

import { DataverseStore } from "./store";
import { TableDef, hasColumn, standInError, tableDef } from "./schema";
import { FaultSignal, FaultSwitches, notFoundFault, privilegeFault, rejectWith } from "./faults";
import { parseFetchXml, unsupported } from "./fetchXml/parse";
import { Entity, LinkedColumnNames, evaluateFetch, tablesOf } from "./fetchXml/evaluate";
import { FetchQuery } from "./fetchXml/ast";
import { checkTimeZone } from "./fetchXml/dates";
import { matchesOData, odataEntity, parseODataOptions } from "./odata";
import { comparable } from "./fetchXml/conditions";
import { writeValues } from "./writes";
import { Row, cell } from "./values";

export const DEFAULT_AGGREGATE_LIMIT = 50_000;
const PAGE_LIMIT = 5000;
export const MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";
export const PAGING_COOKIE = "@Microsoft.Dynamics.CRM.fetchxmlpagingcookie";

export type WebApiMethod = "retrieveMultipleRecords" | "retrieveRecord" | "createRecord" | "updateRecord" | "deleteRecord";

export interface RequestLogEntry {
  method: WebApiMethod;
  entity: string;
  options?: string;
  id?: string;
  /** Body of createRecord/updateRecord. */
  data?: ComponentFramework.WebApi.Entity;
}

export interface StandInOptions {
  aggregateLimit?: number;
  latencyMs?: number;
  /** Owner of records created without one (the signed-in user). */
  currentUserId?: string;
  /** The user's time zone (IANA name, default "UTC"): date groups and day operators follow it. */
  userTimeZone?: string;
  /** How plain FetchXML rows name link-entity columns (default "dotted", as the docs show). */
  linkedColumnNames?: LinkedColumnNames;
}

/** A FetchXML page: the Web API's annotations, and the client API's documented fetchXmlPagingCookie. */
export interface FetchPage extends ComponentFramework.WebApi.RetrieveMultipleResponse {
  [MORE_RECORDS]?: true;
  [PAGING_COOKIE]?: string;
  fetchXmlPagingCookie?: string;
}

export class DataverseStandIn implements ComponentFramework.WebApi {
  readonly faults = new FaultSwitches();
  /** Every call, including the ones that failed: tests count round trips with it. */
  readonly requests: RequestLogEntry[] = [];
  private aggregateLimit: number;
  private latencyMs: number;
  private readonly currentUserId: string | null;
  private userTimeZone: string;
  private readonly linkedColumnNames: LinkedColumnNames;

  constructor(
    readonly store: DataverseStore,
    options: StandInOptions = {},
  ) {
    this.aggregateLimit = options.aggregateLimit ?? DEFAULT_AGGREGATE_LIMIT;
    this.latencyMs = options.latencyMs ?? 0;
    this.currentUserId = options.currentUserId ?? null;
    this.userTimeZone = checkTimeZone(options.userTimeZone ?? "UTC");
    this.linkedColumnNames = options.linkedColumnNames ?? "dotted";
  }

  setAggregateLimit(rows: number): void {
    this.aggregateLimit = rows;
  }

  setUserTimeZone(timeZone: string): void {
    this.userTimeZone = checkTimeZone(timeZone);
  }

  /** Delay before each answer, on real timers. */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  resetLog(): void {
    this.requests.length = 0;
  }

  /** The FetchXML of logged retrieveMultipleRecords calls, decoded. */
  fetchXmlRequests(): string[] {
    return this.requests
      .filter((entry) => entry.method === "retrieveMultipleRecords" && entry.options?.startsWith("?fetchXml="))
      .map((entry) => decodeURIComponent((entry.options as string).slice("?fetchXml=".length)));
  }

  retrieveMultipleRecords(
    entityType: string,
    options?: string,
    maxPageSize?: number,
  ): Promise<FetchPage> {
    return this.handle({ method: "retrieveMultipleRecords", entity: entityType, options }, () => {
      const def = tableDef(entityType);
      const pageSize = Math.min(maxPageSize ?? PAGE_LIMIT, PAGE_LIMIT);
      if (options?.startsWith("?fetchXml=")) {
        const encoded = options.slice("?fetchXml=".length);
        if (encoded.includes("&")) throw unsupported("other query options beside fetchXml");
        const query = parseFetchXml(decodeURIComponent(encoded));
        if (query.entity.table !== entityType) throw unsupported(`<entity name="${query.entity.table}"> asked of ${entityType}`);
        this.checkAccess(tablesOf(query), "Read");
        const entities = evaluateFetch(query, this.store, {
          aggregateLimit: this.aggregateLimit,
          aggregateMessage: this.faults.aggregateMessage,
          timeZone: this.userTimeZone,
          linkedColumnNames: this.linkedColumnNames,
        });
        return fetchPage(def, query, entities);
      }
      const query = parseODataOptions(options, def);
      this.checkAccess([entityType], "Read");
      const rows = [...this.store.scan(entityType)].filter((row) => matchesOData(row, query, def));
      sortRows(rows, def, query.orderBy);
      const limited = query.top === null ? rows : rows.slice(0, query.top);
      const entities = limited.map((row) => odataEntity(row, def, query.select));
      return response(def, entities, pageSize);
    });
  }

  retrieveRecord(entityType: string, id: string, options?: string): Promise<ComponentFramework.WebApi.Entity> {
    return this.handle({ method: "retrieveRecord", entity: entityType, options, id }, () => {
      const def = tableDef(entityType);
      const query = parseODataOptions(options, def);
      if (query.filter.length > 0 || query.top !== null || query.orderBy.length > 0) {
        throw standInError("retrieveRecord takes only $select");
      }
      this.checkAccess([entityType], "Read");
      return odataEntity(this.existing(def, id), def, query.select);
    });
  }

  createRecord(entityType: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    return this.handle({ method: "createRecord", entity: entityType, data }, () => {
      const def = tableDef(entityType);
      this.checkAccess([entityType], "Create");
      const { values, parties } = writeValues(this.store, def, data);
      const isActivity = "activityid" in def.columns && def.primaryKey === "activityid";
      if (parties && !isActivity) throw standInError(`${entityType} has no activity parties`);
      if ("ownerid" in def.columns && values.ownerid === undefined && this.currentUserId) {
        values.ownerid = this.currentUserId;
      }
      if (isActivity) {
        values.statecode ??= 0;
        if (entityType === "email") values.directioncode ??= true;
      }
      if (hasColumn(def, "statuscode") && values.statuscode === undefined && values.statecode !== undefined) {
        values.statuscode = defaultStatus(def, Number(values.statecode));
      }
      const id = this.store.insert(entityType, values);
      for (const party of parties ?? []) this.store.insert("activityparty", { ...party, activityid: id });
      return { id, entityType };
    });
  }

  updateRecord(entityType: string, id: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    return this.handle({ method: "updateRecord", entity: entityType, id, data }, () => {
      const def = tableDef(entityType);
      this.checkAccess([entityType], "Write");
      const { values, parties } = writeValues(this.store, def, data);
      if (parties) throw standInError("activity parties can be set only on create");
      this.existing(def, id);
      this.store.update(entityType, id, values);
      return { id: id.toLowerCase(), entityType };
    });
  }

  deleteRecord(entityType: string, id: string): Promise<ComponentFramework.LookupValue> {
    return this.handle({ method: "deleteRecord", entity: entityType, id }, () => {
      const def = tableDef(entityType);
      this.checkAccess([entityType], "Delete");
      const row = this.existing(def, id);
      if (def.primaryKey === "activityid") {
        for (const party of [...this.store.lookup("activityparty", "activityid", cell(row, "activityid"))]) {
          this.store.remove("activityparty", party.activitypartyid as string);
        }
      }
      this.store.remove(entityType, id);
      return { id: id.toLowerCase(), entityType };
    });
  }

  private existing(def: TableDef, id: string): Row {
    const row = this.store.get(def.name, id);
    if (!row) throw new FaultSignal(notFoundFault(def.name, id));
    return row;
  }

  private checkAccess(tables: string[], privilege: "Read" | "Create" | "Write" | "Delete"): void {
    const denied = this.faults.deniedTable(tables);
    if (denied) throw new FaultSignal(privilegeFault(this.currentUserId, privilege, tableDef(denied).schemaName));
  }

  /** Logs, waits, applies queued faults, then runs the request; faults reject with Dataverse-shaped objects. */
  private async handle<T>(entry: RequestLogEntry, work: () => T): Promise<T> {
    this.requests.push(entry);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const failure = this.faults.next();
    if (failure) return rejectWith(failure);
    try {
      return work();
    } catch (error) {
      if (error instanceof FaultSignal) return rejectWith({ ...error.fault });
      throw error;
    }
  }
}

/** OData paging (maxPageSize): a nextLink, which the stand-in cannot follow (its $skiptoken throws). */
function response(def: TableDef, entities: Entity[], pageSize: number): FetchPage {
  if (entities.length <= pageSize) return { entities } as FetchPage;
  return {
    entities: entities.slice(0, pageSize),
    nextLink: `https://stand-in.invalid/api/data/v9.2/${def.entitySet}?$skiptoken=unsupported`,
  };
}

/** "%3c" rather than "%3C": the documented cookie is lower-case percent-encoded, twice. */
function cookieEncode(text: string): string {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/**
 * One FetchXML page: `count` rows (at most 5,000) of page `page`. When more rows match, the Web
 * API's morerecords and fetchxmlpagingcookie annotations are set, and the client API's documented
 * fetchXmlPagingCookie carries the same cookie element; aggregate queries page without a cookie.
 */
function fetchPage(def: TableDef, query: FetchQuery, entities: Entity[]): FetchPage {
  if (query.top !== null) return { entities: entities.slice(0, query.top) } as FetchPage;
  const size = Math.min(query.count ?? PAGE_LIMIT, PAGE_LIMIT);
  const page = query.page ?? 1;
  if (query.pagingCookie !== null) checkPagingCookie(query.pagingCookie);
  const rows = entities.slice((page - 1) * size, page * size);
  const result = { entities: rows } as FetchPage;
  if (entities.length <= page * size) return result;
  result[MORE_RECORDS] = true;
  if (query.aggregate || query.distinct || rows.length === 0) return result;
  const key = def.primaryKey;
  const braced = (row: Entity): string => `{${String(row[key]).toUpperCase()}}`;
  const cookie = `<cookie page="${page}"><${key} last="${braced(rows[rows.length - 1])}" first="${braced(rows[0])}" /></cookie>`;
  const element = `<cookie pagenumber="${page + 1}" pagingcookie="${cookieEncode(cookieEncode(cookie))}" istracking="False" />`;
  result[PAGING_COOKIE] = element;
  result.fetchXmlPagingCookie = element;
  return result;
}

/**
 * The documented paging-cookie is the decoded inner <cookie page="N">; the stand-in pages by the
 * page number (the cookie only speeds Dataverse up) but refuses a value that is not such a cookie.
 */
function checkPagingCookie(cookie: string): void {
  if (!/^<cookie page="\d+"[\s>]/.test(cookie.trim())) {
    throw unsupported(`paging-cookie '${cookie.slice(0, 60)}' is not a decoded <cookie page="..."> element`);
  }
}

/** The lowest statuscode of a statecode: what Dataverse sets when a create names none. */
function defaultStatus(def: TableDef, statecode: number): number | undefined {
  const states = def.columns.statuscode.states ?? {};
  return Object.keys(states)
    .map(Number)
    .filter((status) => states[status] === statecode)
    .sort((a, b) => a - b)[0];
}

function sortRows(rows: Row[], def: TableDef, orderBy: { column: string; descending: boolean }[]): void {
  rows.sort((a, b) => {
    for (const order of orderBy) {
      const column = def.columns[order.column];
      const x = comparable(column, cell(a, order.column));
      const y = comparable(column, cell(b, order.column));
      if (x === y) continue;
      const diff = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return order.descending ? -diff : diff;
    }
    return 0;
  });
}

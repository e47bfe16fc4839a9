/**
 * A local stand-in for `context.webAPI`: FetchXML and a small OData subset over the in-memory
 * store, plus the failures Dataverse produces (throttling, server errors, missing privileges,
 * offline, aggregate limit). Dev and tests only: nothing in shared/ or components/ imports it.
 */

import { DataverseStore } from "./store";
import { TableDef, tableDef } from "./schema";
import { FaultSignal, FaultSwitches, notFoundFault, privilegeFault, rejectWith } from "./faults";
import { parseFetchXml, unsupported } from "./fetchXml/parse";
import { Entity, evaluateFetch, tablesOf } from "./fetchXml/evaluate";
import { matchesOData, odataEntity, parseODataOptions } from "./odata";
import { comparable } from "./fetchXml/conditions";
import { writeValues } from "./writes";
import { Row } from "./values";

export const DEFAULT_AGGREGATE_LIMIT = 50_000;
const PAGE_LIMIT = 5000;

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
}

export class DataverseStandIn implements ComponentFramework.WebApi {
  readonly faults = new FaultSwitches();
  /** Every call, including the ones that failed: tests count round trips with it. */
  readonly requests: RequestLogEntry[] = [];
  private aggregateLimit: number;
  private latencyMs: number;
  private readonly currentUserId: string | null;

  constructor(
    readonly store: DataverseStore,
    options: StandInOptions = {},
  ) {
    this.aggregateLimit = options.aggregateLimit ?? DEFAULT_AGGREGATE_LIMIT;
    this.latencyMs = options.latencyMs ?? 0;
    this.currentUserId = options.currentUserId ?? null;
  }

  setAggregateLimit(rows: number): void {
    this.aggregateLimit = rows;
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
  ): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
    return this.handle({ method: "retrieveMultipleRecords", entity: entityType, options }, () => {
      const def = tableDef(entityType);
      const pageSize = Math.min(maxPageSize ?? PAGE_LIMIT, PAGE_LIMIT);
      if (options?.startsWith("?fetchXml=")) {
        const encoded = options.slice("?fetchXml=".length);
        if (encoded.includes("&")) throw unsupported("other query options beside fetchXml");
        const query = parseFetchXml(decodeURIComponent(encoded));
        if (query.entity.table !== entityType) throw unsupported(`<entity name="${query.entity.table}"> asked of ${entityType}`);
        this.checkAccess(tablesOf(query), "Read");
        const result = evaluateFetch(query, this.store, { aggregateLimit: this.aggregateLimit });
        return response(def, result.entities, pageSize, result.moreRecords);
      }
      const query = parseODataOptions(options, def);
      this.checkAccess([entityType], "Read");
      const rows = [...this.store.scan(entityType)].filter((row) => matchesOData(row, query, def));
      sortRows(rows, def, query.orderBy);
      const limited = query.top === null ? rows : rows.slice(0, query.top);
      const entities = limited.map((row) => odataEntity(row, def, query.select));
      return response(def, entities, pageSize, false);
    });
  }

  retrieveRecord(entityType: string, id: string, options?: string): Promise<ComponentFramework.WebApi.Entity> {
    return this.handle({ method: "retrieveRecord", entity: entityType, options, id }, () => {
      const def = tableDef(entityType);
      const query = parseODataOptions(options, def);
      if (query.filter.length > 0 || query.top !== null || query.orderBy.length > 0) {
        throw new Error("Stand-in: retrieveRecord takes only $select");
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
      if (parties && !isActivity) throw new Error(`Stand-in: ${entityType} has no activity parties`);
      if ("ownerid" in def.columns && values.ownerid === undefined && this.currentUserId) {
        values.ownerid = this.currentUserId;
      }
      if (isActivity) {
        values.statecode ??= 0;
        if (entityType === "email") values.directioncode ??= true;
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
      if (parties) throw new Error("Stand-in: activity parties can be set only on create");
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
        for (const party of [...this.store.lookup("activityparty", "activityid", row.activityid)]) {
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
    if (denied) throw new FaultSignal(privilegeFault(privilege, tableDef(denied).schemaName));
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

function response(
  def: TableDef,
  entities: Entity[],
  pageSize: number,
  moreRecords: boolean,
): ComponentFramework.WebApi.RetrieveMultipleResponse {
  if (entities.length <= pageSize && !moreRecords) {
    return { entities } as ComponentFramework.WebApi.RetrieveMultipleResponse;
  }
  // Following a nextLink is not supported: its $skiptoken makes the stand-in throw.
  return {
    entities: entities.slice(0, pageSize),
    nextLink: `https://stand-in.invalid/api/data/v9.2/${def.entitySet}?$skiptoken=unsupported`,
  };
}

function sortRows(rows: Row[], def: TableDef, orderBy: { column: string; descending: boolean }[]): void {
  rows.sort((a, b) => {
    for (const order of orderBy) {
      const column = def.columns[order.column];
      const x = comparable(column, a[order.column]);
      const y = comparable(column, b[order.column]);
      if (x === y) continue;
      const diff = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return order.descending ? -diff : diff;
    }
    return 0;
  });
}

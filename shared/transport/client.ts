import { DataError } from "../errors";
import type { FetchQuery } from "../queries/fetchQuery";
import { pagedFetchXml } from "../queries/fetchXml";
import { classifyFailure } from "./classify";
import type { QueryCache } from "./cache";

/** A row as the Web API returns it. Parsing turns it into model types. */
export type Row = Record<string, unknown>;

export interface DataverseClient {
  /** Runs FetchXML, following every page (at most MAX_FETCH_PAGES); cached and de-duplicated page-wide. */
  fetch(query: FetchQuery): Promise<Row[]>;
  /** Runs an OData query string (`?$select=…`) against a table; cached like fetch. */
  query(entity: string, odata: string): Promise<Row[]>;
  create(entity: string, data: Row): Promise<string>;
  update(entity: string, id: string, data: Row): Promise<void>;
  /** Drops cached results, e.g. for Retry after an error. */
  refresh(): void;
}

export interface RetryPolicy {
  /** How many times a throttled request is retried after waiting Retry-After. */
  throttleRetries: number;
  /** Longest Retry-After we are willing to wait inside one load; longer ones surface to the user. */
  maxWaitSeconds: number;
  /** Wait before the single retry of a server or network failure. */
  transientRetryDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { throttleRetries: 3, maxWaitSeconds: 20, transientRetryDelayMs: 1000 };

export interface ClientOptions {
  cache: QueryCache;
  retry?: RetryPolicy;
  /** Injected so tests do not wait in real time. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Pages of 5,000 rows one query may read: past that a load says it stopped instead of growing with history. */
export const MAX_FETCH_PAGES = 10;

const MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";
const PAGING_COOKIE = "@Microsoft.Dynamics.CRM.fetchxmlpagingcookie";

interface FetchPage {
  entities: Row[];
  more: boolean;
  /** The value for the next page's paging-cookie attribute, when Dataverse gave one. */
  cookie: string | null;
}

/**
 * Reads a FetchXML response page. The Web API announces more rows with morerecords and a paging cookie
 * (`<cookie pagenumber="2" pagingcookie="…" />`, its pagingcookie value URL-encoded twice); the client
 * API hands the cookie over as fetchXmlPagingCookie. Both forms are accepted.
 */
export function readFetchPage(response: unknown): FetchPage {
  const r = (typeof response === "object" && response !== null ? response : {}) as Record<string, unknown>;
  const entities = Array.isArray(r.entities) ? (r.entities as Row[]) : [];
  const raw = typeof r.fetchXmlPagingCookie === "string" ? r.fetchXmlPagingCookie : typeof r[PAGING_COOKIE] === "string" ? (r[PAGING_COOKIE]) : null;
  return { entities, more: r[MORE_RECORDS] === true || (raw !== null && raw !== ""), cookie: raw ? pagingCookie(raw) : null };
}

function pagingCookie(raw: string): string {
  const inner = /\bpagingcookie="([^"]*)"/.exec(raw)?.[1];
  if (inner === undefined) return raw;
  try {
    return decodeURIComponent(decodeURIComponent(inner));
  } catch {
    return inner;
  }
}

async function withRetries<T>(
  table: string,
  send: () => Promise<T>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void>,
  retryTransient = true,
): Promise<T> {
  let throttled = 0;
  let transientRetried = false;
  for (;;) {
    try {
      return await send();
    } catch (raw) {
      const error = classifyFailure(raw, table);
      if (error.kind === "throttled") {
        // Without a Retry-After, back off: 1, 2, 4 seconds.
        const wait = error.retryAfterSeconds ?? 2 ** throttled;
        if (throttled >= policy.throttleRetries || wait > policy.maxWaitSeconds) throw error;
        throttled++;
        await sleep(wait * 1000);
        continue;
      }
      if (retryTransient && (error.kind === "server" || error.kind === "offline") && !transientRetried) {
        transientRetried = true;
        await sleep(policy.transientRetryDelayMs);
        continue;
      }
      throw error;
    }
  }
}

export function createDataverseClient(webApi: ComponentFramework.WebApi, options: ClientOptions): DataverseClient {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const { cache } = options;

  const read = (entity: string, odata: string): Promise<Row[]> =>
    cache.get(`${entity}\u0000${odata}`, () =>
      withRetries(entity, async () => (await webApi.retrieveMultipleRecords(entity, odata)).entities as Row[], policy, sleep),
    );

  const fetchPage = (query: FetchQuery, xml: string): Promise<FetchPage> =>
    withRetries(query.entity, async () => readFetchPage(await webApi.retrieveMultipleRecords(query.entity, "?fetchXml=" + encodeURIComponent(xml))), policy, sleep);

  const fetchAll = async (query: FetchQuery): Promise<Row[]> => {
    let page = await fetchPage(query, query.fetchXml);
    const rows = [...page.entities];
    for (let number = 2; page.more; number++) {
      if (number > MAX_FETCH_PAGES) throw new DataError("aggregateLimit", "More rows than one load reads", { table: query.entity });
      page = await fetchPage(query, pagedFetchXml(query, number, page.cookie));
      rows.push(...page.entities);
    }
    return rows;
  };

  return {
    fetch: (query) => cache.get(`${query.entity}\u0000?fetchXml=${query.fetchXml}`, () => fetchAll(query)),
    query: (entity, odata) => {
      if (!odata.startsWith("?$")) throw new DataError("invalidInput", "OData options must start with ?$");
      return read(entity, odata);
    },
    async create(entity, data) {
      // A create is retried only when throttled (not processed): after a server error it may exist already.
      const ref = await withRetries(entity, () => webApi.createRecord(entity, data), policy, sleep, false);
      cache.clear();
      return ref.id;
    },
    async update(entity, id, data) {
      await withRetries(entity, () => webApi.updateRecord(entity, id, data), policy, sleep);
      cache.clear();
    },
    refresh: () => cache.clear(),
  };
}

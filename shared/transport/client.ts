import { DataError } from "../errors";
import type { FetchQuery } from "../queries/fetchQuery";
import { classifyFailure } from "./classify";
import type { QueryCache } from "./cache";

/** A row as the Web API returns it. Parsing turns it into model types. */
export type Row = Record<string, unknown>;

export interface DataverseClient {
  /** Runs FetchXML; cached and de-duplicated page-wide. */
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
        const wait = error.retryAfterSeconds ?? 1;
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

  return {
    fetch: (query) => read(query.entity, "?fetchXml=" + encodeURIComponent(query.fetchXml)),
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

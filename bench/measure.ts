/**
 * What a page sends and receives: a webAPI wrapper that timestamps every request, and the
 * arithmetic the benchmark tables print (round-trip stages, growth, ratios). No timing decides
 * anything here; the numbers are only reported.
 */
import { performance } from "perf_hooks";

export interface RequestRecord {
  method: string;
  entity: string;
  /** ms since the recorder was created (or last reset). */
  start: number;
  end: number;
  /** JSON length of the answer; 0 for a failure. */
  bytes: number;
  /** Dataverse error code of a rejected request (the aggregate limit, throttling, …). */
  errorCode: number | null;
}

export interface RecordingWebApi extends ComponentFramework.WebApi {
  readonly log: readonly RequestRecord[];
  reset(): void;
}

function errorCodeOf(error: unknown): number | null {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "number" ? code : null;
}

/** Wraps the webAPI a control is given: every call is timed and its answer measured as received JSON. */
export function recordingWebApi(inner: ComponentFramework.WebApi, clock: () => number = () => performance.now()): RecordingWebApi {
  const log: RequestRecord[] = [];
  let origin = clock();
  const timed = async <T>(method: string, entity: string, call: () => Promise<T>): Promise<T> => {
    const record: RequestRecord = { method, entity, start: clock() - origin, end: 0, bytes: 0, errorCode: null };
    log.push(record);
    try {
      const answer = await call();
      record.bytes = JSON.stringify(answer).length;
      return answer;
    } catch (error) {
      record.errorCode = errorCodeOf(error);
      throw error;
    } finally {
      record.end = clock() - origin;
    }
  };
  return {
    log,
    reset() {
      log.length = 0;
      origin = clock();
    },
    retrieveMultipleRecords: (entity, options, maxPageSize) => timed("retrieveMultipleRecords", entity, () => inner.retrieveMultipleRecords(entity, options, maxPageSize)),
    retrieveRecord: (entity, id, options) => timed("retrieveRecord", entity, () => inner.retrieveRecord(entity, id, options)),
    createRecord: (entity, data) => timed("createRecord", entity, () => inner.createRecord(entity, data)),
    updateRecord: (entity, id, data) => timed("updateRecord", entity, () => inner.updateRecord(entity, id, data)),
    deleteRecord: (entity, id) => timed("deleteRecord", entity, () => inner.deleteRecord(entity, id)),
  };
}

/**
 * Sequential round-trip stages: a request that starts only after another has finished waits for
 * it, so its stage is one more than the latest stage finished before it started. Requests sent
 * together share a stage. 0 for no requests.
 */
export function sequentialStages(log: readonly Pick<RequestRecord, "start" | "end">[]): number {
  const ordered = [...log].sort((a, b) => a.start - b.start);
  const stages: number[] = [];
  ordered.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (ordered[j].end <= request.start) before = Math.max(before, stages[j]);
    stages.push(before + 1);
  });
  return Math.max(0, ...stages);
}

export interface Traffic {
  requests: number;
  stages: number;
  bytes: number;
  /** Requests Dataverse refused for touching more rows than the aggregate limit. */
  refusedByAggregateLimit: number;
}

export function trafficOf(log: readonly RequestRecord[], aggregateLimitCode: number): Traffic {
  return {
    requests: log.length,
    stages: sequentialStages(log),
    bytes: log.reduce((sum, r) => sum + r.bytes, 0),
    refusedByAggregateLimit: log.filter((r) => r.errorCode === aggregateLimitCode).length,
  };
}

/** How many times larger `last` is than `first`, as the tables print it ("×1.0", "×125.3"). */
export function growthFactor(first: number, last: number): string {
  if (first === 0) return last === 0 ? "×1.0" : "n/a";
  return `×${(last / first).toFixed(1)}`;
}

/** Raw or gzip size against a budget in KiB; the verdict is what the table prints. */
export function budgetVerdict(bytes: number, budgetKiB: number): "ok" | "OVER BUDGET" {
  return bytes <= budgetKiB * 1024 ? "ok" : "OVER BUDGET";
}

export function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

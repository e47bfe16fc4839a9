import { DataError } from "../errors";

/**
 * Turns whatever the host's webAPI rejected with into a typed DataError. The host rejects with
 * plain objects whose shape varies between clients (model-driven, canvas, harness), so every
 * field is read defensively. Messages are ours: server text may contain record data.
 */

const THROTTLING_CODES = new Set([-2147015902, -2147015903, -2147015898]);
const PRIVILEGE_CODES = new Set([-2147220960, -2147187962, -2147180286]);
const NOT_FOUND_CODES = new Set([-2147220969, -2147088239]);
const AGGREGATE_LIMIT_CODE = -2147164125;

interface RawFailure {
  status?: number;
  errorCode?: number;
  message?: string;
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

function read(raw: unknown): RawFailure {
  if (typeof raw !== "object" || raw === null) return { message: typeof raw === "string" ? raw : undefined };
  const r = raw as Record<string, unknown>;
  const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  const code =
    num(r.errorCode) ??
    (typeof r.code === "string" && /^0x[0-9a-f]{8}$/i.test(r.code) ? parseInt(r.code, 16) | 0 : undefined);
  const headers = typeof r.headers === "object" && r.headers !== null ? (r.headers as Record<string, string>) : undefined;
  return {
    status: num(r.status) ?? num(r.statusCode) ?? num(r.httpStatusCode),
    errorCode: code,
    message: typeof r.message === "string" ? r.message : undefined,
    retryAfterSeconds: num(r.retryAfterSeconds) ?? num(r.retryAfter),
    headers,
  };
}

function retryAfter(f: RawFailure): number | undefined {
  if (f.retryAfterSeconds !== undefined) return f.retryAfterSeconds;
  const header = f.headers?.["Retry-After"] ?? f.headers?.["retry-after"];
  if (header === undefined) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function isNetworkFailure(raw: unknown, f: RawFailure): boolean {
  if (raw instanceof TypeError) return true;
  return /failed to fetch|network ?error|networkerror|load failed/i.test(f.message ?? "");
}

function browserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

export function classifyFailure(raw: unknown, table: string): DataError {
  if (raw instanceof DataError) return raw;
  const f = read(raw);
  if (f.status === 429 || (f.errorCode !== undefined && THROTTLING_CODES.has(f.errorCode))) {
    return new DataError("throttled", "The server is busy (throttled)", { table, retryAfterSeconds: retryAfter(f) });
  }
  if (f.errorCode === AGGREGATE_LIMIT_CODE || /AggregateQueryRecordLimit/i.test(f.message ?? "")) {
    return new DataError("aggregateLimit", "Too many rows to aggregate", { table });
  }
  if (f.status === 403 || (f.errorCode !== undefined && PRIVILEGE_CODES.has(f.errorCode)) || /prv(Read|Create|Write)/.test(f.message ?? "")) {
    return new DataError("noPrivilege", `No privilege to use ${table}`, { table });
  }
  if (f.status === 404 || (f.errorCode !== undefined && NOT_FOUND_CODES.has(f.errorCode))) {
    return new DataError("notFound", `Not found in ${table}`, { table });
  }
  if (isNetworkFailure(raw, f) || browserOffline()) return new DataError("offline", "No connection", { table });
  if (f.status !== undefined && f.status >= 500) return new DataError("server", `Server error ${f.status}`, { table });
  if (/not (yet )?supported|not implemented/i.test(f.message ?? "")) {
    return new DataError("unavailable", "This host gives no data access", { table });
  }
  return new DataError("unknown", "Unexpected failure", { table });
}

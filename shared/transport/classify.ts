import { DataError, isDataError } from "../errors";

/**
 * Turns whatever the host's webAPI rejected with into a typed DataError. The client API documents a
 * plain object with `errorCode` (a positive decimal, e.g. 0x80040333 arrives as 2147746611) and
 * `message`, and no HTTP status; hosts differ (model-driven, canvas, harness), so every field is read
 * defensively, codes are compared in both signed and positive forms, and a status is only a hint.
 * Messages are ours: server text may contain record data.
 */

/** Codes as unsigned 32-bit values, the way the client API documents them. */
const CODE = {
  // Service protection: requests, execution time, concurrent requests.
  throttling: [0x80072321, 0x80072322, 0x80072326],
  privilege: [0x80040220, 0x80048306, 0x8004a102],
  notFound: [0x80040217, 0x80060891],
  aggregateLimit: [0x8004e023],
  // The platform's generic "unexpected error": worth one retry.
  server: [0x80040216],
} as const;

const AGGREGATE_LIMIT_TEXT = /AggregateQueryRecordLimit|maximum record limit is exceeded/i;
const PRIVILEGE_TEXT = /\bprv(Read|Create|Write|Append|AppendTo|Delete)\w*/;

interface RawFailure {
  status?: number;
  /** Unsigned 32-bit. */
  errorCode?: number;
  message?: string;
  retryAfterSeconds?: number;
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** A code as the client API documents it, whether it arrived signed, positive or as "0x…" text. */
function unsigned(code: unknown): number | undefined {
  if (typeof code === "string" && /^0x[0-9a-f]{1,8}$/i.test(code.trim())) return parseInt(code.trim(), 16);
  const value = num(code);
  if (value === undefined || !Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) return undefined;
  return value < 0 ? value + 0x1_0000_0000 : value;
}

/** Seconds as a number, a numeric string, or the SDK's TimeSpan text "hh:mm:ss". */
function seconds(value: unknown): number | undefined {
  const span = typeof value === "string" ? /^(\d+):(\d{2}):(\d{2})(\.\d+)?$/.exec(value.trim()) : null;
  if (span) return Number(span[1]) * 3600 + Number(span[2]) * 60 + Number(span[3]);
  const parsed = typeof value === "string" && value.trim() !== "" ? Number(value) : num(value);
  return parsed !== undefined && Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/**
 * Retry-After is not part of the client API's documented error object: accept it wherever a host puts
 * it (a seconds field, a header bag, the SDK's ErrorDetails TimeSpan, or the Web API error body inside `raw`).
 */
function retryAfter(r: Record<string, unknown>): number | undefined {
  const bag = (v: unknown) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  const headers = bag(r.headers);
  const details = bag(r.errorDetails);
  const direct =
    seconds(r.retryAfterSeconds) ??
    seconds(r.retryAfter) ??
    seconds(headers["Retry-After"]) ??
    seconds(headers["retry-after"]) ??
    seconds(details["Retry-After"]);
  if (direct !== undefined) return direct;
  if (typeof r.raw === "string") {
    const match = /"?Retry-After"?\s*[:=]\s*"?(\d+(?:\.\d+)?)/i.exec(r.raw);
    if (match) return Number(match[1]);
  }
  return undefined;
}

function read(raw: unknown): RawFailure {
  if (typeof raw !== "object" || raw === null) return { message: typeof raw === "string" ? raw : undefined };
  const r = raw as Record<string, unknown>;
  return {
    status: num(r.status) ?? num(r.statusCode) ?? num(r.httpStatusCode),
    errorCode: unsigned(r.errorCode) ?? unsigned(r.code),
    message: typeof r.message === "string" ? r.message : undefined,
    retryAfterSeconds: retryAfter(r),
  };
}

function hasCode(f: RawFailure, codes: readonly number[]): boolean {
  return f.errorCode !== undefined && codes.includes(f.errorCode);
}

function isNetworkFailure(raw: unknown, f: RawFailure): boolean {
  if (raw instanceof TypeError) return true;
  return /failed to fetch|network ?error|networkerror|load failed/i.test(f.message ?? "");
}

function browserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

export function classifyFailure(raw: unknown, table: string): DataError {
  if (isDataError(raw)) return raw;
  const f = read(raw);
  const message = f.message ?? "";
  if (hasCode(f, CODE.throttling) || f.status === 429) {
    return new DataError("throttled", "The server is busy (throttled)", { table, retryAfterSeconds: f.retryAfterSeconds });
  }
  if (hasCode(f, CODE.aggregateLimit) || AGGREGATE_LIMIT_TEXT.test(message)) {
    return new DataError("aggregateLimit", "Too many rows to aggregate", { table });
  }
  if (hasCode(f, CODE.privilege) || PRIVILEGE_TEXT.test(message) || f.status === 403) {
    return new DataError("noPrivilege", `No privilege to use ${table}`, { table });
  }
  if (hasCode(f, CODE.notFound) || f.status === 404) return new DataError("notFound", `Not found in ${table}`, { table });
  if (isNetworkFailure(raw, f) || browserOffline()) return new DataError("offline", "No connection", { table });
  if (hasCode(f, CODE.server) || (f.status !== undefined && f.status >= 500)) return new DataError("server", "Server error", { table });
  if (/not (yet )?supported|not implemented/i.test(message)) {
    return new DataError("unavailable", "This host gives no data access", { table });
  }
  return new DataError("unknown", "Unexpected failure", { table });
}

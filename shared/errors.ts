/**
 * Typed failures of the data layer. Every error the widgets can meet is one of these, so each
 * gets its own localized state and way forward instead of a stack trace.
 */

export const DATA_ERROR_KINDS = [
  "invalidInput", // an id or value was refused before any request was made
  "noPrivilege", // the user cannot read a table
  "notFound",
  "throttled", // service protection that outlasted our retries
  "offline",
  "aggregateLimit", // AggregateQueryRecordLimit (50,000 rows) that splitting could not avoid, or too many pages
  "server", // a server failure after a retry
  "conflict", // the value changed since it was read
  "unavailable", // the host gives no data access (e.g. the pcf-start harness)
  "unknown",
] as const;

export type DataErrorKind = (typeof DATA_ERROR_KINDS)[number];

/**
 * Marks our failures. Every control's bundle has its own copy of this module, and the page cache hands
 * one control's failures to another, so `instanceof` fails across bundles: a plain property does not.
 */
const MARKER = "__relationshipIntelligenceDataError";

export class DataError extends Error {
  readonly [MARKER] = true;
  readonly kind: DataErrorKind;
  /** Table the failing request read, when known: lets the UI say which privilege is missing. */
  readonly table?: string;
  /** Seconds the server asked us to wait, for throttling. */
  readonly retryAfterSeconds?: number;

  constructor(kind: DataErrorKind, message: string, options: { table?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "DataError";
    this.kind = kind;
    this.table = options.table;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const KINDS: ReadonlySet<string> = new Set(DATA_ERROR_KINDS);

/** True for a DataError made by any copy of this module (another control's bundle included). */
export function isDataError(value: unknown): value is DataError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as { [MARKER]?: unknown; kind?: unknown };
  return candidate[MARKER] === true && typeof candidate.kind === "string" && KINDS.has(candidate.kind);
}

/** Refusal of a value that must not reach FetchXML or OData. The message never echoes the value. */
export function invalidInput(what: string): DataError {
  return new DataError("invalidInput", `Invalid ${what}`);
}

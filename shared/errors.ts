/**
 * Typed failures of the data layer. Every error the widgets can meet is one of these, so each
 * gets its own localized state and way forward instead of a stack trace.
 */

export type DataErrorKind =
  | "invalidInput" // an id or value was refused before any request was made
  | "noPrivilege" // the user cannot read a table
  | "notFound"
  | "throttled" // 429 that outlasted our retries
  | "offline"
  | "aggregateLimit" // AggregateQueryRecordLimit (50,000 rows) that splitting could not avoid
  | "server" // 5xx after a retry
  | "conflict" // the value changed since it was read
  | "unavailable" // the host gives no data access (e.g. the pcf-start harness)
  | "unknown";

export class DataError extends Error {
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

export function isDataError(value: unknown): value is DataError {
  return value instanceof DataError;
}

/** Refusal of a value that must not reach FetchXML or OData. The message never echoes the value. */
export function invalidInput(what: string): DataError {
  return new DataError("invalidInput", `Invalid ${what}`);
}

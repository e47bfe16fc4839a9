/**
 * Failures shaped the way `context.webAPI` delivers them: a plain object with `errorCode` as a
 * positive decimal number and `message` as Dataverse words it; the client API documents no HTTP
 * status, so none is given. Also the switches tests use to inject failures.
 */

export interface DataverseFault {
  errorCode: number;
  message: string;
  /**
   * Throttling only. How Retry-After reaches a PCF control is not documented: the Web API sends a
   * Retry-After header (seconds), the SDK an ErrorDetails["Retry-After"] TimeSpan. A throttle fault
   * carries it in the forms asked for (both by default, or none).
   */
  headers?: Record<string, string>;
  errorDetails?: Record<string, string>;
}

/** Dataverse's error codes, as the positive numbers the client API reports (0x8004E023 = 2147803171). */
export const ERROR_CODES = {
  /** Service protection: number of requests. */
  throttledRequests: 0x80072322,
  /** Service protection: combined execution time. */
  throttledExecutionTime: 0x80072321,
  /** Service protection: concurrent requests. */
  throttledConcurrency: 0x80072326,
  unexpected: 0x80040216,
  noPrivilege: 0x80040220,
  notFound: 0x80040217,
  aggregateLimit: 0x8004e023,
  /** FetchXML names a column the table does not have. */
  unknownAttribute: 0x80041103,
  /** OData names a property the entity type does not have. */
  unknownProperty: 0x80060888,
  /** A create/update body Dataverse cannot read (undeclared property or navigation). */
  badPayload: 0x80048d19,
} as const;

export type ThrottleLimit = "requests" | "executionTime" | "concurrency";
export type RetryAfterForm = "headers" | "errorDetails";

/** The documented service protection messages, one per limit. */
const THROTTLE: Record<ThrottleLimit, { errorCode: number; message: string }> = {
  requests: { errorCode: ERROR_CODES.throttledRequests, message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds." },
  executionTime: {
    errorCode: ERROR_CODES.throttledExecutionTime,
    message:
      "Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.",
  },
  concurrency: { errorCode: ERROR_CODES.throttledConcurrency, message: "Number of concurrent requests exceeded the limit of 52" },
};

/** "00:00:07": how .NET writes the SDK's TimeSpan. */
function timeSpan(seconds: number): string {
  const pad = (n: number): string => String(Math.floor(n)).padStart(2, "0");
  return `${pad(seconds / 3600)}:${pad((seconds % 3600) / 60)}:${pad(seconds % 60)}`;
}

export interface ThrottleOptions {
  limit?: ThrottleLimit;
  /** Where Retry-After travels; default both forms, [] for none. */
  retryAfterIn?: readonly RetryAfterForm[];
}

export function throttleFault(retryAfterSeconds: number, options: ThrottleOptions = {}): DataverseFault {
  const fault: DataverseFault = { ...THROTTLE[options.limit ?? "requests"] };
  const forms = options.retryAfterIn ?? ["headers", "errorDetails"];
  if (forms.includes("headers")) fault.headers = { "Retry-After": String(retryAfterSeconds) };
  if (forms.includes("errorDetails")) fault.errorDetails = { "Retry-After": timeSpan(retryAfterSeconds) };
  return fault;
}

export function serverFault(): DataverseFault {
  return { errorCode: ERROR_CODES.unexpected, message: "An unexpected error occurred." };
}

export function privilegeFault(userId: string | null, privilege: string, schemaName: string): DataverseFault {
  const principal = userId ? `Principal user (Id=${userId}, type=8)` : "Principal user";
  return { errorCode: ERROR_CODES.noPrivilege, message: `${principal} is missing prv${privilege}${schemaName} privilege` };
}

export function notFoundFault(table: string, id: string): DataverseFault {
  return { errorCode: ERROR_CODES.notFound, message: `Entity '${table}' With Id = ${id} Does Not Exist` };
}

/** Both documented texts: the platform's and the one clients show. */
export const AGGREGATE_LIMIT_MESSAGES = {
  platform: "AggregateQueryRecordLimit exceeded. Cannot perform this operation.",
  client: "The maximum record limit is exceeded. Reduce the number of records.",
} as const;
export type AggregateLimitMessage = keyof typeof AGGREGATE_LIMIT_MESSAGES;

export function aggregateLimitFault(message: AggregateLimitMessage = "platform"): DataverseFault {
  return { errorCode: ERROR_CODES.aggregateLimit, message: AGGREGATE_LIMIT_MESSAGES[message] };
}

export function unknownAttributeFault(table: string, column: string): DataverseFault {
  return {
    errorCode: ERROR_CODES.unknownAttribute,
    message: `'${table}' entity doesn't contain attribute with Name = '${column}' and NameMapping = 'Logical'`,
  };
}

export function unknownPropertyFault(table: string, property: string): DataverseFault {
  return { errorCode: ERROR_CODES.unknownProperty, message: `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table}'.` };
}

const PAYLOAD = (entitySet: string, inner: string): string =>
  `Error identified in Payload provided by the user for Entity :'${entitySet}'  ---->  InnerException : Microsoft.OData.ODataException: ${inner}`;

export function undeclaredNavigationFault(entitySet: string, navigation: string): DataverseFault {
  return {
    errorCode: ERROR_CODES.badPayload,
    message: PAYLOAD(
      entitySet,
      `An undeclared property '${navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
    ),
  };
}

export function undeclaredPropertyFault(entitySet: string, table: string, property: string): DataverseFault {
  return {
    errorCode: ERROR_CODES.badPayload,
    message: PAYLOAD(
      entitySet,
      `The property '${property}' does not exist on type 'Microsoft.Dynamics.CRM.${table}'. Make sure to only use property names that are defined by the type.`,
    ),
  };
}

/** Thrown inside the stand-in to carry a fault out to the rejected promise. */
export class FaultSignal extends Error {
  constructor(readonly fault: DataverseFault) {
    super(fault.message);
  }
}

export function refuse(fault: DataverseFault): never {
  throw new FaultSignal(fault);
}

/** PCF's webAPI rejects with plain error objects, not Error instances: the data layer must cope with exactly that. */
export function rejectWith(failure: DataverseFault | TypeError): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(failure);
}

/** One-shot failures are queued: throttle(2) then serverError(1) fail the next three requests in that order. */
export class FaultSwitches {
  private readonly queue: (() => DataverseFault)[] = [];
  private readonly denied = new Set<string>();
  private isOffline = false;
  /** Which documented text the aggregate limit answers with. */
  aggregateMessage: AggregateLimitMessage = "platform";

  throttle(times: number, retryAfterSeconds: number, options: ThrottleOptions = {}): void {
    for (let i = 0; i < times; i++) this.queue.push(() => throttleFault(retryAfterSeconds, options));
  }

  serverError(times: number): void {
    for (let i = 0; i < times; i++) this.queue.push(() => serverFault());
  }

  /** Every request touching this table (logical name) fails with the missing-privilege error until allowTable. */
  denyTable(table: string): void {
    this.denied.add(table);
  }

  allowTable(table: string): void {
    this.denied.delete(table);
  }

  offline(on: boolean): void {
    this.isOffline = on;
  }

  clear(): void {
    this.queue.length = 0;
    this.denied.clear();
    this.isOffline = false;
    this.aggregateMessage = "platform";
  }

  /** The failure this request meets before any table is read: offline first, then queued faults. */
  next(): DataverseFault | TypeError | null {
    if (this.isOffline) return new TypeError("Failed to fetch");
    const queued = this.queue.shift();
    if (queued) return queued();
    return null;
  }

  deniedTable(tables: readonly string[]): string | null {
    return tables.find((table) => this.denied.has(table)) ?? null;
  }
}

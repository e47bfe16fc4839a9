/**
 * Failures shaped like the ones the PCF webAPI rejects with, and the switches tests use to inject
 * them. Error codes are Dataverse's own, so the data layer's mapping is tested against real values.
 */

export interface DataverseFault {
  status: number;
  errorCode: number;
  message: string;
  retryAfterSeconds?: number;
  headers?: Record<string, string>;
}

export const ERROR_CODES = {
  throttled: -2147015902,
  server: -2147220970,
  noPrivilege: -2147220960,
  notFound: -2147220969,
  aggregateLimit: -2147164125,
} as const;

export function throttleFault(retryAfterSeconds: number): DataverseFault {
  return {
    status: 429,
    errorCode: ERROR_CODES.throttled,
    message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
    retryAfterSeconds,
    headers: { "Retry-After": String(retryAfterSeconds) },
  };
}

export function serverFault(status: number): DataverseFault {
  return { status, errorCode: ERROR_CODES.server, message: "An unexpected error occurred." };
}

export function privilegeFault(privilege: string, schemaName: string): DataverseFault {
  return {
    status: 403,
    errorCode: ERROR_CODES.noPrivilege,
    message: `Principal user is missing prv${privilege}${schemaName} privilege`,
  };
}

export function notFoundFault(table: string, id: string): DataverseFault {
  return { status: 404, errorCode: ERROR_CODES.notFound, message: `${table} With Id = ${id} Does Not Exist` };
}

export function aggregateLimitFault(): DataverseFault {
  return {
    status: 400,
    errorCode: ERROR_CODES.aggregateLimit,
    message: "AggregateQueryRecordLimit exceeded. Cannot perform this operation.",
  };
}

/** Thrown inside the stand-in to carry a fault out to the rejected promise. */
export class FaultSignal extends Error {
  constructor(readonly fault: DataverseFault) {
    super(fault.message);
  }
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

  throttle(times: number, retryAfterSeconds: number): void {
    for (let i = 0; i < times; i++) this.queue.push(() => throttleFault(retryAfterSeconds));
  }

  serverError(times: number, status = 500): void {
    for (let i = 0; i < times; i++) this.queue.push(() => serverFault(status));
  }

  /** Every request touching this table (logical name) fails with 403 until allowTable. */
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

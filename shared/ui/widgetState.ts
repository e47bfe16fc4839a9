import { isDataError } from "../errors";
import type { FeatureOffReason, LoadResult, RecordType } from "../model";

/** Everything a widget can be showing. Only `ready` carries data; the rest are StateView's job. */
export type WidgetState<T> =
  | { kind: "loading" }
  | { kind: "ready"; data: T }
  | { kind: "unsaved" }
  | { kind: "noRecord" }
  | { kind: "unsupportedRecordType"; recordType: RecordType }
  | { kind: "featureOff"; reason: FeatureOffReason }
  | { kind: "noPrivilege"; table?: string }
  | { kind: "notFound" }
  | { kind: "throttled"; retryAfterSeconds?: number }
  | { kind: "serverError" }
  | { kind: "offline" }
  | { kind: "aggregateLimit" }
  /** The host gives no data access (e.g. the pcf-start harness). */
  | { kind: "unavailable" }
  | { kind: "invalidInput" }
  | { kind: "unknownError" };

export type NotReadyState = Exclude<WidgetState<never>, { kind: "ready" }>;

export function stateFromResult<T>(result: LoadResult<T>): WidgetState<T> {
  switch (result.kind) {
    case "ready":
      return { kind: "ready", data: result.data };
    case "unsaved":
    case "noRecord":
      return { kind: result.kind };
    case "unsupportedRecordType":
      return { kind: "unsupportedRecordType", recordType: result.type };
    case "featureOff":
      return { kind: "featureOff", reason: result.reason };
  }
}

/** Maps anything a loader threw to a state; errors that are not DataErrors are unknown. */
export function stateFromError(error: unknown): NotReadyState {
  if (!isDataError(error)) return { kind: "unknownError" };
  switch (error.kind) {
    case "invalidInput":
    case "notFound":
    case "offline":
    case "aggregateLimit":
    case "unavailable":
      return { kind: error.kind };
    case "noPrivilege":
      return { kind: "noPrivilege", table: error.table };
    case "throttled":
      return { kind: "throttled", retryAfterSeconds: error.retryAfterSeconds };
    case "server":
      return { kind: "serverError" };
    // A read never conflicts; if one is reported, retrying is the way forward.
    case "conflict":
    case "unknown":
      return { kind: "unknownError" };
  }
}

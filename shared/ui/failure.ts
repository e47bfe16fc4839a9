import { isDataError, type DataErrorKind } from "../errors";
import type { Translate } from "./i18n";

/** What a failed action tells the user: the kind of failure and, for a missing privilege, the table. */
export interface Failure {
  kind: DataErrorKind;
  table?: string;
  retryAfterSeconds?: number;
}

export function failureOf(error: unknown): Failure {
  if (!isDataError(error)) return { kind: "unknown" };
  return { kind: error.kind, table: error.table, retryAfterSeconds: error.retryAfterSeconds };
}

/** Failures that may pass on their own; the rest need someone to change something first. */
const PASSING: ReadonlySet<DataErrorKind> = new Set<DataErrorKind>(["throttled", "offline", "server", "unknown"]);

export function canRetry(failure: Failure): boolean {
  return PASSING.has(failure.kind);
}

/**
 * The reason in words and what helps: "Try again." only where trying again can work; for a missing
 * privilege, whom to ask and for what.
 */
export function failureReason(t: Translate, failure: Failure): string {
  const reason =
    failure.kind === "noPrivilege" && failure.table ? t("error.noPrivilegeTable", { table: failure.table }) : t(`error.${failure.kind}`);
  return canRetry(failure) ? `${reason} ${t("error.tryAgain")}` : reason;
}

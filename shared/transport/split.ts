import { addDays, daysBetween, dayKey, localMidnight, type UtcOffsetAt } from "../analytics/time";
import { DataError, isDataError } from "../errors";
import type { DateWindow } from "../model";
import type { FetchQuery } from "../queries/fetchQuery";
import type { DataverseClient, Row } from "./client";

/**
 * Runs an aggregate over a date window; when Dataverse refuses it for touching more than 50,000
 * rows, splits the window in halves and runs each, recursively. Returns one row set per
 * sub-window, oldest first: the caller merges them the way its query's groups require.
 * A window that still fails at one day cannot be split further and surfaces as aggregateLimit.
 */
export async function fetchAcrossWindow(
  client: DataverseClient,
  build: (window: DateWindow) => FetchQuery,
  window: DateWindow,
  offsetAt: UtcOffsetAt,
): Promise<Row[][]> {
  try {
    return [await client.fetch(build(window))];
  } catch (error) {
    if (!isDataError(error) || error.kind !== "aggregateLimit") throw error;
    const firstDay = dayKey(window.from, offsetAt);
    const days = daysBetween(firstDay, dayKey(new Date(window.to.getTime() - 1), offsetAt)) + 1;
    if (days <= 1) throw new DataError("aggregateLimit", "Too many activities in one day to count", { table: error.table });
    // Split at the user's midnight, so day groups (grouped in their time zone) never straddle two halves.
    const middle = localMidnight(addDays(firstDay, Math.floor(days / 2)), offsetAt);
    const older = await fetchAcrossWindow(client, build, { from: window.from, to: middle }, offsetAt);
    const newer = await fetchAcrossWindow(client, build, { from: middle, to: window.to }, offsetAt);
    return [...older, ...newer];
  }
}

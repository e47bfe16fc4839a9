import { DataError, isDataError } from "../errors";
import type { DateWindow } from "../model";
import type { FetchQuery } from "../queries/fetchQuery";
import type { DataverseClient, Row } from "./client";

const DAY_MS = 86_400_000;

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
): Promise<Row[][]> {
  try {
    return [await client.fetch(build(window))];
  } catch (error) {
    if (!isDataError(error) || error.kind !== "aggregateLimit") throw error;
    const span = window.to.getTime() - window.from.getTime();
    if (span <= DAY_MS) throw new DataError("aggregateLimit", "Too many activities in one day to count", { table: error.table });
    // Split on whole days from the window's start: with windows that start at the user's midnight,
    // day groups never straddle two halves.
    const halfDays = Math.max(1, Math.floor(span / 2 / DAY_MS));
    const middle = new Date(window.from.getTime() + halfDays * DAY_MS);
    const older = await fetchAcrossWindow(client, build, { from: window.from, to: middle });
    const newer = await fetchAcrossWindow(client, build, { from: middle, to: window.to });
    return [...older, ...newer];
  }
}

import type { HealthListEntry } from "../../shared/data/healthList";
import type { LoadResult } from "../../shared/model";

/** Scores for the given lower-case ids, keyed by lower-case id (shared/data/healthList's loadHealthList). */
export type LoadEntries = (ids: string[]) => Promise<LoadResult<Map<string, HealthListEntry>>>;

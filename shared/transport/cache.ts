/**
 * A short-lived result cache with in-flight de-duplication, shared by every control of this
 * library on the page. Each control's bundle is its own module instance, so the only place they
 * can meet is `window`; the key carries the library version so two versions never mix results.
 */

export interface QueryCache {
  /** The pending or settled result for `key`, or a new one from `load`. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forget everything (after a write, or when the user asks to retry). */
  clear(): void;
}

interface Entry {
  promise: Promise<unknown>;
  expires: number;
}

export function createQueryCache(ttlMs: number, clock: () => number = Date.now): QueryCache {
  const entries = new Map<string, Entry>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = clock();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.promise as Promise<T>;
      const promise = load();
      entries.set(key, { promise, expires: now + ttlMs });
      // A failure is never cached: the next widget (or Retry) asks again.
      promise.catch(() => {
        if (entries.get(key)?.promise === promise) entries.delete(key);
      });
      return promise;
    },
    clear() {
      entries.clear();
    },
  };
}

const CACHE_TTL_MS = 30_000;

/** The page-wide cache for this library version, created by whichever control loads first. */
export function pageCache(libraryVersion: string, host: Record<string, unknown> = globalThis): QueryCache {
  const slot = `__relationshipIntelligenceCache_${libraryVersion}`;
  const existing = host[slot] as QueryCache | undefined;
  if (existing) return existing;
  const created = createQueryCache(CACHE_TTL_MS);
  host[slot] = created;
  return created;
}

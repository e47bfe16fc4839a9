import * as React from "react";
import { failureOf, type Failure } from "../../shared/ui/failure";
import { stateFromError, stateFromResult, type NotReadyState } from "../../shared/ui/widgetState";
import type { HealthListEntry } from "../../shared/data/healthList";
import type { LoadEntries } from "./entry";

export interface HealthEntries {
  entries: ReadonlyMap<string, HealthListEntry>;
  /** Ids whose load failed as a whole, with why. */
  failed: ReadonlyMap<string, Failure>;
  /** Ids asked for and not answered yet. */
  pending: ReadonlySet<string>;
  /** What stops scores for the whole list (feature off, a failed load), shown above the rows. */
  problem: NotReadyState | null;
  retry: () => void;
}

interface State {
  entries: Map<string, HealthListEntry>;
  failed: Map<string, Failure>;
  pending: Set<string>;
  problem: NotReadyState | null;
}

const EMPTY: State = { entries: new Map(), failed: new Map(), pending: new Set(), problem: null };

/**
 * Loads scores only for ids not loaded yet: "Show more" scores the new page alone, re-sorting
 * loads nothing, and rows already scored stay on screen while the next ones load. `scope` (the
 * table) starts over when it changes; an answer for an older scope is ignored.
 */
export function useHealthEntries(load: LoadEntries, scope: string, ids: readonly string[]): HealthEntries {
  const [state, setState] = React.useState<State>(EMPTY);
  const [attempt, setAttempt] = React.useState(0);
  const asked = React.useRef(new Set<string>());
  const generation = React.useRef(0);
  const latest = React.useRef(state);
  latest.current = state;

  React.useEffect(() => {
    generation.current += 1;
    asked.current = new Set();
    setState(EMPTY);
    return () => {
      generation.current += 1;
    };
  }, [scope]);

  const wanted = ids.join(",");
  React.useEffect(() => {
    const missing = ids.filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    missing.forEach((id) => asked.current.add(id));
    const mine = generation.current;
    setState((s) => ({ ...s, pending: new Set([...s.pending, ...missing]) }));
    const settled = (update: (s: State, pending: Set<string>) => State) => {
      if (generation.current !== mine) return;
      setState((s) => {
        const pending = new Set(s.pending);
        missing.forEach((id) => pending.delete(id));
        return update(s, pending);
      });
    };
    Promise.resolve()
      .then(() => load(missing))
      .then(
        (result) =>
          settled((s, pending) => {
            const outcome = stateFromResult(result);
            if (outcome.kind !== "ready") return { ...s, pending, problem: outcome };
            const entries = new Map(s.entries);
            const failed = new Map(s.failed);
            for (const id of missing) {
              const entry = outcome.data.get(id);
              if (entry) entries.set(id, entry);
              // The loader answered for the page but not for this row: say so, never show it blank.
              else failed.set(id, { kind: "unknown" });
            }
            return { ...s, entries, failed, pending };
          }),
        (error: unknown) =>
          settled((s, pending) => {
            const failed = new Map(s.failed);
            const failure = failureOf(error);
            missing.forEach((id) => failed.set(id, failure));
            return { ...s, failed, pending, problem: stateFromError(error) };
          }),
      );
    // `ids` is read through `wanted`; `load` is recreated by the host on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, scope, attempt]);

  const retry = React.useCallback(() => {
    // Only what failed is asked again; rows already scored keep their score.
    latest.current.failed.forEach((_, id) => asked.current.delete(id));
    setState((s) => ({ ...s, failed: new Map(), problem: null }));
    setAttempt((n) => n + 1);
  }, []);

  return { ...state, retry };
}

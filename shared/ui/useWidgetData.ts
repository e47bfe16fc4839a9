import * as React from "react";
import type { LoadResult } from "../model";
import { stateFromError, stateFromResult, type WidgetState } from "./widgetState";

/**
 * Runs `load` whenever `deps` change (or on retry) and exposes the outcome as a WidgetState.
 * A load that finishes after its deps changed, or after unmount, is ignored so an old record's
 * data never shows on a new one.
 */
export function useWidgetData<T>(
  load: () => Promise<LoadResult<T>>,
  deps: unknown[],
): { state: WidgetState<T>; retry: () => void } {
  const [state, setState] = React.useState<WidgetState<T>>({ kind: "loading" });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setState({ kind: "loading" });
    // `Promise.resolve().then` also turns a synchronous throw of `load` into a rejection.
    Promise.resolve()
      .then(load)
      .then(
        (result) => current && setState(stateFromResult(result)),
        (error: unknown) => current && setState(stateFromError(error)),
      );
    return () => {
      current = false;
    };
    // `load` is deliberately left out: hosts recreate it on every render; `deps` says when it matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const retry = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

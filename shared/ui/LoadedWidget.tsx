import * as React from "react";
import type { LoadResult } from "../model";
import { StateView } from "./StateView";
import { isCompactLayout, type WidgetHostProps } from "./types";
import { useWidgetData } from "./useWidgetData";
import { WidgetFrame } from "./WidgetFrame";

export interface LoadedWidgetProps<T> extends WidgetHostProps {
  title: string;
  load: () => Promise<LoadResult<T>>;
  /** Changes when anything the loader depends on changes: triggers a reload. */
  loadKey: string;
  /** The maker asked for the one-column layout (it is also chosen on narrow space and phones). */
  compact?: boolean;
  /** Heights of the loading shimmer's rows, so the ready view does not jump. */
  loadingRows: (compact: boolean) => number[];
  children: (data: T, compact: boolean) => React.ReactElement;
}

/**
 * What every record widget shares: the labelled frame, the load, and a designed state for
 * everything that is not data. The view only says how its data looks.
 */
export function LoadedWidget<T>(props: LoadedWidgetProps<T>): React.ReactElement {
  return (
    <WidgetFrame {...props}>
      <LoadedContent {...props} />
    </WidgetFrame>
  );
}

function LoadedContent<T>(props: LoadedWidgetProps<T>): React.ReactElement {
  const { state, retry } = useWidgetData(props.load, [props.loadKey]);
  const compact = props.compact === true || isCompactLayout(props.width, props.formFactor);
  if (state.kind !== "ready") {
    return <StateView state={state} t={props.t} format={props.format} onRetry={retry} loadingRows={props.loadingRows(compact)} />;
  }
  return props.children(state.data, compact);
}

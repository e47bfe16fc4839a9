/**
 * The PCF lifecycle every control shares, so each index.ts only maps its inputs to its view's props.
 */
import type * as React from "react";
import type { DataServices } from "../data/services";
import { dataServices } from "./host";

export abstract class WidgetControl<TInputs> implements ComponentFramework.ReactControl<TInputs, Record<string, never>> {
  protected services!: DataServices;

  init(context: ComponentFramework.Context<TInputs>): void {
    // The widgets lay out by the width they are given (compact below 360 px and on phones).
    context.mode.trackContainerResize(true);
    this.services = dataServices(context);
  }

  updateView(context: ComponentFramework.Context<TInputs>): React.ReactElement {
    return this.render(context);
  }

  protected abstract render(context: ComponentFramework.Context<TInputs>): React.ReactElement;

  getOutputs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    // Nothing to release: the host unmounts the React tree, and the page cache is shared.
  }
}

import * as React from "react";
import type { Formatter } from "./format";
import type { Translate } from "./i18n";
import { StateView } from "./StateView";

interface ErrorBoundaryProps {
  t: Translate;
  format: Formatter;
  children?: React.ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
  /** Bumped on retry so the children mount afresh (and reload). */
  generation: number;
}

/** A bug in a view shows the error state with Retry instead of breaking the host form. */
export class ErrorBoundary extends React.Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { failed: false, generation: 0 };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  private readonly retry = () => this.setState((s) => ({ failed: false, generation: s.generation + 1 }));

  render(): React.ReactNode {
    if (this.state.failed) {
      return (
        <StateView state={{ kind: "unknownError" }} t={this.props.t} format={this.props.format} onRetry={this.retry} />
      );
    }
    return <React.Fragment key={this.state.generation}>{this.props.children}</React.Fragment>;
  }
}

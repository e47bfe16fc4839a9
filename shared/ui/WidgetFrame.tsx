import * as React from "react";
import { mergeStyleSets, Text, ThemeProvider } from "@fluentui/react";
import { ErrorBoundary } from "./ErrorBoundary";
import { isCompactLayout, type WidgetHostProps } from "./types";

export interface WidgetFrameProps extends Pick<WidgetHostProps, "t" | "format" | "width" | "formFactor" | "theme"> {
  /** Names the region for assistive technology and, unless `headingHidden`, is shown as its heading. */
  title: string;
  headingHidden?: boolean;
  children?: React.ReactNode;
}

const classes = mergeStyleSets({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "100%",
    minWidth: 0,
    // Long names and translations wrap instead of pushing the form sideways.
    overflowWrap: "anywhere",
    padding: 12,
    selectors: { "*": { boxSizing: "border-box" } },
  },
  compact: { padding: 8 },
  heading: { margin: "0 0 8px 0" },
});

/** The labelled, themed, crash-proof box every widget renders in. */
export function WidgetFrame(props: WidgetFrameProps): React.ReactElement {
  const compact = isCompactLayout(props.width, props.formFactor);
  return (
    <ThemeProvider theme={props.theme}>
      <section
        role="region"
        aria-label={props.title}
        data-layout={compact ? "compact" : "regular"}
        className={compact ? `${classes.root} ${classes.compact}` : classes.root}
      >
        {props.headingHidden ? null : (
          <Text as="h2" variant={compact ? "medium" : "mediumPlus"} block className={classes.heading}>
            {props.title}
          </Text>
        )}
        <ErrorBoundary t={props.t} format={props.format}>
          {props.children}
        </ErrorBoundary>
      </section>
    </ThemeProvider>
  );
}

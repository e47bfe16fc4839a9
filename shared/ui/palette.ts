/**
 * The colours the widgets draw with themselves (score ring, strength meter, charts, graph), taken
 * from the theme and held to WCAG 1.4.11: every mark that carries a value is at least 3:1 against
 * what it sits on. In forced-colours (high contrast) mode they are the user's system colours, and
 * the elements opt out of the browser's repainting so the marks stay where the user can see them.
 */
import * as React from "react";
import { useTheme, type Theme } from "@fluentui/react";
import type { Grade } from "../model";
import { ensureContrast, GRAPHIC_CONTRAST, TEXT_CONTRAST } from "./contrast";

export interface WidgetColours {
  /** What the widget sits on. */
  background: string;
  text: string;
  /** Empty part of the score ring; a decoration the filled arc is measured against. */
  track: string;
  grade: Record<Grade, string>;
  /** The strength meter: outline of its full length, and the filled part. */
  meterOutline: string;
  meterFill: string;
  /** Weekly chart series. */
  sent: string;
  received: string;
  meetings: string;
  /** Lines from the record to each colleague in the graph, and the selected node. */
  edge: string;
  selected: string;
  /** Forced colours: the marks carry `forced-color-adjust: none` and system colours. */
  forced: boolean;
}

const SYSTEM: WidgetColours = {
  background: "Canvas",
  text: "CanvasText",
  track: "GrayText",
  grade: { good: "CanvasText", fair: "CanvasText", poor: "CanvasText" },
  meterOutline: "CanvasText",
  meterFill: "CanvasText",
  sent: "CanvasText",
  received: "CanvasText",
  meetings: "CanvasText",
  edge: "CanvasText",
  selected: "Highlight",
  forced: true,
};

export function widgetColours(theme: Theme, forcedColors: boolean): WidgetColours {
  if (forcedColors) return SYSTEM;
  const { palette, semanticColors } = theme;
  const background = semanticColors.bodyBackground;
  const graphic = (colour: string, against: string[] = [background]) => ensureContrast(colour, against, GRAPHIC_CONTRAST);
  const track = palette.neutralLight;
  return {
    background,
    text: ensureContrast(semanticColors.bodyText, [background], TEXT_CONTRAST),
    track,
    // Against the track too: the arc's end is where the score is read.
    grade: {
      good: graphic(semanticColors.successIcon, [background, track]),
      fair: graphic(semanticColors.severeWarningIcon, [background, track]),
      poor: graphic(semanticColors.errorIcon, [background, track]),
    },
    meterOutline: graphic(palette.neutralSecondary),
    meterFill: graphic(palette.themePrimary),
    sent: graphic(palette.themePrimary),
    received: graphic(palette.neutralSecondary),
    meetings: graphic(semanticColors.successIcon),
    edge: graphic(palette.neutralSecondary),
    selected: graphic(palette.themePrimary),
    forced: false,
  };
}

const FORCED_COLORS = "(forced-colors: active)";

/** Follows the operating system's high contrast setting as it changes. */
export function useForcedColors(): boolean {
  const query = React.useMemo(
    () => (typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(FORCED_COLORS) : null),
    [],
  );
  const [forced, setForced] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return undefined;
    const onChange = () => setForced(query.matches);
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, [query]);
  return forced;
}

export function useWidgetColours(): WidgetColours {
  const theme = useTheme();
  const forced = useForcedColors();
  return React.useMemo(() => widgetColours(theme, forced), [theme, forced]);
}

/** Style for a drawn element: in forced colours the browser must not repaint it. */
export function keepColours(colours: WidgetColours): React.CSSProperties {
  return colours.forced ? { forcedColorAdjust: "none" } : {};
}

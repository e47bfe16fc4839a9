import type { PartialTheme } from "@fluentui/react";
import type { Formatter } from "./format";
import type { Translate } from "./i18n";

export type FormFactor = "desktop" | "tablet" | "phone";

/** What every view receives from its host (the PCF control, or a test). */
export interface WidgetHostProps {
  t: Translate;
  format: Formatter;
  now: () => Date;
  /** Width available to the control, in CSS pixels. */
  width: number;
  formFactor: FormFactor;
  theme?: PartialTheme;
}

/** Below this width the widgets stack everything in one column. */
export const COMPACT_WIDTH = 360;

export function isCompactLayout(width: number, formFactor: FormFactor): boolean {
  return formFactor === "phone" || width < COMPACT_WIDTH;
}

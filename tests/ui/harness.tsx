/** Builds what a host gives a view, from the real resx files, and small helpers the view tests share. */
import { readFileSync } from "fs";
import { join } from "path";
import { act } from "@testing-library/react";
import { makeFormatter, type HostFormatting } from "../../shared/ui/format";
import { makeTranslate, type Translate } from "../../shared/ui/i18n";
import { parseResx } from "../../shared/ui/strings/resx";
import type { WidgetHostProps } from "../../shared/ui/types";
import { NOW } from "./fixtures";

export type Language = 1033 | 1048;
export const LANGUAGES: Language[] = [1033, 1048];

const ROOT = join(__dirname, "..", "..");

export function resxFile(path: string): Record<string, string> {
  return parseResx(readFileSync(join(ROOT, path), "utf8"));
}

export function commonStrings(language: Language): Record<string, string> {
  return resxFile(`shared/ui/strings/common.${language}.resx`);
}

export function ownStrings(ctor: string, language: Language): Record<string, string> {
  return resxFile(`components/${ctor}/strings/${ctor}.${language}.resx`);
}

/** Merged the way the build merges them: shared strings, then the control's own. */
export function controlStrings(ctor: string, language: Language): Record<string, string> {
  return { ...commonStrings(language), ...ownStrings(ctor, language) };
}

/** Dates the way each language's users see them, so a test can tell the languages apart. */
const FORMATTING: Record<Language, HostFormatting> = {
  1033: {
    formatDateShort: (d, includeTime) =>
      `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}${includeTime ? ` ${d.getHours()}:${pad(d.getMinutes())}` : ""}`,
    formatInteger: (n) => n.toLocaleString("en-US"),
    formatDecimal: (n, precision) => n.toLocaleString("en-US", { maximumFractionDigits: precision ?? 2 }),
  },
  1048: {
    formatDateShort: (d, includeTime) =>
      `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}${includeTime ? ` ${d.getHours()}:${pad(d.getMinutes())}` : ""}`,
    formatInteger: (n) => n.toLocaleString("ro-RO"),
    formatDecimal: (n, precision) => n.toLocaleString("ro-RO", { maximumFractionDigits: precision ?? 2 }),
  },
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export interface TestHost extends WidgetHostProps {
  /** Every key the view asked for. */
  requested: Set<string>;
}

export function host(ctor: string, language: Language, overrides: Partial<WidgetHostProps> = {}): TestHost {
  const strings = controlStrings(ctor, language);
  const requested = new Set<string>();
  const lookup = makeTranslate((key) => strings[key] ?? "");
  const t: Translate = (key, params) => {
    requested.add(key);
    return lookup(key, params);
  };
  return {
    t,
    format: makeFormatter(t, FORMATTING[language], { toLocal: (d) => d }),
    now: () => NOW,
    width: 480,
    formFactor: "desktop",
    requested,
    ...overrides,
  };
}

/**
 * Lets pending loader promises settle and React apply their results. Also lets a timer tick:
 * Fluent's MessageBar renders its text one tick late, so screen readers announce it.
 */
export async function settle(): Promise<void> {
  // Two rounds: an answer that starts another load (retry after an action) needs a second one.
  for (let round = 0; round < 2; round += 1) {
    await act(async () => {
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Elements a Tab key press would visit, in order. */
export function tabOrder(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>(
    "button, [href], input, select, textarea, [tabindex]",
  );
  return Array.from(candidates).filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute("disabled") && el.getAttribute("aria-hidden") !== "true",
  );
}

/** Inline widths wider than the space given would overflow a 280 px column. */
export function fixedWidthsOver(root: HTMLElement, limit: number): string[] {
  const offenders: string[] = [];
  root.querySelectorAll<HTMLElement | SVGElement>("*").forEach((el) => {
    for (const value of [el.style?.width, el.style?.minWidth, el.getAttribute("width")]) {
      const px = value ? /^(\d+(?:\.\d+)?)(px)?$/.exec(value) : null;
      if (px && Number(px[1]) > limit) offenders.push(`${el.tagName} ${value}`);
    }
  });
  return offenders;
}

/**
 * Fluent icon-font glyphs with nothing drawn inside: on a host that has not registered the font,
 * users see an empty box there. Our icons are SVG inside the glyph element (or on their own).
 */
export function fontGlyphsWithoutSvg(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll("i[data-icon-name]"))
    .filter((glyph) => glyph.querySelector("svg") === null)
    .map((glyph) => glyph.getAttribute("data-icon-name") ?? "");
}

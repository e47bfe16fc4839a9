/**
 * WCAG contrast of the colours the widgets use, computed per theme: text at least 4.5:1 on what it
 * sits on, graphics and meters at least 3:1 (WCAG 1.4.3, 1.4.11). Pure arithmetic; the browser
 * suite measures the rendered pixels.
 */
import { createTheme, type Theme } from "@fluentui/react";
import { contrastRatio, ensureContrast, parseColour, textOn } from "../../shared/ui/contrast";
import { widgetColours } from "../../shared/ui/palette";
import { themeFromHost } from "../../shared/ui/theme";

const THEMES: Array<[string, Theme]> = [
  ["light (Fluent default)", createTheme({})],
  ["light, host brand", themeFromHost({ tokenTheme: { colorBrandBackground: "#0f6cbd", colorNeutralForegroundOnBrand: "#ffffff" } }) as Theme],
  ["dark, no tokens", themeFromHost({ isDarkTheme: true }) as Theme],
  // The reported case: a dark brand and no on-brand foreground.
  ["dark, dark brand without on-brand text", themeFromHost({ isDarkTheme: true, tokenTheme: { colorBrandBackground: "#0f548c" } }) as Theme],
  ["dark, pale brand", themeFromHost({ isDarkTheme: true, tokenTheme: { colorBrandBackground: "#c7e0f4", colorBrandBackgroundHover: "#deecf9" } }) as Theme],
];

const ratio = (a: string, b: string) => contrastRatio(a, b) ?? 0;

describe("contrast arithmetic", () => {
  it("matches WCAG's reference values", () => {
    expect(ratio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(ratio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(ratio("#0078d4", "#ffffff")).toBeCloseTo(4.53, 2);
    expect(contrastRatio("CanvasText", "#fff")).toBeNull();
    expect(parseColour("rgb(16, 124, 16)")).toEqual([16, 124, 16]);
  });

  it("moves a colour that falls short just far enough, and leaves one that does not", () => {
    const poorOnDark = ensureContrast("#a80000", ["#292929"], 3);
    expect(ratio(poorOnDark, "#292929")).toBeGreaterThanOrEqual(3);
    expect(ratio(poorOnDark, "#292929")).toBeLessThan(4.5);
    expect(ensureContrast("#107c10", ["#ffffff"], 3)).toBe("#107c10");
    expect(textOn("#0f548c")).toBe("#ffffff");
    expect(textOn("#c7e0f4")).toBe("#000000");
  });
});

describe.each(THEMES)("%s", (_name, theme) => {
  const s = theme.semanticColors;
  const background = s.bodyBackground;

  it("has text at 4.5:1: body, subtext, links, errors, placeholders, and message bars with their links", () => {
    const pairs: Array<[string, string, string]> = [
      ["body text", s.bodyText, background],
      ["subtext", s.bodySubtext, background],
      ["link", s.link, background],
      ["hovered link", s.linkHovered, background],
      ["action link", s.actionLink, background],
      ["error text", s.errorText, background],
      ["field placeholder", s.inputPlaceholderText, background],
      ...(["infoBackground", "warningBackground", "severeWarningBackground", "errorBackground", "blockingBackground", "successBackground"] as const).flatMap(
        (slot): Array<[string, string, string]> => [
          [`message text on ${slot}`, s.messageText, s[slot]],
          [`message link on ${slot}`, s.messageLink, s[slot]],
        ],
      ),
    ];
    expect(pairs.filter(([, fg, bg]) => ratio(fg, bg) < 4.5).map(([what, fg, bg]) => `${what}: ${fg} on ${bg}`)).toEqual([]);
  });

  it("has readable primary buttons at rest, hovered and pressed", () => {
    expect(ratio(s.primaryButtonText, s.primaryButtonBackground)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(s.primaryButtonTextHovered, s.primaryButtonBackgroundHovered)).toBeGreaterThanOrEqual(4.5);
    expect(ratio(s.primaryButtonTextPressed, s.primaryButtonBackgroundPressed)).toBeGreaterThanOrEqual(4.5);
  });

  it("draws field borders, status icons, the score ring, the strength meter, chart series and graph lines at 3:1", () => {
    const c = widgetColours(theme, false);
    const pairs: Array<[string, string, string]> = [
      ["input border", s.inputBorder, background],
      ...(["successIcon", "warningIcon", "severeWarningIcon", "errorIcon", "infoIcon"] as const).map(
        (slot): [string, string, string] => [slot, s[slot], background],
      ),
      ...(["good", "fair", "poor"] as const).flatMap((grade): Array<[string, string, string]> => [
        [`${grade} arc on the card`, c.grade[grade], background],
        [`${grade} arc on its track`, c.grade[grade], c.track],
      ]),
      ["meter outline", c.meterOutline, background],
      ["meter fill", c.meterFill, c.background],
      ["sent bars", c.sent, background],
      ["received outlines", c.received, background],
      ["meetings", c.meetings, background],
      ["graph lines", c.edge, background],
      ["selected node", c.selected, background],
      ["ring number", c.text, background],
    ];
    expect(pairs.filter(([, fg, bg]) => ratio(fg, bg) < 3).map(([what, fg, bg]) => `${what}: ${fg} on ${bg}`)).toEqual([]);
  });
});

describe("high contrast (forced colours)", () => {
  it("draws every mark in the user's system colours", () => {
    const c = widgetColours(createTheme({}), true);
    expect(c.forced).toBe(true);
    const used = [c.text, c.track, ...Object.values(c.grade), c.meterOutline, c.meterFill, c.sent, c.received, c.meetings, c.edge, c.selected];
    expect(used.filter((colour) => !["Canvas", "CanvasText", "GrayText", "Highlight"].includes(colour))).toEqual([]);
  });
});

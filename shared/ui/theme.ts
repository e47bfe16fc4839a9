import { createTheme, type IPalette, type ISemanticColors, type Theme } from "@fluentui/react";
import { ensureContrast, GRAPHIC_CONTRAST, TEXT_CONTRAST, textOn } from "./contrast";

/** What the host puts in `context.fluentDesignLanguage` when modern theming is on. */
export interface HostDesignLanguage {
  /** A Fluent 9 token theme (colorBrandBackground, colorNeutralForeground1, …). */
  tokenTheme?: unknown;
  isDarkTheme?: boolean;
}

/** Fluent 9 token → Fluent 8 palette slot. Only tokens with a clear counterpart are carried over. */
const PALETTE_TOKENS: ReadonlyArray<[keyof IPalette, string]> = [
  ["themePrimary", "colorBrandBackground"],
  ["themeDarkAlt", "colorBrandBackgroundHover"],
  ["themeDark", "colorBrandBackgroundPressed"],
  ["themeSecondary", "colorBrandForeground2"],
  ["themeLighter", "colorBrandBackground2"],
  ["neutralPrimary", "colorNeutralForeground1"],
  ["neutralSecondary", "colorNeutralForeground2"],
  ["neutralTertiary", "colorNeutralForeground3"],
  ["neutralQuaternaryAlt", "colorNeutralStroke1"],
  ["neutralLight", "colorNeutralBackground3"],
  ["neutralLighter", "colorNeutralBackground2"],
  ["white", "colorNeutralBackground1"],
];

const SEMANTIC_TOKENS: ReadonlyArray<[keyof ISemanticColors, string]> = [
  ["bodyBackground", "colorNeutralBackground1"],
  ["bodyText", "colorNeutralForeground1"],
  ["bodySubtext", "colorNeutralForeground2"],
  ["bodyDivider", "colorNeutralStroke2"],
  ["errorText", "colorPaletteRedForeground1"],
  ["successIcon", "colorPaletteGreenForeground1"],
  ["warningIcon", "colorPaletteDarkOrangeForeground1"],
  ["primaryButtonText", "colorNeutralForegroundOnBrand"],
  ["primaryButtonTextHovered", "colorNeutralForegroundOnBrand"],
  ["primaryButtonTextPressed", "colorNeutralForegroundOnBrand"],
];

/** Used when the host says "dark" but gives no tokens: Fluent 8 ships no dark theme of its own. */
const DARK_PALETTE: Partial<IPalette> = {
  themePrimary: "#479ef5",
  themeDarkAlt: "#62abf5",
  themeDark: "#77b7f7",
  themeSecondary: "#2886de",
  themeLighter: "#0f3b66",
  neutralPrimary: "#ffffff",
  neutralSecondary: "#d6d6d6",
  neutralTertiary: "#adadad",
  neutralQuaternaryAlt: "#5c5c5c",
  neutralLight: "#3d3d3d",
  neutralLighter: "#333333",
  neutralLighterAlt: "#2b2b2b",
  neutralPrimaryAlt: "#e0e0e0",
  neutralDark: "#f4f4f4",
  neutralTertiaryAlt: "#4a4a4a",
  neutralQuaternary: "#4f4f4f",
  white: "#292929",
  black: "#ffffff",
};

/**
 * Fluent 8 draws some text in `palette.white` (primary buttons) and tints message bars for a light
 * page; in the dark palette `white` is the background, so these need their own dark values.
 */
const DARK_SEMANTIC_COLORS: Partial<ISemanticColors> = {
  messageText: "#ffffff",
  messageLink: "#62abf5",
  messageLinkHovered: "#77b7f7",
  infoBackground: "#333333",
  warningBackground: "#463100",
  severeWarningBackground: "#4f2a0f",
  errorBackground: "#442726",
  blockingBackground: "#442726",
  successBackground: "#1b3b1b",
};

/**
 * Follows the host's theme when it gives one (dark included); otherwise undefined, which leaves
 * the theme the host loaded. Whatever the host's tokens, the result is readable: see `readable`.
 * High contrast (forced colours) is the browser's: Fluent's own styles follow it, and the marks the
 * widgets draw take system colours (palette.ts).
 */
export function themeFromHost(fluentDesignLanguage?: HostDesignLanguage): Theme | undefined {
  if (!fluentDesignLanguage) return undefined;
  const tokens = isRecord(fluentDesignLanguage.tokenTheme) ? fluentDesignLanguage.tokenTheme : {};
  const dark = fluentDesignLanguage.isDarkTheme === true;

  const palette: Partial<IPalette> = dark ? { ...DARK_PALETTE } : {};
  for (const [slot, token] of PALETTE_TOKENS) {
    const value = colour(tokens[token]);
    if (value) palette[slot] = value;
  }
  const semanticColors: Partial<ISemanticColors> = dark ? { ...DARK_SEMANTIC_COLORS } : {};
  for (const [slot, token] of SEMANTIC_TOKENS) {
    const value = colour(tokens[token]);
    if (value) semanticColors[slot] = value;
  }
  if (dark && !semanticColors.bodyBackground) semanticColors.bodyBackground = palette.white;
  if (dark && !semanticColors.bodyText) semanticColors.bodyText = palette.neutralPrimary;

  if (!dark && Object.keys(palette).length === 0 && Object.keys(semanticColors).length === 0) return undefined;
  return readable(createTheme({ palette, semanticColors, isInverted: dark }), Boolean(colour(tokens.colorNeutralForegroundOnBrand)));
}

/** Semantic slots read as text on the page background, and those drawn as graphics (borders, icons). */
const TEXT_SLOTS = ["bodyText", "bodySubtext", "link", "linkHovered", "actionLink", "errorText", "inputPlaceholderText"] as const;
const GRAPHIC_SLOTS = ["inputBorder", "successIcon", "warningIcon", "severeWarningIcon", "errorIcon", "infoIcon"] as const;
/** Suffixes of the primary button's background and text slots: at rest, hovered, pressed. */
const BUTTON_STATES = ["", "Hovered", "Pressed"] as const;
const MESSAGE_TEXTS = ["messageText", "messageLink"] as const;
const MESSAGE_BACKGROUNDS = ["infoBackground", "warningBackground", "severeWarningBackground", "errorBackground", "blockingBackground", "successBackground"] as const;

/**
 * Holds a theme to WCAG contrast: text 4.5:1 on its background, field borders and icons 3:1.
 * A host may give a brand colour without its on-brand foreground (or one that clashes with it), so
 * button text is whichever of black and white reads on the button, and the button darkens or
 * lightens where neither does.
 */
export function readable(theme: Theme, hostGaveOnBrandText = false): Theme {
  const s = theme.semanticColors;
  const semanticColors: ISemanticColors = { ...s };
  for (const slot of TEXT_SLOTS) semanticColors[slot] = ensureContrast(s[slot], [s.bodyBackground], TEXT_CONTRAST);
  for (const slot of GRAPHIC_SLOTS) semanticColors[slot] = ensureContrast(s[slot], [s.bodyBackground], GRAPHIC_CONTRAST);
  for (const state of BUTTON_STATES) {
    const fill = `primaryButtonBackground${state}` as const;
    const label = `primaryButtonText${state}` as const;
    const ink = hostGaveOnBrandText ? s[label] : textOn(s[fill]);
    semanticColors[fill] = ensureContrast(s[fill], [ink], TEXT_CONTRAST);
    semanticColors[label] = ink;
  }
  const messageBackgrounds = MESSAGE_BACKGROUNDS.map((slot) => s[slot]);
  for (const slot of MESSAGE_TEXTS) semanticColors[slot] = ensureContrast(s[slot], messageBackgrounds, TEXT_CONTRAST);
  return createTheme({ palette: theme.palette, isInverted: theme.isInverted, semanticColors });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Token values are CSS colours; anything else (a stray object, an empty string) is ignored. */
function colour(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

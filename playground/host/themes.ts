/**
 * What the host passes as `context.fluentDesignLanguage` with modern theming on: a Fluent 9 token
 * theme and whether it is dark. Subsets of Fluent 9's webLightTheme, webDarkTheme and
 * teamsHighContrastTheme: the tokens the widgets read. The dark set leaves out
 * colorNeutralForegroundOnBrand on purpose: some hosts give a dark brand without it, and the
 * widgets must stay readable then too. Also the page chrome's own colours for each theme.
 */
import type { ThemeChoice } from "./options";

export interface DesignLanguage {
  isDarkTheme: boolean;
  tokenTheme: Record<string, string>;
}

export const DESIGN_LANGUAGES: Record<ThemeChoice, DesignLanguage> = {
  light: {
    isDarkTheme: false,
    tokenTheme: {
      colorBrandBackground: "#0f6cbd",
      colorBrandBackgroundHover: "#115ea3",
      colorBrandBackgroundPressed: "#0c3b5e",
      colorBrandForeground2: "#115ea3",
      colorBrandBackground2: "#ebf3fc",
      colorNeutralForeground1: "#242424",
      colorNeutralForeground2: "#424242",
      colorNeutralForeground3: "#616161",
      colorNeutralForegroundOnBrand: "#ffffff",
      colorNeutralStroke1: "#d1d1d1",
      colorNeutralStroke2: "#e0e0e0",
      colorNeutralBackground1: "#ffffff",
      colorNeutralBackground2: "#fafafa",
      colorNeutralBackground3: "#f5f5f5",
      colorPaletteRedForeground1: "#bc2f32",
      colorPaletteGreenForeground1: "#0e700e",
      colorPaletteDarkOrangeForeground1: "#c43501",
    },
  },
  dark: {
    isDarkTheme: true,
    tokenTheme: {
      colorBrandBackground: "#115ea3",
      colorBrandBackgroundHover: "#0f6cbd",
      colorBrandBackgroundPressed: "#0c3b5e",
      colorBrandForeground2: "#96c6fa",
      colorBrandBackground2: "#082338",
      colorNeutralForeground1: "#ffffff",
      colorNeutralForeground2: "#d6d6d6",
      colorNeutralForeground3: "#adadad",
      colorNeutralStroke1: "#666666",
      colorNeutralStroke2: "#525252",
      colorNeutralBackground1: "#292929",
      colorNeutralBackground2: "#1f1f1f",
      colorNeutralBackground3: "#141414",
      colorPaletteRedForeground1: "#e37d80",
      colorPaletteGreenForeground1: "#54b054",
      colorPaletteDarkOrangeForeground1: "#e9835e",
    },
  },
  contrast: {
    isDarkTheme: true,
    tokenTheme: {
      colorBrandBackground: "#1aebff",
      colorBrandBackgroundHover: "#1aebff",
      colorBrandBackgroundPressed: "#1aebff",
      colorBrandForeground2: "#1aebff",
      colorBrandBackground2: "#000000",
      colorNeutralForeground1: "#ffffff",
      colorNeutralForeground2: "#ffffff",
      colorNeutralForeground3: "#ffffff",
      colorNeutralForegroundOnBrand: "#000000",
      colorNeutralStroke1: "#ffffff",
      colorNeutralStroke2: "#ffffff",
      colorNeutralBackground1: "#000000",
      colorNeutralBackground2: "#000000",
      colorNeutralBackground3: "#000000",
      colorPaletteRedForeground1: "#ffffff",
      colorPaletteGreenForeground1: "#ffffff",
      colorPaletteDarkOrangeForeground1: "#ffffff",
    },
  },
};

export interface PagePalette {
  page: string;
  card: string;
  border: string;
  text: string;
  sub: string;
  link: string;
  panel: string;
  error: string;
}

/** The form around the controls; every text pair here is at least 4.5:1. */
export const PAGE_PALETTES: Record<ThemeChoice, PagePalette> = {
  light: { page: "#f5f5f5", card: "#ffffff", border: "#d1d1d1", text: "#242424", sub: "#5c5c5c", link: "#0f6cbd", panel: "#fafafa", error: "#b10e1c" },
  dark: { page: "#1f1f1f", card: "#292929", border: "#666666", text: "#ffffff", sub: "#d6d6d6", link: "#96c6fa", panel: "#141414", error: "#f1707b" },
  contrast: { page: "#000000", card: "#000000", border: "#ffffff", text: "#ffffff", sub: "#ffffff", link: "#ffff00", panel: "#000000", error: "#ffff00" },
};

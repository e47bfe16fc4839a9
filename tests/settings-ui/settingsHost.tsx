/**
 * Renders the settings page the way the control does: real resx strings (common + own, merged as the
 * build merges them), a language-aware formatter and a fixed clock. Every key the page asks for is
 * recorded, so a test can prove it exists in the language it ran in.
 */
import * as React from "react";
import { configure, render, type RenderResult } from "@testing-library/react";
import { InjectionMode, Stylesheet } from "@fluentui/react";
import { DEFAULT_SETTINGS } from "../../shared/analytics/settings";
import type { LoadResult, SecurityRole, Settings, SettingsPageData } from "../../shared/model";
import { makeFormatter } from "../../shared/ui/format";
import { makeTranslate } from "../../shared/ui/i18n";
import type { FormFactor } from "../../shared/ui/types";
import { SettingsView, type SettingsViewProps } from "../../components/RelationshipIntelligenceSettings/SettingsView";
import { controlStrings, type Language } from "../support/mockContext";

// jsdom recomputes styles through every injected Fluent rule on each role query and axe pass, which
// makes this large form take minutes. Layout and colour cannot be checked in jsdom anyway.
Stylesheet.getInstance().setConfig({ injectionMode: InjectionMode.none });
// With no styles injected nothing is hidden by CSS, so role queries can skip their visibility walk.
configure({ defaultHidden: true });

export const CTOR = "RelationshipIntelligenceSettings";
export const NOW = new Date("2026-03-10T12:00:00.000Z");

export const ROLES: SecurityRole[] = [
  { id: "11111111-1111-4111-8111-111111111111", name: "Salesperson", templateId: null },
  { id: "22222222-2222-4222-8222-222222222222", name: "Sales Manager", templateId: null },
  { id: "33333333-3333-4333-8333-333333333333", name: "System Administrator", templateId: "627090ff-40a3-4053-8790-584edc5be201" },
  { id: "44444444-4444-4444-8444-444444444444", name: "Customer Service Representative", templateId: null },
];

/** A mutable copy of the defaults, changed by `patch`. */
export function settingsWith(patch: (settings: Settings) => void = () => undefined): Settings {
  const settings = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
  patch(settings);
  return settings;
}

export function pageData(overrides: Partial<SettingsPageData> = {}): SettingsPageData {
  return {
    settings: settingsWith(),
    problems: [],
    roles: ROLES,
    consent: { kind: "notActivated" },
    isAdmin: true,
    version: "v1",
    ...overrides,
  };
}

export type SaveMock = jest.Mock<Promise<{ version: string | null }>, [Settings, string | null]>;

/** A store that refuses every save with `error`. */
export function failingSave(error: Error): SaveMock {
  return jest.fn((_settings: Settings, _version: string | null) => Promise.reject(error));
}

export interface HostOptions {
  language?: Language;
  width?: number;
  formFactor?: FormFactor;
  load?: () => Promise<LoadResult<SettingsPageData>>;
  data?: SettingsPageData;
  save?: SaveMock;
  recordConsent?: jest.Mock<Promise<{ version: string | null }>, [string | null]>;
  withdrawConsent?: jest.Mock<Promise<{ version: string | null }>, [string | null]>;
  settingsChanges?: SettingsViewProps["settingsChanges"];
}

export interface Host extends RenderResult {
  strings: Record<string, string>;
  /** Localized text of a key in the language of this render. */
  text(key: string, params?: Record<string, string | number>): string;
  /** Keys the page asked for that its language does not have. */
  missingKeys: Set<string>;
  load: jest.Mock<Promise<LoadResult<SettingsPageData>>, []>;
  save: SaveMock;
  recordConsent: jest.Mock<Promise<{ version: string | null }>, [string | null]>;
  withdrawConsent: jest.Mock<Promise<{ version: string | null }>, [string | null]>;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function renderSettings(options: HostOptions = {}): Host {
  const language = options.language ?? 1033;
  const strings = controlStrings(CTOR, language);
  const missingKeys = new Set<string>();
  const text = makeTranslate((key) => strings[key] ?? "");
  const t = makeTranslate((key) => {
    if (!(key in strings)) missingKeys.add(key);
    return strings[key] ?? "";
  });
  const format = makeFormatter(
    t,
    {
      formatDateShort: (d) =>
        language === 1048 ? `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}` : `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
      formatInteger: (n) => String(Math.round(n)),
      formatDecimal: (n, precision = 2) => n.toFixed(precision),
    },
    { toLocal: (d) => d },
  );
  const data = options.data ?? pageData();
  const load = jest.fn(options.load ?? (() => Promise.resolve<LoadResult<SettingsPageData>>({ kind: "ready", data })));
  const save = options.save ?? jest.fn((_settings: Settings, _version: string | null) => Promise.resolve({ version: "v2" }));
  const recordConsent = options.recordConsent ?? jest.fn((_version: string | null) => Promise.resolve({ version: "v2" }));
  const withdrawConsent = options.withdrawConsent ?? jest.fn((_version: string | null) => Promise.resolve({ version: "v2" }));
  const result = render(
    <SettingsView
      t={t}
      format={format}
      now={() => NOW}
      width={options.width ?? 720}
      formFactor={options.formFactor ?? "desktop"}
      load={load}
      loadKey="settings"
      save={save}
      recordConsent={recordConsent}
      withdrawConsent={withdrawConsent}
      settingsChanges={options.settingsChanges}
    />,
  );
  return { ...result, strings, text, missingKeys, load, save, recordConsent, withdrawConsent };
}

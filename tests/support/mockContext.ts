/**
 * The one typed PCF context every control test uses (Creator Kit copies a mock per control; we
 * keep one). Strings come from the real resx files, merged the way the build merges them, so a
 * missing translation fails here exactly as it would on a form.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { LIBRARY_VERSION } from "../../shared/libraryInfo";
import { pageCache } from "../../shared/transport/cache";
import { parseResx } from "../../shared/ui/strings/resx";

export type Language = 1033 | 1048;

const ROOT = join(__dirname, "..", "..");

/** The strings a control ships in one language: the shared ones, then its own (own win). */
export function controlStrings(ctor: string, language: Language): Record<string, string> {
  const common = parseResx(readFileSync(join(ROOT, "shared", "ui", "strings", `common.${language}.resx`), "utf8"));
  const own = parseResx(readFileSync(join(ROOT, "components", ctor, "strings", `${ctor}.${language}.resx`), "utf8"));
  return { ...common, ...own };
}

export interface MockContextOptions {
  ctor: string;
  webAPI: ComponentFramework.WebApi;
  language?: Language;
  /** What a model-driven form puts in mode.contextInfo; undefined = no form (canvas app). */
  form?: { entityTypeName: string; entityId: string; entityRecordName?: string };
  /** Extra input values by property name (recordType, recordId, showFactors, …). */
  inputs?: Record<string, unknown>;
  userId?: string;
  securityRoles?: string[];
  width?: number;
  /** 1 desktop, 2 tablet, 3 phone. */
  formFactor?: number;
  /** User's time zone offset from UTC in minutes. */
  timeZoneOffsetMinutes?: number;
  openForm?: (options: ComponentFramework.NavigationApi.EntityFormOptions) => Promise<unknown>;
}

function property(raw: unknown): ComponentFramework.PropertyTypes.Property {
  return { raw, error: false, errorMessage: "", formatted: typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "", type: "SingleLine.Text", attributes: undefined };
}

export interface MockContext<T> extends ComponentFramework.Context<T> {
  /** Calls to trackContainerResize, so tests can check controls ask for their width. */
  readonly resizeTracking: boolean[];
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Each mock context is a fresh page: nothing cached by an earlier test's controls. */
export function mockContext<T>(options: MockContextOptions): MockContext<T> {
  pageCache(LIBRARY_VERSION).clear();
  const language = options.language ?? 1033;
  const strings = controlStrings(options.ctor, language);
  const inputs: Record<string, unknown> = { boundField: null, recordType: null, recordId: null, ...options.inputs };
  const parameters = Object.fromEntries(Object.entries(inputs).map(([name, raw]) => [name, property(raw)]));
  const resizeTracking: boolean[] = [];
  const offset = options.timeZoneOffsetMinutes ?? 0;

  const context = {
    parameters,
    resizeTracking,
    mode: {
      allocatedWidth: options.width ?? 480,
      allocatedHeight: -1,
      isControlDisabled: false,
      isVisible: true,
      label: "",
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: (value: boolean) => {
        resizeTracking.push(value);
      },
      ...(options.form ? { contextInfo: options.form } : {}),
    },
    client: {
      disableScroll: false,
      getClient: () => "Web",
      getFormFactor: () => options.formFactor ?? 1,
      isOffline: () => false,
      isNetworkAvailable: () => true,
    },
    userSettings: {
      userId: `{${(options.userId ?? "00000000-0000-0000-0000-000000000001").toUpperCase()}}`,
      userName: "Test User",
      languageId: language,
      isRTL: false,
      securityRoles: options.securityRoles ?? [],
      getTimeZoneOffsetMinutes: () => offset,
    },
    // Deterministic, language-aware formatting: day.month.year for Romanian, month/day/year for English.
    formatting: {
      formatDateShort: (d: Date, includeTime?: boolean) => {
        const date = language === 1048 ? `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}` : `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
        return includeTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
      },
      formatInteger: (n: number) => Math.round(n).toLocaleString(language === 1048 ? "ro-RO" : "en-US"),
      formatDecimal: (n: number, precision = 2) =>
        n.toLocaleString(language === 1048 ? "ro-RO" : "en-US", { minimumFractionDigits: precision, maximumFractionDigits: precision }),
    },
    resources: {
      getString: (key: string) => strings[key] ?? "",
      getResource: () => undefined,
    },
    webAPI: options.webAPI,
    navigation: {
      openForm: options.openForm ?? (() => Promise.resolve({})),
      openUrl: () => undefined,
      openAlertDialog: () => Promise.resolve(),
      openConfirmDialog: () => Promise.resolve({ confirmed: false }),
      openErrorDialog: () => Promise.resolve(),
      openFile: () => Promise.resolve(),
      openWebResource: () => undefined,
    },
    utils: {},
    device: {},
    factory: { requestRender: () => undefined },
  };
  return context as unknown as MockContext<T>;
}

/**
 * Browser-safe counterpart of tests/support/mockContext.ts: one typed PCF context per control, with
 * strings from the bundled resx files and formatting like the tests' mock. No fs, no jest.
 */
import { controlStrings, type Ctor, type Language } from "./strings";

export interface PlaygroundContextOptions {
  ctor: Ctor;
  webAPI: ComponentFramework.WebApi;
  language: Language;
  /** What a model-driven form puts in mode.contextInfo; undefined = no form. */
  form?: { entityTypeName: string; entityId: string; entityRecordName?: string };
  inputs?: Record<string, unknown>;
  userId: string;
  userName: string;
  securityRoles: string[];
  width: number;
  timeZoneOffsetMinutes?: number;
  /** Passed through as context.fluentDesignLanguage (modern theming). */
  fluentDesignLanguage?: unknown;
  log: (message: string) => void;
  /** Called with every key getString had no string for. */
  onMissingString?: (ctor: Ctor, key: string) => void;
}

function property(raw: unknown): ComponentFramework.PropertyTypes.Property {
  return {
    raw,
    error: false,
    errorMessage: "",
    formatted: typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "",
    type: "SingleLine.Text",
    attributes: undefined,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function playgroundContext<T>(options: PlaygroundContextOptions): ComponentFramework.Context<T> {
  const { language, log } = options;
  const strings = controlStrings(options.ctor, language);
  const inputs: Record<string, unknown> = { boundField: null, recordType: null, recordId: null, ...options.inputs };
  const parameters = Object.fromEntries(Object.entries(inputs).map(([name, raw]) => [name, property(raw)]));
  const offset = options.timeZoneOffsetMinutes ?? 0;
  const locale = language === 1048 ? "ro-RO" : "en-US";

  const context = {
    parameters,
    mode: {
      allocatedWidth: options.width,
      allocatedHeight: -1,
      isControlDisabled: false,
      isVisible: true,
      label: "",
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: () => undefined,
      ...(options.form ? { contextInfo: options.form } : {}),
    },
    client: {
      disableScroll: false,
      getClient: () => "Web",
      getFormFactor: () => 1,
      isOffline: () => false,
      isNetworkAvailable: () => true,
    },
    userSettings: {
      userId: `{${options.userId.toUpperCase()}}`,
      userName: options.userName,
      languageId: language,
      isRTL: false,
      securityRoles: options.securityRoles,
      getTimeZoneOffsetMinutes: () => offset,
    },
    // Same deterministic, language-aware formatting as the tests' mock.
    formatting: {
      formatDateShort: (d: Date, includeTime?: boolean) => {
        const date = language === 1048 ? `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}` : `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
        return includeTime ? `${date} ${pad(d.getHours())}:${pad(d.getMinutes())}` : date;
      },
      formatInteger: (n: number) => Math.round(n).toLocaleString(locale),
      formatDecimal: (n: number, precision = 2) => n.toLocaleString(locale, { minimumFractionDigits: precision, maximumFractionDigits: precision }),
    },
    resources: {
      getString: (key: string) => {
        const value = strings[key];
        if (value === undefined) options.onMissingString?.(options.ctor, key);
        return value ?? "";
      },
      getResource: () => undefined,
    },
    webAPI: options.webAPI,
    navigation: {
      openForm: (form: ComponentFramework.NavigationApi.EntityFormOptions) => {
        log(`${options.ctor}: navigation.openForm ${JSON.stringify(form)}`);
        return Promise.resolve({});
      },
      openUrl: (url: string) => log(`${options.ctor}: navigation.openUrl ${url}`),
      openAlertDialog: (alert: unknown) => {
        log(`${options.ctor}: navigation.openAlertDialog ${JSON.stringify(alert)}`);
        return Promise.resolve();
      },
      openConfirmDialog: (confirm: unknown) => {
        log(`${options.ctor}: navigation.openConfirmDialog ${JSON.stringify(confirm)} → not confirmed`);
        return Promise.resolve({ confirmed: false });
      },
      openErrorDialog: (error: unknown) => {
        log(`${options.ctor}: navigation.openErrorDialog ${JSON.stringify(error)}`);
        return Promise.resolve();
      },
      openFile: () => Promise.resolve(),
      openWebResource: (name: string) => log(`${options.ctor}: navigation.openWebResource ${name}`),
    },
    utils: {},
    device: {},
    factory: { requestRender: () => undefined },
    ...(options.fluentDesignLanguage ? { fluentDesignLanguage: options.fluentDesignLanguage } : {}),
  };
  return context as unknown as ComponentFramework.Context<T>;
}

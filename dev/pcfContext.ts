/**
 * The one stand-in for the PCF context, shared by the tests (tests/support) and the playground.
 * Browser-safe: the caller brings the strings (read from disk in tests, bundled in the playground).
 * Formatting is deterministic and language-aware: day.month.year for Romanian, month/day/year for
 * English, so tests can tell which language a date came out in.
 */

export type Language = 1033 | 1048;

export interface PcfContextOptions {
  /** The control's strings in `language` (shared strings merged with its own). */
  strings: Record<string, string>;
  webAPI: ComponentFramework.WebApi;
  language?: Language;
  /** What a model-driven form puts in mode.contextInfo; undefined = no form (canvas app, dashboard). */
  form?: { entityTypeName: string; entityId: string; entityRecordName?: string };
  /** Input values by property name (recordType, recordId, showFactors, …). */
  inputs?: Record<string, unknown>;
  /** Dataset properties by name (a view's records, e.g. dev/dataset.ts). */
  dataSets?: Record<string, ComponentFramework.PropertyTypes.DataSet>;
  userId?: string;
  userName?: string;
  securityRoles?: string[];
  width?: number;
  /** 1 desktop, 2 tablet, 3 phone. */
  formFactor?: number;
  /** User's time zone offset from UTC in minutes, the same on every date. */
  timeZoneOffsetMinutes?: number;
  /** User's time zone as an IANA name (Europe/Bucharest): the offset follows daylight saving per date. Wins over the fixed offset. */
  timeZone?: string;
  /** Passed through as context.fluentDesignLanguage (modern theming). */
  fluentDesignLanguage?: unknown;
  openForm?: (options: ComponentFramework.NavigationApi.EntityFormOptions) => Promise<unknown>;
  openAlertDialog?: (alert: ComponentFramework.NavigationApi.AlertDialogStrings) => Promise<void>;
  openConfirmDialog?: (confirm: ComponentFramework.NavigationApi.ConfirmDialogStrings) => Promise<ComponentFramework.NavigationApi.ConfirmDialogResponse>;
  /** Told about each trackContainerResize call. */
  onTrackResize?: (value: boolean) => void;
  /** Told about each key getString had no string for. */
  onMissingString?: (key: string) => void;
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

/**
 * Minutes east of UTC in an IANA zone at one instant, from the zone's own wall clock (Intl), so
 * daylight saving is right on every date. Throws a RangeError for an unknown zone name.
 */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const wallClock = Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
  const instant = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallClock - instant) / 60_000);
}

export function createPcfContext<T>(options: PcfContextOptions): ComponentFramework.Context<T> {
  const language = options.language ?? 1033;
  const locale = language === 1048 ? "ro-RO" : "en-US";
  const inputs: Record<string, unknown> = { boundField: null, recordType: null, recordId: null, ...options.inputs };
  const fixedOffset = options.timeZoneOffsetMinutes ?? 0;
  const { timeZone } = options;
  if (timeZone) zoneOffsetMinutes(timeZone, new Date(0)); // an unknown zone fails here, not inside a control
  const offsetAt = (date?: Date): number => (timeZone ? zoneOffsetMinutes(timeZone, date ?? new Date()) : fixedOffset);
  const userId = options.userId ?? "00000000-0000-0000-0000-000000000001";

  const context = {
    parameters: { ...Object.fromEntries(Object.entries(inputs).map(([name, raw]) => [name, property(raw)])), ...options.dataSets },
    mode: {
      allocatedWidth: options.width ?? 480,
      allocatedHeight: -1,
      isControlDisabled: false,
      isVisible: true,
      label: "",
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: (value: boolean) => options.onTrackResize?.(value),
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
      userId: `{${userId.toUpperCase()}}`,
      userName: options.userName ?? "Test User",
      languageId: language,
      isRTL: false,
      securityRoles: options.securityRoles ?? [],
      getTimeZoneOffsetMinutes: (date?: Date) => offsetAt(date),
    },
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
        const value = options.strings[key];
        if (value === undefined) options.onMissingString?.(key);
        return value ?? "";
      },
      getResource: () => undefined,
    },
    webAPI: options.webAPI,
    navigation: {
      openForm: options.openForm ?? (() => Promise.resolve({})),
      openUrl: () => undefined,
      openAlertDialog: options.openAlertDialog ?? (() => Promise.resolve()),
      openConfirmDialog: options.openConfirmDialog ?? (() => Promise.resolve({ confirmed: false })),
      openErrorDialog: () => Promise.resolve(),
      openFile: () => Promise.resolve(),
      openWebResource: () => undefined,
    },
    utils: {},
    device: {},
    factory: { requestRender: () => undefined },
    ...(options.fluentDesignLanguage ? { fluentDesignLanguage: options.fluentDesignLanguage } : {}),
  };
  return context as unknown as ComponentFramework.Context<T>;
}

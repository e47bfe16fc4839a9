/**
 * The one place that reads the PCF context. Every control's index.ts calls these to turn the host
 * into plain typed values; nothing below shared/pcf knows PCF exists.
 */
import type { DataServices } from "../data/services";
import { LIBRARY_VERSION, SETTINGS_VARIABLE } from "../libraryInfo";
import { RECORD_TYPES, type RecordTarget, type RecordType } from "../model";
import { normalizeGuid } from "../analytics/ids";
import { makeFormatter, type UserTimeZone } from "../ui/format";
import { makeTranslate } from "../ui/i18n";
import { pageCache } from "../transport/cache";
import { createDataverseClient } from "../transport/client";
import { themeFromHost } from "../ui/theme";
import type { FormFactor, WidgetHostProps } from "../ui/types";

/** Inputs every widget manifest declares besides its own options. */
export interface CommonInputs {
  boundField: ComponentFramework.PropertyTypes.Property;
  recordType: ComponentFramework.PropertyTypes.StringProperty;
  recordId: ComponentFramework.PropertyTypes.StringProperty;
}

export type HostContext<T extends CommonInputs = CommonInputs> = ComponentFramework.Context<T>;

/** Model-driven forms add `contextInfo` to `mode`; it is not in the public typings, so read it warily. */
interface FormContextInfo {
  entityTypeName?: unknown;
  entityId?: unknown;
}

function formContextInfo(context: HostContext): FormContextInfo | undefined {
  const info = (context.mode as unknown as { contextInfo?: unknown }).contextInfo;
  return typeof info === "object" && info !== null ? (info) : undefined;
}

function asRecordType(value: unknown): RecordType | null {
  if (typeof value !== "string") return null;
  const lower = value.trim().toLowerCase();
  return (RECORD_TYPES as readonly string[]).includes(lower) ? (lower as RecordType) : null;
}

function asGuid(value: unknown): string | null {
  return typeof value === "string" ? normalizeGuid(value) : null;
}

function isSet(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * The record inputs win over the form, so a maker can point a widget at a related record;
 * with neither input set the form's own record is used. An unsaved form has a type but no id.
 */
export function readRecordTarget(context: HostContext): RecordTarget {
  const rawType = context.parameters.recordType?.raw;
  const rawId = context.parameters.recordId?.raw;
  if (isSet(rawType) || isSet(rawId)) {
    // A maker who set the inputs meant that record: never fall back to the form's own silently.
    const type = asRecordType(rawType);
    const id = asGuid(rawId);
    return type && id ? { kind: "record", record: { type, id } } : { kind: "none" };
  }

  const info = formContextInfo(context);
  const type = asRecordType(info?.entityTypeName);
  if (!type) return { kind: "none" };
  const formId = info?.entityId;
  if (formId === undefined || formId === null || formId === "") return { kind: "unsaved", type };
  const id = asGuid(formId);
  return id ? { kind: "record", record: { type, id } } : { kind: "none" };
}

/** PCF form factors: 0 unknown, 1 desktop, 2 tablet, 3 phone. */
function formFactor(context: ComponentFramework.Context<unknown>): FormFactor {
  const code = context.client.getFormFactor();
  return code === 3 ? "phone" : code === 2 ? "tablet" : "desktop";
}

/** Shifts an instant so its local fields read as the user's Dynamics time zone, not the browser's. */
function userTimeZone(context: ComponentFramework.Context<unknown>): UserTimeZone {
  return {
    toLocal(d: Date): Date {
      const userOffset = context.userSettings.getTimeZoneOffsetMinutes(d);
      const browserOffset = -d.getTimezoneOffset();
      return new Date(d.getTime() + (userOffset - browserOffset) * 60_000);
    },
  };
}

/** Width when the host gives none yet (first render, or a host without resize tracking). */
const FALLBACK_WIDTH = 480;

export function hostProps<T>(context: ComponentFramework.Context<T>, now: () => Date = () => new Date()): WidgetHostProps {
  const t = makeTranslate((key) => context.resources.getString(key));
  const width = context.mode.allocatedWidth > 0 ? context.mode.allocatedWidth : FALLBACK_WIDTH;
  return {
    t,
    format: makeFormatter(t, context.formatting, userTimeZone(context)),
    now,
    width,
    formFactor: formFactor(context),
    theme: themeFromHost(context.fluentDesignLanguage),
  };
}

/** A stable key for "what would load differently": record plus the options that change the data. */
export function loadKey(target: RecordTarget, ...options: unknown[]): string {
  const record = target.kind === "record" ? `${target.record.type}:${target.record.id}` : target.kind;
  return [record, ...options.map(String)].join("|");
}

/** PCF gives user ids as "{GUID}" in upper case; the data layer speaks lower-case bare GUIDs. */
function bareGuid(value: string): string {
  return normalizeGuid(value) ?? value;
}

export function dataServices(context: ComponentFramework.Context<unknown>, now: () => Date = () => new Date()): DataServices {
  return {
    client: createDataverseClient(context.webAPI, { cache: pageCache(LIBRARY_VERSION) }),
    userId: bareGuid(context.userSettings.userId),
    userRoleIds: context.userSettings.securityRoles.map(bareGuid),
    now,
    utcOffsetAt: (at) => context.userSettings.getTimeZoneOffsetMinutes(at),
    settingsVariable: SETTINGS_VARIABLE,
  };
}

/** The record's display name on a form, for texts such as the introduction email's subject. */
export function readRecordName(context: HostContext): string | null {
  const name = (formContextInfo(context) as { entityRecordName?: unknown } | undefined)?.entityRecordName;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
}

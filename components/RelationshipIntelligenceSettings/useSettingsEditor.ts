import * as React from "react";
import { isDataError, type DataErrorKind } from "../../shared/errors";
import type { StoredSettings } from "../../shared/data/settingsStore";
import type { MessageRef, Settings, SettingsPageData } from "../../shared/model";
import { validateSettings } from "../../shared/analytics/settings";
import { rebase, sameSettings } from "./settingsEdits";

export type SettingsAction = "save" | "consent" | "withdraw";

/** The failures the page explains; anything else is "unknown". */
export type FailureKind = Extract<DataErrorKind, "conflict" | "noPrivilege" | "offline" | "throttled" | "server" | "unavailable"> | "unknown";

export type EditorStatus =
  | { kind: "idle" }
  | { kind: "busy"; action: SettingsAction }
  | { kind: "done"; action: SettingsAction }
  | { kind: "failed"; action: SettingsAction; failure: FailureKind; retryAfterSeconds?: number };

export interface SettingsWriters {
  save: (settings: Settings, version: string | null) => Promise<{ version: string | null }>;
  recordConsent: (version: string | null) => Promise<{ version: string | null }>;
  withdrawConsent: (version: string | null) => Promise<{ version: string | null }>;
  /** Writes by other controls on the page (the consent banner), so this page never works on a stale version. */
  settingsChanges?: { subscribe(listener: (stored: StoredSettings) => void): () => void };
}

export interface SettingsEditor {
  draft: Settings;
  /** What is stored, as far as this page knows. */
  saved: Settings;
  edit: (change: (draft: Settings) => Settings) => void;
  /** Something to save: an edit, or stored problems that saving would repair. */
  dirty: boolean;
  /** Validation problems, shown once the admin has tried to save (then live, so fixes clear them). */
  problems: MessageRef[];
  /** Problems found in the stored value; they go away once valid settings are saved. */
  storedProblems: MessageRef[];
  status: EditorStatus;
  /** Number fields whose text is not a valid value: Save is blocked while there are any. */
  invalidFields: ReadonlySet<string>;
  setFieldInvalid: (field: string, invalid: boolean) => void;
  /** False when nothing was saved because a field is invalid. */
  save: () => boolean;
  recordConsent: () => void;
  withdrawConsent: () => void;
}

const FAILURES: readonly FailureKind[] = ["conflict", "noPrivilege", "offline", "throttled", "server", "unavailable"];

function failureOf(action: SettingsAction, error: unknown): EditorStatus {
  if (!isDataError(error)) return { kind: "failed", action, failure: "unknown" };
  const failure = FAILURES.find((kind) => kind === error.kind) ?? "unknown";
  return { kind: "failed", action, failure, retryAfterSeconds: error.retryAfterSeconds };
}

/**
 * Holds the admin's edits against what was loaded. A failed write changes nothing here, so edits
 * survive every failure; only a reload (a new `data`) replaces them.
 */
export function useSettingsEditor(data: SettingsPageData, writers: SettingsWriters, now: () => Date): SettingsEditor {
  const [draft, setDraft] = React.useState(data.settings);
  const [saved, setSaved] = React.useState(data.settings);
  const [version, setVersion] = React.useState(data.version);
  const [storedProblems, setStoredProblems] = React.useState(data.problems);
  const [triedToSave, setTriedToSave] = React.useState(false);
  const [status, setStatus] = React.useState<EditorStatus>({ kind: "idle" });
  const [invalidFields, setInvalidFields] = React.useState<ReadonlySet<string>>(new Set());
  // A write that finishes after the page went away must not touch its state.
  const mounted = React.useRef(true);
  React.useEffect(() => () => void (mounted.current = false), []);

  // Another control on this page stored settings: take them as the base, keeping this admin's edits.
  const { settingsChanges } = writers;
  const savedRef = React.useRef(saved);
  savedRef.current = saved;
  React.useEffect(
    () =>
      settingsChanges?.subscribe((stored) => {
        if (!mounted.current) return;
        const base = savedRef.current;
        setDraft((current) => rebase(current, base, stored.settings));
        setSaved(stored.settings);
        setVersion(stored.version);
        setStoredProblems([]);
      }),
    [settingsChanges],
  );

  const setFieldInvalid = React.useCallback((field: string, invalid: boolean) => {
    setInvalidFields((current) => {
      if (current.has(field) === invalid) return current;
      const next = new Set(current);
      if (invalid) next.add(field);
      else next.delete(field);
      return next;
    });
  }, []);

  const problems = React.useMemo(() => (triedToSave ? validateSettings(draft) : []), [triedToSave, draft]);
  const busy = status.kind === "busy";

  const edit = React.useCallback((change: (current: Settings) => Settings) => {
    setDraft(change);
    // "Settings saved" would be stale once something changed again; failures stay until the next try.
    setStatus((current) => (current.kind === "done" ? { kind: "idle" } : current));
  }, []);

  const save = (): boolean => {
    if (busy) return true;
    if (invalidFields.size > 0) return false;
    setTriedToSave(true);
    if (validateSettings(draft).length > 0) {
      setStatus({ kind: "idle" });
      return true;
    }
    // The snapshot is what gets stored; edits made while saving stay unsaved.
    const snapshot = draft;
    setStatus({ kind: "busy", action: "save" });
    writers.save(snapshot, version).then(
      (result) => {
        if (!mounted.current) return;
        setSaved(snapshot);
        setVersion(result.version);
        setStoredProblems([]);
        setStatus({ kind: "done", action: "save" });
      },
      (error: unknown) => mounted.current && setStatus(failureOf("save", error)),
    );
    return true;
  };

  /** Records or withdraws consent: the store holds the change at once, so both copies mirror it. */
  const writeConsent = (action: "consent" | "withdraw") => {
    if (busy) return;
    setStatus({ kind: "busy", action });
    const write = action === "consent" ? writers.recordConsent : writers.withdrawConsent;
    write(version).then(
      (result) => {
        if (!mounted.current) return;
        const grantedOn = action === "consent" ? now().toISOString() : null;
        const withConsent = (settings: Settings): Settings => ({ ...settings, consent: { grantedOn } });
        setSaved(withConsent);
        setDraft(withConsent);
        setVersion(result.version);
        setStatus({ kind: "done", action });
      },
      (error: unknown) => mounted.current && setStatus(failureOf(action, error)),
    );
  };

  return {
    draft,
    saved,
    edit,
    dirty: !sameSettings(draft, saved) || storedProblems.length > 0,
    problems,
    storedProblems,
    status,
    invalidFields,
    setFieldInvalid,
    save,
    recordConsent: () => writeConsent("consent"),
    withdrawConsent: () => writeConsent("withdraw"),
  };
}

/**
 * The edits an admin makes on the settings page, as pure functions of Settings, so the rules
 * (activation defaults, grade boundary neighbours, weight percentages) are testable without a DOM.
 */
import type { ActivityKind, MessageRef, SecurityRole, Settings } from "../../shared/model";
import { normalizeGuid } from "../../shared/analytics/ids";
import { serializeSettings, WEIGHT_RANGE } from "../../shared/analytics/settings";

export type FeatureName = keyof Settings["features"];

/** Health score boundaries keep Poor, Fair and Good non-empty: 0 < fair < good <= 100. */
export const GOOD_RANGE = { min: 2, max: 100 } as const;
export const FAIR_RANGE = { min: 1, max: 99 } as const;

/** Weight sliders move in steps of 5 percentage points: fine enough, and quick from the keyboard. */
export const WEIGHT_STEP_PERCENT = 5;

function clamp(value: number, range: { min: number; max: number }): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/**
 * Activating turns analytics, health score and who knows whom on (as Dynamics does) and starts the
 * consent clock. Switching off and on again before saving keeps the stored activation: the clock
 * never stopped.
 */
export function activate(draft: Settings, saved: Settings, now: Date): Settings {
  const activatedOn = saved.enabled && saved.activatedOn ? saved.activatedOn : now.toISOString();
  return {
    ...draft,
    enabled: true,
    activatedOn,
    features: { ...draft.features, analytics: true, healthScore: true, whoKnowsWhom: true },
  };
}

/** Deactivating stops the consent clock; a recorded grant stays, since it counts whenever it came. */
export function deactivate(draft: Settings): Settings {
  return { ...draft, enabled: false, activatedOn: null };
}

export function setFeature(draft: Settings, feature: FeatureName, on: boolean): Settings {
  return { ...draft, features: { ...draft.features, [feature]: on } };
}

/** Raising Good to or below Fair pushes Fair down, as Dynamics moves the neighbouring boundary. */
export function setGoodBoundary(draft: Settings, value: number): Settings {
  const good = clamp(Math.round(value), GOOD_RANGE);
  const fair = Math.min(draft.healthScore.boundaries.fair, good - 1);
  return withBoundaries(draft, good, fair);
}

/** Raising Fair to or above Good pushes Good up. */
export function setFairBoundary(draft: Settings, value: number): Settings {
  const fair = clamp(Math.round(value), FAIR_RANGE);
  const good = Math.max(draft.healthScore.boundaries.good, fair + 1);
  return withBoundaries(draft, good, fair);
}

function withBoundaries(draft: Settings, good: number, fair: number): Settings {
  return { ...draft, healthScore: { ...draft.healthScore, boundaries: { good, fair } } };
}

/** A multiplier (0.5..1.5) as the admin sees it: −50..+50 percent. */
export function weightToPercent(weight: number): number {
  return Math.round((weight - 1) * 100);
}

export function percentToWeight(percent: number): number {
  const weight = Math.round(100 + percent) / 100;
  return clamp(weight, WEIGHT_RANGE);
}

export function setWeight(draft: Settings, kind: ActivityKind, percent: number): Settings {
  const weights = { ...draft.healthScore.weights, [kind]: percentToWeight(percent) };
  return { ...draft, healthScore: { ...draft.healthScore, weights } };
}

export function setRoleSelected(draft: Settings, roleId: string, selected: boolean): Settings {
  // Stored ids are canonical (lower case, no braces) so validateSettings accepts them.
  const id = normalizeGuid(roleId) ?? roleId;
  const others = draft.mailboxRoleIds.filter((existing) => existing !== id);
  return { ...draft, mailboxRoleIds: selected ? [...others, id] : others };
}

/** Case- and accent-insensitive, so "admin" finds "Administrator de sistem" and "vanzari" finds "vânzări". */
function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLocaleLowerCase();
}

export function filterRoles(roles: SecurityRole[], query: string): SecurityRole[] {
  const wanted = searchable(query.trim());
  const sorted = [...roles].sort((a, b) => a.name.localeCompare(b.name));
  return wanted === "" ? sorted : sorted.filter((role) => searchable(role.name).includes(wanted));
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return serializeSettings(a) === serializeSettings(b);
}

/**
 * Settings stored elsewhere on the page (`incoming`) replace what this page had stored (`base`),
 * except where the admin edited the draft: those parts keep the admin's value. Compared per
 * top-level setting, which is how the page edits them.
 */
export function rebase(draft: Settings, base: Settings, incoming: Settings): Settings {
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
  const result = { ...incoming } as Record<keyof Settings, unknown>;
  for (const key of Object.keys(draft) as Array<keyof Settings>) {
    if (!same(draft[key], base[key])) result[key] = draft[key];
  }
  return result as unknown as Settings;
}

/** The part of the page each validation problem belongs to, so it can be shown beside its field. */
export type ProblemField =
  | "activation"
  | "features"
  | "roles"
  | "consent"
  | "boundaries"
  | `weight.${ActivityKind}`
  | "frequency"
  | "window"
  | "introducerCount"
  | "other";

export function problemField(problem: MessageRef): ProblemField {
  const field = String(problem.params?.field ?? "");
  switch (problem.key) {
    case "settings.missingActivationDate":
      return "activation";
    case "settings.invalidBoundaries":
      return "boundaries";
    case "settings.invalidWeight":
      return `weight.${problem.params?.kind}` as ProblemField;
    case "settings.invalidFrequency":
      return "frequency";
    case "settings.invalidWindow":
      return "window";
    case "settings.invalidIntroducerCount":
      return "introducerCount";
    case "settings.invalidRoleId":
      return "roles";
    case "settings.invalidDate":
      return field === "activatedOn" ? "activation" : "consent";
    case "settings.duplicateId":
      return field === "mailboxRoleIds" ? "roles" : "other";
    case "settings.invalidValue":
      if (field === "enabled") return "activation";
      if (field.startsWith("features")) return "features";
      if (field === "mailboxRoleIds") return "roles";
      return "other";
    default:
      return "other";
  }
}

/** JSON with object keys sorted, so equal values compare equal whatever order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) =>
    part !== null && typeof part === "object" && !Array.isArray(part)
      ? Object.fromEntries(Object.entries(part as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : part,
  );
}

/**
 * The consent clock and what may run. Consent must come within 14 days of activation; from the
 * deadline on, who knows whom and mailbox data stop, while analytics go on with Dataverse data.
 */
import { ConsentState, EffectiveFeatures, FeatureOffReason, MailboxScope, Settings } from "../model";
import { normalizeGuid } from "./ids";
import { DAY_MS, parseIsoInstant } from "./time";

export const CONSENT_DAYS = 14;


function instant(iso: string | null): Date | null {
  return iso === null ? null : parseIsoInstant(iso);
}

export function consentState(settings: Settings, now: Date): ConsentState {
  if (!settings.enabled) return { kind: "notActivated" };
  // A grant counts whenever it came: a grant after the lapse switches everything back on.
  const grantedOn = instant(settings.consent.grantedOn);
  if (grantedOn) return { kind: "granted", grantedOn };
  // parseSettings never lets this through; a hand-built Settings without a date cannot start the clock.
  const activatedOn = instant(settings.activatedOn);
  if (!activatedOn) return { kind: "notActivated" };
  const deadline = new Date(activatedOn.getTime() + CONSENT_DAYS * DAY_MS);
  const remainingMs = deadline.getTime() - now.getTime();
  if (remainingMs <= 0) return { kind: "lapsed", activatedOn, lapsedOn: deadline };
  // Rounded up: with 3 hours left the banner says "1 day left", never "0 days left".
  return { kind: "pending", activatedOn, deadline, daysLeft: Math.ceil(remainingMs / DAY_MS) };
}

/** A pending state read before the deadline is lapsed once `now` passes it (a long-open page). */
function lapsedSince(consent: ConsentState, now: Date): Date | null {
  if (consent.kind === "lapsed") return consent.lapsedOn;
  if (consent.kind === "pending" && now.getTime() >= consent.deadline.getTime()) return consent.deadline;
  return null;
}

export function effectiveFeatures(settings: Settings, consent: ConsentState, now: Date): EffectiveFeatures {
  if (!settings.enabled || consent.kind === "notActivated") {
    const off: FeatureOffReason = { kind: "notActivated" };
    return {
      analytics: false,
      healthScore: false,
      whoKnowsWhom: false,
      mailboxData: false,
      offReasons: { analytics: off, healthScore: off, whoKnowsWhom: off, mailboxData: off },
    };
  }
  const lapsed = lapsedSince(consent, now);
  const offReasons: EffectiveFeatures["offReasons"] = {};
  // The first reason that applies is shown: the admin's own switch, then consent, then geography.
  const decide = (feature: keyof EffectiveFeatures["offReasons"], reasons: (FeatureOffReason | null)[]): boolean => {
    const reason = reasons.find((r): r is FeatureOffReason => r !== null);
    if (reason) offReasons[feature] = reason;
    return !reason;
  };
  const byAdmin = (on: boolean): FeatureOffReason | null => (on ? null : { kind: "disabledByAdmin" });
  const byConsent: FeatureOffReason | null = lapsed ? { kind: "consentLapsed", since: lapsed } : null;
  const byGeography: FeatureOffReason | null = settings.geographySupported ? null : { kind: "geographyUnsupported" };

  const { features } = settings;
  return {
    analytics: decide("analytics", [byAdmin(features.analytics)]),
    healthScore: decide("healthScore", [byAdmin(features.healthScore)]),
    // Who knows whom keeps running on Dataverse data when only the geography rules mailboxes out.
    whoKnowsWhom: decide("whoKnowsWhom", [byAdmin(features.whoKnowsWhom), byConsent]),
    mailboxData: decide("mailboxData", [byAdmin(features.mailboxData), byConsent, byGeography]),
    offReasons,
  };
}

/**
 * Whose mailbox activities may count: those whose owner holds one of the selected roles (the query
 * tests the role, directly or through a team), minus owners who opted out. "all" is part of the
 * contract for the query layer; these rules never grant it.
 */
export function mailboxScope(settings: Settings, effective: EffectiveFeatures): { mailbox: MailboxScope } {
  const roleIds = [...new Set(settings.mailboxRoleIds.map(normalizeGuid).filter((id): id is string => id !== null))].sort();
  if (!effective.mailboxData || roleIds.length === 0) return { mailbox: "none" };
  const excludedOwnerIds = [...new Set(settings.optedOutUserIds.map(normalizeGuid).filter((id): id is string => id !== null))].sort();
  return { mailbox: { roleIds, excludedOwnerIds } };
}

/** For this many days after consent is recorded, administrators still see it confirmed in the banner. */
export const CONSENT_CONFIRMATION_DAYS = 14;

/** Whether the banner has anything for an administrator: an action to take, or a fresh confirmation. */
export function consentNeedsAdmin(consent: ConsentState, now: Date): boolean {
  return consent.kind !== "granted" || now.getTime() - consent.grantedOn.getTime() <= CONSENT_CONFIRMATION_DAYS * DAY_MS;
}

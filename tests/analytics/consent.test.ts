import { Settings } from "../../shared/model";
import { consentState, effectiveFeatures, mailboxScope } from "../../shared/analytics/consent";
import { parseSettings } from "../../shared/analytics/settings";
import { DAY_MS } from "../../shared/analytics/time";

const ACTIVATED = new Date("2025-03-01T09:00:00Z");
const afterDays = (days: number): Date => new Date(ACTIVATED.getTime() + days * DAY_MS);
const ROLE = "9d3e7c52-2f6a-4b8e-9a1c-1f2e3d4c5b6a";
const ANNA = "aaaaaaaa-0000-4000-8000-000000000001";
const BOGDAN = "aaaaaaaa-0000-4000-8000-000000000002";
const CARLA = "aaaaaaaa-0000-4000-8000-000000000003";

function activeSettings(patch: (s: Settings) => void = () => undefined): Settings {
  const { settings } = parseSettings(JSON.stringify({ enabled: true, activatedOn: ACTIVATED.toISOString(), mailboxRoleIds: [ROLE] }));
  patch(settings);
  return settings;
}

describe("consentState", () => {
  it("is notActivated while relationship intelligence is off, whatever the dates", () => {
    const settings = activeSettings((s) => (s.enabled = false));
    expect(consentState(settings, afterDays(20))).toEqual({ kind: "notActivated" });
  });

  it.each([
    [0, 14],
    [0.5, 14],
    [12.9, 2],
    [13, 1],
    [13.99, 1],
  ])("is pending %p days after activation with %p whole days left", (elapsed, daysLeft) => {
    expect(consentState(activeSettings(), afterDays(elapsed))).toEqual({
      kind: "pending",
      activatedOn: ACTIVATED,
      deadline: afterDays(14),
      daysLeft,
    });
  });

  it.each([14, 15, 400])("has lapsed on the deadline day and after (day %p)", (elapsed) => {
    expect(consentState(activeSettings(), afterDays(elapsed))).toEqual({ kind: "lapsed", activatedOn: ACTIVATED, lapsedOn: afterDays(14) });
  });

  it("is granted once consent is recorded, also after a lapse", () => {
    const grantedOn = afterDays(20);
    const settings = activeSettings((s) => (s.consent.grantedOn = grantedOn.toISOString()));
    expect(consentState(settings, afterDays(21))).toEqual({ kind: "granted", grantedOn });
  });

  it("cannot start the clock without an activation date", () => {
    const settings = activeSettings((s) => (s.activatedOn = null));
    expect(consentState(settings, afterDays(1))).toEqual({ kind: "notActivated" });
  });
});

describe("effectiveFeatures", () => {
  const at = (settings: Settings, days: number) => effectiveFeatures(settings, consentState(settings, afterDays(days)), afterDays(days));

  it("switches everything off with a reason when not activated", () => {
    const settings = activeSettings((s) => (s.enabled = false));
    const features = at(settings, 1);
    expect([features.analytics, features.healthScore, features.whoKnowsWhom, features.mailboxData]).toEqual([false, false, false, false]);
    expect(Object.values(features.offReasons)).toEqual(Array(4).fill({ kind: "notActivated" }));
  });

  it("follows the admin's switches while consent is pending", () => {
    const settings = activeSettings((s) => (s.features.healthScore = false));
    expect(at(settings, 13)).toEqual({
      analytics: true,
      healthScore: false,
      whoKnowsWhom: true,
      mailboxData: true,
      offReasons: { healthScore: { kind: "disabledByAdmin" } },
    });
  });

  it("stops who knows whom and mailbox data from the deadline, keeping analytics and the score", () => {
    const features = at(activeSettings(), 14);
    expect(features).toEqual({
      analytics: true,
      healthScore: true,
      whoKnowsWhom: false,
      mailboxData: false,
      offReasons: { whoKnowsWhom: { kind: "consentLapsed", since: afterDays(14) }, mailboxData: { kind: "consentLapsed", since: afterDays(14) } },
    });
  });

  it("treats a pending state read before the deadline as lapsed once now passes it", () => {
    const settings = activeSettings();
    const features = effectiveFeatures(settings, consentState(settings, afterDays(13)), afterDays(15));
    expect(features.whoKnowsWhom).toBe(false);
    expect(features.offReasons.mailboxData).toEqual({ kind: "consentLapsed", since: afterDays(14) });
  });

  it("re-enables everything when consent is granted after the lapse", () => {
    const settings = activeSettings((s) => (s.consent.grantedOn = afterDays(20).toISOString()));
    expect(at(settings, 21)).toEqual({ analytics: true, healthScore: true, whoKnowsWhom: true, mailboxData: true, offReasons: {} });
  });

  it("keeps who knows whom on Dataverse data when the geography rules out mailboxes", () => {
    const settings = activeSettings((s) => (s.geographySupported = false));
    const features = at(settings, 1);
    expect(features.whoKnowsWhom).toBe(true);
    expect(features.mailboxData).toBe(false);
    expect(features.offReasons).toEqual({ mailboxData: { kind: "geographyUnsupported" } });
  });

  it("names the admin's switch before consent or geography", () => {
    const settings = activeSettings((s) => {
      s.features.mailboxData = false;
      s.geographySupported = false;
    });
    expect(at(settings, 30).offReasons.mailboxData).toEqual({ kind: "disabledByAdmin" });
  });
});

describe("mailboxScope", () => {
  const OTHER_ROLE = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
  const scope = (settings: Settings, days = 1) => mailboxScope(settings, effectiveFeatures(settings, consentState(settings, afterDays(days)), afterDays(days)));

  it("hands the selected roles to the query, with the users who opted out as excluded owners", () => {
    const settings = activeSettings((s) => (s.optedOutUserIds = [BOGDAN]));
    expect(scope(settings)).toEqual({ mailbox: { roleIds: [ROLE], excludedOwnerIds: [BOGDAN] } });
  });

  it("normalizes, de-duplicates and sorts roles and opted-out users, dropping what is not an id", () => {
    const settings = activeSettings((s) => {
      s.mailboxRoleIds = [ROLE, `{${OTHER_ROLE.toUpperCase()}}`, ROLE.toUpperCase(), "not-a-role"];
      s.optedOutUserIds = [CARLA, `{${ANNA.toUpperCase()}}`, ANNA, "someone"];
    });
    expect(scope(settings)).toEqual({ mailbox: { roleIds: [OTHER_ROLE, ROLE], excludedOwnerIds: [ANNA, CARLA] } });
  });

  it("keeps mailbox data on when every known user opted out: holders of the role are decided by the query", () => {
    const settings = activeSettings((s) => (s.optedOutUserIds = [ANNA, BOGDAN, CARLA]));
    expect(scope(settings)).toEqual({ mailbox: { roleIds: [ROLE], excludedOwnerIds: [ANNA, BOGDAN, CARLA] } });
  });

  it("is none when no role is selected, mailbox data is off or consent lapsed", () => {
    expect(scope(activeSettings((s) => (s.mailboxRoleIds = [])))).toEqual({ mailbox: "none" });
    expect(scope(activeSettings((s) => (s.mailboxRoleIds = ["not-a-role"])))).toEqual({ mailbox: "none" });
    expect(scope(activeSettings(), 14)).toEqual({ mailbox: "none" });
    expect(scope(activeSettings((s) => (s.features.mailboxData = false)))).toEqual({ mailbox: "none" });
  });
});

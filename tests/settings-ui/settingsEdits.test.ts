import { validateSettings } from "../../shared/analytics/settings";
import {
  activate,
  deactivate,
  filterRoles,
  percentToWeight,
  problemField,
  rebase,
  setFairBoundary,
  setGoodBoundary,
  setRoleSelected,
  weightToPercent,
} from "../../components/RelationshipIntelligenceSettings/settingsEdits";
import { NOW, ROLES, settingsWith } from "./settingsHost";

const boundaries = (good: number, fair: number) => settingsWith((s) => (s.healthScore.boundaries = { good, fair }));

describe("grade boundary neighbours", () => {
  it.each([
    // [good, fair] before, edit, [good, fair] after
    [[60, 40], "fair", 59, [60, 59]],
    [[60, 40], "fair", 60, [61, 60]],
    [[60, 40], "fair", 150, [100, 99]],
    [[60, 40], "fair", 0, [60, 1]],
    [[60, 40], "good", 41, [41, 40]],
    [[60, 40], "good", 40, [40, 39]],
    [[60, 40], "good", 1, [2, 1]],
    [[60, 40], "good", 120, [100, 40]],
  ] as const)("from %j, setting %s to %d gives %j", ([good, fair], which, value, expected) => {
    const draft = boundaries(good, fair);
    const next = which === "good" ? setGoodBoundary(draft, value) : setFairBoundary(draft, value);
    expect([next.healthScore.boundaries.good, next.healthScore.boundaries.fair]).toEqual(expected);
    // Whatever the admin does, the result is one validateSettings accepts.
    expect(validateSettings(next)).toEqual([]);
  });
});

describe("activity weights", () => {
  it("show a multiplier as a signed percentage and back", () => {
    expect([0.5, 0.95, 1, 1.25, 1.5].map(weightToPercent)).toEqual([-50, -5, 0, 25, 50]);
    expect([-50, -5, 0, 25, 50].map(percentToWeight)).toEqual([0.5, 0.95, 1, 1.25, 1.5]);
  });

  it("never leave the ±50% range", () => {
    expect(percentToWeight(80)).toBe(1.5);
    expect(percentToWeight(-80)).toBe(0.5);
  });
});

describe("activation", () => {
  it("starts the consent clock now when the stored settings were not activated", () => {
    const off = settingsWith((s) => (s.features.whoKnowsWhom = false));
    const on = activate(off, off, NOW);
    expect(on).toMatchObject({ enabled: true, activatedOn: NOW.toISOString(), features: { whoKnowsWhom: true } });
    expect(validateSettings(on)).toEqual([]);
  });

  it("leaves the mailbox switch as the admin set it", () => {
    const off = settingsWith((s) => (s.features.mailboxData = false));
    expect(activate(off, off, NOW).features.mailboxData).toBe(false);
  });

  it("stops the clock on deactivation but keeps a recorded grant", () => {
    const granted = settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-01-01T00:00:00.000Z"), (s.consent.grantedOn = "2026-01-05T00:00:00.000Z")));
    expect(deactivate(granted)).toMatchObject({ enabled: false, activatedOn: null, consent: { grantedOn: "2026-01-05T00:00:00.000Z" } });
  });
});

describe("roles", () => {
  it("search ignores case and Romanian diacritics, and lists roles by name", () => {
    const roles = [...ROLES, { id: "55555555-5555-4555-8555-555555555555", name: "Agent de vânzări", templateId: null }];
    expect(filterRoles(roles, "VANZARI").map((r) => r.name)).toEqual(["Agent de vânzări"]);
    expect(filterRoles(roles, "  ").map((r) => r.name)).toEqual([
      "Agent de vânzări",
      "Customer Service Representative",
      "Sales Manager",
      "Salesperson",
      "System Administrator",
    ]);
  });

  it("stores role ids in canonical form, once", () => {
    const upper = `{${ROLES[0].id.toUpperCase()}}`;
    const once = setRoleSelected(settingsWith(), upper, true);
    expect(setRoleSelected(once, ROLES[0].id, true).mailboxRoleIds).toEqual([ROLES[0].id]);
    expect(setRoleSelected(once, upper, false).mailboxRoleIds).toEqual([]);
  });
});

describe("problem placement", () => {
  it("puts each validation problem beside the field it concerns", () => {
    const broken = settingsWith((s) => {
      s.healthScore.weights.task = 3;
      s.introducerCount = 0;
      s.mailboxRoleIds = ["not-a-guid"];
      s.enabled = true;
    });
    expect(validateSettings(broken).map(problemField).sort()).toEqual(["activation", "introducerCount", "roles", "weight.task"]);
    expect(problemField({ key: "settings.invalidValue", params: { field: "features.analytics" } })).toBe("features");
    expect(problemField({ key: "settings.invalidUserId", params: { value: "x" } })).toBe("other");
  });
});

describe("rebase", () => {
  it("takes what another control stored, except where this admin edited the draft", () => {
    const base = settingsWith();
    const draft = { ...base, geographySupported: false, introducerCount: 7 };
    const incoming = { ...base, introducerCount: 3, consent: { grantedOn: "2026-03-10T12:00:00.000Z" } };
    expect(rebase(draft, base, incoming)).toEqual({ ...incoming, geographySupported: false, introducerCount: 7 });
  });

  it("is the incoming settings when nothing was edited, whatever order their keys were built in", () => {
    const base = settingsWith();
    const { mailboxData, ...otherFeatures } = base.features;
    const reordered = JSON.parse(JSON.stringify({ ...base, features: { mailboxData, ...otherFeatures } })) as typeof base;
    const incoming = { ...base, enabled: true };
    expect(rebase(reordered, base, incoming)).toEqual(incoming);
  });
});

import fc from "fast-check";
import { Settings } from "../../shared/model";
import {
  DEFAULT_SETTINGS,
  SETTINGS_PROBLEM_KEYS,
  SETTINGS_SCHEMA_VERSION,
  parseSettings,
  readSettingsValue,
  serializeSettings,
  validateSettings,
} from "../../shared/analytics/settings";

const ROLE = "9d3e7c52-2f6a-4b8e-9a1c-1f2e3d4c5b6a";

function settingsWith(patch: (s: Settings) => void): Settings {
  const settings = parseSettings(null).settings;
  patch(settings);
  return settings;
}

const keys = (problems: { key: string }[]): string[] => problems.map((p) => p.key);

describe("defaults", () => {
  it("are off until an admin activates, with Microsoft's documented defaults", () => {
    expect(DEFAULT_SETTINGS.enabled).toBe(false);
    expect(DEFAULT_SETTINGS.healthScore.boundaries).toEqual({ good: 60, fair: 40 });
    expect(DEFAULT_SETTINGS.analyticsWindowDays).toBe(60);
    expect(DEFAULT_SETTINGS.introducerCount).toBe(5);
    expect(Object.values(DEFAULT_SETTINGS.healthScore.weights)).toEqual([1, 1, 1, 1]);
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
  });

  it("cannot be changed through a parsed copy", () => {
    const { settings } = parseSettings(null);
    settings.mailboxRoleIds.push(ROLE);
    settings.healthScore.weights.email = 1.5;
    expect(DEFAULT_SETTINGS.mailboxRoleIds).toEqual([]);
    expect(DEFAULT_SETTINGS.healthScore.weights.email).toBe(1);
    expect(Object.isFrozen(DEFAULT_SETTINGS.healthScore.weights)).toBe(true);
  });
});

describe("parseSettings", () => {
  it("reports where the value came from", () => {
    expect(parseSettings(undefined).source).toBe("none");
    expect(parseSettings("  ").source).toBe("none");
    expect(parseSettings("{}")).toEqual({ settings: DEFAULT_SETTINGS, problems: [], source: "value" });
  });

  it("falls back to the defaults on invalid JSON or a non-object", () => {
    expect(parseSettings("{enabled: true")).toEqual({ settings: DEFAULT_SETTINGS, problems: [{ key: "settings.invalidJson" }], source: "value" });
    expect(keys(parseSettings("[1,2]").problems)).toEqual(["settings.notAnObject"]);
    expect(keys(parseSettings("null").problems)).toEqual(["settings.notAnObject"]);
  });

  it("keeps the valid parts when one part is wrong", () => {
    const result = parseSettings(
      JSON.stringify({ enabled: true, activatedOn: "2025-03-01T09:00:00Z", healthScore: { weights: { email: 2, phonecall: 1.5 } } }),
    );
    expect(result.settings.enabled).toBe(true);
    expect(result.settings.healthScore.weights).toEqual({ email: 1, appointment: 1, phonecall: 1.5, task: 1 });
    expect(result.problems).toEqual([{ key: "settings.invalidWeight", params: { kind: "email", value: "2" } }]);
  });

  it.each([
    [{ healthScore: { boundaries: { good: 40, fair: 60 } } }, "settings.invalidBoundaries"],
    [{ healthScore: { boundaries: { good: 101, fair: 40 } } }, "settings.invalidBoundaries"],
    [{ healthScore: { boundaries: { good: 60, fair: 0 } } }, "settings.invalidBoundaries"],
    [{ healthScore: { expectedFrequency: "hourly" } }, "settings.invalidFrequency"],
    [{ analyticsWindowDays: 45 }, "settings.invalidWindow"],
    [{ introducerCount: 0 }, "settings.invalidIntroducerCount"],
    [{ introducerCount: 11 }, "settings.invalidIntroducerCount"],
    [{ introducerCount: 2.5 }, "settings.invalidIntroducerCount"],
    [{ activatedOn: "last Tuesday" }, "settings.invalidDate"],
    [{ consent: { grantedOn: 20250301 } }, "settings.invalidDate"],
    [{ introductionTemplateId: "template-1" }, "settings.invalidTemplateId"],
    [{ features: "all" }, "settings.invalidValue"],
    [{ geographySupported: "yes" }, "settings.invalidValue"],
    [{ schemaVersion: 2 }, "settings.unsupportedSchemaVersion"],
    [{ analyticWindowDays: 30 }, "settings.unknownField"],
  ])("reports %j as %s and uses the default", (value, key) => {
    const result = parseSettings(JSON.stringify(value));
    expect(keys(result.problems)).toEqual([key]);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
  });

  it("accepts boundaries good at 100 and any documented window", () => {
    const result = parseSettings(JSON.stringify({ healthScore: { boundaries: { good: 100, fair: 1 } }, analyticsWindowDays: 90 }));
    expect(result.problems).toEqual([]);
    expect(result.settings.healthScore.boundaries).toEqual({ good: 100, fair: 1 });
    expect(result.settings.analyticsWindowDays).toBe(90);
  });

  it("normalizes ids, drops bad and duplicate ones and keeps the rest", () => {
    const result = parseSettings(
      JSON.stringify({ mailboxRoleIds: [`{${ROLE.toUpperCase()}}`, "admins", ROLE], optedOutUserIds: [42] }),
    );
    expect(result.settings.mailboxRoleIds).toEqual([ROLE]);
    expect(result.settings.optedOutUserIds).toEqual([]);
    expect(keys(result.problems)).toEqual(["settings.invalidRoleId", "settings.duplicateId", "settings.invalidUserId"]);
    expect(result.problems[0].params).toEqual({ value: '"admins"' });
  });

  it("normalizes dates to ISO instants", () => {
    const result = parseSettings(JSON.stringify({ enabled: true, activatedOn: "2025-03-01T10:00+02:00" }));
    expect(result.settings.activatedOn).toBe("2025-03-01T08:00:00.000Z");
  });

  it("does not activate without an activation date, since consent could never lapse", () => {
    const result = parseSettings(JSON.stringify({ enabled: true }));
    expect(result.settings.enabled).toBe(false);
    expect(keys(result.problems)).toEqual(["settings.missingActivationDate"]);
    const granted = parseSettings(JSON.stringify({ enabled: true, consent: { grantedOn: "2025-03-01" } }));
    expect(granted.settings.enabled).toBe(true);
    expect(granted.problems).toEqual([]);
  });

  it("uses only documented problem keys", () => {
    const result = parseSettings(
      JSON.stringify({
        schemaVersion: 9,
        extra: 1,
        enabled: "no",
        features: { analytics: 1, other: true },
        mailboxRoleIds: "x",
        consent: { grantedOn: "x", by: "y" },
        healthScore: { boundaries: { good: "high" }, weights: [], expectedFrequency: 7 },
        analyticsWindowDays: "60",
        introducerCount: null,
        introductionTemplateId: 5,
      }),
    );
    expect(result.problems.length).toBeGreaterThanOrEqual(12);
    for (const problem of result.problems) expect(SETTINGS_PROBLEM_KEYS).toContain(problem.key);
  });

  it("never throws on arbitrary text and always yields valid settings, the same the widgets read", () => {
    const anyJson = fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ healthScore: v, features: v, enabled: v })));
    fc.assert(
      fc.property(anyJson, (text) => {
        const result = parseSettings(text);
        expect(validateSettings(result.settings)).toEqual([]);
        expect(readSettingsValue(text)).toEqual(result.settings);
      }),
    );
  });
});

const guid = fc.uuid().map((id) => id.toLowerCase());
const instant = fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
const weight = fc.double({ min: 0.5, max: 1.5, noNaN: true });
const validSettings: fc.Arbitrary<Settings> = fc
  .record({
    enabled: fc.boolean(),
    activatedOn: instant,
    features: fc.record({ analytics: fc.boolean(), healthScore: fc.boolean(), whoKnowsWhom: fc.boolean(), mailboxData: fc.boolean() }),
    mailboxRoleIds: fc.uniqueArray(guid, { maxLength: 4 }),
    optedOutUserIds: fc.uniqueArray(guid, { maxLength: 4 }),
    consent: fc.record({ grantedOn: fc.option(instant, { nil: null }) }),
    geographySupported: fc.boolean(),
    healthScore: fc.record({
      boundaries: fc.integer({ min: 1, max: 99 }).chain((fair) => fc.integer({ min: fair + 1, max: 100 }).map((good) => ({ good, fair }))),
      weights: fc.record({ email: weight, appointment: weight, phonecall: weight, task: weight }),
      expectedFrequency: fc.constantFrom("daily" as const, "weekly" as const, "biweekly" as const, "monthly" as const),
    }),
    analyticsWindowDays: fc.constantFrom(30 as const, 60 as const, 90 as const),
    introducerCount: fc.integer({ min: 1, max: 10 }),
    introductionTemplateId: fc.option(guid, { nil: null }),
  })
  .chain((s) => fc.option(fc.constant(s.activatedOn), { nil: null }).map((activatedOn) => ({ ...s, activatedOn: s.enabled ? s.activatedOn : activatedOn })));

describe("serializeSettings", () => {
  it("round-trips through parseSettings without problems", () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        expect(validateSettings(settings)).toEqual([]);
        const result = parseSettings(serializeSettings(settings));
        expect(result.problems).toEqual([]);
        expect(result.settings).toEqual(settings);
      }),
    );
  });

  it("writes a stable key order with the schema version first", () => {
    const a = settingsWith((s) => (s.introducerCount = 3));
    const b: Settings = JSON.parse(JSON.stringify({ ...a, introducerCount: 3 }));
    const reordered = Object.fromEntries(Object.entries(b).reverse()) as unknown as Settings;
    expect(serializeSettings(reordered)).toBe(serializeSettings(a));
    expect(Object.keys(JSON.parse(serializeSettings(a)) as object)[0]).toBe("schemaVersion");
    expect(JSON.parse(serializeSettings(a)).schemaVersion).toBe(SETTINGS_SCHEMA_VERSION);
  });
});

describe("validateSettings", () => {
  it("is strict about what parseSettings would repair", () => {
    const settings = settingsWith((s) => {
      s.mailboxRoleIds = [ROLE.toUpperCase(), ROLE, ROLE];
      s.healthScore.weights.task = 0.4;
      s.enabled = true;
    });
    expect(keys(validateSettings(settings))).toEqual([
      "settings.invalidRoleId",
      "settings.duplicateId",
      "settings.invalidWeight",
      "settings.missingActivationDate",
    ]);
  });
});

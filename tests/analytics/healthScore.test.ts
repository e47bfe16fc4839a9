import fc from "fast-check";
import {
  CADENCE_DAYS,
  FACTOR_MESSAGE_KEYS,
  FACTOR_WEIGHTS,
  SCORE_REASON_KEYS,
  TREND_DEAD_BAND,
  computeHealthScore,
  HealthScoreInput,
} from "../../shared/analytics/healthScore";
import { DEFAULT_SETTINGS } from "../../shared/analytics/settings";
import { ACTIVITY_KINDS, Direction, HealthScore, InteractionBucket, InteractionData, RecordRef, ScoreFactorName } from "../../shared/model";
import { CONTACT, NOW, bucket, daysAgo, interactions, previousInteractions } from "./fixtures";

const SETTINGS = DEFAULT_SETTINGS.healthScore;
/** Whole weeks in the 60-day window: writing every week is on cadence. */
const EXPECTED_WEEKLY = Math.floor(60 / CADENCE_DAYS.weekly);

/** A balanced weekly relationship: 12 weighted interactions, last two-way contact 2 days ago. */
const HEALTHY: InteractionBucket[] = [
  bucket("email", "outgoing", 2, 5),
  bucket("email", "incoming", 2, 5),
  bucket("appointment", "mutual", 10, 2, 60),
];

function score(current: InteractionData, patch: Partial<HealthScoreInput> = {}): HealthScore {
  return computeHealthScore({
    record: CONTACT,
    recordState: { statecode: 0 },
    createdOn: daysAgo(365),
    current,
    previous: previousInteractions(HEALTHY),
    settings: SETTINGS,
    now: NOW,
    ...patch,
  });
}

const factor = (result: HealthScore, name: ScoreFactorName) => result.factors.find((f) => f.name === name)!;
const points = (values: Record<ScoreFactorName, number>): number =>
  Math.round((Object.keys(values) as ScoreFactorName[]).reduce((sum, name) => sum + FACTOR_WEIGHTS[name] * values[name], 0));

describe("computeHealthScore", () => {
  it("weighs five factors worth 100 points together", () => {
    expect(Object.values(FACTOR_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("scores a balanced, current relationship Good with every factor explained", () => {
    const result = score(interactions(HEALTHY));
    // A contact is one person on their side; one colleague on ours is a third of the target.
    const breadth = (1 / 3 + 1) / 2;
    expect(result.status).toBe("scored");
    expect(result.score).toBe(points({ recency: 1, frequency: 1, reciprocity: 1, momentum: 1, breadth }));
    expect(result.grade).toBe("good");
    expect(result.reason).toBeNull();
    expect(factor(result, "recency").message).toEqual({ key: "factor.recentReply", params: { days: 2 } });
    expect(factor(result, "frequency").message).toEqual({ key: "factor.onCadence", params: { count: 12, expected: EXPECTED_WEEKLY, days: 60 } });
    expect(factor(result, "reciprocity").message).toEqual({ key: "factor.balanced", params: { ours: 5, theirs: 5, meetings: 2 } });
    expect(factor(result, "momentum").message).toEqual({ key: "factor.interactionsSteady" });
    expect(factor(result, "breadth").value).toBeCloseTo(breadth);
  });

  it("never marks a factor whose message names a problem as raising the score", () => {
    // Silence for 10 days on a weekly cadence and activity down a third still earn most of their
    // points, but their messages say what is wrong: they must read as lowering the score.
    const quieter = score(interactions([bucket("email", "outgoing", 10, 4), bucket("email", "incoming", 10, 3)]), {
      previous: previousInteractions([bucket("email", "outgoing", 2, 6), bucket("email", "incoming", 2, 5)]),
    });
    expect(factor(quieter, "recency").message.key).toBe("factor.noReplyDays");
    expect(factor(quieter, "recency").value).toBeGreaterThan(0.5);
    expect(factor(quieter, "recency").impact).toBeLessThan(0);
    expect(factor(quieter, "momentum").message.key).toBe("factor.interactionsDown");
    expect(factor(quieter, "momentum").impact).toBeLessThan(0);
  });

  it("lists factors by influence, each with a known message key", () => {
    const result = score(interactions([bucket("email", "outgoing", 1, 6), bucket("email", "incoming", 25, 1)]));
    const impacts = result.factors.map((f) => Math.abs(f.impact));
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(result.factors.map((f) => f.name).sort()).toEqual(Object.keys(FACTOR_WEIGHTS).sort());
    for (const f of result.factors) expect(FACTOR_MESSAGE_KEYS).toContain(f.message.key);
  });

  it("decays recency by half for every cadence period of silence beyond the first", () => {
    const result = score(interactions([bucket("email", "outgoing", 1, 10), bucket("email", "incoming", 21, 5)]));
    expect(factor(result, "recency").value).toBeCloseTo(0.5 ** ((21 - 7) / 7));
    expect(factor(result, "recency").message).toEqual({ key: "factor.noReplyDays", params: { days: 21 } });
    const monthly = score(interactions([bucket("email", "outgoing", 1, 10), bucket("email", "incoming", 21, 5)]), {
      settings: { ...SETTINGS, expectedFrequency: "monthly" },
    });
    expect(factor(monthly, "recency").value).toBe(1);
  });

  it("grades pure one-way contact Poor however busy it is", () => {
    const outgoingOnly = score(interactions([bucket("email", "outgoing", 0, 30), bucket("phonecall", "outgoing", 1, 10)], { ourPeople: 3 }));
    expect(outgoingOnly.grade).toBe("poor");
    expect(outgoingOnly.score).toBeLessThan(SETTINGS.boundaries.fair);
    expect(factor(outgoingOnly, "reciprocity").message.key).toBe("factor.oneWay");
    expect(factor(outgoingOnly, "recency").message).toEqual({ key: "factor.noReplyInWindow", params: { days: 60 } });

    const unanswered = score(interactions([bucket("email", "incoming", 0, 30)], { ourPeople: 3 }));
    expect(unanswered.grade).toBe("poor");
    expect(factor(unanswered, "reciprocity").message).toEqual({ key: "factor.unanswered", params: { ours: 0, theirs: 30, meetings: 0 } });
  });

  it("keeps one-way contact Poor under moved boundaries too", () => {
    const settings = { ...SETTINGS, boundaries: { good: 30, fair: 10 } };
    const result = score(interactions([bucket("email", "outgoing", 0, 30)], { ourPeople: 3 }), { settings });
    expect(result.grade).toBe("poor");
    expect(factor(result, "reciprocity").impact).toBeLessThanOrEqual(-FACTOR_WEIGHTS.reciprocity);
  });

  it("measures frequency against the expected cadence with the admin's activity weights", () => {
    const current = interactions([bucket("email", "outgoing", 1, 2), bucket("email", "incoming", 1, 2)]);
    expect(factor(score(current), "frequency").value).toBeCloseTo(4 / EXPECTED_WEEKLY);
    expect(factor(score(current), "frequency").message).toEqual({ key: "factor.belowCadence", params: { count: 4, expected: EXPECTED_WEEKLY, days: 60 } });
    const heavierEmail = { ...SETTINGS, weights: { ...SETTINGS.weights, email: 1.5 } };
    expect(factor(score(current, { settings: heavierEmail }), "frequency").value).toBeCloseTo(6 / EXPECTED_WEEKLY);
  });

  it("reports reciprocity leaning to one side", () => {
    const result = score(interactions([bucket("email", "outgoing", 1, 8), bucket("email", "incoming", 1, 2)]));
    expect(factor(result, "reciprocity").value).toBeCloseTo(2 / 8);
    expect(factor(result, "reciprocity").message).toEqual({ key: "factor.mostlyOurs", params: { ours: 8, theirs: 2, meetings: 0 } });
  });

  it("rewards people on both sides and flags single-threaded deals", () => {
    const opportunity: RecordRef = { type: "opportunity", id: CONTACT.id };
    const single = score(interactions(HEALTHY, { record: opportunity, ourPeople: 2, theirPeople: 1 }), { record: opportunity });
    expect(factor(single, "breadth").value).toBeCloseTo((2 / 3 + 1 / 3) / 2);
    expect(factor(single, "breadth").message).toEqual({ key: "factor.singleThreaded", params: { ours: 2, theirs: 1 } });
    const wide = score(interactions(HEALTHY, { record: opportunity, ourPeople: 4, theirPeople: 5 }), { record: opportunity });
    expect(factor(wide, "breadth").value).toBe(1);
    expect(factor(wide, "breadth").message.key).toBe("factor.peopleInvolved");
  });

  it("loses momentum in proportion to a decline and says by how much", () => {
    const previous = previousInteractions([bucket("email", "outgoing", 2, 12), bucket("email", "incoming", 2, 12)]);
    const result = score(interactions([bucket("email", "outgoing", 2, 6), bucket("email", "incoming", 2, 6)]), { previous });
    expect(factor(result, "momentum").value).toBeCloseTo(0.5);
    expect(factor(result, "momentum").message).toEqual({ key: "factor.interactionsDown", params: { percent: 50 } });
    const rising = score(interactions([bucket("email", "outgoing", 2, 12), bucket("email", "incoming", 2, 12)]), {
      previous: previousInteractions([bucket("email", "outgoing", 2, 5), bucket("email", "incoming", 2, 5)]),
    });
    expect(factor(rising, "momentum").value).toBe(1);
    expect(factor(rising, "momentum").message).toEqual({ key: "factor.interactionsUp", params: { percent: 140 } });
  });

  it("grades by the admin's boundaries", () => {
    const current = interactions([bucket("email", "outgoing", 1, 3), bucket("email", "incoming", 1, 1)]);
    const base = score(current).score!;
    expect(score(current, { settings: { ...SETTINGS, boundaries: { good: base, fair: base - 1 } } }).grade).toBe("good");
    expect(score(current, { settings: { ...SETTINGS, boundaries: { good: base + 1, fair: base } } }).grade).toBe("fair");
    expect(score(current, { settings: { ...SETTINGS, boundaries: { good: base + 2, fair: base + 1 } } }).grade).toBe("poor");
  });

  describe("trend", () => {
    it("is steady within the dead band and moves outside it", () => {
      const steady = score(interactions(HEALTHY));
      expect(steady.previousScore).not.toBeNull();
      expect(Math.abs(steady.score! - steady.previousScore!)).toBeLessThanOrEqual(TREND_DEAD_BAND);
      expect(steady.trend).toBe("steady");

      const quiet = previousInteractions([bucket("email", "outgoing", 40, 2), bucket("email", "incoming", 40, 1)]);
      const improving = score(interactions(HEALTHY), { previous: quiet });
      expect(improving.score! - improving.previousScore!).toBeGreaterThan(TREND_DEAD_BAND);
      expect(improving.trend).toBe("improving");

      const declining = score(interactions([bucket("email", "outgoing", 40, 2), bucket("email", "incoming", 40, 1)]));
      expect(declining.previousScore! - declining.score!).toBeGreaterThan(TREND_DEAD_BAND);
      expect(declining.trend).toBe("declining");
    });

    it("has not enough info without an earlier period to compare with", () => {
      const result = score(interactions(HEALTHY), { previous: previousInteractions([bucket("email", "incoming", 3, 2)]) });
      expect(result.status).toBe("scored");
      expect(result.previousScore).toBeNull();
      expect(result.trend).toBe("notEnoughInfo");
    });
  });

  describe("no score", () => {
    it.each([
      ["lead", 1, "score.leadQualified"],
      ["lead", 2, "score.leadDisqualified"],
      ["opportunity", 1, "score.opportunityWon"],
      ["opportunity", 2, "score.opportunityLost"],
    ] as const)("a %s in state %p is not applicable (%s)", (type, statecode, key) => {
      const record: RecordRef = { type, id: CONTACT.id };
      const result = score(interactions(HEALTHY, { record }), { record, recordState: { statecode } });
      expect(result).toMatchObject({ status: "notApplicable", score: null, grade: null, factors: [], reason: { key } });
    });

    it("scores contacts and accounts in any state", () => {
      expect(score(interactions(HEALTHY), { recordState: { statecode: 1 } }).status).toBe("scored");
      const account: RecordRef = { type: "account", id: CONTACT.id };
      expect(score(interactions(HEALTHY, { record: account }), { record: account, recordState: { statecode: 1 } }).status).toBe("scored");
    });

    it("waits until a record is a week old", () => {
      const result = score(interactions(HEALTHY), { createdOn: daysAgo(3.5) });
      expect(result).toMatchObject({ status: "notEnoughInfo", score: null, reason: { key: "score.recordTooNew", params: { days: 3, minimumDays: 7 } } });
      expect(score(interactions(HEALTHY), { createdOn: daysAgo(7) }).status).toBe("scored");
      expect(score(interactions(HEALTHY), { createdOn: null }).status).toBe("scored");
    });

    it("needs three interactions in the window", () => {
      const result = score(interactions([bucket("email", "outgoing", 1, 1), bucket("email", "incoming", 1, 1)]));
      expect(result).toMatchObject({
        status: "notEnoughInfo",
        trend: "notEnoughInfo",
        reason: { key: "score.tooFewInteractions", params: { count: 2, minimum: 3, days: 60 } },
      });
      for (const key of [result.reason!.key]) expect(SCORE_REASON_KEYS).toContain(key);
    });

    it("still passes the last and next activity through", () => {
      const last = { kind: "email" as const, direction: "incoming" as const, at: daysAgo(1) };
      const result = score(interactions([], { last }));
      expect(result.last).toBe(last);
    });
  });
});

describe("health score properties", () => {
  const direction = fc.constantFrom<Direction>("outgoing", "incoming", "mutual", "none");
  const bucketArb = fc
    .record({
      kind: fc.constantFrom(...ACTIVITY_KINDS),
      direction,
      ago: fc.integer({ min: 0, max: 59 }),
      count: fc.integer({ min: 0, max: 30 }),
      duration: fc.integer({ min: 0, max: 600 }),
    })
    .map((b) => bucket(b.kind, b.direction, b.ago, b.count, b.duration));
  const weight = fc.double({ min: 0.5, max: 1.5, noNaN: true });
  const inputArb = fc.record({
    current: fc.array(bucketArb, { maxLength: 12 }),
    previous: fc.array(bucketArb, { maxLength: 12 }),
    ourPeople: fc.integer({ min: 0, max: 8 }),
    theirPeople: fc.integer({ min: 0, max: 8 }),
    type: fc.constantFrom<RecordRef["type"]>("lead", "contact", "account", "opportunity"),
    statecode: fc.integer({ min: 0, max: 2 }),
    createdDaysAgo: fc.integer({ min: 0, max: 400 }),
    weights: fc.record({ email: weight, appointment: weight, phonecall: weight, task: weight }),
    expectedFrequency: fc.constantFrom("daily" as const, "weekly" as const, "biweekly" as const, "monthly" as const),
  });
  type Generated = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

  function run(g: Generated, extra: readonly InteractionBucket[] = []): HealthScore {
    const record: RecordRef = { type: g.type, id: CONTACT.id };
    return computeHealthScore({
      record,
      recordState: { statecode: g.statecode },
      createdOn: daysAgo(g.createdDaysAgo),
      current: interactions([...g.current, ...extra], { record, ourPeople: g.ourPeople, theirPeople: g.theirPeople }),
      previous: previousInteractions(g.previous, { record }),
      settings: { ...SETTINGS, weights: g.weights, expectedFrequency: g.expectedFrequency },
      now: NOW,
    });
  }

  it("is a whole number within 0..100 when scored, null otherwise", () => {
    fc.assert(
      fc.property(inputArb, (g) => {
        const result = run(g);
        if (result.status === "scored") {
          expect(Number.isInteger(result.score)).toBe(true);
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(result.factors).toHaveLength(5);
        } else {
          expect(result.score).toBeNull();
          expect(result.grade).toBeNull();
        }
      }),
    );
  });

  it("gives the same output for the same input, whatever the bucket order", () => {
    fc.assert(
      fc.property(inputArb, (g) => {
        expect(run({ ...g, current: [...g.current].reverse(), previous: [...g.previous].reverse() })).toEqual(run(g));
      }),
    );
  });

  it("never lowers the score for one more two-way interaction today", () => {
    const twoWay = fc.constantFrom(
      [bucket("appointment", "mutual", 0)],
      [bucket("email", "outgoing", 0), bucket("email", "incoming", 0)],
      [bucket("phonecall", "outgoing", 0), bucket("phonecall", "incoming", 0)],
    );
    fc.assert(
      fc.property(inputArb, twoWay, (g, extra) => {
        const before = run(g);
        const after = run(g, extra);
        if (before.status === "scored") expect(after.score!).toBeGreaterThanOrEqual(before.score!);
      }),
    );
  });
});

import fc from "fast-check";
import {
  CHANNEL_WEIGHTS,
  INTRODUCER_MESSAGE_KEYS,
  IntroducerRow,
  connectionStrength,
  rankIntroducers,
  strengthWord,
} from "../../shared/analytics/introducers";
import { ActivityKind, Colleague, IntroducerEvidence } from "../../shared/model";
import { NOW, daysAgo } from "./fixtures";

const id = (n: number): string => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, "0")}`;
const colleague = (n: number): Colleague => ({ id: id(n), fullName: `Colleague ${n}`, title: null, email: `c${n}@example.com` });
const COLLEAGUES = Array.from({ length: 12 }, (_, i) => colleague(i + 1));
const row = (user: number, kind: ActivityKind, count: number, ago: number | null, customerReplied = false): IntroducerRow => ({
  userId: id(user),
  kind,
  customerReplied,
  count,
  last: ago === null ? null : daysAgo(ago),
});
const evidence = (patch: Partial<IntroducerEvidence>): IntroducerEvidence => ({ meetings: 0, calls: 0, emails: 0, replies: 0, last: NOW, ...patch });
const OPTIONS = { now: NOW, currentUserId: id(99), excludedUserIds: [], count: 5 };

describe("connectionStrength", () => {
  it("ranks channels meeting > call > email for the same volume", () => {
    const meeting = connectionStrength(evidence({ meetings: 2 }), NOW);
    const call = connectionStrength(evidence({ calls: 2 }), NOW);
    const email = connectionStrength(evidence({ emails: 2 }), NOW);
    expect(meeting).toBeGreaterThan(call);
    expect(call).toBeGreaterThan(email);
    expect(CHANNEL_WEIGHTS.meeting).toBeGreaterThan(CHANNEL_WEIGHTS.call);
  });

  it("needs replies to be strong: one-way volume stays below strong", () => {
    expect(strengthWord(connectionStrength(evidence({ emails: 1000 }), NOW))).not.toBe("strong");
    expect(strengthWord(connectionStrength(evidence({ emails: 20, replies: 5 }), NOW))).toBe("strong");
  });

  it("decays with time since the last interaction but never to nothing", () => {
    const recent = connectionStrength(evidence({ meetings: 5, replies: 5 }), NOW);
    const quarter = connectionStrength(evidence({ meetings: 5, replies: 5, last: daysAgo(90) }), NOW);
    const ancient = connectionStrength(evidence({ meetings: 5, replies: 5, last: daysAgo(3000) }), NOW);
    expect(quarter).toBeLessThan(recent);
    expect(quarter).toBeGreaterThan(ancient);
    expect(ancient).toBeGreaterThan(0);
  });

  it("names strength bands at 70 and 40", () => {
    expect([strengthWord(70), strengthWord(69), strengthWord(40), strengthWord(39)]).toEqual(["strong", "good", "good", "weak"]);
  });
});

describe("rankIntroducers", () => {
  it("adds up a colleague's rows and explains the ranking", () => {
    const rows = [row(1, "email", 4, 10), row(1, "email", 3, 3, true), row(1, "appointment", 2, 20, true), row(1, "task", 9, 1)];
    const { introducers } = rankIntroducers(rows, COLLEAGUES, OPTIONS);
    expect(introducers).toHaveLength(1);
    expect(introducers[0]).toMatchObject({
      userId: id(1),
      fullName: "Colleague 1",
      email: "c1@example.com",
      isCurrentUser: false,
      evidence: { meetings: 2, calls: 0, emails: 7, replies: 5, last: daysAgo(3) },
      reason: { key: "introducer.reason", params: { meetings: 2, calls: 0, emails: 7, replies: 5, lastDays: 3 } },
    });
    expect(introducers[0].strength).toBe(connectionStrength(introducers[0].evidence, NOW));
  });

  it("says when the last interaction date is unknown", () => {
    const { introducers } = rankIntroducers([row(1, "phonecall", 2, null)], COLLEAGUES, OPTIONS);
    expect(introducers[0].reason).toEqual({ key: "introducer.reasonUndated", params: { meetings: 0, calls: 2, emails: 0, replies: 0 } });
    for (const i of introducers) expect(INTRODUCER_MESSAGE_KEYS).toContain(i.reason.key);
  });

  it("puts the current user apart, drops excluded and unknown users, and keeps the strongest", () => {
    const rows = [
      ...Array.from({ length: 8 }, (_, i) => row(i + 1, "email", i + 1, 5, true)),
      row(99, "appointment", 3, 1, true),
      row(50, "appointment", 9, 1, true), // no colleague record
    ];
    const { introducers, you } = rankIntroducers(rows, [...COLLEAGUES, colleague(99)], {
      ...OPTIONS,
      currentUserId: `{${id(99).toUpperCase()}}`,
      excludedUserIds: [id(8)],
      count: 3,
    });
    expect(introducers.map((i) => i.userId)).toEqual([id(7), id(6), id(5)]);
    expect(you).toMatchObject({ userId: id(99), isCurrentUser: true });
  });

  it("has no 'you' when the current user has no connection or opted out", () => {
    expect(rankIntroducers([row(1, "email", 1, 1)], COLLEAGUES, { ...OPTIONS, currentUserId: id(2) }).you).toBeNull();
    const optedOut = rankIntroducers([row(2, "email", 1, 1)], COLLEAGUES, { ...OPTIONS, currentUserId: id(2), excludedUserIds: [id(2)] });
    expect(optedOut).toEqual({ introducers: [], you: null });
  });

  it("breaks ties by the more recent contact, then by user id", () => {
    const rows = [row(3, "email", 2, null), row(1, "email", 2, null), row(2, "email", 2, null), row(4, "email", 2, null)];
    expect(rankIntroducers(rows, COLLEAGUES, OPTIONS).introducers.map((i) => i.userId)).toEqual([id(1), id(2), id(3), id(4)]);
    const recentFirst = [row(1, "email", 5, 100), row(2, "email", 5, 101)];
    const ranked = rankIntroducers(recentFirst, COLLEAGUES, OPTIONS).introducers;
    expect(ranked[0].strength).toBe(ranked[1].strength);
    expect(ranked.map((i) => i.userId)).toEqual([id(1), id(2)]);
  });
});

describe("introducer properties", () => {
  const rowArb = fc
    .record({
      user: fc.integer({ min: 1, max: 12 }),
      kind: fc.constantFrom<ActivityKind>("email", "appointment", "phonecall", "task"),
      count: fc.integer({ min: 0, max: 500 }),
      ago: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      replied: fc.boolean(),
    })
    .map((r) => row(r.user, r.kind, r.count, r.ago, r.replied));

  it("keeps strength within 0..100", () => {
    const evidenceArb = fc.record({
      meetings: fc.nat(10_000),
      calls: fc.nat(10_000),
      emails: fc.nat(10_000),
      replies: fc.nat(10_000),
      last: fc.option(fc.date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), { nil: null }),
    });
    fc.assert(
      fc.property(evidenceArb, (e) => {
        const strength = connectionStrength(e, NOW);
        expect(Number.isInteger(strength)).toBe(true);
        expect(strength).toBeGreaterThanOrEqual(0);
        expect(strength).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("ranks the same whatever the order of rows and colleagues", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 30 }).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length }))),
        fc.shuffledSubarray(COLLEAGUES, { minLength: COLLEAGUES.length }),
        fc.integer({ min: 1, max: 12 }),
        ([rows, shuffled], colleagues, current) => {
          const options = { ...OPTIONS, currentUserId: id(current), count: 10 };
          expect(rankIntroducers(shuffled, colleagues, options)).toEqual(rankIntroducers(rows, COLLEAGUES, options));
        },
      ),
    );
  });
});

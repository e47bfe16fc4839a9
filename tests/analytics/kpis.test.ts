import { computeKpis, EMAIL_READ_MINUTES, EMAIL_WRITE_MINUTES } from "../../shared/analytics/kpis";
import { fixedOffset, mondayOf } from "../../shared/analytics/time";
import { ActivitySummary, EmailThreadStat } from "../../shared/model";
import { NOW, TODAY, bucket, daysAgo, heldMeeting, interactions } from "./fixtures";

const MEETING_A = "aaaaaaaa-1111-4111-8111-111111111111";
const MEETING_B = "bbbbbbbb-1111-4111-8111-111111111111";

describe("computeKpis", () => {
  // Two meetings held 3 days ago: the data layer adds one appointment bucket per held meeting.
  const data = interactions(
    [
      bucket("email", "outgoing", 1, 4),
      bucket("email", "incoming", 2, 3),
      bucket("appointment", "mutual", 3, 1, 60),
      bucket("appointment", "mutual", 3, 1, 30),
      bucket("phonecall", "outgoing", 4, 2, 20),
      bucket("phonecall", "incoming", 5, 1, 10),
      bucket("task", "none", 6, 5),
    ],
    { meetings: [heldMeeting(MEETING_A, 3, 60, 2), heldMeeting(MEETING_B, 3, 30, 3)] },
  );

  it("counts each kind by Microsoft's sides", () => {
    const kpis = computeKpis(data, NOW, { windowDays: 60 });
    expect(kpis).toMatchObject({ emailsSent: 4, emailsReceived: 3, meetings: 2, callsMade: 2, callsReceived: 1, tasks: 5, windowDays: 60 });
    expect(kpis.ours).toMatchObject({ emails: 4, meetings: 2, calls: 2 });
    expect(kpis.theirs).toMatchObject({ emails: 3, meetings: 2, calls: 1 });
  });

  it("costs emails 5 minutes to write and 2.5 to read, meetings per our attendee, calls once by duration", () => {
    const kpis = computeKpis(data, NOW, { windowDays: 60 });
    // Ours: 60 min x 2 of us + 30 min x 3 of us; theirs: each meeting's duration once.
    expect(kpis.minutesOurs).toBe(4 * EMAIL_WRITE_MINUTES + 3 * EMAIL_READ_MINUTES + (120 + 90) + 30);
    expect(kpis.minutesTheirs).toBe(3 * EMAIL_WRITE_MINUTES + 4 * EMAIL_READ_MINUTES + (60 + 30) + 30);
    expect(kpis.ours.minutes).toBe(kpis.minutesOurs);
    expect(kpis.theirs.minutes).toBe(kpis.minutesTheirs);
  });

  it("follows Microsoft's worked example: 3 of ours and 2 of theirs for 30 minutes is 90 minutes for us and 30 for them", () => {
    const kpis = computeKpis(interactions([bucket("appointment", "mutual", 2, 1, 30)], { meetings: [heldMeeting(MEETING_A, 2, 30, 3)] }), NOW, {
      windowDays: 60,
    });
    expect(kpis.minutesOurs).toBe(90);
    expect(kpis.minutesTheirs).toBe(30);
  });

  it("costs a meeting with none of our users on its party list once for us, as for them", () => {
    const kpis = computeKpis(interactions([bucket("appointment", "mutual", 2)], { meetings: [heldMeeting(MEETING_A, 2, 45, 0)] }), NOW, { windowDays: 60 });
    expect(kpis.minutesOurs).toBe(45);
    expect(kpis.minutesTheirs).toBe(45);
  });

  it("counts a held meeting without any duration, and costs it nothing", () => {
    const kpis = computeKpis(interactions([bucket("appointment", "mutual", 2)], { meetings: [heldMeeting(MEETING_A, 2, 0, 4)] }), NOW, { windowDays: 60 });
    expect(kpis.meetings).toBe(1);
    expect(kpis.minutesOurs).toBe(0);
    expect(kpis.minutesTheirs).toBe(0);
  });

  it("leaves meeting time outside the window out, like the meeting count", () => {
    const kpis = computeKpis(
      interactions([bucket("appointment", "mutual", 61), bucket("appointment", "mutual", 2)], {
        meetings: [heldMeeting(MEETING_A, 61, 600, 5), heldMeeting(MEETING_B, 2, 30, 1)],
      }),
      NOW,
      { windowDays: 60 },
    );
    expect(kpis.meetings).toBe(1);
    expect(kpis.minutesOurs).toBe(30);
    expect(kpis.minutesTheirs).toBe(30);
  });

  describe("response rate and first-response time, both ways", () => {
    const start = daysAgo(10);
    const thread = (startedBy: EmailThreadStat["startedBy"], answeredAfterMinutes: number | null, startedAt = start): EmailThreadStat => ({
      startedBy,
      startedAt,
      answeredAt: answeredAfterMinutes === null ? null : new Date(startedAt.getTime() + answeredAfterMinutes * 60_000),
    });

    it("takes how they answer the threads we started", () => {
      const kpis = computeKpis(interactions([], { threads: [thread("us", 30), thread("us", 90), thread("us", null), thread("us", null)] }), NOW, {
        windowDays: 60,
      });
      expect(kpis.responseRate).toBe(0.5);
      expect(kpis.averageFirstResponseMinutes).toBe(60);
      expect(kpis.ourResponseRate).toBeNull();
      expect(kpis.ourAverageFirstResponseMinutes).toBeNull();
    });

    it("shows 100% for a customer who answered all our threads, though they also started threads we answered", () => {
      const threads = [thread("us", 30), thread("us", 90), thread("them", 120), thread("them", 240), thread("them", null)];
      const kpis = computeKpis(interactions([], { threads }), NOW, { windowDays: 60 });
      expect(kpis.responseRate).toBe(1);
      expect(kpis.averageFirstResponseMinutes).toBe(60);
      expect(kpis.ourResponseRate).toBeCloseTo(2 / 3, 10);
      expect(kpis.ourAverageFirstResponseMinutes).toBe(180);
    });

    it("ignores threads started before the window, however they went", () => {
      const beforeWindow = daysAgo(61);
      const kpis = computeKpis(
        interactions([], { threads: [thread("us", null, beforeWindow), thread("them", null, beforeWindow), thread("us", 15), thread("them", 45)] }),
        NOW,
        { windowDays: 60 },
      );
      expect(kpis.responseRate).toBe(1);
      expect(kpis.averageFirstResponseMinutes).toBe(15);
      expect(kpis.ourResponseRate).toBe(1);
      expect(kpis.ourAverageFirstResponseMinutes).toBe(45);
    });

    it("has a rate but no time when no thread was answered", () => {
      const kpis = computeKpis(interactions([], { threads: [thread("us", null), thread("them", null)] }), NOW, { windowDays: 60 });
      expect(kpis.responseRate).toBe(0);
      expect(kpis.averageFirstResponseMinutes).toBeNull();
      expect(kpis.ourResponseRate).toBe(0);
      expect(kpis.ourAverageFirstResponseMinutes).toBeNull();
    });

    it("has no response figures when there is nothing to respond to", () => {
      const kpis = computeKpis(interactions([]), NOW, { windowDays: 60 });
      expect(kpis.responseRate).toBeNull();
      expect(kpis.averageFirstResponseMinutes).toBeNull();
      expect(kpis.ourResponseRate).toBeNull();
      expect(kpis.ourAverageFirstResponseMinutes).toBeNull();
    });
  });

  it("draws a Monday-week timeline over the whole window, empty weeks included, meetings as their own series", () => {
    const kpis = computeKpis(
      interactions([
        bucket("email", "outgoing", 0, 2),
        bucket("phonecall", "incoming", 0),
        bucket("appointment", "mutual", 1),
        bucket("email", "incoming", 20),
        bucket("task", "none", 20, 3),
      ]),
      NOW,
      { windowDays: 60 },
    );
    const weeks = kpis.timeline.map((p) => p.weekStart);
    expect(weeks[0]).toBe(mondayOf("2025-01-11"));
    expect(weeks[weeks.length - 1]).toBe(mondayOf(TODAY));
    expect(weeks).toHaveLength(10);
    weeks.forEach((week) => expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1));
    expect(kpis.timeline[weeks.length - 1]).toEqual({ weekStart: "2025-03-10", sent: 2, received: 1, meetings: 1 });
    expect(kpis.timeline.reduce((sum, p) => sum + p.received, 0)).toBe(2);
    expect(kpis.timeline.reduce((sum, p) => sum + p.meetings, 0)).toBe(1);
    expect(kpis.timeline.filter((p) => p.sent === 0 && p.received === 0 && p.meetings === 0)).toHaveLength(8);
  });

  it("counts nothing outside the window, so totals and timeline agree", () => {
    const kpis = computeKpis(interactions([bucket("email", "outgoing", 61), bucket("email", "outgoing", -1), bucket("email", "outgoing", 5)]), NOW, {
      windowDays: 60,
    });
    expect(kpis.emailsSent).toBe(1);
    expect(kpis.timeline.reduce((sum, p) => sum + p.sent, 0)).toBe(1);
  });

  it("takes today in the user's time zone", () => {
    const lateEvening = new Date("2025-03-16T23:30:00Z"); // Sunday in UTC, Monday in UTC+2
    const data = interactions([{ kind: "email", direction: "outgoing", day: "2025-03-17", count: 1, durationMinutes: 0 }]);
    expect(computeKpis(data, lateEvening, { windowDays: 30 }).emailsSent).toBe(0);
    const local = computeKpis(data, lateEvening, { windowDays: 30, utcOffsetAt: fixedOffset(120) });
    expect(local.emailsSent).toBe(1);
    expect(local.timeline[local.timeline.length - 1].weekStart).toBe("2025-03-17");
  });

  it("passes the last and next activity through", () => {
    const last: ActivitySummary = { kind: "email", direction: "incoming", at: daysAgo(2) };
    const next: ActivitySummary = { kind: "appointment", direction: "mutual", at: daysAgo(-3) };
    const kpis = computeKpis(interactions([], { last, next }), NOW, { windowDays: 30 });
    expect(kpis.last).toBe(last);
    expect(kpis.next).toBe(next);
  });
});

import { computeKpis, EMAIL_READ_MINUTES, EMAIL_WRITE_MINUTES } from "../../shared/analytics/kpis";
import { mondayOf } from "../../shared/analytics/time";
import { ActivitySummary } from "../../shared/model";
import { NOW, TODAY, bucket, daysAgo, interactions } from "./fixtures";

describe("computeKpis", () => {
  const data = interactions(
    [
      bucket("email", "outgoing", 1, 4),
      bucket("email", "incoming", 2, 3),
      bucket("appointment", "mutual", 3, 2, 90),
      bucket("phonecall", "outgoing", 4, 2, 20),
      bucket("phonecall", "incoming", 5, 1, 10),
      bucket("task", "none", 6, 5),
    ],
    { meetings: [{ day: bucket("appointment", "mutual", 3).day, ourAttendeeMinutes: 180, theirAttendeeMinutes: 270 }] },
  );

  it("counts each kind by Microsoft's sides", () => {
    const kpis = computeKpis(data, NOW, { windowDays: 60 });
    expect(kpis).toMatchObject({ emailsSent: 4, emailsReceived: 3, meetings: 2, callsMade: 2, callsReceived: 1, tasks: 5, windowDays: 60 });
    expect(kpis.ours).toMatchObject({ emails: 4, meetings: 2, calls: 2 });
    expect(kpis.theirs).toMatchObject({ emails: 3, meetings: 2, calls: 1 });
  });

  it("costs emails 5 minutes to write and 2.5 to read, meetings per attendee, calls by duration", () => {
    const kpis = computeKpis(data, NOW, { windowDays: 60 });
    expect(kpis.minutesOurs).toBe(4 * EMAIL_WRITE_MINUTES + 3 * EMAIL_READ_MINUTES + 180 + 30);
    expect(kpis.minutesTheirs).toBe(3 * EMAIL_WRITE_MINUTES + 4 * EMAIL_READ_MINUTES + 270 + 30);
    expect(kpis.ours.minutes).toBe(kpis.minutesOurs);
    expect(kpis.theirs.minutes).toBe(kpis.minutesTheirs);
  });

  it("computes the response rate and the average first response from threads", () => {
    const sent = daysAgo(10);
    const minutesLater = (minutes: number) => new Date(sent.getTime() + minutes * 60_000);
    const kpis = computeKpis(
      interactions([], {
        threads: [
          { firstOutgoing: sent, firstReply: minutesLater(30) },
          { firstOutgoing: sent, firstReply: minutesLater(90) },
          { firstOutgoing: sent, firstReply: null },
          { firstOutgoing: sent, firstReply: null },
        ],
      }),
      NOW,
      { windowDays: 60 },
    );
    expect(kpis.responseRate).toBe(0.5);
    expect(kpis.averageFirstResponseMinutes).toBe(60);
  });

  it("has no response figures when there is nothing to respond to", () => {
    const kpis = computeKpis(interactions([]), NOW, { windowDays: 60 });
    expect(kpis.responseRate).toBeNull();
    expect(kpis.averageFirstResponseMinutes).toBeNull();
  });

  it("ignores a reply dated before our message for the response time, but counts it as a reply", () => {
    const sent = daysAgo(10);
    const kpis = computeKpis(interactions([], { threads: [{ firstOutgoing: sent, firstReply: daysAgo(11) }] }), NOW, { windowDays: 60 });
    expect(kpis.responseRate).toBe(1);
    expect(kpis.averageFirstResponseMinutes).toBeNull();
  });

  it("draws a Monday-week timeline over the whole window, empty weeks included", () => {
    const kpis = computeKpis(interactions([bucket("email", "outgoing", 0, 2), bucket("phonecall", "incoming", 0), bucket("email", "incoming", 20)]), NOW, {
      windowDays: 60,
    });
    const weeks = kpis.timeline.map((p) => p.weekStart);
    expect(weeks[0]).toBe(mondayOf("2025-01-11"));
    expect(weeks[weeks.length - 1]).toBe(mondayOf(TODAY));
    expect(weeks).toHaveLength(10);
    weeks.forEach((week) => expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1));
    expect(kpis.timeline[weeks.length - 1]).toEqual({ weekStart: "2025-03-10", sent: 2, received: 1 });
    expect(kpis.timeline.reduce((sum, p) => sum + p.received, 0)).toBe(2);
    expect(kpis.timeline.filter((p) => p.sent === 0 && p.received === 0)).toHaveLength(8);
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
    const local = computeKpis(data, lateEvening, { windowDays: 30, timeZoneOffsetMinutes: 120 });
    expect(local.emailsSent).toBe(1);
    expect(local.timeline[local.timeline.length - 1].weekStart).toBe("2025-03-17");
  });

  it("passes the last and next activity through", () => {
    const last: ActivitySummary = { id: "a", kind: "email", direction: "incoming", at: daysAgo(2) };
    const next: ActivitySummary = { id: "b", kind: "appointment", direction: "mutual", at: daysAgo(-3) };
    const kpis = computeKpis(interactions([], { last, next }), NOW, { windowDays: 30 });
    expect(kpis.last).toBe(last);
    expect(kpis.next).toBe(next);
  });
});

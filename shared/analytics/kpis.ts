/** Relationship KPIs, counted the way Microsoft's relationship analytics count them. */
import { ActivityKind, Direction, InteractionBucket, InteractionData, KpiSet, WeeklyPoint } from "../model";
import { addDays, dayKey, mondayOf } from "./time";

/** Microsoft's fixed cost of an email: 5 minutes for the writer, 2.5 for the reader. */
export const EMAIL_WRITE_MINUTES = 5;
export const EMAIL_READ_MINUTES = 2.5;

export interface KpiOptions {
  windowDays: number;
  /** The user's offset from UTC, so "today" matches the day keys Dataverse grouped by. */
  timeZoneOffsetMinutes?: number;
}

function total(buckets: InteractionBucket[], kind: ActivityKind, direction?: Direction): number {
  return buckets
    .filter((b) => b.kind === kind && (direction === undefined || b.direction === direction))
    .reduce((sum, b) => sum + b.count, 0);
}

function timeline(buckets: InteractionBucket[], firstDay: string, lastDay: string): WeeklyPoint[] {
  const points: WeeklyPoint[] = [];
  const byWeek = new Map<string, WeeklyPoint>();
  for (let week = mondayOf(firstDay); week <= lastDay; week = addDays(week, 7)) {
    const point = { weekStart: week, sent: 0, received: 0, meetings: 0 };
    points.push(point);
    byWeek.set(week, point);
  }
  // Emails and calls have a sender; meetings are their own series; tasks have no counterpart.
  for (const bucket of buckets) {
    const point = byWeek.get(mondayOf(bucket.day));
    if (!point) continue;
    if (bucket.direction === "outgoing") point.sent += bucket.count;
    if (bucket.direction === "incoming") point.received += bucket.count;
    if (bucket.kind === "appointment") point.meetings += bucket.count;
  }
  return points;
}

export function computeKpis(data: InteractionData, now: Date, options: KpiOptions): KpiSet {
  const offset = options.timeZoneOffsetMinutes ?? 0;
  const lastDay = dayKey(now, offset);
  // The last windowDays calendar days, today included, as the data layer reads them.
  const firstDay = addDays(lastDay, -(options.windowDays - 1));
  // Totals and timeline must agree, so whatever falls outside the window counts in neither.
  const inWindow = (day: string): boolean => day >= firstDay && day <= lastDay;
  const buckets = data.buckets.filter((b) => inWindow(b.day));
  const meetingsAttended = data.meetings.filter((m) => inWindow(m.day));

  const emailsSent = total(buckets, "email", "outgoing");
  const emailsReceived = total(buckets, "email", "incoming");
  const meetings = total(buckets, "appointment");
  const callsMade = total(buckets, "phonecall", "outgoing");
  const callsReceived = total(buckets, "phonecall", "incoming");
  const callMinutes = buckets.filter((b) => b.kind === "phonecall").reduce((sum, b) => sum + b.durationMinutes, 0);
  const ourMeetingMinutes = meetingsAttended.reduce((sum, m) => sum + m.ourAttendeeMinutes, 0);
  const theirMeetingMinutes = meetingsAttended.reduce((sum, m) => sum + m.theirAttendeeMinutes, 0);

  // Each side writes what it sends and reads what it receives; both sides spend a call's duration.
  const minutesOurs = EMAIL_WRITE_MINUTES * emailsSent + EMAIL_READ_MINUTES * emailsReceived + ourMeetingMinutes + callMinutes;
  const minutesTheirs = EMAIL_WRITE_MINUTES * emailsReceived + EMAIL_READ_MINUTES * emailsSent + theirMeetingMinutes + callMinutes;

  // A reply dated before our first message is a clock or sync error: it says nothing about speed.
  const replyMinutes = data.threads.flatMap((t) => {
    const minutes = t.firstReply === null ? -1 : (t.firstReply.getTime() - t.firstOutgoing.getTime()) / 60_000;
    return minutes >= 0 ? [minutes] : [];
  });
  const replied = data.threads.filter((t) => t.firstReply !== null).length;

  return {
    windowDays: options.windowDays,
    ours: { emails: emailsSent, meetings, calls: callsMade, minutes: minutesOurs },
    theirs: { emails: emailsReceived, meetings, calls: callsReceived, minutes: minutesTheirs },
    emailsSent,
    emailsReceived,
    meetings,
    callsMade,
    callsReceived,
    tasks: total(buckets, "task"),
    minutesOurs,
    minutesTheirs,
    responseRate: data.threads.length === 0 ? null : replied / data.threads.length,
    averageFirstResponseMinutes:
      replyMinutes.length === 0 ? null : replyMinutes.reduce((sum, m) => sum + m, 0) / replyMinutes.length,
    last: data.last,
    next: data.next,
    timeline: timeline(buckets, firstDay, lastDay),
    skippedRows: data.skippedRows,
  };
}

/** Relationship KPIs, counted the way Microsoft's relationship analytics count them. */
import { ActivityKind, Direction, EmailThreadStat, InteractionBucket, InteractionData, KpiSet, WeeklyPoint } from "../model";
import { addDays, dayKey, mondayOf, type UtcOffsetAt } from "./time";

/** Microsoft's fixed cost of an email: 5 minutes for the writer, 2.5 for the reader. */
export const EMAIL_WRITE_MINUTES = 5;
export const EMAIL_READ_MINUTES = 2.5;

export interface KpiOptions {
  windowDays: number;
  /** The user's time zone, so "today" matches the day keys Dataverse grouped by. */
  utcOffsetAt?: UtcOffsetAt;
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

interface Responses {
  rate: number | null;
  averageMinutes: number | null;
}

/** How one side answers the threads the other side started. */
function responses(threads: EmailThreadStat[], startedBy: EmailThreadStat["startedBy"]): Responses {
  const started = threads.filter((t) => t.startedBy === startedBy);
  const answered = started.flatMap((t) => (t.answeredAt === null ? [] : [(t.answeredAt.getTime() - t.startedAt.getTime()) / 60_000]));
  return {
    rate: started.length === 0 ? null : answered.length / started.length,
    averageMinutes: answered.length === 0 ? null : answered.reduce((sum, m) => sum + m, 0) / answered.length,
  };
}

export function computeKpis(data: InteractionData, now: Date, options: KpiOptions): KpiSet {
  const offset = options.utcOffsetAt;
  const lastDay = dayKey(now, offset);
  // The last windowDays calendar days, today included, as the data layer reads them.
  const firstDay = addDays(lastDay, -(options.windowDays - 1));
  // Totals and timeline must agree, so whatever falls outside the window counts in neither.
  const inWindow = (day: string): boolean => day >= firstDay && day <= lastDay;
  const buckets = data.buckets.filter((b) => inWindow(b.day));
  const meetingsHeld = data.meetings.filter((m) => inWindow(m.day));

  const emailsSent = total(buckets, "email", "outgoing");
  const emailsReceived = total(buckets, "email", "incoming");
  const meetings = total(buckets, "appointment");
  const callsMade = total(buckets, "phonecall", "outgoing");
  const callsReceived = total(buckets, "phonecall", "incoming");
  const callMinutes = buckets.filter((b) => b.kind === "phonecall").reduce((sum, b) => sum + b.durationMinutes, 0);
  // Microsoft: our time is multiplied by our attendees (at least the one who held it), theirs is not.
  const ourMeetingMinutes = meetingsHeld.reduce((sum, m) => sum + m.minutes * Math.max(1, m.ourAttendees), 0);
  const theirMeetingMinutes = meetingsHeld.reduce((sum, m) => sum + m.minutes, 0);

  // Each side writes what it sends and reads what it receives; both sides spend a call's duration.
  const minutesOurs = EMAIL_WRITE_MINUTES * emailsSent + EMAIL_READ_MINUTES * emailsReceived + ourMeetingMinutes + callMinutes;
  const minutesTheirs = EMAIL_WRITE_MINUTES * emailsReceived + EMAIL_READ_MINUTES * emailsSent + theirMeetingMinutes + callMinutes;

  const windowStart = data.window.from.getTime();
  const threads = data.threads.filter((t) => t.startedAt.getTime() >= windowStart);
  const theirAnswers = responses(threads, "us");
  const ourAnswers = responses(threads, "them");

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
    responseRate: theirAnswers.rate,
    averageFirstResponseMinutes: theirAnswers.averageMinutes,
    ourResponseRate: ourAnswers.rate,
    ourAverageFirstResponseMinutes: ourAnswers.averageMinutes,
    last: data.last,
    next: data.next,
    timeline: timeline(buckets, firstDay, lastDay),
    skippedRows: data.skippedRows,
  };
}

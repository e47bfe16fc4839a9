/**
 * Day keys ("YYYY-MM-DD" in the user's time zone) and windows. Every function takes the instant it
 * works from: nothing here reads the clock.
 */
import { DateWindow } from "../model";

export const DAY_MS = 86_400_000;

/**
 * The user's offset from UTC in minutes at an instant (UTC+02:00 is 120, UTC-05:00 is -300). A function,
 * not a number: daylight saving moves it, and Dataverse groups days by the user's zone on each date.
 */
export type UtcOffsetAt = (at: Date) => number;

export const UTC: UtcOffsetAt = () => 0;

/** A zone without daylight saving. */
export function fixedOffset(minutes: number): UtcOffsetAt {
  return () => minutes;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of an instant in the user's time zone. */
export function dayKey(date: Date, offsetAt: UtcOffsetAt = UTC): string {
  return new Date(date.getTime() + offsetAt(date) * 60_000).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a day key; throws on a malformed key, which is a programming error. */
function dayNumber(key: string): number {
  const match = DAY_KEY.exec(key);
  if (!match) throw new RangeError(`Not a day key: ${key}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(key: string, days: number): string {
  return fromDayNumber(dayNumber(key) + days);
}

/** The Monday starting the ISO week of a day. */
export function mondayOf(key: string): string {
  const days = dayNumber(key);
  // 1970-01-01 was a Thursday: shift so Monday is 0.
  const sinceMonday = (((days + 3) % 7) + 7) % 7;
  return fromDayNumber(days - sinceMonday);
}

/** Whole calendar days from one day key to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Elapsed time between two instants in (fractional) days. */
export function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** The `days` days ending at `now`: [now - days, now). */
export function windowEnding(now: Date, days: number): DateWindow {
  return { from: new Date(now.getTime() - days * DAY_MS), to: new Date(now.getTime()) };
}

/** The instant the user's day `key` starts (their midnight), daylight saving included. */
export function localMidnight(key: string, offsetAt: UtcOffsetAt = UTC): Date {
  const utcMidnight = dayNumber(key) * DAY_MS;
  // The offset at midnight itself: first guess with the offset at UTC midnight, then correct once.
  const guess = utcMidnight - offsetAt(new Date(utcMidnight)) * 60_000;
  return new Date(utcMidnight - offsetAt(new Date(guess)) * 60_000);
}

/**
 * The last `days` calendar days in the user's time zone, today included: from the user's midnight
 * `days - 1` days ago up to `now`. Day-grouped counts then fall wholly inside or outside it.
 */
export function calendarWindow(now: Date, days: number, offsetAt: UtcOffsetAt = UTC): DateWindow {
  const firstDay = addDays(dayKey(now, offsetAt), -(days - 1));
  return { from: localMidnight(firstDay, offsetAt), to: new Date(now.getTime()) };
}

/** The `days` whole calendar days just before `window` starts (a day may be 23 or 25 hours long). */
export function daysBefore(window: DateWindow, days: number, offsetAt: UtcOffsetAt = UTC): DateWindow {
  const from = localMidnight(addDays(dayKey(window.from, offsetAt), -days), offsetAt);
  return { from, to: new Date(window.from.getTime()) };
}

/** Calendar days a window touches (a partly elapsed today counts), at least 1 so rates never divide by zero. */
export function windowDays(window: DateWindow): number {
  return Math.max(1, Math.ceil(elapsedDays(window.from, window.to) - 1e-9));
}

// A date alone is UTC; a time must carry its zone, or the instant would depend on the reader's machine.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** An ISO 8601 date or zoned date-time, or null when the text is not one. */
export function parseIsoInstant(text: string): Date | null {
  if (!ISO_INSTANT.test(text)) return null;
  const calendarDay = text.slice(0, 10);
  // Engines roll "2025-02-30" over to March instead of refusing it.
  if (fromDayNumber(dayNumber(calendarDay)) !== calendarDay) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

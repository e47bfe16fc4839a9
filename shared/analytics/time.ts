/**
 * Day keys ("YYYY-MM-DD" in the user's time zone) and windows. Every function takes the instant it
 * works from: nothing here reads the clock.
 */
import { DateWindow } from "../model";

export const DAY_MS = 86_400_000;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar day of an instant for a user whose clock is `timeZoneOffsetMinutes` ahead of UTC
 * (UTC+02:00 is 120, UTC-05:00 is -300).
 */
export function dayKey(date: Date, timeZoneOffsetMinutes = 0): string {
  return new Date(date.getTime() + timeZoneOffsetMinutes * 60_000).toISOString().slice(0, 10);
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

/**
 * The last `days` calendar days in the user's time zone, today included: from the user's midnight
 * `days - 1` days ago up to `now`. Day-grouped counts then fall wholly inside or outside it.
 */
export function calendarWindow(now: Date, days: number, timeZoneOffsetMinutes = 0): DateWindow {
  const firstDay = addDays(dayKey(now, timeZoneOffsetMinutes), -(days - 1));
  const from = new Date(dayNumber(firstDay) * DAY_MS - timeZoneOffsetMinutes * 60_000);
  return { from, to: new Date(now.getTime()) };
}

/** The `days` whole days just before `window` starts. */
export function daysBefore(window: DateWindow, days: number): DateWindow {
  return { from: new Date(window.from.getTime() - days * DAY_MS), to: new Date(window.from.getTime()) };
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

import {
  addDays,
  calendarWindow,
  dayKey,
  daysBefore,
  daysBetween,
  fixedOffset,
  localMidnight,
  mondayOf,
  parseIsoInstant,
  windowEnding,
} from "../../shared/analytics/time";
import { BUCHAREST } from "./fixtures";

const HOUR_MS = 3_600_000;

describe("day keys", () => {
  it("takes the user's calendar day, not UTC's", () => {
    const lateEvening = new Date("2025-03-09T23:30:00Z");
    expect(dayKey(lateEvening)).toBe("2025-03-09");
    expect(dayKey(lateEvening, fixedOffset(120))).toBe("2025-03-10");
    expect(dayKey(new Date("2025-03-10T02:00:00Z"), fixedOffset(-300))).toBe("2025-03-09");
  });

  it("follows daylight saving: the same UTC hour is a different local day before and after the change", () => {
    // 21:30 UTC is 00:30 the next day in summer (UTC+3) but 23:30 the same day in winter (UTC+2).
    expect(dayKey(new Date("2026-10-20T21:30:00Z"), BUCHAREST)).toBe("2026-10-21");
    expect(dayKey(new Date("2026-10-27T21:30:00Z"), BUCHAREST)).toBe("2026-10-27");
  });

  it("finds the Monday of a week, across month and year ends", () => {
    expect(mondayOf("2025-03-12")).toBe("2025-03-10");
    expect(mondayOf("2025-03-10")).toBe("2025-03-10");
    expect(mondayOf("2025-03-16")).toBe("2025-03-10");
    expect(mondayOf("2025-01-01")).toBe("2024-12-30");
  });

  it("counts calendar days, signed", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-03-01", "2025-02-28")).toBe(-1);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
  });
});

describe("windows", () => {
  it("ends at now and reaches back exactly the given days", () => {
    const now = new Date("2025-03-12T15:00:00Z");
    const window = windowEnding(now, 60);
    expect(window.to.getTime()).toBe(now.getTime());
    expect(window.from.toISOString()).toBe("2025-01-11T15:00:00.000Z");
  });
});

describe("parseIsoInstant", () => {
  it("accepts dates and zoned times", () => {
    expect(parseIsoInstant("2025-03-01")?.toISOString()).toBe("2025-03-01T00:00:00.000Z");
    expect(parseIsoInstant("2025-03-01T10:00+02:00")?.toISOString()).toBe("2025-03-01T08:00:00.000Z");
  });

  it.each(["2025-02-30", "2025-13-01", "2025-03-01T10:00", "yesterday", "1741000000000", ""])("refuses %p", (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe("local midnight", () => {
  it("is UTC midnight shifted by a fixed offset", () => {
    expect(localMidnight("2026-11-20").toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(localMidnight("2026-11-20", fixedOffset(120)).toISOString()).toBe("2026-11-19T22:00:00.000Z");
    expect(localMidnight("2026-11-20", fixedOffset(-300)).toISOString()).toBe("2026-11-20T05:00:00.000Z");
  });

  it("uses the offset of that midnight, so the day the clocks go back lasts 25 hours and the day they go forward 23", () => {
    const autumn = localMidnight("2026-10-25", BUCHAREST);
    expect(autumn.toISOString()).toBe("2026-10-24T21:00:00.000Z");
    expect(localMidnight("2026-10-26", BUCHAREST).getTime() - autumn.getTime()).toBe(25 * HOUR_MS);
    const spring = localMidnight("2026-03-29", BUCHAREST);
    expect(spring.toISOString()).toBe("2026-03-28T22:00:00.000Z");
    expect(localMidnight("2026-03-30", BUCHAREST).getTime() - spring.getTime()).toBe(23 * HOUR_MS);
  });
});

describe("calendar windows", () => {
  it("cover the last N days in the user's time zone, today included, from their midnight", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const utcPlus2 = fixedOffset(120);
    const window = calendarWindow(now, 60, utcPlus2);
    // 60 days in UTC+2 run from 22 September local midnight, which is 21 September 22:00 UTC.
    expect(window.from.toISOString()).toBe("2026-09-21T22:00:00.000Z");
    expect(window.to).toEqual(now);
    expect(dayKey(window.from, utcPlus2)).toBe("2026-09-22");
    expect(daysBetween(dayKey(window.from, utcPlus2), dayKey(now, utcPlus2)) + 1).toBe(60);
  });

  it("put the previous period in whole days right before", () => {
    const window = calendarWindow(new Date("2026-11-20T10:00:00Z"), 30);
    const before = daysBefore(window, 30);
    expect(before.to).toEqual(window.from);
    expect(before.from.toISOString()).toBe("2026-09-22T00:00:00.000Z");
  });

  it("start at the local midnight of their first day when daylight saving ends inside them", () => {
    // Now is in winter time (UTC+2); the first of the 7 days, 22 October, is still summer time (UTC+3).
    const now = new Date("2026-10-28T10:00:00Z");
    const window = calendarWindow(now, 7, BUCHAREST);
    expect(window.from.toISOString()).toBe("2026-10-21T21:00:00.000Z");
    expect(dayKey(window.from, BUCHAREST)).toBe("2026-10-22");
    // One millisecond earlier is still the day before: the window holds 22 October from its first minute.
    expect(dayKey(new Date(window.from.getTime() - 1), BUCHAREST)).toBe("2026-10-21");
  });

  it("put whole local days before a window across the change, the 25-hour day included", () => {
    const window = calendarWindow(new Date("2026-10-30T10:00:00Z"), 4, BUCHAREST);
    expect(window.from.toISOString()).toBe("2026-10-26T22:00:00.000Z");
    const before = daysBefore(window, 3, BUCHAREST);
    expect(before.to).toEqual(window.from);
    // 24, 25 and 26 October: 24 + 25 + 24 hours, from 24 October's midnight (UTC+3).
    expect(before.from.toISOString()).toBe("2026-10-23T21:00:00.000Z");
    expect(before.to.getTime() - before.from.getTime()).toBe(73 * HOUR_MS);
    expect(dayKey(before.from, BUCHAREST)).toBe("2026-10-24");
    expect(dayKey(new Date(before.to.getTime() - 1), BUCHAREST)).toBe("2026-10-26");
  });
});

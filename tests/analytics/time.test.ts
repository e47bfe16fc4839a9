import { addDays, calendarWindow, dayKey, daysBefore, daysBetween, mondayOf, parseIsoInstant, windowEnding } from "../../shared/analytics/time";

describe("day keys", () => {
  it("takes the user's calendar day, not UTC's", () => {
    const lateEvening = new Date("2025-03-09T23:30:00Z");
    expect(dayKey(lateEvening)).toBe("2025-03-09");
    expect(dayKey(lateEvening, 120)).toBe("2025-03-10");
    expect(dayKey(new Date("2025-03-10T02:00:00Z"), -300)).toBe("2025-03-09");
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

describe("calendar windows", () => {
  it("cover the last N days in the user's time zone, today included, from their midnight", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const window = calendarWindow(now, 60, 120);
    // 60 days in UTC+2 run from 22 September local midnight, which is 21 September 22:00 UTC.
    expect(window.from.toISOString()).toBe("2026-09-21T22:00:00.000Z");
    expect(window.to).toEqual(now);
    expect(dayKey(window.from, 120)).toBe("2026-09-22");
    expect(daysBetween(dayKey(window.from, 120), dayKey(now, 120)) + 1).toBe(60);
  });

  it("put the previous period in whole days right before", () => {
    const window = calendarWindow(new Date("2026-11-20T10:00:00Z"), 30);
    const before = daysBefore(window, 30);
    expect(before.to).toEqual(window.from);
    expect(before.from.toISOString()).toBe("2026-09-22T00:00:00.000Z");
  });
});

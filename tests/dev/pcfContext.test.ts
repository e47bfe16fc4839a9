import { zoneOffsetMinutes } from "../../dev/pcfContext";

describe("the PCF context stand-in's time zones", () => {
  it.each([
    ["Europe/Bucharest", "2026-07-01T12:00:00Z", 180],
    ["Europe/Bucharest", "2026-10-25T00:59:00Z", 180],
    ["Europe/Bucharest", "2026-10-25T01:00:00Z", 120],
    ["America/New_York", "2026-03-08T06:59:00Z", -300],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["Asia/Kolkata", "2026-01-15T00:00:00Z", 330],
    ["UTC", "2026-06-01T00:00:00Z", 0],
  ])("%s at %s is %i minutes ahead of UTC", (zone, at, minutes) => {
    expect(zoneOffsetMinutes(zone, new Date(at))).toBe(minutes);
  });
});

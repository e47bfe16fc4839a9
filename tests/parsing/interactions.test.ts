import { parseBreadth, parseInteractions, parseMeetings } from "../../shared/parsing";

const day = { groupyear: 2024, groupmonth: 3, groupday: 5 };
const MEETING = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
const MEETING_2 = "11111111-2222-3333-4444-555555555555";

describe("parseInteractions", () => {
  it("reads buckets with direction taken from the link that matches the kind", () => {
    const rows = [
      { ...day, kind: "email", emaildirection: true, activitycount: 3 },
      { ...day, kind: "email", emaildirection: false, activitycount: 2, minutes: 0 },
      { ...day, kind: "phonecall", calldirection: false, activitycount: 1, minutes: 15 },
      { ...day, kind: "task", activitycount: 4 },
      { ...day, kind: "email", activitycount: 1, "kind@OData.Community.Display.V1.FormattedValue": "E-mail" },
    ];
    expect(parseInteractions(rows)).toEqual({
      items: [
        { kind: "email", direction: "outgoing", day: "2024-03-05", count: 3, durationMinutes: 0 },
        { kind: "email", direction: "incoming", day: "2024-03-05", count: 2, durationMinutes: 0 },
        { kind: "phonecall", direction: "incoming", day: "2024-03-05", count: 1, durationMinutes: 15 },
        { kind: "task", direction: "none", day: "2024-03-05", count: 4, durationMinutes: 0 },
        { kind: "email", direction: "none", day: "2024-03-05", count: 1, durationMinutes: 0 },
      ],
      skipped: 0,
    });
  });

  it("reads a call without a duration as 0 minutes: Dataverse leaves a null sum out of the row", () => {
    expect(parseInteractions([{ ...day, kind: "phonecall", calldirection: true, activitycount: 2 }]).items).toEqual([
      { kind: "phonecall", direction: "outgoing", day: "2024-03-05", count: 2, durationMinutes: 0 },
    ]);
  });

  it("refuses appointment rows: meetings are read one by one, and counting them here too would count them twice", () => {
    expect(parseInteractions([{ ...day, kind: "appointment", activitycount: 1, minutes: 60 }])).toEqual({ items: [], skipped: 1 });
  });

  it("skips and counts rows with unknown kinds, missing aliases or bad numbers", () => {
    const rows = [
      { ...day, kind: "letter", activitycount: 1 },
      { ...day, kind: "email", emaildirection: "true", activitycount: 1 },
      { ...day, kind: "email" },
      { groupyear: 2024, groupmonth: 3, kind: "email", activitycount: 1 },
      { ...day, kind: "email", activitycount: -1 },
      { ...day, kind: "phonecall", activitycount: 1, minutes: -5 },
      { ...day, kind: "task", activitycount: 1.5 },
      { ...day, kind: "task", activitycount: 1 },
    ];
    const parsed = parseInteractions(rows);
    expect(parsed.skipped).toBe(7);
    expect(parsed.items).toHaveLength(1);
  });
});

describe("parseMeetings", () => {
  const meeting = { ...day, meetingid: MEETING, meetingend: "2024-03-05T10:00:00Z" };

  it("reads each held meeting with its actual duration and how many of our users attended", () => {
    const rows = [{ ...meeting, actualminutes: 45, scheduledminutes: 60, ourattendees: 3 }];
    expect(parseMeetings(rows)).toEqual({
      items: [{ id: MEETING, end: new Date("2024-03-05T10:00:00Z"), day: "2024-03-05", minutes: 45, ourAttendees: 3 }],
      skipped: 0,
    });
  });

  it("takes the scheduled duration when no actual one is set, and 0 when neither is (absent means null)", () => {
    const rows = [
      { ...meeting, scheduledminutes: 30, ourattendees: 1 },
      { ...meeting, meetingid: MEETING_2.toUpperCase(), ourattendees: 2 },
    ];
    expect(parseMeetings(rows).items.map((m) => [m.id, m.minutes])).toEqual([
      [MEETING, 30],
      [MEETING_2, 0],
    ]);
  });

  it("keeps an actual duration of 0 rather than falling back to the scheduled one", () => {
    expect(parseMeetings([{ ...meeting, actualminutes: 0, scheduledminutes: 60, ourattendees: 1 }]).items[0].minutes).toBe(0);
  });

  it("reads no attendee count as none of our users on the meeting", () => {
    expect(parseMeetings([{ ...meeting, scheduledminutes: 30 }]).items[0].ourAttendees).toBe(0);
  });

  it("skips rows without a meeting id, end or day, or with bad durations and counts", () => {
    const rows = [
      { ...day, meetingend: "2024-03-05T10:00:00Z", actualminutes: 30 },
      { ...meeting, meetingid: "x" },
      { ...day, meetingid: MEETING, actualminutes: 30 },
      { meetingid: MEETING, meetingend: "2024-03-05T10:00:00Z", actualminutes: 30 },
      { ...meeting, actualminutes: -30 },
      { ...meeting, scheduledminutes: "30" },
      { ...meeting, actualminutes: 30, ourattendees: 1.5 },
      { ...meeting, actualminutes: 30, ourattendees: -1 },
    ];
    expect(parseMeetings(rows)).toEqual({ items: [], skipped: 8 });
  });
});

describe("parseBreadth", () => {
  const PERSON = "5d7c1f0e-2a3b-4c4d-8e5f-6a7b8c9d0e1f";
  const dates = { kind: "email", firstend: "2024-03-01T10:00:00Z", lastend: "2024-03-04T10:00:00Z" };
  const first = new Date("2024-03-01T10:00:00Z");
  const last = new Date("2024-03-04T10:00:00Z");

  it("puts users on our side and contacts and leads on theirs, by logical name or number", () => {
    const rows = [
      { ...dates, partytype: "systemuser", person: PERSON },
      { ...dates, partytype: 2, person: PERSON.toUpperCase() },
      { ...dates, partytype: "lead", person: PERSON },
      { ...dates, partytype: 9, person: PERSON },
      { ...dates, partytype: 2, person: "not-a-guid" },
      { ...dates, person: PERSON },
    ];
    expect(parseBreadth(rows)).toEqual({
      items: [
        { side: "ours", personId: PERSON, first, last },
        { side: "theirs", personId: PERSON, first, last },
        { side: "theirs", personId: PERSON, first, last },
      ],
      skipped: 3,
    });
  });

  it("dates a meeting by its scheduled end, which it has even when never marked complete", () => {
    const row = { kind: "appointment", partytype: 2, person: PERSON, firstscheduledend: "2024-02-01T09:00:00Z", lastscheduledend: "2024-02-20T09:00:00Z" };
    expect(parseBreadth([row]).items).toEqual([
      { side: "theirs", personId: PERSON, first: new Date("2024-02-01T09:00:00Z"), last: new Date("2024-02-20T09:00:00Z") },
    ]);
    // Emails and calls have no such fallback: without actualend they cannot be dated.
    expect(parseBreadth([{ ...row, kind: "phonecall" }])).toEqual({ items: [], skipped: 1 });
  });

  it("skips rows whose last date is before their first, or without a kind", () => {
    const rows = [
      { ...dates, partytype: 2, person: PERSON, firstend: "2024-03-05T10:00:00Z" },
      { firstend: dates.firstend, lastend: dates.lastend, partytype: 2, person: PERSON },
    ];
    expect(parseBreadth(rows)).toEqual({ items: [], skipped: 2 });
  });
});

import { parseBreadth, parseInteractions, parseMeetingAttendance } from "../../shared/parsing";

const day = { groupyear: 2024, groupmonth: 3, groupday: 5 };
const MEETING = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
const MEETING_2 = "11111111-2222-3333-4444-555555555555";

describe("parseInteractions", () => {
  it("reads buckets with direction taken from the link that matches the kind", () => {
    const rows = [
      { ...day, kind: "email", emaildirection: true, calldirection: null, activitycount: 3, minutes: null },
      { ...day, kind: "email", emaildirection: false, activitycount: 2, minutes: 0 },
      { ...day, kind: "phonecall", calldirection: false, emaildirection: null, activitycount: 1, minutes: 15 },
      { ...day, kind: "appointment", activitycount: 1, minutes: 60 },
      { ...day, kind: "task", activitycount: 4 },
      { ...day, kind: "email", activitycount: 1, "kind@OData.Community.Display.V1.FormattedValue": "E-mail" },
    ];
    expect(parseInteractions(rows)).toEqual({
      items: [
        { kind: "email", direction: "outgoing", day: "2024-03-05", count: 3, durationMinutes: 0 },
        { kind: "email", direction: "incoming", day: "2024-03-05", count: 2, durationMinutes: 0 },
        { kind: "phonecall", direction: "incoming", day: "2024-03-05", count: 1, durationMinutes: 15 },
        { kind: "appointment", direction: "mutual", day: "2024-03-05", count: 1, durationMinutes: 60 },
        { kind: "task", direction: "none", day: "2024-03-05", count: 4, durationMinutes: 0 },
        { kind: "email", direction: "none", day: "2024-03-05", count: 1, durationMinutes: 0 },
      ],
      skipped: 0,
    });
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

describe("parseMeetingAttendance", () => {
  it("multiplies each appointment's duration by its attendees on each side and sums per day", () => {
    const rows = [
      { ...day, meetingid: MEETING, minutes: 60, partytype: 8, attendees: 2 },
      { ...day, meetingid: MEETING, minutes: 60, partytype: "contact", attendees: 2 },
      { ...day, meetingid: MEETING, minutes: 60, partytype: 2, attendees: 1 },
      { ...day, meetingid: MEETING_2, minutes: 30, partytype: 8, attendees: 1 },
      { groupyear: 2024, groupmonth: 3, groupday: 1, meetingid: MEETING_2, minutes: null, partytype: 8, attendees: 4 },
    ];
    expect(parseMeetingAttendance(rows)).toEqual({
      items: [
        { day: "2024-03-01", ourAttendeeMinutes: 0, theirAttendeeMinutes: 0 },
        { day: "2024-03-05", ourAttendeeMinutes: 150, theirAttendeeMinutes: 180 },
      ],
      skipped: 0,
    });
  });

  it("skips rows without a meeting id, side or attendee count", () => {
    const rows = [
      { ...day, minutes: 60, partytype: 8, attendees: 2 },
      { ...day, meetingid: "x", minutes: 60, partytype: 8, attendees: 2 },
      { ...day, meetingid: MEETING, minutes: 60, attendees: 2 },
      { ...day, meetingid: MEETING, minutes: 60, partytype: 8 },
      { ...day, meetingid: MEETING, minutes: 60, partytype: "queue", attendees: 1 },
    ];
    expect(parseMeetingAttendance(rows)).toEqual({ items: [], skipped: 5 });
  });
});

describe("parseBreadth", () => {
  const PERSON = "5d7c1f0e-2a3b-4c4d-8e5f-6a7b8c9d0e1f";
  it("puts users on our side and contacts and leads on theirs, by logical name or number", () => {
    const rows = [
      { partytype: "systemuser", person: PERSON },
      { partytype: 2, person: PERSON.toUpperCase() },
      { partytype: "lead", person: PERSON },
      { partytype: 9, person: PERSON },
      { partytype: 2, person: "not-a-guid" },
      { person: PERSON },
    ];
    expect(parseBreadth(rows)).toEqual({
      items: [
        { side: "ours", personId: PERSON },
        { side: "theirs", personId: PERSON },
        { side: "theirs", personId: PERSON },
      ],
      skipped: 3,
    });
  });
});

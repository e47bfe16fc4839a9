import { parsePageBreadth, parsePageInteractions, parsePageLatest } from "../../shared/parsing";

const A = "aaaaaaaa-1111-4111-8111-111111111111";
const B = "bbbbbbbb-1111-4111-8111-111111111111";
const U = "cccccccc-1111-4111-8111-111111111111";

describe("grouped rows of the health list", () => {
  it("dates emails by the day they ended and meetings by the day of their scheduled end, and names the record", () => {
    const parsed = parsePageInteractions([
      { activitycount: 2, kind: "email", emaildirection: true, groupyear: 2024, groupmonth: 3, groupday: 1, regarding: A.toUpperCase(), theirparty: B, lastmeetingend: null },
      { activitycount: 1, kind: "appointment", groupyear: null, groupmonth: null, groupday: null, meetingyear: 2024, meetingmonth: 2, meetingday: 28, regarding: A, lastmeetingend: "2024-02-28T15:30:00Z" },
    ]);
    expect(parsed).toEqual({
      items: [
        { regarding: A, their: B, our: null, kind: "email", direction: "outgoing", day: "2024-03-01", count: 2, lastMeetingEnd: null },
        { regarding: A, their: null, our: null, kind: "appointment", direction: "mutual", day: "2024-02-28", count: 1, lastMeetingEnd: new Date("2024-02-28T15:30:00Z") },
      ],
      skipped: 0,
    });
  });

  it("skips a row with no count, a meeting with no end, or a party that is not an id", () => {
    const parsed = parsePageInteractions([
      { kind: "task", groupyear: 2024, groupmonth: 3, groupday: 1, regarding: A },
      { activitycount: 1, kind: "appointment", meetingyear: 2024, meetingmonth: 2, meetingday: 28, regarding: A },
      { activitycount: 1, kind: "task", groupyear: 2024, groupmonth: 3, groupday: 1, theirparty: "<x/>" },
    ]);
    expect(parsed).toEqual({ items: [], skipped: 3 });
  });

  it("reads the latest end of completed groups and the next start of planned ones", () => {
    const parsed = parsePageLatest([
      { state: 1, kind: "phonecall", calldirection: false, lastend: "2024-03-01T09:00:00Z", nextstart: null, theirparty: A, ourparty: U },
      { state: 3, kind: "appointment", lastend: null, nextstart: "2024-03-04T09:00:00Z", regarding: B },
      { state: 1, kind: "email", lastend: null, regarding: B },
    ]);
    expect(parsed.items).toEqual([
      { regarding: null, their: A, our: U, kind: "phonecall", direction: "incoming", lastEnd: new Date("2024-03-01T09:00:00Z"), nextStart: null },
      { regarding: B, their: null, our: null, kind: "appointment", direction: "mutual", lastEnd: null, nextStart: new Date("2024-03-04T09:00:00Z") },
    ]);
    expect(parsed.skipped).toBe(1);
  });

  it("reads people as breadth does, with the record they belong to", () => {
    const parsed = parsePageBreadth([{ kind: "email", person: U, partytype: 8, firstend: "2024-01-02T00:00:00Z", lastend: "2024-02-02T00:00:00Z", theirparty: A }]);
    expect(parsed.items).toEqual([{ regarding: null, their: A, our: null, side: "ours", personId: U, first: new Date("2024-01-02T00:00:00Z"), last: new Date("2024-02-02T00:00:00Z") }]);
  });
});

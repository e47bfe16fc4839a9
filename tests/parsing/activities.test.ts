import { parseEmailThreads, parseLastActivity, parseNextActivity, threadKey } from "../../shared/parsing";

const ID = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
const ID2 = "11111111-2222-3333-4444-555555555555";

describe("last and next activity", () => {
  it("reads kind, direction from the matching link and the date", () => {
    const last = parseLastActivity([
      { activityid: ID.toUpperCase(), activitytypecode: "email", actualend: "2024-03-01T09:00:00Z", "em.directioncode": false, "pc.directioncode": null },
    ]);
    expect(last).toEqual({ items: [{ id: ID, kind: "email", direction: "incoming", at: new Date("2024-03-01T09:00:00Z") }], skipped: 0 });
    const next = parseNextActivity([{ activityid: ID, activitytypecode: "phonecall", scheduledstart: "2024-03-04T09:00:00Z", "pc.directioncode": true }]);
    expect(next.items[0]).toEqual({ id: ID, kind: "phonecall", direction: "outgoing", at: new Date("2024-03-04T09:00:00Z") });
  });

  it("skips rows without the date the query orders by", () => {
    expect(parseNextActivity([{ activityid: ID, activitytypecode: "task", actualend: "2024-03-04T09:00:00Z" }])).toEqual({ items: [], skipped: 1 });
    expect(parseLastActivity([{ activityid: ID, activitytypecode: "fax", actualend: "2024-03-04T09:00:00Z" }])).toEqual({ items: [], skipped: 1 });
  });
});

// A 22-byte header (6 time bytes + a 16-byte conversation id), then one 5-byte block per reply.
const HEADER_HEX = "01d8a1b2c3d4" + "00112233445566778899aabbccddeeff";
const REPLY_HEX = HEADER_HEX + "0011223344";
const toBase64 = (hex: string) => btoa(String.fromCharCode(...hex.match(/../g)!.map((b) => parseInt(b, 16))));

describe("threadKey", () => {
  it("is the header for hex and base64 indexes alike", () => {
    expect(threadKey(REPLY_HEX.toUpperCase())).toBe(HEADER_HEX);
    expect(threadKey(toBase64(REPLY_HEX))).toBe(HEADER_HEX);
    expect(threadKey(toBase64(HEADER_HEX))).toBe(HEADER_HEX);
  });

  it("takes any other value as an opaque thread id, and an empty one as none", () => {
    expect(threadKey(HEADER_HEX.slice(0, 40))).toBe(HEADER_HEX.slice(0, 40));
    expect(threadKey("ac5f41d5-435e-4ee7-946c-41b29091dd56")).toBe("ac5f41d5-435e-4ee7-946c-41b29091dd56");
    expect(threadKey(" ")).toBeNull();
    expect(threadKey("")).toBeNull();
  });
});

describe("parseEmailThreads", () => {
  const email = (id: string, index: string, outgoing: boolean | null, at: string) => ({
    activityid: id,
    conversationindex: index,
    "em.directioncode": outgoing,
    actualend: at,
  });
  const OTHER_THREAD = "01d8a1b2c3d4" + "ffeeddccbbaa99887766554433221100";

  it("pairs our first message with their first reply after it", () => {
    const rows = [
      email(ID, REPLY_HEX + "55", false, "2024-03-01T08:00:00Z"), // they wrote before we did: not a reply
      email(ID, HEADER_HEX, true, "2024-03-01T10:00:00Z"),
      email(ID2, REPLY_HEX, false, "2024-03-01T12:30:00Z"),
      email(ID2, REPLY_HEX + "66", false, "2024-03-02T12:30:00Z"),
      email(ID, toBase64(OTHER_THREAD), true, "2024-03-03T10:00:00Z"),
      email(ID2, OTHER_THREAD + "0011223344", true, "2024-03-02T10:00:00Z"),
      email(ID, "ffffffffffffffffffffffffffffffffffffffffffff", false, "2024-03-03T10:00:00Z"), // only theirs: no stat
      email(ID, "opaque-thread", true, "2024-03-04T10:00:00Z"),
      email(ID2, "opaque-thread", false, "2024-03-04T11:00:00Z"),
    ];
    expect(parseEmailThreads(rows)).toEqual({
      items: [
        { firstOutgoing: new Date("2024-03-01T10:00:00Z"), firstReply: new Date("2024-03-01T12:30:00Z") },
        { firstOutgoing: new Date("2024-03-02T10:00:00Z"), firstReply: null },
        { firstOutgoing: new Date("2024-03-04T10:00:00Z"), firstReply: new Date("2024-03-04T11:00:00Z") },
      ],
      skipped: 0,
    });
  });

  it("counts emails without direction, thread or date as skipped", () => {
    const rows = [
      email(ID, HEADER_HEX, null, "2024-03-01T10:00:00Z"),
      email(ID, "", true, "2024-03-01T10:00:00Z"),
      email(ID, HEADER_HEX, true, "soon"),
      { activityid: ID, "em.directioncode": true, actualend: "2024-03-01T10:00:00Z" },
      email("x", HEADER_HEX, true, "2024-03-01T10:00:00Z"),
    ];
    expect(parseEmailThreads(rows)).toEqual({ items: [], skipped: 5 });
  });
});

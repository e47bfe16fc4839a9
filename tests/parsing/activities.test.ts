import { parseEmailThreads, parseLastActivity, parseNextActivity, threadKey } from "../../shared/parsing";

const ID = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
const ID2 = "11111111-2222-3333-4444-555555555555";

describe("last and next activity", () => {
  it("reads kind, direction from the matching link and the date", () => {
    const last = parseLastActivity([
      { activityid: ID.toUpperCase(), activitytypecode: "email", actualend: "2024-03-01T09:00:00Z", "em.directioncode": false, "pc.directioncode": null },
    ]);
    expect(last).toEqual({ items: [{ kind: "email", direction: "incoming", at: new Date("2024-03-01T09:00:00Z") }], skipped: 0 });
    const next = parseNextActivity([{ activityid: ID, activitytypecode: "phonecall", scheduledstart: "2024-03-04T09:00:00Z", "pc.directioncode": true }]);
    expect(next.items[0]).toEqual({ kind: "phonecall", direction: "outgoing", at: new Date("2024-03-04T09:00:00Z") });
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
  // As emailThreadsQuery returns them: thread and direction come from the linked email row.
  const email = (id: string, index: string, outgoing: boolean | null, at: string) => ({
    activityid: id,
    "em.conversationindex": index,
    "em.directioncode": outgoing,
    actualend: at,
  });
  const OTHER_THREAD = "01d8a1b2c3d4" + "ffeeddccbbaa99887766554433221100";

  it("finds who started each thread and the other side's first answer after the start", () => {
    // Newest first, as the query orders them.
    const rows = [
      email(ID2, "opaque-thread", false, "2024-03-04T12:00:00Z"),
      email(ID2, "opaque-thread", false, "2024-03-04T11:00:00Z"),
      email(ID, "opaque-thread", true, "2024-03-04T10:30:00Z"), // our own follow-up is no answer
      email(ID, "opaque-thread", true, "2024-03-04T10:00:00Z"),
      email(ID, "ffffffffffffffffffffffffffffffffffffffffffff", false, "2024-03-03T10:00:00Z"),
      email(ID, toBase64(OTHER_THREAD), true, "2024-03-03T10:00:00Z"),
      email(ID2, OTHER_THREAD + "0011223344", true, "2024-03-02T10:00:00Z"),
      email(ID2, REPLY_HEX + "66", false, "2024-03-01T12:30:00Z"),
      email(ID, REPLY_HEX, true, "2024-03-01T10:00:00Z"),
      email(ID, HEADER_HEX, false, "2024-03-01T08:00:00Z"),
    ];
    expect(parseEmailThreads(rows)).toEqual({
      items: [
        { startedBy: "them", startedAt: new Date("2024-03-01T08:00:00Z"), answeredAt: new Date("2024-03-01T10:00:00Z") },
        { startedBy: "us", startedAt: new Date("2024-03-02T10:00:00Z"), answeredAt: null },
        { startedBy: "them", startedAt: new Date("2024-03-03T10:00:00Z"), answeredAt: null },
        { startedBy: "us", startedAt: new Date("2024-03-04T10:00:00Z"), answeredAt: new Date("2024-03-04T11:00:00Z") },
      ],
      skipped: 0,
    });
  });

  it("reads a thread they started and we answered as theirs answered, not as ours left unanswered", () => {
    const rows = [email(ID2, HEADER_HEX, true, "2024-03-01T09:00:00Z"), email(ID, HEADER_HEX, false, "2024-03-01T08:00:00Z")];
    expect(parseEmailThreads(rows).items).toEqual([
      { startedBy: "them", startedAt: new Date("2024-03-01T08:00:00Z"), answeredAt: new Date("2024-03-01T09:00:00Z") },
    ]);
  });

  it("reads the link's columns also when the dot comes escaped as _x002e_", () => {
    const row = { activityid: ID, em_x002e_conversationindex: HEADER_HEX, em_x002e_directioncode: true, actualend: "2024-03-01T10:00:00Z" };
    expect(parseEmailThreads([row])).toEqual({ items: [{ startedBy: "us", startedAt: new Date("2024-03-01T10:00:00Z"), answeredAt: null }], skipped: 0 });
  });

  it("counts emails without direction, thread or date as skipped", () => {
    const rows = [
      email(ID, HEADER_HEX, null, "2024-03-01T10:00:00Z"),
      email(ID, "", true, "2024-03-01T10:00:00Z"),
      email(ID, HEADER_HEX, true, "soon"),
      { activityid: ID, "em.directioncode": true, actualend: "2024-03-01T10:00:00Z" },
      // The activity table has no conversationindex: a top-level one is not the email's.
      { activityid: ID, conversationindex: HEADER_HEX, "em.directioncode": true, actualend: "2024-03-01T10:00:00Z" },
      email("x", HEADER_HEX, true, "2024-03-01T10:00:00Z"),
    ];
    expect(parseEmailThreads(rows)).toEqual({ items: [], skipped: 6 });
  });
});

import { directionOf } from "../../shared/parsing";
import { parseRows } from "../../shared/parsing/rows";

describe("parseRows", () => {
  it("counts non-object rows and rows with missing or ill-typed fields as skipped", () => {
    const rows = [{ n: 1 }, null, "x", [], { n: "1" }, {}, { n: null }, { n: NaN }, { n: 2 }];
    expect(parseRows(rows, (r) => r.number("n"))).toEqual({ items: [1, 2], skipped: 7 });
  });

  it("lets a bug in a row parser surface instead of hiding it as a skipped row", () => {
    expect(() =>
      parseRows([{}], () => {
        throw new TypeError("bug");
      }),
    ).toThrow(TypeError);
  });

  it("reads GUIDs lower-case and refuses anything else", () => {
    const rows = [{ id: "6F9619FF-8B86-D011-B42D-00C04FC964FF" }, { id: "{6f9619ff-8b86-d011-b42d-00c04fc964ff}" }, { id: "x" }];
    expect(parseRows(rows, (r) => r.guid("id"))).toEqual({ items: ["6f9619ff-8b86-d011-b42d-00c04fc964ff"], skipped: 2 });
  });

  it("reads ISO instants and refuses impossible or zone-less dates", () => {
    const rows = [{ d: "2024-02-29T10:00:00Z" }, { d: "2023-02-29T10:00:00Z" }, { d: "2024-01-01" }, { d: "2024-01-01T10:00:00" }, { d: 5 }];
    const parsed = parseRows(rows, (r) => r.date("d").toISOString());
    expect(parsed).toEqual({ items: ["2024-02-29T10:00:00.000Z"], skipped: 4 });
  });

  it("builds day keys from year, month and day groups, refusing impossible days", () => {
    const rows = [
      { y: 2024, m: 2, d: 29 },
      { y: 2024, m: 12, d: 1 },
      { y: 2023, m: 2, d: 29 },
      { y: 2024, m: 13, d: 1 },
      { y: 2024, m: 1.5, d: 1 },
      { y: 2024, m: 1 },
    ];
    expect(parseRows(rows, (r) => r.dayKey("y", "m", "d"))).toEqual({ items: ["2024-02-29", "2024-12-01"], skipped: 4 });
  });

  it("reads an absent or null number as none, but a wrong type as malformed", () => {
    const rows = [{ s: null }, {}, { s: 0 }, { s: 12.5 }, { s: "12" }];
    expect(parseRows(rows, (r) => r.optionalNumber("s"))).toEqual({ items: [null, null, 0, 12.5], skipped: 1 });
  });

  it("reads a link-entity column under its dotted alias or with the dot escaped as _x002e_", () => {
    const rows = [{ "em.directioncode": true }, { em_x002e_directioncode: false }, { em_directioncode: true }, {}];
    expect(parseRows(rows, (r) => r.optionalBoolean("em.directioncode"))).toEqual({ items: [true, false, null, null], skipped: 0 });
    expect(parseRows([{ "a.n": 1 }, { a_x002e_n: 2 }, { an: 3 }], (r) => r.number("a.n"))).toEqual({ items: [1, 2], skipped: 1 });
  });
});

describe("directionOf", () => {
  it("maps directioncode per kind", () => {
    expect(directionOf("email", true)).toBe("outgoing");
    expect(directionOf("email", false)).toBe("incoming");
    expect(directionOf("phonecall", true)).toBe("outgoing");
    expect(directionOf("phonecall", false)).toBe("incoming");
    expect(directionOf("email", null)).toBe("none");
    expect(directionOf("phonecall", null)).toBe("none");
    expect(directionOf("appointment", null)).toBe("mutual");
    expect(directionOf("task", true)).toBe("none");
  });
});

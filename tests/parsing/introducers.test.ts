import { parseIntroducers } from "../../shared/parsing";

const USER = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const ANA = { fullname: "Ana Pop", title: "Account manager", email: "ana@example.com" };
const COLLEAGUE = { id: USER, fullName: "Ana Pop", title: "Account manager", email: "ana@example.com" };

describe("parseIntroducers", () => {
  it("reads one row per colleague, kind and customer role, with who the colleague is; a customer who attended a meeting met back", () => {
    const rows = [
      { ...ANA, userid: USER.toUpperCase(), kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { ...ANA, userid: USER, kind: "email", customerrole: 2, activities: 6, lastend: "2024-02-01T10:00:00Z" },
      { ...ANA, userid: USER, kind: "appointment", customerrole: 5, activities: 1, lastend: "2024-02-10T10:00:00Z" },
    ];
    expect(parseIntroducers(rows)).toEqual({
      items: [
        { userId: USER, colleague: COLLEAGUE, kind: "email", customerReplied: true, count: 4, last: new Date("2024-03-01T10:00:00Z") },
        { userId: USER, colleague: COLLEAGUE, kind: "email", customerReplied: false, count: 6, last: new Date("2024-02-01T10:00:00Z") },
        { userId: USER, colleague: COLLEAGUE, kind: "appointment", customerReplied: true, count: 1, last: new Date("2024-02-10T10:00:00Z") },
      ],
      skipped: 0,
    });
  });

  it("reads a colleague without title or address (absent from the row) as having none", () => {
    const [row] = parseIntroducers([{ userid: USER, fullname: "Ion Popescu", kind: "phonecall", customerrole: 1, activities: 1, lastend: "2024-03-01T10:00:00Z" }]).items;
    expect(row.colleague).toEqual({ id: USER, fullName: "Ion Popescu", title: null, email: null });
  });

  it("dates meetings held but never marked complete by their scheduled end", () => {
    const rows = [{ ...ANA, userid: USER, kind: "appointment", customerrole: 6, activities: 2, lastscheduledend: "2024-02-20T09:00:00Z" }];
    expect(parseIntroducers(rows)).toEqual({
      items: [{ userId: USER, colleague: COLLEAGUE, kind: "appointment", customerReplied: true, count: 2, last: new Date("2024-02-20T09:00:00Z") }],
      skipped: 0,
    });
  });

  it("skips rows with missing aliases, an email or call without an end, or a colleague without a name", () => {
    const rows = [
      { ...ANA, kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { ...ANA, userid: USER, kind: "email", customerrole: 1, activities: 4 },
      { ...ANA, userid: USER, kind: "phonecall", customerrole: 1, activities: 4, lastscheduledend: "2024-03-01T10:00:00Z" },
      { ...ANA, userid: USER, kind: "email", activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { ...ANA, userid: USER, kind: "email", customerrole: 1, lastend: "2024-03-01T10:00:00Z" },
      { userid: USER, kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { ...ANA, userid: USER, title: 7, kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
    ];
    expect(parseIntroducers(rows)).toEqual({ items: [], skipped: 7 });
  });
});

import { parseColleagues, parseIntroducers } from "../../shared/parsing";

const USER = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";

describe("parseIntroducers", () => {
  it("reads one row per colleague, kind and customer role; a customer who attended a meeting met back", () => {
    const rows = [
      { userid: USER.toUpperCase(), kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { userid: USER, kind: "email", customerrole: 2, activities: 6, lastend: "2024-02-01T10:00:00Z" },
      { userid: USER, kind: "appointment", customerrole: 5, activities: 1, lastend: "2024-02-10T10:00:00Z" },
    ];
    expect(parseIntroducers(rows)).toEqual({
      items: [
        { userId: USER, kind: "email", customerReplied: true, count: 4, last: new Date("2024-03-01T10:00:00Z") },
        { userId: USER, kind: "email", customerReplied: false, count: 6, last: new Date("2024-02-01T10:00:00Z") },
        { userId: USER, kind: "appointment", customerReplied: true, count: 1, last: new Date("2024-02-10T10:00:00Z") },
      ],
      skipped: 0,
    });
  });

  it("skips rows with missing aliases or a null last date", () => {
    const rows = [
      { kind: "email", customerrole: 1, activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { userid: USER, kind: "email", customerrole: 1, activities: 4, lastend: null },
      { userid: USER, kind: "email", activities: 4, lastend: "2024-03-01T10:00:00Z" },
      { userid: USER, kind: "email", customerrole: 1, lastend: "2024-03-01T10:00:00Z" },
    ];
    expect(parseIntroducers(rows)).toEqual({ items: [], skipped: 4 });
  });
});

describe("parseColleagues", () => {
  it("reads names with optional title and email, and skips users without id or name", () => {
    const rows = [
      { systemuserid: USER, fullname: "Ana Pop", title: null, internalemailaddress: "ana@example.com" },
      { systemuserid: USER, fullname: null },
      { fullname: "No Id" },
      { systemuserid: USER, fullname: "Ion", title: 3 },
    ];
    expect(parseColleagues(rows)).toEqual({
      items: [{ id: USER, fullName: "Ana Pop", title: null, email: "ana@example.com" }],
      skipped: 3,
    });
  });
});

/**
 * Every string the list shows, in both languages, as the build ships them with this control (the
 * shared strings merged with its own).
 */
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { daysFromNow } from "../ui/fixtures";
import { controlStrings, ownStrings, type TestHost } from "../ui/harness";
import { failedEntry, fakeLoader, notApplicable, notEnoughInfo, page, poorDeclining, row, scoredEntry, show, CTOR } from "./support";

async function requestedKeys(): Promise<Set<string>> {
  const keys = new Set<string>();
  const collect = (host: TestHost) => host.requested.forEach((key) => keys.add(key));
  const rows = [row(1, "A"), row(2, "B"), row(3, "C"), row(4, "D"), row(5, "")];
  const entries = [
    scoredEntry(1, {}, "opportunity", { estimatedCloseDate: daysFromNow(10), estimatedValue: 1000 }),
    scoredEntry(2, poorDeclining, "opportunity", { estimatedCloseDate: daysFromNow(20), estimatedValue: null }),
    scoredEntry(3, notEnoughInfo, "opportunity", { estimatedCloseDate: daysFromNow(-3), estimatedValue: null }),
    scoredEntry(4, notApplicable, "opportunity"),
    failedEntry(5, "noPrivilege", "opportunity"),
  ];
  const wide = await show(page(rows, { table: "opportunity", recordType: "opportunity", hasNextPage: true, total: 9, columns: [{ name: "x", label: "X", sorted: null, sortable: true }] }), fakeLoader(entries), { host: { width: 1000 } });
  for (const combobox of screen.getAllByRole("combobox")) fireEvent.click(combobox);
  collect(wide.props);
  cleanup();
  const phone = await show(page(rows.slice(0, 2)), fakeLoader(entries.slice(0, 2)), { host: { width: 280, formFactor: "phone" } });
  collect(phone.props);
  cleanup();
  for (const other of [page([], { table: "incident", recordType: null }), page([], { failed: true }), page([])]) {
    collect((await show(other, fakeLoader([]))).props);
    cleanup();
  }
  return keys;
}

describe("strings", () => {
  it("ships every string the list asks for, in English and in Romanian", async () => {
    const keys = await requestedKeys();
    expect(keys.size).toBeGreaterThan(40);
    for (const language of [1033, 1048] as const) {
      const shipped = controlStrings(CTOR, language);
      expect({ language, missing: [...keys].filter((key) => !(key in shipped)).sort() }).toEqual({ language, missing: [] });
    }
  });

  it("has the same keys in both languages, translated", () => {
    const english = ownStrings(CTOR, 1033);
    const romanian = ownStrings(CTOR, 1048);
    expect(Object.keys(romanian).sort()).toEqual(Object.keys(english).sort());
    const untranslated = Object.keys(english).filter((key) => english[key] === romanian[key] && !/^\{\w+\} \{\w+\}$/.test(english[key]));
    expect(untranslated).toEqual([]);
  });
});

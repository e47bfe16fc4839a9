import fc from "fast-check";
import { DataError } from "../../shared/errors";
import * as q from "../../shared/queries";
import { element, serializeXml, text } from "../../shared/queries/xml";
import { conditionsOn, elements, NOW, parseXml, SCOPES, USER_A, valuesOf, WINDOW } from "./fixtures";

const HOSTILE = [
  `"`,
  `'`,
  "<",
  ">",
  "&",
  "&amp;",
  "]]>",
  "<![CDATA[x]]>",
  `"/><all-attributes/><x a="`,
  "' OR 1=1 --",
  "'; DROP TABLE contact; --",
  "6f9619ff-8b86-d011-b42d-00c04fc964ff' or ''='",
  "{6f9619ff-8b86-d011-b42d-00c04fc964ff}}",
  "6f9619ff-8b86-d011-b42d-00c04fc964ff\n",
  "\u0000",
  "\uD800",
  "ri_Settings<script>",
];

/** Any string, biased towards the characters and shapes that break XML and SQL. */
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("<", ">", "&", '"', "'", "]", "-", "{", "}", "a", "F", "0", "_", " ", "\n", "\t", "\r") }),
  fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase(), `{${u}}`, `{${u}`, `${u} `)),
);

/** Either refused as invalidInput (without echoing the value), or returned. */
function refusedOr<T>(value: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).kind).toBe("invalidInput");
    if (value.length >= 6) expect((error as DataError).message).not.toContain(value);
    return undefined;
  }
}

const GUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

describe("hostile input never changes a query's shape", () => {
  it("the writer escapes any string into attributes and text that parse back unchanged", () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        const xml = refusedOr(value, () => serializeXml(element("condition", { value }, [element("value", {}, [text(value)])])));
        if (xml === undefined) return;
        const doc = parseXml(xml);
        expect(doc.documentElement.getAttribute("value")).toBe(value);
        expect(elements(doc, "value")[0].textContent).toBe(value);
        expect(elements(doc, "*")).toHaveLength(2);
      }),
      { numRuns: 500 },
    );
  });

  it("record ids are refused or end up as one normalized GUID in every record builder", () => {
    const builders = [
      (id: string) => q.interactionsQuery({ type: "contact", id }, WINDOW, SCOPES.all),
      (id: string) => q.meetingsQuery({ type: "lead", id }, WINDOW, SCOPES.none),
      (id: string) => q.breadthQuery({ type: "contact", id }, WINDOW, SCOPES.oneRole),
      (id: string) => q.lastActivityQuery({ type: "opportunity", id }, NOW, SCOPES.all),
      (id: string) => q.nextActivityQuery({ type: "contact", id }, NOW, SCOPES.all),
      (id: string) => q.emailThreadsQuery({ type: "contact", id }, WINDOW, SCOPES.twoRolesOneOptOut),
      (id: string) => q.introducersQuery({ type: "lead", id }, WINDOW, SCOPES.oneRole),
    ];
    fc.assert(
      fc.property(hostileString, fc.constantFrom(...builders), (id, build) => {
        const query = refusedOr(id, () => build(id));
        if (query === undefined) return;
        const doc = parseXml(query.fetchXml);
        const partyIds = conditionsOn(doc, "partyid").flatMap(valuesOf);
        expect(partyIds).toHaveLength(1);
        expect(partyIds[0]).toMatch(GUID);
        expect(partyIds[0]).toBe(id.replace(/[{}]/g, "").toLowerCase());
      }),
      { numRuns: 400 },
    );
  });

  it("id lists (owners, related parties, users, roles) are refused or carried as normalized GUIDs", () => {
    const builders = [
      (id: string) => q.interactionsQuery({ type: "contact", id: USER_A }, WINDOW, { mailbox: { roleIds: [id], excludedOwnerIds: [] } }),
      (id: string) => q.breadthQuery({ type: "contact", id: USER_A }, WINDOW, { mailbox: "all", people: { theirIds: [id], ourIds: null } }),
      (id: string) => q.rolesByIdQuery([id]),
      (id: string) => q.recordFactsQuery("lead", [id]),
    ];
    fc.assert(
      fc.property(hostileString, fc.constantFrom(...builders), (id, build) => {
        const query = refusedOr(id, () => build(id));
        if (query === undefined) return;
        const values = elements(parseXml(query.fetchXml), "condition").flatMap(valuesOf);
        expect(values).toContain(id.replace(/[{}]/g, "").toLowerCase());
        for (const v of values) expect(v).not.toMatch(/[<>&"']/);
      }),
      { numRuns: 400 },
    );
  });

  it("schema names are refused or round-trip exactly", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.stringMatching(/^[a-z]{2,5}_[A-Za-z0-9_]{1,20}$/)), (name) => {
        const query = refusedOr(name, () => q.settingsDefinitionQuery(name));
        if (query === undefined) return;
        expect(valuesOf(conditionsOn(parseXml(query.fetchXml), "schemaname")[0])).toEqual([name]);
      }),
      { numRuns: 300 },
    );
  });

  it("record types and dates from untyped callers are refused unless valid", () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        refusedOr(value, () => q.interactionsQuery({ type: value as never, id: USER_A }, WINDOW, SCOPES.all));
        const query = refusedOr(value, () => q.lastActivityQuery({ type: "contact", id: USER_A }, value as never, SCOPES.all));
        if (query === undefined) return;
        expect(valuesOf(conditionsOn(parseXml(query.fetchXml), "actualend")[0])).toEqual([new Date(value).toISOString()]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(HOSTILE)("refuses %p as an id with a message that does not echo it", (value) => {
    refusedOr(value, () => q.interactionsQuery({ type: "contact", id: value }, WINDOW, SCOPES.all));
    expect(() => q.interactionsQuery({ type: "contact", id: value }, WINDOW, SCOPES.all)).toThrow(DataError);
  });
});

/**
 * @jest-environment node
 */
import { readFileSync } from "fs";
import { join } from "path";
import { validateXML } from "xmllint-wasm";
import { pagedFetchXml } from "../../shared/queries/fetchXml";
import { everyQuery } from "./fixtures";

const schema = { fileName: "fetchxml.xsd", contents: readFileSync(join(__dirname, "..", "schemas", "fetchxml.xsd"), "utf8") };

async function validate(documents: Array<{ name: string; xml: string }>) {
  return validateXML({
    xml: documents.map((d, i) => ({ fileName: `q${i}.xml`, contents: d.xml })),
    schema: [schema],
  });
}

describe("every emitted query is valid against our FetchXML subset schema", () => {
  const queries = everyQuery();

  it("covers every builder and variant", () => {
    expect(queries.length).toBeGreaterThan(150);
  });

  it("validates later pages of a paged query, paging cookie included", async () => {
    const [first] = queries;
    const xml = pagedFetchXml(first.query, 3, '<cookie page="2"><activityid last="{A}" first="{B}" /></cookie>');
    const result = await validate([{ name: "page 3", xml }]);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
  });

  it("validates all of them", async () => {
    const result = await validate(queries.map((q) => ({ name: q.name, xml: q.query.fetchXml })));
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("the schema refuses what the subset leaves out", () => {
  const wrap = (body: string, fetchAttributes = "") =>
    `<fetch${fetchAttributes}><entity name="activitypointer">${body}</entity></fetch>`;
  const cases: Array<[string, string]> = [
    ["all-attributes", wrap("<all-attributes/>")],
    ["a body column", wrap('<attribute name="description"/>')],
    ["an unknown table", '<fetch><entity name="annotation"><attribute name="activityid"/></entity></fetch>'],
    ["a relative date operator", wrap('<filter><condition attribute="actualend" operator="last-x-days" value="60"/></filter>')],
    ["a page that is no number", wrap('<attribute name="activityid"/>', ' page="two"')],
    ["columns from an any link", wrap('<filter><link-entity name="activityparty" from="activityid" to="activityid" link-type="any"><attribute name="partyid"/></link-entity></filter>')],
    ["an any link outside a filter", wrap('<link-entity name="activityparty" from="activityid" to="activityid" link-type="any"/>')],
    ["an entityname naming no link", wrap('<filter><condition entityname="ghost" attribute="activityid" operator="null"/></filter>')],
    [
      "two columns under one alias",
      wrap('<attribute name="activityid" alias="x" aggregate="count"/><attribute name="statecode" alias="x" groupby="true"/>', ' aggregate="true"'),
    ],
    ["a link without a join type", wrap('<link-entity name="email" from="activityid" to="activityid" alias="em"/>')],
    ["a top above 5000", wrap('<attribute name="activityid"/>', ' top="5001"')],
  ];

  it.each(cases)("refuses %s", async (_name, xml) => {
    const result = await validate([{ name: "bad", xml }]);
    expect(result.valid).toBe(false);
  });

  it("accepts the minimal well-formed subset document the negatives are built from", async () => {
    const result = await validate([{ name: "good", xml: wrap('<attribute name="activityid"/>', ' top="5000"') }]);
    expect(result.valid).toBe(true);
  });
});

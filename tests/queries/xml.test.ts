import { DataError } from "../../shared/errors";
import { element, escapeXml, serializeXml, text } from "../../shared/queries/xml";
import { conditionIn, fetchElement, entity, attribute, order } from "../../shared/queries/fetchXml";
import { parseXml } from "./fixtures";

describe("escapeXml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });

  it("keeps tabs and line breaks as character references so attributes keep them", () => {
    expect(escapeXml("a\tb\nc\rd")).toBe("a&#9;b&#10;c&#13;d");
    const doc = parseXml(serializeXml(element("x", { v: "a\tb\nc\r\nd" })));
    expect(doc.documentElement.getAttribute("v")).toBe("a\tb\nc\r\nd");
  });

  it("refuses characters XML cannot carry", () => {
    for (const bad of ["\u0000", "a\u0001", "\uFFFE", "\uD800x", "x\uDC00"]) expect(() => escapeXml(bad)).toThrow(DataError);
  });

  it("accepts characters beyond the basic plane", () => {
    expect(escapeXml("😀 ș")).toBe("😀 ș");
  });
});

describe("serializeXml", () => {
  it("writes nested elements, leaves out undefined attributes and closes empty elements", () => {
    const xml = serializeXml(element("a", { x: "1", y: undefined, z: true }, [element("b"), text("t")]));
    expect(xml).toBe('<a x="1" z="true"><b/>t</a>');
  });

  it("refuses element and attribute names that are not XML names", () => {
    expect(() => serializeXml(element("a b"))).toThrow(DataError);
    expect(() => serializeXml(element("a", { 'x="1"': "2" }))).toThrow(DataError);
  });
});

describe("typed FetchXML constructors", () => {
  it("turns a list condition into value children", () => {
    expect(serializeXml(conditionIn("statecode", [0, 3]))).toBe('<condition attribute="statecode" operator="in"><value>0</value><value>3</value></condition>');
  });

  it("refuses an empty list, which FetchXML cannot express", () => {
    expect(() => conditionIn("roleid", [])).toThrow(DataError);
  });

  it("refuses a row limit that is not a positive integer", () => {
    for (const top of [0, -1, 1.5, NaN]) expect(() => fetchElement({ top }, entity("role"))).toThrow(DataError);
  });

  it("writes descending only when asked", () => {
    expect(serializeXml(order({ attribute: "name" }))).toBe('<order attribute="name"/>');
    expect(serializeXml(order({ alias: "n" }, true))).toBe('<order alias="n" descending="true"/>');
    expect(serializeXml(attribute("name", { alias: "n", groupby: true }))).toBe('<attribute name="name" alias="n" groupby="true"/>');
  });
});

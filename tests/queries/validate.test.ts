import { DataError } from "../../shared/errors";
import {
  assertGuid,
  assertGuids,
  assertIsoDate,
  assertPositiveInteger,
  assertRecord,
  assertRecordType,
  assertSchemaName,
  MAX_IDS_PER_QUERY,
} from "../../shared/queries";
import { assertWindow } from "../../shared/queries/validate";

const ID = "6f9619ff-8b86-d011-b42d-00c04fc964ff";

function refusal(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assertGuid", () => {
  it.each([ID, ID.toUpperCase(), `{${ID}}`, `{${ID.toUpperCase()}}`])("normalizes %s", (value) => {
    expect(assertGuid(value, "id")).toBe(ID);
  });

  it.each([`{${ID}`, `${ID}}`, ` ${ID}`, `${ID}\n`, ID.replace(/-/g, ""), ID.slice(1), `${ID}0`, "zzzzzzzz-8b86-d011-b42d-00c04fc964ff", 42, null, undefined])(
    "refuses %p without echoing it",
    (value) => {
      const error = refusal(() => assertGuid(value, "record id"));
      expect(error.kind).toBe("invalidInput");
      expect(error.message).toBe("Invalid record id");
    },
  );
});

describe("assertGuids", () => {
  it("de-duplicates after normalizing", () => {
    expect(assertGuids([ID, `{${ID.toUpperCase()}}`], "ids")).toEqual([ID]);
  });

  it("refuses empty, oversized and non-array lists", () => {
    expect(refusal(() => assertGuids([], "ids")).kind).toBe("invalidInput");
    expect(refusal(() => assertGuids(Array(MAX_IDS_PER_QUERY + 1).fill(ID), "ids")).kind).toBe("invalidInput");
    expect(refusal(() => assertGuids(ID, "ids")).kind).toBe("invalidInput");
  });
});

describe("dates", () => {
  it("returns UTC ISO for Dates and ISO strings with a zone", () => {
    expect(assertIsoDate(new Date("2024-02-29T10:00:00Z"), "d")).toBe("2024-02-29T10:00:00.000Z");
    expect(assertIsoDate("2024-02-29T12:00:00+02:00", "d")).toBe("2024-02-29T10:00:00.000Z");
  });

  it.each(["2023-02-29T10:00:00Z", "2024-01-01", "2024-01-01T10:00:00", "yesterday", "2024-13-01T00:00:00Z", "0001-01-01T00:00:00Z"])(
    "refuses %p",
    (value) => {
      expect(refusal(() => assertIsoDate(value, "d")).kind).toBe("invalidInput");
    },
  );

  it("refuses invalid Dates and empty or reversed windows", () => {
    expect(refusal(() => assertIsoDate(new Date(NaN), "d")).kind).toBe("invalidInput");
    const t = new Date("2024-01-01T00:00:00Z");
    expect(refusal(() => assertWindow({ from: t, to: t })).kind).toBe("invalidInput");
    expect(refusal(() => assertWindow(null)).kind).toBe("invalidInput");
  });
});

describe("other guards", () => {
  it("positive integers", () => {
    expect(assertPositiveInteger(5, "n")).toBe(5);
    for (const bad of [0, -3, 2.5, Infinity, "5"]) expect(refusal(() => assertPositiveInteger(bad, "n")).kind).toBe("invalidInput");
  });

  it("record types are the four known ones", () => {
    expect(assertRecordType("lead")).toBe("lead");
    for (const bad of ["Lead", "activitypointer", "", "contact "]) expect(refusal(() => assertRecordType(bad)).kind).toBe("invalidInput");
    expect(assertRecord({ type: "account", id: `{${ID.toUpperCase()}}` })).toEqual({ type: "account", id: ID });
  });

  it("schema names look like prefix_Name", () => {
    expect(assertSchemaName("ri_RelationshipSettings")).toBe("ri_RelationshipSettings");
    for (const bad of ["Settings", "_x", "ri_", "ri_a b", "ri_a'", "ri_<a>"]) expect(refusal(() => assertSchemaName(bad)).kind).toBe("invalidInput");
  });
});

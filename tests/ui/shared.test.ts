import { readFileSync } from "fs";
import { join } from "path";
import { DATA_ERROR_KINDS, DataError } from "../../shared/errors";
import { makeFormatter, type HostFormatting } from "../../shared/ui/format";
import { makeTranslate } from "../../shared/ui/i18n";
import { parseResx } from "../../shared/ui/strings/resx";
import { themeFromHost } from "../../shared/ui/theme";
import { stateFromError, stateFromResult } from "../../shared/ui/widgetState";
import { commonStrings, LANGUAGES, ownStrings } from "./harness";

const CONTROLS = ["HealthScoreWidget", "RelationshipKpiCard", "WhoKnowsWhomPanel", "ConsentBanner"];

describe("parseResx", () => {
  it("reads data entries, decodes entities and ignores headers and comments", () => {
    const xml = `<?xml version="1.0"?><root>
      <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
      <!-- <data name="hidden"><value>no</value></data> -->
      <data name="a" xml:space="preserve"><value>Tom &amp; Ana &lt;3 &#x219;i &#537;</value></data>
      <data name="empty" xml:space="preserve"><value /></data>
      <data name="b"><value>two
lines</value><comment>note</comment></data>
    </root>`;
    expect(parseResx(xml)).toEqual({ a: "Tom & Ana <3 și ș", empty: "", b: "two\nlines" });
  });
});

describe("makeTranslate", () => {
  const t = makeTranslate((key) => ({ hello: "Hello {name}, {count} new", plain: "Plain" })[key] ?? "");

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("hello", { name: "Ana", count: 3 })).toBe("Hello Ana, 3 new");
    expect(t("hello", { name: "Ana" })).toBe("Hello Ana, {count} new");
  });

  it("shows the key for a missing string, and never throws", () => {
    expect(t("missing.key")).toBe("missing.key");
    const throwing = makeTranslate(() => {
      throw new Error("no resources");
    });
    expect(throwing("any.key")).toBe("any.key");
  });
});

describe("makeFormatter", () => {
  const strings = parseResx(readFileSync(join(__dirname, "../../shared/ui/strings/common.1033.resx"), "utf8"));
  const t = makeTranslate((key) => strings[key] ?? "");
  const formatting: HostFormatting = {
    formatDateShort: (d, time) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}${time ? ` ${d.getHours()}h` : ""}`,
    formatInteger: (n) => n.toLocaleString("en-US"),
    formatDecimal: (n, p) => n.toFixed(p ?? 2),
  };
  // The user's zone is two hours ahead of the machine's local fields.
  const format = makeFormatter(t, formatting, { toLocal: (d) => new Date(d.getTime() + 2 * 3_600_000) });

  it("formats durations without plural agreement", () => {
    expect([0, 45, 60, 61, 185, 6000].map(format.duration)).toEqual(["0 min", "45 min", "1 h", "1 h 1 min", "3 h 5 min", "100 h"]);
  });

  it("formats numbers and percentages", () => {
    expect(format.number(1234.4)).toBe("1,234");
    expect(format.number(2.345, 1)).toBe("2.3");
    expect(format.percent(0.456)).toBe("46%");
  });

  it("prints dates in the user's time zone, always as dates", () => {
    // 23:00 on the 11th for the machine is 01:00 on the 12th for the user.
    expect(format.date(new Date(2025, 2, 11, 23, 0))).toBe("2025-3-12");
    expect(format.dateTime(new Date(2025, 2, 11, 23, 0))).toBe("2025-3-12 1h");
  });

  it("prints day keys as they are, without shifting them", () => {
    expect(format.day("2025-03-10")).toBe("2025-3-10");
  });
});

describe("widget states", () => {
  it("maps each data-layer failure to its own state", () => {
    expect(DATA_ERROR_KINDS.map((kind) => stateFromError(new DataError(kind, "x")).kind)).toEqual([
      "invalidInput",
      "noPrivilege",
      "notFound",
      "throttled",
      "offline",
      "aggregateLimit",
      "serverError",
      "unknownError",
      "unavailable",
      "unknownError",
    ]);
    expect(stateFromError(new DataError("noPrivilege", "x", { table: "email" }))).toEqual({ kind: "noPrivilege", table: "email" });
    expect(stateFromError(new DataError("throttled", "x", { retryAfterSeconds: 9 }))).toEqual({ kind: "throttled", retryAfterSeconds: 9 });
    expect(stateFromError(new TypeError("bug"))).toEqual({ kind: "unknownError" });
  });

  it("keeps the record type of an unsupported record", () => {
    expect(stateFromResult({ kind: "unsupportedRecordType", type: "account" })).toEqual({
      kind: "unsupportedRecordType",
      recordType: "account",
    });
  });
});

describe("themeFromHost", () => {
  it("leaves Fluent's default theme when the host gives none", () => {
    expect(themeFromHost(undefined)).toBeUndefined();
    expect(themeFromHost({})).toBeUndefined();
  });

  it("follows the host's tokens and ignores values that are not colours", () => {
    const theme = themeFromHost({ tokenTheme: { colorBrandBackground: "#123456", colorNeutralForeground1: 7 } });
    expect(theme?.palette?.themePrimary).toBe("#123456");
    // Not a colour: Fluent's own default stays.
    expect(theme?.palette?.neutralPrimary).toBe("#323130");
  });

  it("goes dark when the host is dark, even without tokens", () => {
    const theme = themeFromHost({ isDarkTheme: true });
    expect(theme?.isInverted).toBe(true);
    expect(theme?.semanticColors?.bodyBackground).toBe(theme?.palette?.white);
  });
});

describe("resx files", () => {
  it("have the same keys in English and Romanian, with the same placeholders", () => {
    const pairs = [
      [commonStrings(1033), commonStrings(1048)],
      ...CONTROLS.map((ctor) => [ownStrings(ctor, 1033), ownStrings(ctor, 1048)]),
    ];
    for (const [en, ro] of pairs) {
      expect(Object.keys(ro).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        expect([key, placeholders(ro[key])]).toEqual([key, placeholders(en[key])]);
        expect([key, en[key].trim() === ""]).toEqual([key, false]);
      }
    }
  });

  it("are translated, not copied", () => {
    for (const [en, ro] of [[commonStrings(1033), commonStrings(1048)], ...CONTROLS.map((c) => [ownStrings(c, 1033), ownStrings(c, 1048)])]) {
      const same = Object.keys(en).filter((key) => en[key] === ro[key]);
      // Only symbols and units may read the same ("{hours} h {minutes} min").
      expect(same.every((key) => !/[a-z]{4,}/i.test(en[key].replace(/\{\w+\}/g, "")))).toBe(true);
    }
  });

  it.each(CONTROLS)("of %s hold every key its manifest names, in both languages", (ctor) => {
    const manifest = readFileSync(join(__dirname, "../../components", ctor, "ControlManifest.Input.xml"), "utf8");
    const keys = Array.from(manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g), (m) => m[1]);
    expect(keys).toContain(`${ctor}_Display`);
    for (const language of LANGUAGES) {
      const strings = ownStrings(ctor, language);
      expect(keys.filter((key) => !strings[key])).toEqual([]);
    }
  });

  it("keep shared strings out of the controls' own files, so the build merge has no conflicts", () => {
    const common = Object.keys(commonStrings(1033));
    for (const ctor of CONTROLS) {
      expect(Object.keys(ownStrings(ctor, 1033)).filter((key) => common.includes(key))).toEqual([]);
    }
  });
});

import { fireEvent, screen, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { DataError } from "../../shared/errors";
import type { LoadResult } from "../../shared/model";
import { daysFromNow } from "../ui/fixtures";
import { fixedWidthsOver, fontGlyphsWithoutSvg, settle } from "../ui/harness";
import {
  failedEntry,
  fakeLoader,
  guid,
  notApplicable,
  notEnoughInfo,
  page,
  poorDeclining,
  row,
  scoredEntry,
  show,
} from "./support";

expect.extend(toHaveNoViolations);

const grid = () => screen.getByRole("grid", { name: "Relationship health" });
const bodyRows = () => within(grid()).getAllByRole("row").slice(1);
const names = () => bodyRows().map((r) => within(r).getAllByRole("gridcell")[0].textContent);
const cellsOf = (name: string) => {
  const found = bodyRows().find((r) => within(r).getAllByRole("gridcell")[0].textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return within(found).getAllByRole("gridcell").map((cell) => cell.textContent ?? "");
};

const ANA = row(1, "Ana Popescu");
const MIHAI = row(2, "Mihai Ionescu");
const ELENA = row(3, "Elena Dumitru");
const RADU = row(4, "Radu Stan");

describe("each row", () => {
  it("shows the name, score and grade, trend, the factor that moved it most, days since they answered and the next activity", async () => {
    await show(page([ANA]), fakeLoader([scoredEntry(1)]));
    const [name, health, trend, factor, answered, next] = cellsOf("Ana Popescu");
    expect(name).toBe("Ana Popescu");
    expect(health).toBe("72 Good");
    expect(trend).toContain("Improving");
    expect(factor).toContain("They replied recently: days since their last reply: 3.");
    expect(answered).toBe("3");
    expect(next).toBe("3/13/2025 · meeting");
  });

  it("says the same in Romanian", async () => {
    await show(page([ANA]), fakeLoader([scoredEntry(1)]), { language: 1048 });
    const region = screen.getByRole("region", { name: "Sănătatea relațiilor" });
    const cells = within(within(region).getAllByRole("row")[1]).getAllByRole("gridcell").map((c) => c.textContent);
    expect(cells[1]).toBe("72 Bună");
    expect(cells[2]).toContain("În creștere");
    expect(cells[3]).toContain("Au răspuns recent");
    expect(cells[5]).toBe("13.03.2025 · întâlnire");
  });

  it("says Not enough info and Not applicable in place, with the reason", async () => {
    await show(page([ANA, MIHAI]), fakeLoader([scoredEntry(1, notEnoughInfo), scoredEntry(2, notApplicable)]));
    expect(cellsOf("Ana Popescu")[1]).toBe("Not enough info");
    expect(cellsOf("Ana Popescu")[3]).toBe("Too few interactions to score: 1 in the period, at least 3 needed.");
    expect(cellsOf("Mihai Ionescu")[1]).toBe("Not applicable");
    expect(cellsOf("Mihai Ionescu")[3]).toBe("This opportunity is won, so it is no longer scored.");
    expect(cellsOf("Mihai Ionescu")[2]).toBe("");
  });

  it("says what happened to a row that failed and keeps the others", async () => {
    await show(page([ANA, MIHAI, ELENA]), fakeLoader([scoredEntry(1), failedEntry(2, "noPrivilege"), failedEntry(3, "notFound")]));
    expect(names()).toHaveLength(3);
    expect(cellsOf("Ana Popescu")[1]).toBe("72 Good");
    expect(cellsOf("Mihai Ionescu")[1]).toBe("No score");
    expect(cellsOf("Mihai Ionescu")[3]).toMatch(/^Not scored: You don't have permission to do this\./);
    expect(cellsOf("Elena Dumitru")[3]).toBe("Not scored: The record no longer exists.");
  });

  it("says a row the loader left out could not be scored, instead of loading forever", async () => {
    await show(page([ANA, MIHAI]), fakeLoader([scoredEntry(1)]));
    expect(cellsOf("Mihai Ionescu")[3]).toMatch(/^Not scored: Something unexpected happened\./);
  });

  it("opens the record from its name, by click and by keyboard", async () => {
    const shown = await show(page([ANA]), fakeLoader([scoredEntry(1)]));
    const link = within(grid()).getByRole("button", { name: "Ana Popescu" });
    fireEvent.click(link);
    expect(shown.opened.map((r) => r.key)).toEqual([ANA.key]);
  });
});

describe("while scores load", () => {
  it("lists the records at once and says each is being scored", async () => {
    await show(page([ANA, MIHAI]), () => new Promise(() => undefined));
    expect(names()).toEqual(["Ana Popescu", "Mihai Ionescu"]);
    expect(cellsOf("Ana Popescu")[1]).toBe("Scoring…");
  });
});

describe("a load that fails as a whole", () => {
  it("keeps the names on screen, says what happened and tries again for the failed rows only", async () => {
    let fail = true;
    const asked: string[][] = [];
    const load = (ids: string[]): Promise<LoadResult<Map<string, ReturnType<typeof scoredEntry>>>> => {
      asked.push(ids);
      if (fail) return Promise.reject(new DataError("offline", "test"));
      return Promise.resolve({ kind: "ready", data: new Map(ids.map((id, i) => [id, scoredEntry(i + 1)])) });
    };
    await show(page([ANA, MIHAI]), load);
    expect(names()).toEqual(["Ana Popescu", "Mihai Ionescu"]);
    expect(cellsOf("Ana Popescu")[3]).toMatch(/^Not scored: You're offline\./);
    expect(document.querySelector('[data-state="offline"]')).not.toBeNull();
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await settle();
    expect(asked).toEqual([[guid(1), guid(2)], [guid(1), guid(2)]]);
    expect(cellsOf("Ana Popescu")[1]).toBe("72 Good");
    expect(document.querySelector('[data-state="offline"]')).toBeNull();
  });

  it("says when the feature is off instead of listing empty scores", async () => {
    await show(page([ANA]), () => Promise.resolve({ kind: "featureOff", reason: { kind: "disabledByAdmin" } }));
    expect(screen.queryByRole("grid")).toBeNull();
    expect(screen.getByText(/Turned off by your administrator/)).toBeTruthy();
  });
});

describe("ordering and filters", () => {
  const entries = [
    scoredEntry(1, { score: 80, grade: "good", trend: "steady" }),
    scoredEntry(2, { score: 45, grade: "fair", trend: "declining" }),
    scoredEntry(3, poorDeclining),
    scoredEntry(4, notApplicable),
  ];
  const rows = [ANA, MIHAI, ELENA, RADU];

  const choose = (label: string, option: string) => {
    fireEvent.click(screen.getByRole("combobox", { name: new RegExp(`^${label}`) }));
    fireEvent.click(screen.getByRole("option", { name: option }));
  };

  it("puts poor and declining first, then poor or declining, then the rest, closed records last", async () => {
    await show(page(rows), fakeLoader(entries));
    expect(names()).toEqual(["Elena Dumitru", "Mihai Ionescu", "Ana Popescu", "Radu Stan"]);
    expect(screen.getByText(/Need attention: 2/)).toBeTruthy();
  });

  it("sorts by score, by the longest silence, and back to the view's own order", async () => {
    await show(page(rows), fakeLoader(entries));
    choose("Sort by", "Highest score");
    expect(names()).toEqual(["Ana Popescu", "Mihai Ionescu", "Elena Dumitru", "Radu Stan"]);
    expect(within(grid()).getByRole("columnheader", { name: "Health" }).getAttribute("aria-sort")).toBe("descending");
    choose("Sort by", "Longest without an answer");
    expect(names().slice(0, 1)).toEqual(["Elena Dumitru"]);
    choose("Sort by", "View order");
    expect(names()).toEqual(["Ana Popescu", "Mihai Ionescu", "Elena Dumitru", "Radu Stan"]);
  });

  it("filters by grade and by trend, and says when nothing matches", async () => {
    await show(page(rows), fakeLoader(entries));
    choose("Grade", "Poor");
    expect(names()).toEqual(["Elena Dumitru"]);
    choose("Grade", "No score");
    expect(names()).toEqual(["Radu Stan"]);
    choose("Grade", "All grades");
    choose("Trend", "Declining");
    expect(names()).toEqual(["Elena Dumitru", "Mihai Ionescu"]);
    expect(screen.getByText("Shown: 2 of 4 · Need attention: 2")).toBeTruthy();
    choose("Grade", "Good");
    expect(screen.queryByRole("grid")).toBeNull();
    expect(screen.getByText("No record matches these filters.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(names()).toHaveLength(4);
  });
});

describe("the view's own columns, sort and paging", () => {
  const columns = [{ name: "emailaddress1", label: "Email", sorted: "ascending" as const, sortable: true }];

  it("shows the view's columns and sorts by them through the view", async () => {
    const shown = await show(page([row(1, "Ana Popescu", { emailaddress1: "ana@example.com" })], { columns }), fakeLoader([scoredEntry(1)]), {
      host: { width: 1000 },
    });
    const header = within(grid()).getByRole("columnheader", { name: /Email/ });
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(cellsOf("Ana Popescu")).toContain("ana@example.com");
    fireEvent.click(within(header).getByRole("button"));
    expect(shown.sortedBy).toEqual(["emailaddress1"]);
    expect(screen.getByRole("combobox", { name: /^Sort by/ }).textContent).toContain("View order");
  });

  it("loads the next page on Show more and scores only the new rows, keeping the first page on screen", async () => {
    const load = fakeLoader([scoredEntry(1), scoredEntry(2), scoredEntry(3)]);
    const shown = await show(page([ANA, MIHAI], { hasNextPage: true, total: 3 }), load);
    expect(screen.getByText("Loaded: 2 of 3 in this view")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show more" }));
    expect(shown.more).toHaveLength(1);
    await shown.rerender({ page: page([ANA, MIHAI, ELENA], { total: 3 }) });
    expect(load.calls).toEqual([[guid(1), guid(2)], [guid(3)]]);
    expect(names()).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Show more" })).toBeNull();
  });

  it("asks for nothing again when the view only re-renders", async () => {
    const load = fakeLoader([scoredEntry(1)]);
    const shown = await show(page([ANA]), load);
    await shown.rerender({ page: page([ANA]) });
    expect(load.calls).toHaveLength(1);
  });
});

describe("states of the view itself", () => {
  it("says a table it cannot rank is not supported, naming it", async () => {
    const load = fakeLoader([]);
    await show(page([ANA], { table: "incident", recordType: null }), load);
    const message = document.querySelector('[data-state="unsupportedTable"]');
    expect(message?.textContent).toContain("this view shows incident");
    expect(load.calls).toHaveLength(0);
  });

  it("offers Try again when the view could not be read", async () => {
    const shown = await show(page([], { failed: true }), fakeLoader([]));
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(shown.refreshed).toHaveLength(1);
  });

  it("says an empty view is empty, and shows a placeholder while the view loads", async () => {
    const shown = await show(page([]), fakeLoader([]));
    expect(screen.getByText("No records in this view.")).toBeTruthy();
    await shown.rerender({ page: page([], { loading: true }) });
    expect(screen.getByRole("status").textContent).toContain("Loading");
  });
});

describe("keyboard", () => {
  it("is one Tab stop; arrows, Home, End and Ctrl+End move between cells", async () => {
    await show(page([ANA, MIHAI]), fakeLoader([scoredEntry(1), scoredEntry(2, poorDeclining)]));
    const stops = Array.from(grid().querySelectorAll<HTMLElement>("[tabindex]")).filter((el) => el.tabIndex === 0);
    expect(stops).toHaveLength(1);
    expect(stops[0].textContent).toBe("Mihai Ionescu");
    stops[0].focus();
    fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    expect(document.activeElement?.textContent).toBe("22 Poor");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement?.textContent).toBe("72 Good");
    fireEvent.keyDown(document.activeElement!, { key: "Home" });
    expect(document.activeElement?.textContent).toBe("Ana Popescu");
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    expect(document.activeElement?.getAttribute("role")).toBe("columnheader");
    fireEvent.keyDown(document.activeElement!, { key: "End", ctrlKey: true });
    expect(document.activeElement?.textContent).toBe("3/13/2025 · meeting");
    const nowStops = Array.from(grid().querySelectorAll<HTMLElement>("[tabindex]")).filter((el) => el.tabIndex === 0);
    expect(nowStops).toEqual([document.activeElement]);
  });
});

describe("in a narrow subgrid", () => {
  it("shows the phone's one-line rows rather than squeezing six columns into 480 px", async () => {
    await show(page([ANA]), fakeLoader([scoredEntry(1)]), { host: { width: 480, formFactor: "desktop" } });
    expect(grid().getAttribute("data-layout")).toBe("compact");
    expect(cellsOf("Ana Popescu")).toEqual(["Ana Popescu", "72 Good", "↗Improving"]);
  });
});

describe("on a phone", () => {
  it("shows one line per record: name, score and grade, trend", async () => {
    const { container } = await show(page([ANA, MIHAI]), fakeLoader([scoredEntry(1), failedEntry(2, "notFound")]), {
      host: { width: 280, formFactor: "phone" },
    });
    expect(grid().getAttribute("data-layout")).toBe("compact");
    expect(cellsOf("Ana Popescu")).toEqual(["Ana Popescu", "72 Good", "↗Improving"]);
    expect(cellsOf("Mihai Ionescu")[1]).toBe("Not scored: The record no longer exists.");
    expect(fixedWidthsOver(container, 280)).toEqual([]);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("accessibility", () => {
  it("draws every icon itself, the sort and filter carets included: no icon-font glyph a host may lack", async () => {
    const { container } = await show(page([ANA, MIHAI], { table: "opportunity", recordType: "opportunity" }), fakeLoader([scoredEntry(1, {}, "opportunity"), scoredEntry(2, poorDeclining, "opportunity")]));
    expect(fontGlyphsWithoutSvg(container)).toEqual([]);
    expect(container.querySelectorAll('svg[data-icon="chevronDown"]')).toHaveLength(3);
  });

  it("has no violations with scored, unscored and failed rows, in light and dark", async () => {
    const entries = [scoredEntry(1), scoredEntry(2, notEnoughInfo), failedEntry(3, "server"), scoredEntry(4, poorDeclining)];
    const light = await show(page([ANA, MIHAI, ELENA, RADU]), fakeLoader(entries));
    expect(await axe(light.container)).toHaveNoViolations();
    light.container.remove();
    const dark = await show(page([ANA, MIHAI, ELENA, RADU]), fakeLoader(entries), {
      host: { theme: { palette: { white: "#292929", neutralPrimary: "#ffffff" }, semanticColors: { bodyBackground: "#292929", bodyText: "#ffffff" }, isInverted: true } },
    });
    expect(await axe(dark.container)).toHaveNoViolations();
  });
});

describe("dates in the row", () => {
  it("counts days since they answered from their last reply, not from our last email", async () => {
    await show(page([ELENA]), fakeLoader([scoredEntry(3, poorDeclining)]));
    expect(cellsOf("Elena Dumitru")[4]).toBe("40");
    expect(cellsOf("Elena Dumitru")[5]).toBe("None");
  });

  it("says when they have not answered in the period", async () => {
    await show(
      page([ANA]),
      fakeLoader([
        scoredEntry(1, {
          factors: [{ name: "recency", value: 0, impact: -30, message: { key: "factor.noReplyInWindow", params: { days: 60 } } }],
          last: { kind: "email", direction: "outgoing", at: daysFromNow(-1) },
        }),
      ]),
    );
    expect(cellsOf("Ana Popescu")[4]).toBe("No answer in the period");
  });
});

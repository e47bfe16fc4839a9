import { fireEvent, screen, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { daysFromNow } from "../ui/fixtures";
import { fakeLoader, notApplicable, page, poorDeclining, row, scoredEntry, show } from "./support";

expect.extend(toHaveNoViolations);

const opportunity = (n: number, overrides: Parameters<typeof scoredEntry>[1], close: Date | null, value: number | null) =>
  scoredEntry(n, overrides, "opportunity", { estimatedCloseDate: close, estimatedValue: value });

const ROWS = [row(1, "Fabrikam renewal"), row(2, "Contoso expansion"), row(3, "Litware pilot"), row(4, "Adatum upgrade"), row(5, "Tailspin won")];
const ENTRIES = [
  opportunity(1, {}, daysFromNow(20), 120_000),
  opportunity(2, poorDeclining, daysFromNow(45), 15_000),
  opportunity(3, { score: 50, grade: "fair", trend: "steady" }, daysFromNow(-10), 40_000),
  opportunity(4, { score: 55, grade: "fair", trend: "steady" }, null, null),
  opportunity(5, notApplicable, daysFromNow(-30), 90_000),
];

async function showPipeline(width = 1000) {
  return show(page(ROWS, { table: "opportunity", recordType: "opportunity" }), fakeLoader(ENTRIES), { host: { width } });
}

const pipeline = () => document.querySelector<HTMLElement>('[data-part="pipeline"]')!;

describe("the relationship pipeline on opportunity views", () => {
  it("places each open opportunity with a future close date as a link naming its health, close date and revenue", async () => {
    await showPipeline();
    const chart = within(pipeline()).getByRole("group", { name: "Relationship pipeline" });
    const bubbles = within(chart).getAllByRole("link");
    expect(bubbles.map((b) => b.getAttribute("aria-label")).sort()).toEqual([
      "Contoso expansion: health 22, Poor, closes 4/26/2025, estimated revenue 15,000",
      "Fabrikam renewal: health 72, Good, closes 4/1/2025, estimated revenue 120,000",
    ]);
  });

  it("draws bigger revenue as a bigger bubble and each grade in its own shape", async () => {
    await showPipeline();
    const fabrikam = screen.getByRole("link", { name: /^Fabrikam renewal/ });
    const contoso = screen.getByRole("link", { name: /^Contoso expansion/ });
    const good = fabrikam.querySelector('[data-grade="good"]')!;
    const poor = contoso.querySelector('[data-grade="poor"]')!;
    expect(good.tagName).toBe("circle");
    expect(poor.tagName).toBe("polygon");
    const goodArea = Math.PI * Number(good.getAttribute("r")) ** 2;
    const points = (poor.getAttribute("points") ?? "").split(" ").map((p) => p.split(",").map(Number));
    const side = points[1][0] - points[0][0];
    const poorArea = (Math.sqrt(3) / 4) * side ** 2;
    expect(goodArea).toBeGreaterThan(poorArea * 2);
  });

  it("opens the record from a bubble by click, Enter or Space", async () => {
    const shown = await showPipeline();
    const bubble = screen.getByRole("link", { name: /^Fabrikam renewal/ });
    fireEvent.click(bubble);
    fireEvent.keyDown(bubble, { key: "Enter" });
    fireEvent.keyDown(bubble, { key: " " });
    expect(shown.opened.map((r) => r.name)).toEqual(["Fabrikam renewal", "Fabrikam renewal", "Fabrikam renewal"]);
    expect(bubble.tabIndex).toBe(0);
  });

  it("lists what it cannot place: a close date passed, no close date, no score", async () => {
    const shown = await showPipeline();
    const off = within(pipeline()).getByText("Not on the chart").parentElement!;
    const group = (key: string) => off.querySelector<HTMLElement>(`[data-group="${key}"]`)!;
    expect(group("pastClose").textContent).toBe("Close date passedLitware pilot · 3/2/2025");
    expect(group("noClose").textContent).toBe("No close dateAdatum upgrade");
    expect(group("noScore").textContent).toBe("No health scoreTailspin won");
    fireEvent.click(within(group("noClose")).getByRole("button", { name: "Adatum upgrade" }));
    expect(shown.opened.map((r) => r.name)).toEqual(["Adatum upgrade"]);
  });

  it("follows the list's filters", async () => {
    await showPipeline();
    fireEvent.click(screen.getByRole("combobox", { name: /^Grade/ }));
    fireEvent.click(screen.getByRole("option", { name: "Poor" }));
    expect(within(pipeline()).getAllByRole("link").map((b) => b.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(/^Contoso expansion/),
    ]);
    expect(pipeline().querySelector('[data-part="offChart"]')).toBeNull();
  });

  it("sits beside the list on a wide form and under it on a narrow one, without accessibility violations", async () => {
    const wide = await showPipeline(1000);
    expect(pipeline().parentElement?.parentElement?.children).toHaveLength(2);
    expect(await axe(wide.container)).toHaveNoViolations();
    wide.container.remove();
    const phone = await show(page(ROWS, { table: "opportunity", recordType: "opportunity" }), fakeLoader(ENTRIES), {
      host: { width: 280, formFactor: "phone" },
    });
    expect(within(pipeline()).getAllByRole("link")).toHaveLength(2);
    expect(await axe(phone.container)).toHaveNoViolations();
  });

  it("is not drawn on other tables", async () => {
    await show(page([row(1, "Ana Popescu")]), fakeLoader([scoredEntry(1)]));
    expect(document.querySelector('[data-part="pipeline"]')).toBeNull();
  });
});

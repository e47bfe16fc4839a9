import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { HealthScoreView, type HealthScoreViewProps } from "../../components/HealthScoreWidget/HealthScoreView";
import { FACTOR_MESSAGE_KEYS, SCORE_REASON_KEYS } from "../../shared/analytics/healthScore";
import type { HealthScore, LoadResult } from "../../shared/model";
import { healthScore, ready } from "./fixtures";
import { controlStrings, fixedWidthsOver, host, LANGUAGES, settle, type TestHost } from "./harness";
import { describeWidgetStates } from "./stateSuite";
import { contrastRatio } from "../../shared/ui/contrast";
import { themeFromHost } from "../../shared/ui/theme";

const CTOR = "HealthScoreWidget";

function view(h: TestHost, load: () => Promise<LoadResult<HealthScore>>, props: Partial<HealthScoreViewProps> = {}) {
  return <HealthScoreView {...h} load={load} loadKey="lead:1" showFactors {...props} />;
}

async function show(data: HealthScore, language: 1033 | 1048 = 1033, props: Partial<HealthScoreViewProps> = {}) {
  const h = host(CTOR, language);
  const utils = render(view(h, ready(data), props));
  await settle();
  return utils;
}

describeWidgetStates({
  ctor: CTOR,
  title: { 1033: "Relationship health", 1048: "Sănătatea relației" },
  view: (h, load) => view(h, load),
  scenarios: [
    { name: "scored", render: (h) => view(h, ready(healthScore())) },
    ...(["fair", "poor"] as const).map((grade) => ({
      name: grade,
      render: (h: TestHost) => view(h, ready(healthScore({ grade, trend: "declining" }))),
    })),
    ...(["steady", "notEnoughInfo"] as const).map((trend) => ({
      name: trend,
      render: (h: TestHost) => view(h, ready(healthScore({ trend }))),
    })),
    {
      name: "not enough info",
      render: (h) =>
        view(h, ready(healthScore({ status: "notEnoughInfo", score: null, grade: null, trend: "notEnoughInfo", factors: [], reason: { key: "score.tooFewInteractions", params: { count: 1, minimum: 3, days: 60 } } }))),
    },
    {
      name: "not applicable",
      render: (h) =>
        view(h, ready(healthScore({ status: "notApplicable", score: null, grade: null, factors: [], reason: { key: "score.opportunityWon" } }))),
    },
    {
      name: "no activity",
      render: (h) => view(h, ready(healthScore({ last: null, next: { kind: "task", direction: "none", at: new Date("2025-04-30T10:00:00Z") } }))),
    },
  ],
});

describe("a scored record", () => {
  it("reads the score, grade and trend as one sentence to screen readers", async () => {
    await show(healthScore());
    expect(screen.getByRole("img", { name: "Relationship health 72 of 100, Good, Improving" })).toBeTruthy();
  });

  it("shows the grade and the trend as words, not only as colour or arrows", async () => {
    const { container } = await show(healthScore({ score: 35, grade: "poor", trend: "declining" }));
    expect(container.textContent).toContain("Poor");
    expect(container.textContent).toContain("Trend: ↘ Declining");
  });

  it("says when the last and next interactions are and what they were", async () => {
    const { container } = await show(healthScore());
    expect(container.textContent).toContain("Last interaction: 3/9/2025 · email from them");
    expect(container.textContent).toContain("Next interaction: 3/13/2025 · meeting");
  });

  it("explains the score with its top three factors in plain words", async () => {
    await show(healthScore());
    const why = screen.getByRole("heading", { name: "Why this score" });
    const items = within(why.parentElement as HTMLElement).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "+Raises the score: They replied recently: days since their last reply: 3.",
      "−Lowers the score: Interactions down 40% on the previous period.",
      "+Raises the score: Contact goes both ways: from us 9, from them 6, meetings 2.",
    ]);
  });

  it("hides the factors when the maker turned them off", async () => {
    await show(healthScore(), 1033, { showFactors: false });
    expect(screen.queryByRole("heading", { name: "Why this score" })).toBeNull();
  });

  it.each(LANGUAGES)("says when some rows could not be read, and only then (%s)", async (language) => {
    const { container } = await show(healthScore({ skippedRows: 3 }), language);
    expect(container.textContent).toContain(language === 1033 ? "rows: 3" : "rânduri: 3");
    const clean = await show(healthScore(), language);
    expect(clean.container.textContent).not.toContain("rows:");
    expect(clean.container.textContent).not.toContain("rânduri:");
  });

  it("is in Romanian for Romanian users", async () => {
    const { container } = await show(healthScore(), 1048);
    expect(screen.getByRole("img", { name: "Sănătatea relației 72 din 100, Bună, În creștere" })).toBeTruthy();
    expect(container.textContent).toContain("Ultima interacțiune: 09.03.2025 · e-mail de la ei");
    expect(container.textContent).toContain("Următoarea interacțiune: 13.03.2025 · întâlnire");
    expect(container.textContent).toContain("De ce acest scor");
  });

  it.each(LANGUAGES)("has no accessibility violations (%s)", async (language) => {
    const { container } = await show(healthScore(), language);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("a record without a score", () => {
  it("says there is not enough info, and why", async () => {
    const { container } = await show(
      healthScore({ status: "notEnoughInfo", score: null, grade: null, trend: "notEnoughInfo", factors: [], reason: { key: "score.recordTooNew", params: { days: 2, minimumDays: 7 } } }),
    );
    expect(screen.queryByRole("img")).toBeNull();
    expect(container.textContent).toContain("Not enough info");
    expect(container.textContent).toContain("The record is too new to score: age in days 2, at least 7 needed.");
  });

  it("says it does not apply to a won opportunity, in both languages", async () => {
    const data = healthScore({ status: "notApplicable", score: null, grade: null, factors: [], reason: { key: "score.opportunityWon" } });
    const en = await show(data, 1033);
    expect(en.container.textContent).toContain("Not applicable");
    expect(en.container.textContent).toContain("This opportunity is won, so it is no longer scored.");
    en.unmount();
    const ro = await show(data, 1048);
    expect(ro.container.textContent).toContain("Nu se aplică");
    expect(ro.container.textContent).toContain("Această oportunitate este câștigată, deci nu mai primește scor.");
  });

  it("has no accessibility violations", async () => {
    const { container } = await show(healthScore({ status: "notApplicable", score: null, grade: null, factors: [], reason: { key: "score.leadQualified" } }));
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("strings", () => {
  it.each(LANGUAGES)("cover every factor and reason the analytics can produce (%s)", (language) => {
    const strings = controlStrings(CTOR, language);
    const missing = [...FACTOR_MESSAGE_KEYS, ...SCORE_REASON_KEYS].filter((key) => !strings[key]);
    expect(missing).toEqual([]);
  });
});

describe("resilience and layout", () => {
  it("keeps the form intact when rendering fails, and recovers on Try again", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = { ...healthScore(), factors: null } as unknown as HealthScore;
    let data = broken;
    render(view(host(CTOR, 1033), () => Promise.resolve({ kind: "ready", data })));
    await settle();
    const region = screen.getByRole("region", { name: "Relationship health" });
    expect(region.textContent).toContain("Something went wrong.");
    data = healthScore();
    fireEvent.click(within(region).getByRole("button", { name: "Try again" }));
    await settle();
    expect(screen.getByRole("img", { name: /72 of 100/ })).toBeTruthy();
    spy.mockRestore();
  });

  it("ignores a slow answer for the previous record", async () => {
    let resolveOld: (r: LoadResult<HealthScore>) => void = () => undefined;
    const h = host(CTOR, 1033);
    const { rerender } = render(view(h, () => new Promise((resolve) => (resolveOld = resolve)), { loadKey: "lead:old" }));
    rerender(view(h, ready(healthScore({ score: 35, grade: "poor" })), { loadKey: "lead:new" }));
    await settle();
    resolveOld({ kind: "ready", data: healthScore({ score: 90 }) });
    await settle();
    expect(screen.getByRole("img", { name: /35 of 100/ })).toBeTruthy();
  });

  it("switches to the compact layout at 280 px with nothing wider than the column", async () => {
    const h = host(CTOR, 1033, { width: 280 });
    render(view(h, ready(healthScore())));
    await settle();
    const region = screen.getByRole("region", { name: "Relationship health" });
    expect(region.getAttribute("data-layout")).toBe("compact");
    expect(fixedWidthsOver(region, 280)).toEqual([]);
  });

  it("uses the compact layout on phones whatever the width", async () => {
    render(view(host(CTOR, 1033, { width: 800, formFactor: "phone" }), ready(healthScore())));
    await settle();
    expect(screen.getByRole("region", { name: "Relationship health" }).getAttribute("data-layout")).toBe("compact");
  });
});

describe("in a dark theme", () => {
  it.each(["good", "fair", "poor"] as const)("draws the %s ring at 3:1 or more against the card", async (grade) => {
    const theme = themeFromHost({ isDarkTheme: true });
    const { container } = render(view(host(CTOR, 1033, { theme }), ready(healthScore({ grade, score: 30 }))));
    await settle();
    const arc = container.querySelector('[data-part="arc"]') as SVGElement;
    expect(contrastRatio(arc.getAttribute("stroke") ?? "", theme?.semanticColors?.bodyBackground ?? "")).toBeGreaterThanOrEqual(3);
  });
});

describe("grade words", () => {
  it("name the middle grade as the settings page does, in Romanian too", async () => {
    const { container } = await show(healthScore({ grade: "fair", score: 50 }), 1048);
    expect(container.textContent).toContain("Acceptabilă");
    expect(container.textContent).not.toContain("Medie");
  });
});

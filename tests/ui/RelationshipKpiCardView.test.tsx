import * as React from "react";
import { cleanup, render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import {
  RelationshipKpiCardView,
  type KpiGroup,
  type RelationshipKpiCardViewProps,
} from "../../components/RelationshipKpiCard/RelationshipKpiCardView";
import type { KpiSet, LoadResult } from "../../shared/model";
import { kpiSet, ready } from "./fixtures";
import { fixedWidthsOver, host, LANGUAGES, settle, type TestHost } from "./harness";
import { describeWidgetStates } from "./stateSuite";

const CTOR = "RelationshipKpiCard";
const ALL_GROUPS: KpiGroup[] = ["emails", "meetings", "calls", "time", "response", "activity", "timeline"];

function view(h: TestHost, load: () => Promise<LoadResult<KpiSet>>, props: Partial<RelationshipKpiCardViewProps> = {}) {
  return <RelationshipKpiCardView {...h} load={load} loadKey="contact:1" groups={ALL_GROUPS} compact={false} {...props} />;
}

async function show(data: KpiSet, language: 1033 | 1048 = 1033, props: Partial<RelationshipKpiCardViewProps> = {}, width = 480) {
  const utils = render(view(host(CTOR, language, { width }), ready(data), props));
  await settle();
  return utils;
}

/** label → value, as a user reads the card. */
function metrics(container: HTMLElement): Record<string, string> {
  const pairs: Record<string, string> = {};
  container.querySelectorAll("dt").forEach((dt) => {
    pairs[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
  });
  return pairs;
}

describeWidgetStates({
  ctor: CTOR,
  title: { 1033: "Relationship analytics", 1048: "Analiza relațiilor" },
  view: (h, load) => view(h, load),
  scenarios: [
    { name: "all groups", render: (h) => view(h, ready(kpiSet())) },
    {
      name: "no replies, no activity, empty timeline",
      render: (h) => view(h, ready(kpiSet({ responseRate: null, averageFirstResponseMinutes: null, last: null, timeline: [] }))),
    },
    { name: "short durations", render: (h) => view(h, ready(kpiSet({ minutesOurs: 45, minutesTheirs: 120 }))) },
  ],
});

describe("the KPIs", () => {
  it("shows each count, time and rate with its label", async () => {
    const { container } = await show(kpiSet());
    expect(metrics(container)).toEqual({
      "Emails sent": "14",
      "Emails received": "9",
      Meetings: "3",
      "Calls made": "4",
      "Calls received": "1",
      "Time spent by us": "5 h 10 min",
      "Time spent by them": "3 h 10 min",
      "Their response rate": "64%",
      "Their average first response": "3 h 5 min",
      "Our response rate": "80%",
      "Our average first response": "1 h 35 min",
      "Last activity": "3/10/2025 · call from us",
      "Next activity": "None",
    });
    expect(container.textContent).toContain("Last 60 days");
  });

  it("says 'Not enough data' instead of a made-up rate, for each direction on its own", async () => {
    const { container } = await show(kpiSet({ responseRate: null, averageFirstResponseMinutes: null }));
    expect(metrics(container)["Their response rate"]).toBe("Not enough data");
    expect(metrics(container)["Their average first response"]).toBe("Not enough data");
    expect(metrics(container)["Our response rate"]).toBe("80%");
    cleanup();
    const ours = await show(kpiSet({ ourResponseRate: null, ourAverageFirstResponseMinutes: null }));
    expect(metrics(ours.container)["Our response rate"]).toBe("Not enough data");
    expect(metrics(ours.container)["Our average first response"]).toBe("Not enough data");
    expect(metrics(ours.container)["Their response rate"]).toBe("64%");
  });

  it("shows only the groups the maker chose, in their order", async () => {
    const { container } = await show(kpiSet(), 1033, { groups: ["calls", "emails"] });
    expect(Object.keys(metrics(container))).toEqual(["Calls made", "Calls received", "Emails sent", "Emails received"]);
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("is in Romanian for Romanian users, with their number and percent style", async () => {
    const { container } = await show(kpiSet({ emailsSent: 1234 }), 1048);
    const values = metrics(container);
    expect(values["E-mailuri trimise"]).toBe("1.234");
    expect(values["Rata lor de răspuns"]).toBe("64 %");
    expect(values["Rata noastră de răspuns"]).toBe("80 %");
    expect(values["Timpul nostru mediu până la primul răspuns"]).toBe("1 h 35 min");
    expect(values["Ultima activitate"]).toBe("10.03.2025 · apel de la noi");
  });
});

describe("the weekly timeline", () => {
  it("summarises the chart for screen readers", async () => {
    await show(kpiSet());
    expect(
      screen.getByRole("img", {
        name: "Weekly interactions. Weeks shown: 4. From us: 14. From them: 9. Meetings: 3. Busiest week began 2/24/2025.",
      }),
    ).toBeTruthy();
  });

  it("labels the first and last week under the bars", async () => {
    const { container } = await show(kpiSet(), 1048);
    const table = container.querySelector("table");
    table?.remove();
    expect(container.textContent).toContain("17.02.2025");
    expect(container.textContent).toContain("10.03.2025");
  });

  it("gives the numbers in a table as well", async () => {
    await show(kpiSet());
    const table = screen.getByRole("table", { name: "Interactions per week: from us, from them, and meetings" });
    const rows = within(table)
      .getAllByRole("row")
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ["Week of", "From us", "From them", "Meetings"],
      ["2/17/2025", "3", "1", "1"],
      ["2/24/2025", "5", "4", "0"],
      ["3/3/2025", "0", "2", "2"],
      ["3/10/2025", "6", "2", "0"],
    ]);
  });

  it("draws meetings as their own series, told apart by shape as well as colour", async () => {
    const { container } = await show(kpiSet());
    const chart = screen.getByRole("img", { name: /^Weekly interactions/ });
    // Two weeks held meetings: a stem with a dot each, beside the solid and outlined bars.
    expect(chart.querySelectorAll('[data-series="meetings"] circle')).toHaveLength(2);
    expect(chart.querySelectorAll('rect[data-series="sent"]')).toHaveLength(4);
    expect(chart.querySelectorAll('rect[data-series="received"][stroke]')).toHaveLength(4);
    const legend = Array.from(container.querySelectorAll("[data-legend]"), (item) => item.textContent);
    expect(legend).toEqual(["From us", "From them", "Meetings"]);
  });

  it("says so when there was no interaction", async () => {
    const { container } = await show(kpiSet({ timeline: [] }));
    expect(screen.queryByRole("img")).toBeNull();
    expect(container.textContent).toContain("No interactions in this period.");
  });

  it.each(LANGUAGES)("has no accessibility violations (%s)", async (language) => {
    const { container } = await show(kpiSet(), language);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("layout", () => {
  it("switches to the compact layout at 280 px with nothing wider than the column", async () => {
    await show(kpiSet(), 1033, {}, 280);
    const region = screen.getByRole("region", { name: "Relationship analytics" });
    expect(region.getAttribute("data-layout")).toBe("compact");
    expect(fixedWidthsOver(region, 280)).toEqual([]);
    expect(await axe(region)).toHaveNoViolations();
  });

  it("keeps the maker's compact choice on a wide form", async () => {
    const regular = await show(kpiSet(), 1033, { compact: false }, 600);
    const tileClass = regular.container.querySelector("[data-kpi]")?.className;
    regular.unmount();
    const compact = await show(kpiSet(), 1033, { compact: true }, 600);
    expect(compact.container.querySelector("[data-kpi]")?.className).not.toBe(tileClass);
  });
});

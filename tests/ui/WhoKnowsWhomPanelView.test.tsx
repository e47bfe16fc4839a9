import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { axe } from "jest-axe";
import {
  WhoKnowsWhomPanelView,
  type WhoKnowsWhomPanelViewProps,
} from "../../components/WhoKnowsWhomPanel/WhoKnowsWhomPanelView";
import { INTRODUCER_MESSAGE_KEYS } from "../../shared/analytics/introducers";
import { PATH_MESSAGE_KEY } from "../../shared/analytics/paths";
import type { IntroductionText } from "../../shared/data/widgets";
import { DataError } from "../../shared/errors";
import type { Introducer, IntroducerList, LoadResult } from "../../shared/model";
import { introducerList, pathsList, ready } from "./fixtures";
import { fixedWidthsOver, host, LANGUAGES, ownStrings, settle, tabOrder, type TestHost } from "./harness";
import { describeWidgetStates } from "./stateSuite";
import { contrastRatio } from "../../shared/ui/contrast";
import { themeFromHost } from "../../shared/ui/theme";

const CTOR = "WhoKnowsWhomPanel";

function view(
  h: TestHost,
  load: () => Promise<LoadResult<IntroducerList>>,
  props: Partial<WhoKnowsWhomPanelViewProps> = {},
) {
  return (
    <WhoKnowsWhomPanelView
      {...h}
      load={load}
      loadKey="contact:1"
      defaultView="list"
      requestIntroduction={() => Promise.resolve("email-1")}
      openDraft={() => Promise.resolve()}
      {...props}
    />
  );
}

async function show(props: Partial<WhoKnowsWhomPanelViewProps> = {}, language: 1033 | 1048 = 1033, data = introducerList()) {
  const utils = render(view(host(CTOR, language, props.width ? { width: props.width } : {}), ready(data), props));
  await settle();
  return utils;
}

const requestButtons = () => screen.getAllByRole("button", { name: /^Request an introduction through/ });

describeWidgetStates({
  ctor: CTOR,
  title: { 1033: "Who knows whom", 1048: "Cine știe pe cine" },
  view: (h, load) => view(h, load),
  scenarios: [
    { name: "list", render: (h) => view(h, ready(introducerList())) },
    { name: "empty", render: (h) => view(h, ready(introducerList({ introducers: [], you: null }))) },
    {
      name: "graph with an open colleague",
      render: (h) => view(h, ready(introducerList()), { defaultView: "graph" }),
      act: async () => {
        fireEvent.keyDown(screen.getAllByRole("button", { name: /Connection strength/ })[0], { key: "Enter" });
        await settle();
      },
    },
    {
      name: "busy request",
      render: (h) => view(h, ready(introducerList()), { requestIntroduction: () => new Promise(() => undefined) }),
      act: async () => {
        fireEvent.click(requestButtons()[0]);
        await settle();
      },
    },
    {
      name: "failed request",
      render: (h) =>
        view(h, ready(introducerList()), { requestIntroduction: () => Promise.reject(new DataError("noPrivilege", "x")) }),
      act: async () => {
        fireEvent.click(requestButtons()[0]);
        await settle();
      },
    },
    {
      name: "draft opened",
      render: (h) => view(h, ready(introducerList())),
      act: async () => {
        fireEvent.click(requestButtons()[0]);
        await settle();
      },
    },
    {
      name: "draft created but not opened",
      render: (h) => view(h, ready(introducerList()), { openDraft: () => Promise.reject(new Error("navigation refused")) }),
      act: async () => {
        fireEvent.click(requestButtons()[0]);
        await settle();
      },
    },
    { name: "mailbox data without roles", render: (h) => view(h, ready(introducerList({ mailboxNote: "noRolesSelected" }))) },
    { name: "paths through their colleagues", render: (h) => view(h, ready(pathsList({ pathsNote: null }))) },
    { name: "paths too many to read", render: (h) => view(h, ready(introducerList({ pathsNote: "tooManyToRead" }))) },
    { name: "paths failed", render: (h) => view(h, ready(introducerList({ pathsNote: "failed" }))) },
    {
      name: "graph with an open path",
      render: (h) => view(h, ready(pathsList()), { defaultView: "graph" }),
      act: async () => {
        fireEvent.keyDown(screen.getAllByRole("button", { name: /Path strength/ })[0], { key: "Enter" });
        await settle();
      },
    },
  ],
});

describe("the list", () => {
  it("ranks colleagues with name, title, strength word and the reason in plain words", async () => {
    await show();
    const list = screen.getByRole("list", { name: "Colleagues who know them, strongest connection first" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain("Ana Popescu");
    expect(items[0].textContent).toContain("Account Manager");
    expect(items[0].textContent).toContain("Strong");
    expect(items[0].textContent).toContain(
      "Meetings: 12 · Calls: 2 · Emails: 30 · They answered or met us: 8 · Days since last contact: 3",
    );
    expect(items[1].textContent).toContain("Meetings: 0 · Calls: 3 · Emails: 9 · They answered or met us: 2");
  });

  it("gives each strength meter its value and word", async () => {
    await show();
    const meters = screen.getAllByRole("meter", { name: "Connection strength" });
    expect(meters.map((m) => [m.getAttribute("aria-valuenow"), m.getAttribute("aria-valuetext")])).toEqual([
      ["82", "Strong, 82 of 100"],
      ["55", "Good, 55 of 100"],
      ["21", "Weak, 21 of 100"],
      ["40", "Good, 40 of 100"],
    ]);
  });

  it("shows the signed-in user apart, without asking them to request an introduction", async () => {
    await show();
    const you = screen.getByRole("heading", { name: "You know them" }).parentElement as HTMLElement;
    expect(you.textContent).toContain("Radu Stan");
    expect(within(you).queryByRole("button")).toBeNull();
    expect(requestButtons()).toHaveLength(3);
  });

  it("says no colleague knows them yet when the list is empty", async () => {
    const { container } = await show({}, 1033, introducerList({ introducers: [], you: null }));
    expect(container.textContent).toContain("No colleague has interacted with them yet.");
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("is in Romanian for Romanian users", async () => {
    const { container } = await show({}, 1048);
    expect(screen.getByRole("region", { name: "Cine știe pe cine" })).toBeTruthy();
    expect(container.textContent).toContain("Puternică");
    expect(container.textContent).toContain("Cunoașteți deja această persoană");
    // The seed page's word for an introduction ("prezentare" reads as a presentation).
    expect(screen.getAllByRole("button", { name: /^Solicitați o introducere prin/ })).toHaveLength(3);
    expect(container.textContent).toContain("Ne-au răspuns sau s-au întâlnit cu noi: 8");
    expect(container.textContent).not.toMatch(/prezentare/i);
  });

  it.each(LANGUAGES)("has no accessibility violations (%s)", async (language) => {
    const { container } = await show({}, language);
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("requesting an introduction", () => {
  it("creates one draft for one click, opens it, and says so with a link to open it again", async () => {
    let finish: (emailId: string) => void = () => undefined;
    const created: Introducer[] = [];
    const opened: string[] = [];
    const { container } = await show({
      requestIntroduction: (introducer) => {
        created.push(introducer);
        return new Promise<string>((resolve) => (finish = resolve));
      },
      openDraft: (emailId) => {
        opened.push(emailId);
        return Promise.resolve();
      },
    });
    const button = requestButtons()[0];
    expect(tabOrder(container)).toContain(button);
    button.focus();
    fireEvent.click(button);
    fireEvent.click(button);
    await settle();
    const busy = screen.getByRole("button", { name: "Creating the draft…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(busy);
    fireEvent.click(busy);
    act(() => finish("email-7"));
    await settle();

    expect(created.map((i) => i.fullName)).toEqual(["Ana Popescu"]);
    expect(opened).toEqual(["email-7"]);
    const card = container.querySelector('[data-introducer="00000000-0000-0000-0000-000000000001"]') as HTMLElement;
    expect(card.textContent).toContain("Draft email to Ana Popescu opened: review it and send it when you're ready.");
    expect(card.textContent).not.toContain("Introduction requested");
    // Only opening the same draft is offered now, never a second draft.
    expect(within(card).queryByRole("button", { name: /Request an introduction/ })).toBeNull();
    // Focus was on the button that went away: it lands on what happened, not on the page.
    expect(document.activeElement).not.toBe(document.body);
    expect(card.contains(document.activeElement)).toBe(true);
    fireEvent.click(within(card).getByRole("button", { name: "Open the draft email to Ana Popescu" }));
    await settle();
    expect(opened).toEqual(["email-7", "email-7"]);
    expect(created).toHaveLength(1);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("says when the draft was created but could not be opened, and offers to open it", async () => {
    let attempts = 0;
    const { container } = await show({
      requestIntroduction: () => Promise.resolve("email-9"),
      openDraft: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new DataError("offline", "x")) : Promise.resolve();
      },
    });
    fireEvent.click(requestButtons()[0]);
    await settle();
    expect(container.textContent).toContain("The draft email to Ana Popescu was created but couldn't be opened. You're offline. Try again.");
    expect(screen.queryAllByRole("button", { name: "Request an introduction through Ana Popescu" })).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Open the draft email to Ana Popescu" }));
    await settle();
    expect(attempts).toBe(2);
    expect(container.textContent).toContain("Draft email to Ana Popescu opened");
  });

  it("says why creating the draft failed and lets the user try again where that can help", async () => {
    let attempts = 0;
    const { container } = await show({
      requestIntroduction: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new DataError("offline", "x")) : Promise.resolve("email-2");
      },
    });
    fireEvent.click(requestButtons()[0]);
    await settle();
    expect(container.textContent).toContain("The introduction email to Ana Popescu couldn't be created. You're offline. Try again.");
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(requestButtons()[0]);
    await settle();
    expect(attempts).toBe(2);
    expect(container.textContent).toContain("Draft email to Ana Popescu opened");
  });

  it("on a missing privilege says whom to ask for what, and offers no pointless retry", async () => {
    const { container } = await show({ requestIntroduction: () => Promise.reject(new DataError("noPrivilege", "x", { table: "email" })) });
    const button = requestButtons()[0];
    button.focus();
    fireEvent.click(button);
    await settle();
    const card = container.querySelector('[data-introducer="00000000-0000-0000-0000-000000000001"]') as HTMLElement;
    expect(card.textContent).toContain("Your security role doesn't allow this on email records. Ask your administrator for access to them.");
    expect(card.textContent).not.toContain("Try again");
    expect(within(card).queryByRole("button")).toBeNull();
    expect(card.contains(document.activeElement)).toBe(true);
  });
});

describe("mailbox data", () => {
  it.each(LANGUAGES)("says when mailbox emails are left out because no role is selected (%s)", async (language) => {
    const { container } = await show({}, language, introducerList({ mailboxNote: "noRolesSelected" }));
    expect(container.textContent).toContain(ownStrings(CTOR, language)["wkw.mailboxNote.noRolesSelected"]);
    expect(ownStrings(CTOR, 1033)["wkw.mailboxNote.noRolesSelected"]).toMatch(/no security role is selected/);
  });

  it("says nothing when nothing is left out", async () => {
    const { container } = await show();
    expect(container.textContent).not.toContain("Mailbox emails are left out");
  });
});

describe("second-degree paths", () => {
  const pathList = () => screen.getByRole("list", { name: "Colleagues who know one of their coworkers, strongest path first" });
  const pathButton = (colleague: string) =>
    screen.getByRole("button", { name: new RegExp(`^Request an introduction through ${colleague}, who knows their coworker`) });

  it("groups paths under Through their colleagues, after the colleagues who know them, strongest first, with both links in words", async () => {
    await show({}, 1033, pathsList());
    const heading = screen.getByRole("heading", { name: "Through their colleagues" });
    const introducers = screen.getByRole("list", { name: "Colleagues who know them, strongest connection first" });
    // Following: the group comes after every first-degree introducer.
    expect(introducers.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(heading.compareDocumentPosition(pathList()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = within(pathList()).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain("Ioana Marin");
    expect(items[0].textContent).toContain("Solutions Engineer");
    expect(items[0].textContent).toContain("→ Knows their coworker Malik Osei (Head of IT)");
    expect(items[0].textContent).toContain(
      "Ioana Marin knows Malik Osei: Meetings: 6 · Calls: 1 · Emails: 14. Malik Osei works with their account: Activities: 23 · Days since the last one: 5",
    );
    expect(items[1].textContent).toContain("Knows their coworker Sofia Lind");
    const meters = within(pathList()).getAllByRole("meter", { name: "Path strength" });
    expect(meters.map((m) => m.getAttribute("aria-valuetext"))).toEqual(["Good, 48 of 100", "Weak, 30 of 100"]);
  });

  it("shows paths when nobody knows them directly", async () => {
    const { container } = await show({}, 1033, pathsList({ introducers: [], you: null }));
    expect(container.textContent).toContain("No colleague has interacted with them yet.");
    expect(within(pathList()).getAllByRole("listitem")).toHaveLength(2);
    expect(pathButton("Ioana Marin")).toBeTruthy();
  });

  it("shows the signed-in user's own path apart, with no request", async () => {
    await show({}, 1033, pathsList());
    const yours = screen.getByRole("heading", { name: "You know their coworker Pia Holm" }).parentElement as HTMLElement;
    expect(yours.textContent).toContain("CFO");
    expect(within(yours).queryByRole("button")).toBeNull();
    expect(pathList().textContent).not.toContain("Pia Holm");
  });

  it("drafts one email to the colleague that names the coworker in between", async () => {
    const drafts: Array<{ colleague: string; text: IntroductionText }> = [];
    let finish: (emailId: string) => void = () => undefined;
    const { container } = await show(
      {
        recordName: "Radu Ionescu",
        requestIntroduction: (colleague, text) => {
          drafts.push({ colleague: colleague.fullName, text });
          return new Promise<string>((resolve) => (finish = resolve));
        },
      },
      1033,
      pathsList(),
    );
    const button = pathButton("Ioana Marin");
    fireEvent.click(button);
    fireEvent.click(button);
    await settle();
    act(() => finish("email-3"));
    await settle();
    expect(drafts).toHaveLength(1);
    expect(drafts[0].colleague).toBe("Ioana Marin");
    expect(drafts[0].text.subject).toContain("Malik Osei");
    expect(drafts[0].text.body).toContain("Hi Ioana Marin,");
    expect(drafts[0].text.body).toContain("Malik Osei");
    expect(drafts[0].text.body).toContain("Radu Ionescu");
    const card = container.querySelector('[data-path$=":00000000-0000-0000-0000-0000000000c1"]') as HTMLElement;
    expect(card.textContent).toContain("Draft email to Ioana Marin opened");
    expect(within(card).queryByRole("button", { name: /Request an introduction/ })).toBeNull();
    // The other path keeps its own request.
    expect(pathButton("Dan Voicu")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("writes the path's request in Romanian for Romanian users", async () => {
    const subjects: string[] = [];
    const { container } = await show(
      {
        requestIntroduction: (_colleague, text) => {
          subjects.push(`${text.subject}\n${text.body}`);
          return Promise.resolve("email-4");
        },
      },
      1048,
      pathsList(),
    );
    expect(screen.getByRole("heading", { name: "Prin colegii lor" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Cunoașteți un coleg de-al lor: Pia Holm" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /^Solicitați o introducere prin Ioana Marin, care cunoaște/ }));
    await settle();
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toContain("Malik Osei");
    expect(subjects[0]).toContain("introducere");
    expect(subjects[0]).not.toMatch(/prezentare/i);
    expect(await axe(container)).toHaveNoViolations();
  });

  it.each([
    ["tooManyToRead", "Paths through their colleagues are left out: their account has more activity than can be counted at once."],
    ["failed", "Paths through their colleagues couldn't be read."],
  ] as const)("says why paths are missing (%s), and still shows who knows them", async (pathsNote, text) => {
    const { container } = await show({}, 1033, introducerList({ pathsNote }));
    expect(container.textContent).toContain(text);
    expect(requestButtons()).toHaveLength(3);
    expect(await axe(container)).toHaveNoViolations();
  });

  it("draws two-step paths in the graph, reachable with the arrow keys after the colleagues, coworkers as squares", async () => {
    const { container } = await show({ defaultView: "graph" }, 1033, pathsList());
    const nodes = screen.getAllByRole("button", { name: /(Connection|Path) strength/ });
    expect(nodes.map((n) => n.getAttribute("aria-label"))).toEqual([
      "Ana Popescu. Connection strength: Strong, 82 of 100",
      "Mihai Ionescu. Connection strength: Good, 55 of 100",
      "Elena Dumitru. Connection strength: Weak, 21 of 100",
      "Ioana Marin, through their coworker Malik Osei. Path strength: Good, 48 of 100",
      "Dan Voicu, through their coworker Sofia Lind. Path strength: Weak, 30 of 100",
    ]);
    // Coworkers are drawn as squares (not a colour difference), one per person in between.
    expect(container.querySelectorAll("[data-coworker] rect")).toHaveLength(2);
    expect(container.textContent).toContain("Circles are our colleagues, squares are their coworkers.");
    expect(tabOrder(container).filter((el) => nodes.includes(el))).toEqual([nodes[0]]);
    nodes[2].focus();
    fireEvent.keyDown(nodes[2], { key: "ArrowRight" });
    expect(document.activeElement).toBe(nodes[3]);
    fireEvent.keyDown(nodes[3], { key: "Enter" });
    await settle();
    expect(nodes[3].getAttribute("aria-pressed")).toBe("true");
    expect(pathButton("Ioana Marin")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("the graph", () => {
  const nodes = () => screen.getAllByRole("button", { name: /Connection strength/ });

  it("toggles between list and graph", async () => {
    await show();
    const graphToggle = screen.getByRole("button", { name: "Graph" });
    expect(screen.getByRole("button", { name: "List" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(graphToggle);
    expect(graphToggle.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("group", { name: /Connections graph/ })).toBeTruthy();
    expect(screen.queryByRole("list", { name: /Colleagues who know them/ })).toBeNull();
  });

  it("puts one node in the tab order and moves between nodes with the arrow keys", async () => {
    const { container } = await show({ defaultView: "graph" });
    expect(nodes().map((n) => n.getAttribute("aria-label"))).toEqual([
      "Ana Popescu. Connection strength: Strong, 82 of 100",
      "Mihai Ionescu. Connection strength: Good, 55 of 100",
      "Elena Dumitru. Connection strength: Weak, 21 of 100",
    ]);
    expect(tabOrder(container).filter((el) => nodes().includes(el))).toEqual([nodes()[0]]);
    nodes()[0].focus();
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
    expect(document.activeElement).toBe(nodes()[1]);
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect(document.activeElement).toBe(nodes()[2]);
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowRight" });
    expect(document.activeElement).toBe(nodes()[0]);
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    expect(document.activeElement).toBe(nodes()[2]);
    fireEvent.keyDown(document.activeElement as Element, { key: "Home" });
    expect(document.activeElement).toBe(nodes()[0]);
    expect(tabOrder(container).filter((el) => nodes().includes(el))).toEqual([nodes()[0]]);
  });

  it("opens a colleague's details and request button with Enter", async () => {
    const { container } = await show({ defaultView: "graph" });
    expect(container.textContent).toContain("Select a colleague to see the details and request an introduction.");
    nodes()[1].focus();
    fireEvent.keyDown(nodes()[1], { key: "Enter" });
    expect(nodes()[1].getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("button", { name: "Request an introduction through Mihai Ionescu" })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });
});

describe("strings", () => {
  it.each(LANGUAGES)("cover every reason the analytics can produce (%s)", (language) => {
    const strings = ownStrings(CTOR, language);
    expect([...INTRODUCER_MESSAGE_KEYS, PATH_MESSAGE_KEY].filter((key) => !strings[key])).toEqual([]);
  });
});

describe("layout", () => {
  it.each(["list", "graph"] as const)("uses the compact layout at 280 px with nothing wider (%s)", async (defaultView) => {
    await show({ width: 280, defaultView });
    const region = screen.getByRole("region", { name: "Who knows whom" });
    expect(region.getAttribute("data-layout")).toBe("compact");
    expect(fixedWidthsOver(region, 280)).toEqual([]);
  });
});

describe("in a dark theme", () => {
  it("draws each strength meter's fill and outline at 3:1 or more", async () => {
    const theme = themeFromHost({ isDarkTheme: true, tokenTheme: { colorBrandBackground: "#0f548c" } });
    render(view(host(CTOR, 1033, { theme }), ready(introducerList())));
    await settle();
    const background = theme?.semanticColors?.bodyBackground ?? "";
    for (const meter of screen.getAllByRole("meter")) {
      const fill = meter.querySelector('[data-part="fill"]') as HTMLElement;
      expect(contrastRatio(fill.style.background, background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(meter.style.borderColor, background)).toBeGreaterThanOrEqual(3);
    }
  });
});

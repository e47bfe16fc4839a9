import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { DataError } from "../../shared/errors";
import type { Settings } from "../../shared/model";
import { fontGlyphsWithoutSvg } from "../ui/harness";
import { failingSave, NOW, pageData, renderSettings, ROLES, settingsWith, type Host } from "./settingsHost";

const END = { key: "End", which: 35, keyCode: 35 };
const HOME = { key: "Home", which: 36, keyCode: 36 };
const RIGHT = { key: "ArrowRight", which: 39, keyCode: 39 };

async function ready(host: Host): Promise<void> {
  await screen.findByRole("button", { name: host.text("settingsPage.save.action") });
}

function toggle(host: Host, key: string): HTMLElement {
  return screen.getByRole("switch", { name: host.text(key) });
}

function numberField(host: Host, key: string): HTMLInputElement {
  return screen.getByRole<HTMLInputElement>("textbox", { name: host.text(key) });
}

function typeNumber(input: HTMLInputElement, value: string): void {
  fireEvent.change(input, { target: { value } });
}

function saveButton(host: Host): HTMLElement {
  return screen.getByRole("button", { name: host.text("settingsPage.save.action") });
}

function savedSettings(host: Host, call = 0): Settings {
  return host.save.mock.calls[call][0];
}

/** Disabled the way assistive technology sees it: the native attribute or aria-disabled. */
function isDisabled(element: HTMLElement): boolean {
  return element.hasAttribute("disabled") || element.getAttribute("aria-disabled") === "true";
}

async function expectAccessible(host: Host): Promise<void> {
  expect(await axe(host.container)).toHaveNoViolations();
}

expect.extend(toHaveNoViolations);
// One axe pass over this form takes seconds in jsdom; the default 20 s is too tight on a busy machine.
jest.setTimeout(60_000);

describe("who may change the settings", () => {
  it("shows everything as readable text, with the reason, to someone who is not a System Administrator", async () => {
    const host = renderSettings({
      data: pageData({ isAdmin: false, settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = NOW.toISOString()), (s.mailboxRoleIds = [ROLES[1].id]))) }),
    });
    await screen.findByText(host.text("settingsPage.readOnly"));

    // No faint disabled controls: the values are plain text in the body colour.
    for (const role of ["switch", "checkbox", "textbox", "radio", "slider", "searchbox"]) {
      expect({ role, found: screen.queryAllByRole(role).length }).toEqual({ role, found: 0 });
    }
    expect(screen.queryByRole("button", { name: host.text("settingsPage.save.action") })).toBeNull();
    const value = (label: string) => host.container.querySelector(`[data-setting="${label}"]`)?.textContent;
    expect(value(host.text("settingsPage.activation.toggle"))).toBe(host.text("settingsPage.activation.toggle") + host.text("settingsPage.activation.on"));
    expect(value(host.text("settingsPage.boundaries.good"))).toBe(host.text("settingsPage.boundaries.good") + "60");
    expect(value(host.text("settingsPage.weight.email"))).toBe(host.text("settingsPage.weight.email") + "0%");
    expect(value(host.text("settingsPage.window.label"))).toContain(host.text("settingsPage.window.days", { days: 60 }));
    expect(host.container.textContent).toContain("Sales Manager");
    await expectAccessible(host);
  });

  it("lets a System Administrator change them, and saves nothing until something changed", async () => {
    const host = renderSettings();
    await ready(host);

    expect(screen.queryByText(host.text("settingsPage.readOnly"))).toBeNull();
    expect(isDisabled(toggle(host, "settingsPage.activation.toggle"))).toBe(false);
    expect(isDisabled(saveButton(host))).toBe(true);
  });
});

describe("activation", () => {
  it("turns analytics, health score and who knows whom on and starts the 14-day consent clock", async () => {
    const data = pageData({
      settings: settingsWith((s) => {
        s.features.analytics = false;
        s.features.healthScore = false;
        s.features.whoKnowsWhom = false;
      }),
    });
    const host = renderSettings({ data });
    await ready(host);
    expect(screen.getByText(host.text("settingsPage.consent.notActivated"))).toBeTruthy();
    expect(isDisabled(toggle(host, "settingsPage.features.analytics"))).toBe(true);

    fireEvent.click(toggle(host, "settingsPage.activation.toggle"));

    for (const feature of ["analytics", "healthScore", "whoKnowsWhom"]) {
      const featureSwitch = toggle(host, `settingsPage.features.${feature}`);
      expect(isDisabled(featureSwitch)).toBe(false);
      expect(featureSwitch.getAttribute("aria-checked")).toBe("true");
    }
    expect(screen.getByText(host.text("settingsPage.consent.pendingOther", { days: 14, date: "3/24/2026" }))).toBeTruthy();

    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(savedSettings(host)).toMatchObject({
      enabled: true,
      activatedOn: NOW.toISOString(),
      features: { analytics: true, healthScore: true, whoKnowsWhom: true },
    });
  });

  it("keeps the stored activation date when switched off and on again before saving", async () => {
    const activatedOn = "2026-03-01T08:00:00.000Z";
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = activatedOn))) }) });
    await ready(host);
    expect(screen.getByText(host.text("settingsPage.consent.pendingOther", { days: 5, date: "3/15/2026" }))).toBeTruthy();

    fireEvent.click(toggle(host, "settingsPage.activation.toggle"));
    expect(screen.getByText(host.text("settingsPage.consent.notActivated"))).toBeTruthy();
    fireEvent.click(toggle(host, "settingsPage.activation.toggle"));

    expect(screen.getByText(host.text("settingsPage.consent.pendingOther", { days: 5, date: "3/15/2026" }))).toBeTruthy();
    // Back where it started: nothing to save.
    expect(isDisabled(saveButton(host))).toBe(true);
  });
});

describe("consent", () => {
  const activatedOn = "2026-02-20T12:00:00.000Z";

  it("says when consent lapsed and what stopped, and records consent given", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = activatedOn))) }) });
    await ready(host);
    expect(screen.getByText(host.text("settingsPage.consent.lapsed", { date: "3/6/2026" }))).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: host.text("settingsPage.consent.record") }));

    await screen.findByText(host.text("settingsPage.consent.done"));
    expect(host.recordConsent).toHaveBeenCalledWith("v1");
    expect(screen.getByText(host.text("settingsPage.consent.granted", { date: "3/10/2026" }))).toBeTruthy();
    expect(screen.queryByRole("button", { name: host.text("settingsPage.consent.record") })).toBeNull();
    // The grant is stored already: nothing is left to save, and the next save uses the new version.
    expect(isDisabled(saveButton(host))).toBe(true);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(host.save).toHaveBeenCalledWith(expect.objectContaining({ consent: { grantedOn: NOW.toISOString() } }), "v2");
  });

  it("shows the days left, singular on the last day", async () => {
    const host = renderSettings({
      data: pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-02-25T00:00:00.000Z"))) }),
    });
    await ready(host);
    expect(screen.getByText(host.text("settingsPage.consent.pendingOne", { days: 1, date: "3/11/2026" }))).toBeTruthy();
  });
});

describe("health score boundaries", () => {
  it("pushes Good up when Fair is raised to it, and Fair down when Good is lowered to it", async () => {
    const host = renderSettings();
    await ready(host);
    const good = () => numberField(host, "settingsPage.boundaries.good");
    const fair = () => numberField(host, "settingsPage.boundaries.fair");
    expect([good().value, fair().value]).toEqual(["60", "40"]);

    typeNumber(fair(), "75");
    expect([good().value, fair().value]).toEqual(["76", "75"]);

    typeNumber(good(), "30");
    expect([good().value, fair().value]).toEqual(["30", "29"]);
    expect(screen.getByText(host.text("settingsPage.boundaries.bands", { good: 30, fair: 29, fairTop: 29, poorTop: 28 }))).toBeTruthy();

    typeNumber(fair(), "99");
    expect([good().value, fair().value]).toEqual(["100", "99"]);

    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(savedSettings(host).healthScore.boundaries).toEqual({ good: 100, fair: 99 });
  });
});

describe("activity weights", () => {
  it("range from −50% to +50% and are stored as multipliers", async () => {
    const host = renderSettings();
    await ready(host);
    const email = screen.getByRole("slider", { name: host.text("settingsPage.weight.email") });
    const task = screen.getByRole("slider", { name: host.text("settingsPage.weight.task") });
    expect(email.getAttribute("aria-valuetext")).toBe("0%");

    fireEvent.keyDown(email, END);
    fireEvent.keyDown(email, RIGHT);
    expect(email.getAttribute("aria-valuetext")).toBe("+50%");
    fireEvent.keyDown(task, HOME);
    expect(task.getAttribute("aria-valuetext")).toBe("−50%");

    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(savedSettings(host).healthScore.weights).toEqual({ email: 1.5, appointment: 1, phonecall: 1, task: 0.5 });
  });
});

describe("security roles for mailbox data", () => {
  it("filters by search, selects with the keyboard-usable checkboxes and counts the selection", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => (s.mailboxRoleIds = [ROLES[3].id])) }) });
    await ready(host);
    const group = screen.getByRole("group", { name: host.text("settingsPage.roles.title") });
    expect(within(group).getByText(host.text("settingsPage.roles.dataverseAlwaysUsed"))).toBeTruthy();
    expect(within(group).getByText(host.text("settingsPage.roles.selectedCount", { selected: 1, total: 4 }))).toBeTruthy();

    fireEvent.change(within(group).getByRole("searchbox", { name: host.text("settingsPage.roles.search") }), { target: { value: "SALES" } });

    expect(within(group).getAllByRole("checkbox")).toHaveLength(2);
    expect(within(group).queryByRole("checkbox", { name: "System Administrator" })).toBeNull();
    expect(within(group).getByText(host.text("settingsPage.roles.matchCount", { count: 2 }))).toBeTruthy();

    fireEvent.click(within(group).getByRole("checkbox", { name: "Sales Manager" }));
    expect(within(group).getByText(host.text("settingsPage.roles.selectedCount", { selected: 2, total: 4 }))).toBeTruthy();

    fireEvent.change(within(group).getByRole("searchbox"), { target: { value: "nobody" } });
    expect(within(group).getByText(host.text("settingsPage.roles.noMatch", { query: "nobody" }))).toBeTruthy();

    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(savedSettings(host).mailboxRoleIds).toEqual([ROLES[3].id, ROLES[1].id]);
  });
});

describe("validation", () => {
  it.each([
    ["settingsPage.boundaries.good", "150", 2, 100],
    ["settingsPage.boundaries.good", "-5", 2, 100],
    ["settingsPage.introducers.label", "0", 1, 10],
    ["settingsPage.introducers.label", "11", 1, 10],
    ["settingsPage.introducers.label", "abc", 1, 10],
    ["settingsPage.introducers.label", "1e1", 1, 10],
  ])("says at the field what is wrong with %s = %s, keeps what was typed and blocks Save", async (key, typed, min, max) => {
    const host = renderSettings();
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    typeNumber(numberField(host, key), typed);

    const field = numberField(host, key);
    expect(field.value).toBe(typed);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(await screen.findByText(host.text("settingsPage.number.invalid", { min, max }))).toBeTruthy();

    fireEvent.click(saveButton(host));
    await act(() => Promise.resolve());
    expect(host.save).not.toHaveBeenCalled();
    expect(numberField(host, key).value).toBe(typed);
    expect(document.activeElement).toBe(numberField(host, key));

    typeNumber(numberField(host, key), String(max));
    expect(screen.queryByText(host.text("settingsPage.number.invalid", { min, max }))).toBeNull();
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(host.save).toHaveBeenCalledTimes(1);
  });

  it("shows a stored value out of range at its field and saves only once it is fixed", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => (s.introducerCount = 12)) }) });
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    expect(numberField(host, "settingsPage.introducers.label").value).toBe("12");
    expect(await screen.findByText(host.text("settingsPage.number.invalid", { min: 1, max: 10 }))).toBeTruthy();

    fireEvent.click(saveButton(host));
    expect(host.save).not.toHaveBeenCalled();
    await expectAccessible(host);

    typeNumber(numberField(host, "settingsPage.introducers.label"), "10");
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(savedSettings(host)).toMatchObject({ introducerCount: 10, geographySupported: false });
  });

  it("names the activity kind of a bad weight as the page does", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => (s.healthScore.weights.phonecall = 2)) }) });
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    fireEvent.click(saveButton(host));
    const text = host.text("settings.invalidWeight", { kind: host.text("settingsPage.weight.phonecall"), value: "2" });
    expect(screen.getAllByText(text)).toHaveLength(2);
  });
});

describe("stored problems", () => {
  it("lists them at the top and lets the admin save the repaired settings right away", async () => {
    const host = renderSettings({
      data: pageData({ problems: [{ key: "settings.invalidWindow", params: { value: "45" } }, { key: "settings.invalidJson" }] }),
    });
    await ready(host);
    expect(screen.getByText(host.text("settingsPage.storedProblems"))).toBeTruthy();
    expect(screen.getByText(host.text("settings.invalidWindow", { value: "45" }))).toBeTruthy();
    expect(screen.getByText(host.text("settings.invalidJson"))).toBeTruthy();

    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(screen.queryByText(host.text("settingsPage.storedProblems"))).toBeNull();
    expect(isDisabled(saveButton(host))).toBe(true);
  });
});

describe("saving", () => {
  it("announces progress and success, and disables Save while saving and once saved", async () => {
    let finish: (value: { version: string | null }) => void = () => undefined;
    const save = jest.fn((_settings: Settings, _version: string | null) => new Promise<{ version: string | null }>((resolve) => (finish = resolve)));
    const host = renderSettings({ save });
    await ready(host);
    fireEvent.click(screen.getByRole("radio", { name: host.text("settingsPage.frequency.monthly") }));
    fireEvent.click(screen.getByRole("radio", { name: host.text("settingsPage.window.days", { days: 90 }) }));

    fireEvent.click(saveButton(host));

    const status = screen.getAllByRole("status").find((region) => region.getAttribute("aria-live") === "polite" && region.textContent === host.text("settingsPage.save.busy"));
    expect(status).toBeDefined();
    expect(isDisabled(saveButton(host))).toBe(true);
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ analyticsWindowDays: 90, healthScore: expect.objectContaining({ expectedFrequency: "monthly" }) }), "v1");

    await act(() => {
      finish({ version: "v2" });
      return Promise.resolve();
    });
    expect(status?.textContent).toBe(host.text("settingsPage.save.done"));
    expect(isDisabled(saveButton(host))).toBe(true);
    await expectAccessible(host);

    // A further change makes "Settings saved" untrue, so it goes.
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    expect(status?.textContent).toBe("");
  });

  it("on a conflict keeps the edits and offers Reload, which reads the stored settings again", async () => {
    const host = renderSettings({ save: failingSave(new DataError("conflict", "changed")) });
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));

    fireEvent.click(saveButton(host));

    await screen.findByText(host.text("settingsPage.failure.conflict"));
    expect(toggle(host, "settingsPage.geography.toggle").getAttribute("aria-checked")).toBe("false");
    expect(isDisabled(saveButton(host))).toBe(false);
    await expectAccessible(host);

    fireEvent.click(screen.getByRole("button", { name: host.text("settingsPage.reload") }));
    await ready(host);
    expect(host.load).toHaveBeenCalledTimes(2);
    expect(toggle(host, "settingsPage.geography.toggle").getAttribute("aria-checked")).toBe("true");
    expect(screen.queryByText(host.text("settingsPage.failure.conflict"))).toBeNull();
  });

  it.each([
    ["noPrivilege", new DataError("noPrivilege", "denied"), "settingsPage.failure.noPrivilege"],
    ["offline", new DataError("offline", "offline"), "settingsPage.failure.offline"],
    ["throttled", new DataError("throttled", "busy"), "settingsPage.failure.throttled"],
    ["server", new DataError("server", "500"), "settingsPage.failure.server"],
    ["anything else", new Error("bug"), "settingsPage.failure.unknown"],
  ])("explains a failure (%s) and keeps the edits", async (_name, error, key) => {
    const host = renderSettings({ save: failingSave(error) });
    await ready(host);
    typeNumber(numberField(host, "settingsPage.introducers.label"), "8");

    fireEvent.click(saveButton(host));

    await screen.findByText(host.text(key));
    expect(screen.getByText(host.text("settingsPage.save.failed"))).toBeTruthy();
    expect(screen.queryByRole("button", { name: host.text("settingsPage.reload") })).toBeNull();
    expect(numberField(host, "settingsPage.introducers.label").value).toBe("8");
    expect(isDisabled(saveButton(host))).toBe(false);
  });

  it("says how long to wait when the server gave a time", async () => {
    const host = renderSettings({ save: failingSave(new DataError("throttled", "busy", { retryAfterSeconds: 30 })) });
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.failure.throttledWait", { seconds: "30" }));
  });
});

describe("loading", () => {
  it("shows loading, then the states a load can end in, with retry where it helps", async () => {
    let fail: (error: unknown) => void = () => undefined;
    const host = renderSettings({ load: () => new Promise((_resolve, reject) => (fail = reject)) });
    expect(screen.getByText(host.text("state.loading"))).toBeTruthy();
    await expectAccessible(host);

    await act(() => {
      fail(new DataError("offline", "offline"));
      return Promise.resolve();
    });
    await screen.findByText(host.text("state.offline.title"));
    expect(screen.getByRole("button", { name: host.text("state.retry") })).toBeTruthy();
    await expectAccessible(host);
  });

  it("says when the user cannot read the settings", async () => {
    const host = renderSettings({ load: () => Promise.reject(new DataError("noPrivilege", "denied")) });
    await screen.findByText(host.text("state.noPrivilege.title"));
    expect(screen.queryByRole("button", { name: host.text("settingsPage.save.action") })).toBeNull();
  });
});

describe("layout", () => {
  it("stacks into one column on narrow widths", async () => {
    const host = renderSettings({ width: 320 });
    await ready(host);
    expect(screen.getByRole("region", { name: host.text("settingsPage.title") }).getAttribute("data-layout")).toBe("compact");
    await expectAccessible(host);
  });
});

describe("languages", () => {
  it("shows the page in Romanian, with every string it uses translated", async () => {
    const host = renderSettings({ language: 1048, data: pageData({ isAdmin: false }) });
    await screen.findByText(/Numai un Administrator de sistem/);
    expect(screen.getByText("Numai un Administrator de sistem poate modifica aceste setări. Le puteți vedea, dar nu le puteți modifica.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Salvare" })).toBeNull();
    expect(screen.getByText(/Acceptabil: scor de cel puțin/)).toBeTruthy();
    expect(screen.getByText(/Geografie globală 1 – EMEA/)).toBeTruthy();
    expect([...host.missingKeys]).toEqual([]);
  });

  it.each([1033, 1048] as const)("finds every key it asks for in language %s, in every state", async (language) => {
    const lapsed = pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-01-01T00:00:00.000Z"))), problems: [{ key: "settings.invalidJson" }] });
    const host = renderSettings({ language, data: lapsed, save: failingSave(new DataError("conflict", "changed")) });
    await ready(host);
    fireEvent.click(screen.getByRole("button", { name: host.text("settingsPage.consent.record") }));
    await screen.findByText(host.text("settingsPage.consent.done"));
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "zzz" } });
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.failure.conflict"));
    expect([...host.missingKeys]).toEqual([]);
  });
});

describe("focus", () => {
  it("moves to the status message when Save disables itself once saved", async () => {
    const host = renderSettings();
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));
    saveButton(host).focus();
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(isDisabled(saveButton(host))).toBe(true);
    expect(document.activeElement?.getAttribute("role")).toBe("status");
    expect(document.activeElement?.textContent).toBe(host.text("settingsPage.save.done"));
  });

  it("moves to the status message when Record consent goes away once recorded", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-02-20T12:00:00.000Z"))) }) });
    await ready(host);
    const record = screen.getByRole("button", { name: host.text("settingsPage.consent.record") });
    record.focus();
    fireEvent.click(record);
    await screen.findByText(host.text("settingsPage.consent.done"));
    expect(screen.queryByRole("button", { name: host.text("settingsPage.consent.record") })).toBeNull();
    expect(document.activeElement?.textContent).toBe(host.text("settingsPage.consent.done"));
  });
});

describe("withdrawing consent", () => {
  const granted = () => pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-02-01T12:00:00.000Z"), (s.consent.grantedOn = "2026-02-03T12:00:00.000Z"))) });

  it("asks for confirmation, does nothing when cancelled, and withdraws when confirmed", async () => {
    const host = renderSettings({ data: granted() });
    await ready(host);
    fireEvent.click(screen.getByRole("button", { name: host.text("settingsPage.withdraw.action") }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(host.text("settingsPage.withdraw.confirmTitle"))).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: host.text("settingsPage.withdraw.cancel") }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(host.withdrawConsent).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: host.text("settingsPage.withdraw.action") }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: host.text("settingsPage.withdraw.confirm") }));
    await screen.findByText(host.text("settingsPage.withdraw.done"));
    expect(host.withdrawConsent).toHaveBeenCalledWith("v1");
    // Activated over 14 days ago: without consent it has lapsed at once.
    expect(screen.getByText(host.text("settingsPage.consent.lapsed", { date: "2/15/2026" }))).toBeTruthy();
    expect(screen.getByRole("button", { name: host.text("settingsPage.consent.record") })).toBeTruthy();
    expect(isDisabled(saveButton(host))).toBe(true);
  });

  it("is not offered to someone who may not change the settings", async () => {
    const granted = pageData({ isAdmin: false, settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = NOW.toISOString()), (s.consent.grantedOn = NOW.toISOString()))) });
    const host = renderSettings({ data: granted });
    await screen.findByText(host.text("settingsPage.readOnly"));
    expect(screen.queryByRole("button", { name: host.text("settingsPage.withdraw.action") })).toBeNull();
  });
});

describe("mailbox data without a role", () => {
  it("warns beside the switch and the role picker that every mailbox email is left out, until a role is picked", async () => {
    const host = renderSettings({ data: pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = NOW.toISOString()), (s.features.mailboxData = true), (s.mailboxRoleIds = []))) }) });
    await ready(host);
    const warning = host.text("settingsPage.roles.noneSelected");
    expect(within(screen.getByRole("group", { name: host.text("settingsPage.activation.title") })).getByText(warning)).toBeTruthy();
    expect(within(screen.getByRole("group", { name: host.text("settingsPage.roles.title") })).getByText(warning)).toBeTruthy();

    fireEvent.click(screen.getByRole("checkbox", { name: "Salesperson" }));
    expect(screen.queryByText(warning)).toBeNull();
  });
});

describe("another control on the page stores settings", () => {
  it("shows what it stored and saves on its version, keeping this admin's own edits", async () => {
    let notify: (stored: { settings: Settings; version: string | null }) => void = () => undefined;
    const settings = settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-03-05T12:00:00.000Z")));
    const host = renderSettings({
      data: pageData({ settings }),
      settingsChanges: {
        subscribe: (listener) => {
          notify = listener;
          return () => undefined;
        },
      },
    });
    await ready(host);
    fireEvent.click(toggle(host, "settingsPage.geography.toggle"));

    // The consent banner recorded consent.
    act(() => notify({ settings: { ...settings, consent: { grantedOn: NOW.toISOString() } }, version: "v7" }));

    expect(screen.getByText(host.text("settingsPage.consent.granted", { date: "3/10/2026" }))).toBeTruthy();
    expect(toggle(host, "settingsPage.geography.toggle").getAttribute("aria-checked")).toBe("false");
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.save.done"));
    expect(host.save).toHaveBeenCalledWith(expect.objectContaining({ geographySupported: false, consent: { grantedOn: NOW.toISOString() } }), "v7");
  });
});

describe("icons", () => {
  it("draws every icon itself (search, check marks, messages), needing no icon font from the host", async () => {
    const lapsed = pageData({ settings: settingsWith((s) => ((s.enabled = true), (s.activatedOn = "2026-01-01T00:00:00.000Z"), (s.mailboxRoleIds = [ROLES[0].id]))), problems: [{ key: "settings.invalidJson" }] });
    const host = renderSettings({ data: lapsed, save: failingSave(new DataError("conflict", "changed")) });
    await ready(host);
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "sales" } });
    fireEvent.click(saveButton(host));
    await screen.findByText(host.text("settingsPage.failure.conflict"));
    expect(fontGlyphsWithoutSvg(document.body)).toEqual([]);
    expect(document.body.querySelectorAll("svg[data-icon]").length).toBeGreaterThan(4);
  });
});

/**
 * Each control driven the way the host drives it (init, updateView, destroy) through the one
 * shared mock context, with data from the seeded stand-in, in both languages.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { ConsentBanner } from "../../components/ConsentBanner";
import { HealthScoreWidget } from "../../components/HealthScoreWidget";
import { RelationshipIntelligenceSettings } from "../../components/RelationshipIntelligenceSettings";
import { RelationshipKpiCard } from "../../components/RelationshipKpiCard";
import { WhoKnowsWhomPanel } from "../../components/WhoKnowsWhomPanel";
import { parseSettings } from "../../shared/analytics";
import { makeTranslate, type Translate } from "../../shared/ui/i18n";
import { controlStrings, mockContext, type Language, type MockContextOptions } from "../support/mockContext";
import { activeSettings, NOW, seededOrg } from "../support/standIn";
import type { SeededStandIn } from "../../dev/seed";
import type { CommonInputs } from "../../shared/pcf/host";

interface Control<T> {
  init(context: ComponentFramework.Context<T>, notify?: () => void, state?: ComponentFramework.Dictionary): void;
  updateView(context: ComponentFramework.Context<T>): React.ReactElement;
  destroy(): void;
}

function stringsOf(ctor: string, language: Language): Translate {
  const strings = controlStrings(ctor, language);
  return makeTranslate((key) => strings[key] ?? "");
}

/** Mounts a control as the host would and returns what the user sees. */
function mount<T>(control: Control<T>, options: MockContextOptions) {
  jest.useFakeTimers({ now: NOW, doNotFake: ["nextTick", "setImmediate", "queueMicrotask", "setTimeout", "setInterval"] });
  const context = mockContext<T>(options);
  control.init(context);
  const view = render(control.updateView(context));
  return { context, view, rerender: () => view.rerender(control.updateView(context)) };
}

const form = (record: { type: string; id: string }, name = "Ana Pop") => ({ entityTypeName: record.type, entityId: record.id, entityRecordName: name });

afterEach(() => jest.useRealTimers());

describe.each<Language>([1033, 1048])("HealthScoreWidget in %i", (language) => {
  const t = stringsOf("HealthScoreWidget", language);

  it("shows the grade of the form's record in the user's language and asks for its width", async () => {
    const org = seededOrg();
    const { context } = mount(new HealthScoreWidget(), {
      ctor: "HealthScoreWidget",
      webAPI: org.standIn,
      language,
      userId: org.stories.currentUserId,
      form: form(org.stories.hot),
    });
    expect(await screen.findByText(t("health.grade.good"))).toBeTruthy();
    expect((context as unknown as { resizeTracking: boolean[] }).resizeTracking).toEqual([true]);
  });

  it("asks to save a new record instead of loading", async () => {
    const org = seededOrg();
    mount(new HealthScoreWidget(), { ctor: "HealthScoreWidget", webAPI: org.standIn, language, form: { entityTypeName: "contact", entityId: "" } });
    expect(await screen.findByText(t("state.unsaved.title"))).toBeTruthy();
    expect(org.standIn.requests).toHaveLength(0);
  });
});

describe("record inputs (canvas apps and dashboards)", () => {
  it("uses the record type and id inputs when there is no form", async () => {
    const org = seededOrg();
    const t = stringsOf("HealthScoreWidget", 1033);
    mount(new HealthScoreWidget(), {
      ctor: "HealthScoreWidget",
      webAPI: org.standIn,
      inputs: { recordType: "Contact", recordId: `{${org.stories.oneWay.id.toUpperCase()}}` },
    });
    expect(await screen.findByText(t("health.grade.poor"))).toBeTruthy();
  });

  it("does not fall back to the form's record when the maker's inputs are incomplete", async () => {
    const org = seededOrg();
    const t = stringsOf("HealthScoreWidget", 1033);
    mount(new HealthScoreWidget(), {
      ctor: "HealthScoreWidget",
      webAPI: org.standIn,
      form: form(org.stories.hot),
      inputs: { recordType: "contact", recordId: "" },
    });
    expect(await screen.findByText(t("state.noRecord.title"))).toBeTruthy();
    expect(org.standIn.requests).toHaveLength(0);
  });

  it("says there is no record when the inputs are not a valid record", async () => {
    const org = seededOrg();
    const t = stringsOf("HealthScoreWidget", 1033);
    mount(new HealthScoreWidget(), { ctor: "HealthScoreWidget", webAPI: org.standIn, inputs: { recordType: "contact", recordId: "1' or '1'='1" } });
    expect(await screen.findByText(t("state.noRecord.title"))).toBeTruthy();
    expect(org.standIn.requests).toHaveLength(0);
  });
});

describe("faults reach the user as states with a way forward", () => {
  it("offers Try again after long throttling, and loads when tried again", async () => {
    const org = seededOrg();
    const t = stringsOf("RelationshipKpiCard", 1033);
    org.standIn.faults.throttle(1, 300);
    mount(new RelationshipKpiCard(), { ctor: "RelationshipKpiCard", webAPI: org.standIn, userId: org.stories.currentUserId, form: form(org.stories.hot) });
    fireEvent.click(await screen.findByRole("button", { name: t("state.retry") }));
    expect(await screen.findByText(t("kpi.emailsSent"))).toBeTruthy();
  });

  it("names the missing privilege and does not break the form", async () => {
    const org = seededOrg();
    const t = stringsOf("RelationshipKpiCard", 1033);
    org.standIn.faults.denyTable("activitypointer");
    mount(new RelationshipKpiCard(), { ctor: "RelationshipKpiCard", webAPI: org.standIn, form: form(org.stories.hot) });
    expect(await screen.findByText(t("state.noPrivilege.title"))).toBeTruthy();
  });

  it("says the host has no data access in the test harness", async () => {
    const harness = {
      retrieveMultipleRecords: () => Promise.reject(new Error("retrieveMultipleRecords is not yet supported")),
    } as unknown as ComponentFramework.WebApi;
    const t = stringsOf("HealthScoreWidget", 1033);
    mount(new HealthScoreWidget(), { ctor: "HealthScoreWidget", webAPI: harness, form: { entityTypeName: "contact", entityId: "7a9f4a5e-0d3b-4c55-8a47-2b0f6c1d9e10" } });
    expect(await screen.findByText(t("state.unavailable.title"))).toBeTruthy();
  });
});

describe("RelationshipKpiCard options", () => {
  it("shows only the groups the maker listed", async () => {
    const org = seededOrg();
    const t = stringsOf("RelationshipKpiCard", 1033);
    mount(new RelationshipKpiCard(), {
      ctor: "RelationshipKpiCard",
      webAPI: org.standIn,
      form: form(org.stories.hot),
      inputs: { kpiGroups: "calls", windowDays: "30" },
    });
    await waitFor(() => expect(screen.queryByText(t("state.loading"))).toBeNull());
    expect(screen.queryByText(t("kpi.emailsSent"))).toBeNull();
  });
});

describe("WhoKnowsWhomPanel", () => {
  it("drafts the introduction email in the user's language and opens it", async () => {
    const org = seededOrg();
    const story = org.stories.introducerTarget;
    const strong = org.stories.users.find((u) => u.id === story.strong);
    const opened: string[] = [];
    const t = stringsOf("WhoKnowsWhomPanel", 1048);
    mount(new WhoKnowsWhomPanel(), {
      ctor: "WhoKnowsWhomPanel",
      webAPI: org.standIn,
      language: 1048,
      userId: org.stories.currentUserId,
      form: form(story.record, "Radu Ionescu"),
      openForm: (options) => {
        opened.push(`${options.entityName}:${options.entityId ?? ""}`);
        return Promise.resolve({});
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: t("wkw.request.label", { name: strong?.fullName ?? "" }) }));
    await waitFor(() => expect(opened).toHaveLength(1));
    const emailId = opened[0].split(":")[1];
    const email = org.store.get("activitypointer", emailId);
    expect(email?.subject).toBe(t("wkw.introSubject", { record: "Radu Ionescu", colleague: strong?.fullName ?? "" }));
    expect(opened[0]).toBe(`email:${emailId}`);
  });
});

describe("ConsentBanner", () => {
  it("lets a System Administrator record consent, which stops the 14-day clock", async () => {
    const org = seededOrg();
    const t = stringsOf("ConsentBanner", 1033);
    mount(new ConsentBanner(), {
      ctor: "ConsentBanner",
      webAPI: org.standIn,
      userId: org.stories.adminUserId,
      securityRoles: [org.stories.roles.systemAdministrator],
    });
    expect(await screen.findByText(t("consent.pending.title"))).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: t("consent.record") }));
    await waitFor(() => {
      const stored = org.store.get("environmentvariablevalue", org.stories.settings?.valueId ?? "");
      expect(parseSettings(String(stored?.value)).settings.consent.grantedOn).toBe(NOW.toISOString());
    });
  });

  it("opens the settings record, and says so in a dialog when it cannot", async () => {
    const t = stringsOf("ConsentBanner", 1033);
    const org = seededOrg();
    const opened: string[] = [];
    const alerts: string[] = [];
    const admin = {
      ctor: "ConsentBanner",
      webAPI: org.standIn,
      userId: org.stories.adminUserId,
      securityRoles: [org.stories.roles.systemAdministrator],
      openAlertDialog: (alert: { text: string }) => {
        alerts.push(alert.text);
        return Promise.resolve();
      },
    };
    mount(new ConsentBanner(), {
      ...admin,
      openForm: (options) => {
        opened.push(`${options.entityName}:${options.entityId ?? ""}`);
        return Promise.resolve({});
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: t("consent.openSettings") }));
    await waitFor(() => expect(opened).toEqual([`environmentvariabledefinition:${org.stories.settings?.definitionId ?? ""}`]));
    cleanup();

    mount(new ConsentBanner(), { ...admin, openForm: () => Promise.reject(new Error("navigation refused")) });
    fireEvent.click(await screen.findByRole("button", { name: t("consent.openSettings") }));
    await waitFor(() => expect(alerts).toEqual([t("consent.openSettings.failed")]));
  });

  it("shows a seller nothing when relationship intelligence is off", async () => {
    const org = seededOrg({ settings: null });
    const { view } = mount(new ConsentBanner(), { ctor: "ConsentBanner", webAPI: org.standIn, userId: org.stories.currentUserId });
    await waitFor(() => expect(org.standIn.requests.length).toBeGreaterThan(0));
    await waitFor(() => expect(view.container.textContent).toBe(""));
  });
});

describe("the consent banner and the settings control on one page", () => {
  it("show one state after the banner records consent, and the settings' next save is no conflict", async () => {
    const org = seededOrg();
    const admin = { webAPI: org.standIn, userId: org.stories.adminUserId, securityRoles: [org.stories.roles.systemAdministrator] };
    const banner = stringsOf("ConsentBanner", 1033);
    const settings = stringsOf("RelationshipIntelligenceSettings", 1033);
    const settingsControl = mount(new RelationshipIntelligenceSettings(), { ctor: "RelationshipIntelligenceSettings", ...admin });
    expect(await screen.findByText(settings("settingsPage.save.action"))).toBeTruthy();
    const bannerControl = new ConsentBanner();
    const bannerContext = mockContext<CommonInputs>({ ctor: "ConsentBanner", ...admin });
    bannerControl.init(bannerContext);
    render(bannerControl.updateView(bannerContext));

    fireEvent.click(await screen.findByRole("button", { name: banner("consent.record") }));
    expect(await screen.findByText(new RegExp(`^${settings("settingsPage.consent.granted", { date: "" }).slice(0, -1)}`))).toBeTruthy();

    fireEvent.click(screen.getByRole("switch", { name: settings("settingsPage.features.healthScore") }));
    fireEvent.click(screen.getByRole("button", { name: settings("settingsPage.save.action") }));
    expect(await screen.findByText(settings("settingsPage.save.done"))).toBeTruthy();
    expect(screen.queryByText(settings("settingsPage.failure.conflict"))).toBeNull();
    const stored = parseSettings(String(org.store.get("environmentvariablevalue", org.stories.settings?.valueId ?? "")?.value)).settings;
    expect(stored.consent.grantedOn).toBe(NOW.toISOString());
    expect(stored.features.healthScore).toBe(false);
    expect(settingsControl.view.container.textContent).not.toContain(settings("settingsPage.consent.record"));
  });
});

describe("RelationshipIntelligenceSettings", () => {
  const admin = (org: SeededStandIn): MockContextOptions => ({
    ctor: "RelationshipIntelligenceSettings",
    webAPI: org.standIn,
    userId: org.stories.adminUserId,
    securityRoles: [org.stories.roles.systemAdministrator],
  });

  it("saves an administrator's change to the environment variable", async () => {
    const org = seededOrg({ settings: activeSettings() });
    const t = stringsOf("RelationshipIntelligenceSettings", 1033);
    mount(new RelationshipIntelligenceSettings(), admin(org));
    fireEvent.click(await screen.findByRole("switch", { name: t("settingsPage.features.healthScore") }));
    fireEvent.click(screen.getByRole("button", { name: t("settingsPage.save.action") }));
    expect(await screen.findByText(t("settingsPage.save.done"))).toBeTruthy();
    const stored = org.store.get("environmentvariablevalue", org.stories.settings?.valueId ?? "");
    expect(parseSettings(String(stored?.value)).settings.features.healthScore).toBe(false);
  });

  it("refuses to overwrite a change someone else saved in between, keeping the edits", async () => {
    const org = seededOrg({ settings: activeSettings() });
    const t = stringsOf("RelationshipIntelligenceSettings", 1033);
    mount(new RelationshipIntelligenceSettings(), admin(org));
    const toggle = await screen.findByRole("switch", { name: t("settingsPage.features.healthScore") });
    org.store.update("environmentvariablevalue", org.stories.settings?.valueId ?? "", { value: "{}", modifiedon: new Date(NOW.getTime() + 1000).toISOString() });
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole("button", { name: t("settingsPage.save.action") }));
    expect(await screen.findByText(t("settingsPage.failure.conflict"))).toBeTruthy();
    expect(org.store.get("environmentvariablevalue", org.stories.settings?.valueId ?? "")?.value).toBe("{}");
    expect(screen.getByRole("switch", { name: t("settingsPage.features.healthScore") }).getAttribute("aria-checked")).toBe("false");
  });

  it("is read-only for everyone else", async () => {
    const org = seededOrg({ settings: activeSettings() });
    const t = stringsOf("RelationshipIntelligenceSettings", 1033);
    mount(new RelationshipIntelligenceSettings(), {
      ctor: "RelationshipIntelligenceSettings",
      webAPI: org.standIn,
      userId: org.stories.currentUserId,
      securityRoles: [org.stories.roles.salesperson],
    });
    expect(await screen.findByText(t("settingsPage.readOnly"))).toBeTruthy();
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.queryByRole("button", { name: t("settingsPage.save.action") })).toBeNull();
  });
});

import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { ConsentBannerView, type ConsentBannerViewProps } from "../../components/ConsentBanner/ConsentBannerView";
import { DataError } from "../../shared/errors";
import type { ConsentView, LoadResult } from "../../shared/model";
import { CONSENT_STATES, consentView, daysFromNow, ready } from "./fixtures";
import { fixedWidthsOver, host, LANGUAGES, settle, tabOrder, type Language, type TestHost } from "./harness";
import { describeWidgetStates } from "./stateSuite";

const CTOR = "ConsentBanner";

function sessionDismissals(): ConsentBannerViewProps["dismissedStates"] {
  const keys = new Set<string>();
  return { has: (key) => keys.has(key), add: (key) => void keys.add(key) };
}

function view(h: TestHost, load: () => Promise<LoadResult<ConsentView>>, props: Partial<ConsentBannerViewProps> = {}) {
  return (
    <ConsentBannerView
      {...h}
      load={load}
      loadKey="org"
      recordConsent={() => Promise.resolve()}
      openSettings={() => undefined}
      dismissedStates={sessionDismissals()}
      {...props}
    />
  );
}

async function show(data: ConsentView, language: Language = 1033, props: Partial<ConsentBannerViewProps> = {}, width = 480) {
  const utils = render(view(host(CTOR, language, { width }), ready(data), props));
  await settle();
  return utils;
}

const pendingLapsedAndOff = [CONSENT_STATES.pending, CONSENT_STATES.lapsed, CONSENT_STATES.notActivated];

describeWidgetStates({
  ctor: CTOR,
  title: { 1033: "Relationship intelligence consent", 1048: "Consimțământ pentru inteligența relațiilor" },
  view: (h, load) => view(h, load),
  silentWhileLoading: true,
  scenarios: [
    ...Object.values(CONSENT_STATES).flatMap((consent) => [
      { name: `${consent.kind} (admin)`, render: (h: TestHost) => view(h, ready(consentView(consent))) },
      { name: `${consent.kind} (user)`, render: (h: TestHost) => view(h, ready(consentView(consent, { isAdmin: false }))) },
    ]),
    {
      name: "pending outside the supported geographies",
      render: (h) =>
        view(h, ready(consentView(CONSENT_STATES.pending, { effective: { ...consentView(CONSENT_STATES.pending).effective, offReasons: { mailboxData: { kind: "geographyUnsupported" } } } }))),
    },
    {
      name: "recording consent fails",
      render: (h) => view(h, ready(consentView(CONSENT_STATES.pending)), { recordConsent: () => Promise.reject(new DataError("noPrivilege", "x")) }),
      act: async () => {
        fireEvent.click(screen.getByRole("button", { name: "Record consent" }));
        await settle();
      },
    },
    {
      name: "recording consent is busy",
      render: (h) => view(h, ready(consentView(CONSENT_STATES.pending)), { recordConsent: () => new Promise(() => undefined) }),
      act: async () => {
        fireEvent.click(screen.getByRole("button", { name: "Record consent" }));
        await settle();
      },
    },
  ],
});

describe("pending consent", () => {
  it("gives the days left, the deadline and what happens on day 14", async () => {
    const { container } = await show(consentView(CONSENT_STATES.pending));
    const text = container.textContent ?? "";
    expect(text).toContain("Consent to use Exchange data is pending.");
    expect(text).toContain("Days left: 10 (deadline 3/22/2025).");
    expect(text).toContain(
      "Without consent, on day 14 who knows whom and the Exchange integration turn off automatically; relationship analytics continue on Dynamics 365 data.",
    );
  });

  it("is a warning in Romanian too, using the seed page's words", async () => {
    const { container } = await show(consentView(CONSENT_STATES.pending), 1048);
    const text = container.textContent ?? "";
    expect(text).toContain("Zile rămase: 10 (termen: 22.03.2025).");
    expect(text).toContain("cine știe pe cine și integrarea Exchange vor fi dezactivate automat");
    expect(screen.getByRole("button", { name: "Înregistrați consimțământul" })).toBeTruthy();
  });

  it("gives System Administrators the actions, reachable with Tab", async () => {
    const openSettings = jest.fn();
    const { container } = await show(consentView(CONSENT_STATES.pending), 1033, { openSettings });
    const record = screen.getByRole("button", { name: "Record consent" });
    const settings = screen.getByRole("button", { name: "Open settings" });
    expect(tabOrder(container)).toEqual(expect.arrayContaining([record, settings]));
    fireEvent.click(settings);
    expect(openSettings).toHaveBeenCalledTimes(1);
  });

  it("shows other users nothing while it is pending: everything still works for them", async () => {
    const { container } = await show(consentView(CONSENT_STATES.pending, { isAdmin: false }));
    expect(container.innerHTML).toBe("");
  });

  it("mentions an unsupported geography", async () => {
    const effective = { ...consentView(CONSENT_STATES.pending).effective, offReasons: { mailboxData: { kind: "geographyUnsupported" as const } } };
    const { container } = await show(consentView(CONSENT_STATES.pending, { effective }));
    expect(container.textContent).toContain("Your Office 365 data isn't in a supported geography");
  });
});

describe("recording consent", () => {
  it("shows busy, then success, and reloads the state", async () => {
    let finish: () => void = () => undefined;
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve<LoadResult<ConsentView>>({
        kind: "ready",
        data: consentView(loads === 1 ? CONSENT_STATES.pending : { kind: "granted", grantedOn: daysFromNow(0) }),
      });
    };
    const { container } = render(
      view(host(CTOR, 1033), load, { recordConsent: () => new Promise<void>((resolve) => (finish = resolve)) }),
    );
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Record consent" }));
    await settle();
    const busy = screen.getByRole("button", { name: "Recording…" });
    expect(busy.getAttribute("aria-disabled")).toBe("true");
    act(() => finish());
    await settle();
    expect(loads).toBe(2);
    expect(container.textContent).toContain("Consent given.");
  });

  it("says why it failed and keeps the button for another try", async () => {
    let attempts = 0;
    const { container } = await show(consentView(CONSENT_STATES.lapsed), 1033, {
      recordConsent: () => {
        attempts += 1;
        return Promise.reject(new DataError("noPrivilege", "x"));
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Record consent" }));
    await settle();
    // A missing permission is not fixed by trying again: the message says whom to ask.
    expect(container.textContent).toContain(
      "Consent couldn't be recorded. You don't have permission to do this. Ask your administrator for the security role it needs.",
    );
    expect(container.textContent).not.toContain("Try again");
    expect(await axe(container)).toHaveNoViolations();
    fireEvent.click(screen.getByRole("button", { name: "Record consent" }));
    await settle();
    expect(attempts).toBe(2);
  });
});

describe("focus and the rest of the page", () => {
  it("moves focus to the confirmation once Record consent has done its work", async () => {
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve<LoadResult<ConsentView>>({
        kind: "ready",
        data: consentView(loads === 1 ? CONSENT_STATES.pending : { kind: "granted", grantedOn: daysFromNow(0) }),
      });
    };
    render(view(host(CTOR, 1033), load));
    await settle();
    const record = screen.getByRole("button", { name: "Record consent" });
    record.focus();
    fireEvent.click(record);
    await settle();
    expect(screen.queryByRole("button", { name: "Record consent" })).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.textContent).toContain("Consent given.");
  });

  it("reloads when another control on the page stores settings, so both show one state", async () => {
    const listeners: Array<() => void> = [];
    let loads = 0;
    const load = () => {
      loads += 1;
      return Promise.resolve<LoadResult<ConsentView>>({
        kind: "ready",
        data: consentView(loads === 1 ? CONSENT_STATES.pending : { kind: "granted", grantedOn: daysFromNow(0) }),
      });
    };
    const { container, unmount } = render(
      view(host(CTOR, 1033), load, {
        settingsChanges: {
          subscribe: (listener) => {
            listeners.push(() => listener({ settings: {} as never, version: "v2" }));
            return () => listeners.splice(0);
          },
        },
      }),
    );
    await settle();
    expect(container.textContent).toContain("Consent to use Exchange data is pending.");
    act(() => listeners.forEach((notify) => notify()));
    await settle();
    expect(container.textContent).toContain("Consent given.");
    unmount();
    expect(listeners).toHaveLength(0);
  });
});

describe("other states", () => {
  it("lapsed: says what was turned off and when, and that analytics continue", async () => {
    const { container } = await show(consentView(CONSENT_STATES.lapsed));
    expect(container.textContent).toContain(
      "Who knows whom and the Exchange integration were turned off on 3/6/2025; analytics continue on Dynamics 365 data.",
    );
  });

  it("not activated: tells admins how to turn it on", async () => {
    const { container } = await show(consentView(CONSENT_STATES.notActivated));
    expect(container.textContent).toContain("Relationship intelligence is off.");
    expect(screen.getByRole("button", { name: "Open settings" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Record consent" })).toBeNull();
  });

  it("lapsed: tells other users what is off for them and since when, with nothing to do", async () => {
    const { container } = await show(consentView(CONSENT_STATES.lapsed, { isAdmin: false }));
    expect(container.textContent).toContain("Who knows whom is off since 3/6/2025.");
    expect(container.textContent).not.toContain("Record consent");
    expect(screen.queryByRole("button", { name: "Record consent" })).toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("granted: other users are not told about an admin task that is done", async () => {
    const { container } = await show(consentView(CONSENT_STATES.granted, { isAdmin: false }));
    expect(container.innerHTML).toBe("");
  });

  it("not activated: shows other users nothing at all", async () => {
    const { container } = await show(consentView(CONSENT_STATES.notActivated, { isAdmin: false }));
    expect(container.innerHTML).toBe("");
  });

  it("granted: confirms once, then stays away", async () => {
    const recent = await show(consentView(CONSENT_STATES.granted));
    expect(recent.container.textContent).toContain("Consent given.");
    recent.unmount();
    const old = await show(consentView({ kind: "granted", grantedOn: daysFromNow(-40) }));
    expect(old.container.innerHTML).toBe("");
  });

  it.each(LANGUAGES.flatMap((language) => pendingLapsedAndOff.map((consent) => [language, consent.kind, consent] as const)))(
    "%s %s has no accessibility violations and no raw keys",
    async (language, _kind, consent) => {
      const { container } = await show(consentView(consent), language);
      expect(await axe(container)).toHaveNoViolations();
      expect(container.textContent).not.toMatch(/consent\.[a-z]/);
    },
  );
});

describe("dismissing", () => {
  it("hides the banner for the session and brings it back when the state changes", async () => {
    const dismissedStates = sessionDismissals();
    const h = host(CTOR, 1033);
    const { container, rerender } = render(view(h, ready(consentView(CONSENT_STATES.pending)), { dismissedStates }));
    await settle();
    const close = screen.getByRole("button", { name: "Close" });
    close.focus();
    fireEvent.click(close);
    await settle();
    expect(container.querySelector("[data-consent]")).toBeNull();
    // Focus was on Close, which went with the banner: it lands on a note in the same region.
    expect(document.activeElement?.textContent).toBe("Consent message closed. It comes back when the consent state changes.");
    expect(screen.getByRole("region", { name: "Relationship intelligence consent" }).contains(document.activeElement)).toBe(true);

    rerender(view(h, ready(consentView(CONSENT_STATES.pending)), { dismissedStates, loadKey: "org-again" }));
    await settle();
    expect(container.querySelector("[data-consent]")).toBeNull();

    rerender(view(h, ready(consentView(CONSENT_STATES.lapsed)), { dismissedStates, loadKey: "org-lapsed" }));
    await settle();
    expect(container.textContent).toContain("Consent wasn't given in time.");
  });
});

describe("layout", () => {
  it("uses the compact layout at 280 px with nothing wider", async () => {
    await show(consentView(CONSENT_STATES.pending), 1033, {}, 280);
    const region = screen.getByRole("region", { name: "Relationship intelligence consent" });
    expect(region.getAttribute("data-layout")).toBe("compact");
    expect(fixedWidthsOver(region, 280)).toEqual([]);
  });
});

/** The settings writes against the seeded stand-in, and the page-wide feed that keeps controls in step. */
import { parseSettings } from "../../shared/analytics";
import { loadSettingsPage, pageSettingsFeed, recordConsent, saveSettings, withdrawConsent, type StoredSettings } from "../../shared/data/settingsStore";
import { NOW, seededOrg, servicesFor } from "../support/standIn";

function admin() {
  const org = seededOrg();
  return { org, services: servicesFor(org, org.stories.adminUserId, [org.stories.roles.systemAdministrator]) };
}

function feedOn(host: Record<string, unknown>) {
  const heard: StoredSettings[] = [];
  const feed = pageSettingsFeed("test", host);
  feed.subscribe((stored) => heard.push(stored));
  return { feed, heard };
}

describe("the page-wide settings feed", () => {
  it("is one feed per page and library version, shared by every bundle that asks for it", () => {
    const page: Record<string, unknown> = {};
    expect(pageSettingsFeed("1.0.0", page)).toBe(pageSettingsFeed("1.0.0", page));
    expect(pageSettingsFeed("1.0.0", page)).not.toBe(pageSettingsFeed("2.0.0", page));
  });

  it("tells the page what a save stored and its new version", async () => {
    const { services } = admin();
    const { feed, heard } = feedOn({});
    const page = await loadSettingsPage(services);
    if (page.kind !== "ready") throw new Error("settings did not load");
    const changed = { ...page.data.settings, introducerCount: 4 };
    const result = await saveSettings(services, changed, page.data.version, feed);
    expect(heard).toEqual([{ settings: changed, version: result.version }]);
    const again = await saveSettings(services, { ...changed, introducerCount: 6 }, heard[0].version, feed);
    expect(again.version).not.toBe(result.version);
  });

  it("stops telling a listener that unsubscribed", async () => {
    const { services } = admin();
    const feed = pageSettingsFeed("test", {});
    const heard: unknown[] = [];
    const unsubscribe = feed.subscribe((stored) => heard.push(stored));
    unsubscribe();
    await recordConsent(services, undefined, feed);
    expect(heard).toEqual([]);
  });
});

describe("withdrawing consent", () => {
  it("clears the recorded grant, keeps every other setting, and tells the page", async () => {
    const { org, services } = admin();
    const { feed, heard } = feedOn({});
    await recordConsent(services, undefined, feed);
    await withdrawConsent(services, undefined, feed);
    const stored = parseSettings(String(org.store.get("environmentvariablevalue", org.stories.settings?.valueId ?? "")?.value)).settings;
    expect(stored.consent.grantedOn).toBeNull();
    expect(stored.enabled).toBe(true);
    expect(heard.map((h) => h.settings.consent.grantedOn)).toEqual([NOW.toISOString(), null]);
  });

  it("is refused to someone who is not a System Administrator", async () => {
    const org = seededOrg();
    await expect(withdrawConsent(servicesFor(org), undefined, pageSettingsFeed("test", {}))).rejects.toMatchObject({ kind: "noPrivilege" });
  });
});

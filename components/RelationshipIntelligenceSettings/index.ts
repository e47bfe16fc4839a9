import * as React from "react";
import { loadSettingsPage, pageSettingsFeed, recordConsent, saveSettings, withdrawConsent } from "../../shared/data/settingsStore";
import type { Settings } from "../../shared/model";
import { hostProps } from "../../shared/pcf/host";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { SettingsView } from "./SettingsView";

interface IInputs {
  boundField: ComponentFramework.PropertyTypes.Property;
}

export class RelationshipIntelligenceSettings extends WidgetControl<IInputs> {
  protected render(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    return React.createElement(SettingsView, {
      ...hostProps(context),
      load: () => loadSettingsPage(this.services),
      loadKey: this.services.userId,
      save: (settings: Settings, version: string | null) => saveSettings(this.services, settings, version),
      recordConsent: (version: string | null) => recordConsent(this.services, version),
      withdrawConsent: (version: string | null) => withdrawConsent(this.services, version),
      settingsChanges: pageSettingsFeed(),
    });
  }
}

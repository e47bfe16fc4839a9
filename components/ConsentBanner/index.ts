import * as React from "react";
import { openSettingsRecord, pageSettingsFeed, recordConsent } from "../../shared/data/settingsStore";
import { loadConsentView } from "../../shared/data/widgets";
import { hostProps, type CommonInputs } from "../../shared/pcf/host";
import { sessionDismissals } from "../../shared/pcf/session";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { ConsentBannerView } from "./ConsentBannerView";

export class ConsentBanner extends WidgetControl<CommonInputs> {
  protected render(context: ComponentFramework.Context<CommonInputs>): React.ReactElement {
    return React.createElement(ConsentBannerView, {
      ...hostProps(context),
      load: () => loadConsentView(this.services),
      loadKey: this.services.userId,
      recordConsent: async () => {
        await recordConsent(this.services);
      },
      openSettings: () => {
        // The banner stays as it is; a failure (settings variable missing, navigation refused) is said in a dialog.
        openSettingsRecord(this.services, context.navigation).catch(() =>
          context.navigation.openAlertDialog({ text: hostProps(context).t("consent.openSettings.failed") }),
        );
      },
      dismissedStates: sessionDismissals(this.services.userId),
      settingsChanges: pageSettingsFeed(),
    });
  }
}

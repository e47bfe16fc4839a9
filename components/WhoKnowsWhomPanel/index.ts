import * as React from "react";
import { loadIntroducers, requestIntroduction } from "../../shared/data/widgets";
import type { Introducer, RecordTarget } from "../../shared/model";
import { hostProps, loadKey, readRecordName, readRecordTarget, type CommonInputs } from "../../shared/pcf/host";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { WhoKnowsWhomPanelView } from "./WhoKnowsWhomPanelView";

interface IInputs extends CommonInputs {
  maxIntroducers: ComponentFramework.PropertyTypes.WholeNumberProperty;
  defaultView: ComponentFramework.PropertyTypes.EnumProperty<"list" | "graph">;
}

const DEFAULT_COUNT = 5;
const MAX_COUNT = 10;

function introducerCount(raw: number | null | undefined): number {
  return typeof raw === "number" && Number.isInteger(raw) && raw >= 1 ? Math.min(raw, MAX_COUNT) : DEFAULT_COUNT;
}

export class WhoKnowsWhomPanel extends WidgetControl<IInputs> {
  protected render(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const target = readRecordTarget(context);
    const count = introducerCount(context.parameters.maxIntroducers?.raw);
    const props = hostProps(context);
    return React.createElement(WhoKnowsWhomPanelView, {
      ...props,
      load: () => loadIntroducers(this.services, target, count),
      loadKey: loadKey(target, count),
      defaultView: context.parameters.defaultView?.raw === "graph" ? "graph" : "list",
      recordName: readRecordName(context) ?? undefined,
      requestIntroduction: (introducer: Introducer) => this.introduce(context, target, introducer),
    });
  }

  /** Drafts the email, then opens it so the user reviews and sends it themselves. */
  private async introduce(context: ComponentFramework.Context<IInputs>, target: RecordTarget, introducer: Introducer): Promise<void> {
    if (target.kind !== "record") return;
    const { t } = hostProps(context);
    const params = { colleague: introducer.fullName, record: readRecordName(context) ?? t("wkw.thisCustomer") };
    const emailId = await requestIntroduction(this.services, target.record, introducer, {
      subject: t("wkw.introSubject", params),
      body: t("wkw.introBody", params),
    });
    await context.navigation.openForm({ entityName: "email", entityId: emailId });
  }
}

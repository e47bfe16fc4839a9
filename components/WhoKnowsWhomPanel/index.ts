import * as React from "react";
import { loadIntroducers, requestIntroduction, type IntroductionText } from "../../shared/data/widgets";
import { DataError } from "../../shared/errors";
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
      requestIntroduction: (colleague: Introducer, text: IntroductionText) => this.draftIntroduction(target, colleague, text),
      // The user reviews and sends the draft themselves, on the email form.
      openDraft: async (emailId: string) => {
        await context.navigation.openForm({ entityName: "email", entityId: emailId });
      },
    });
  }

  /** Drafts the email the view wrote in the user's language; the view opens it. */
  private async draftIntroduction(target: RecordTarget, colleague: Introducer, text: IntroductionText): Promise<string> {
    if (target.kind !== "record") throw new DataError("invalidInput", "There is no saved record to introduce");
    return requestIntroduction(this.services, target.record, colleague, text);
  }
}

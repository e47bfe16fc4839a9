import * as React from "react";
import { loadHealthScore } from "../../shared/data/widgets";
import { hostProps, loadKey, readRecordTarget, type CommonInputs } from "../../shared/pcf/host";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { HealthScoreView } from "./HealthScoreView";

interface IInputs extends CommonInputs {
  showFactors: ComponentFramework.PropertyTypes.TwoOptionsProperty;
}

export class HealthScoreWidget extends WidgetControl<IInputs> {
  protected render(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const target = readRecordTarget(context);
    return React.createElement(HealthScoreView, {
      ...hostProps(context),
      load: () => loadHealthScore(this.services, target),
      loadKey: loadKey(target),
      showFactors: context.parameters.showFactors?.raw !== false,
    });
  }
}

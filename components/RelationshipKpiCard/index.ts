import * as React from "react";
import { loadKpis } from "../../shared/data/widgets";
import { hostProps, loadKey, readRecordTarget, type CommonInputs } from "../../shared/pcf/host";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { RelationshipKpiCardView, type KpiGroup } from "./RelationshipKpiCardView";

interface IInputs extends CommonInputs {
  windowDays: ComponentFramework.PropertyTypes.EnumProperty<"30" | "60" | "90">;
  kpiGroups: ComponentFramework.PropertyTypes.StringProperty;
  compactLayout: ComponentFramework.PropertyTypes.TwoOptionsProperty;
}

const ALL_GROUPS: KpiGroup[] = ["emails", "meetings", "calls", "time", "response", "activity", "timeline"];

/** "emails, calls" → those groups in that order; empty or nothing recognised → all of them. */
function parseGroups(raw: string | null | undefined): KpiGroup[] {
  const named = (raw ?? "")
    .split(/[,;\s]+/)
    .map((part) => part.trim().toLowerCase())
    .filter((part): part is KpiGroup => (ALL_GROUPS as string[]).includes(part));
  return named.length > 0 ? [...new Set(named)] : ALL_GROUPS;
}

/** The maker's choice, or null to follow the admin's analytics period. */
function windowDays(raw: string | null | undefined): number | null {
  return raw === "30" || raw === "60" || raw === "90" ? Number(raw) : null;
}

export class RelationshipKpiCard extends WidgetControl<IInputs> {
  protected render(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const target = readRecordTarget(context);
    const days = windowDays(context.parameters.windowDays?.raw);
    return React.createElement(RelationshipKpiCardView, {
      ...hostProps(context),
      load: () => loadKpis(this.services, target, days),
      loadKey: loadKey(target, days),
      groups: parseGroups(context.parameters.kpiGroups?.raw),
      compact: context.parameters.compactLayout?.raw === true,
    });
  }
}

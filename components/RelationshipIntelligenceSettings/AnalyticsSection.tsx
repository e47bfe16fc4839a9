import * as React from "react";
import { ChoiceGroup, Position, SpinButton } from "@fluentui/react";
import { ANALYTICS_WINDOWS, INTRODUCER_COUNT_RANGE } from "../../shared/analytics/settings";
import { FieldProblems } from "./problems";
import { Section } from "./Section";
import type { SectionProps } from "./sectionProps";

/** How far back analytics look, and how many introducers who knows whom lists. */
export function AnalyticsSection(props: SectionProps): React.ReactElement {
  const { t, draft, readOnly } = props;
  return (
    <Section title={t("settingsPage.analytics.title")}>
      <ChoiceGroup
        label={t("settingsPage.window.label")}
        selectedKey={String(draft.analyticsWindowDays)}
        disabled={readOnly}
        styles={props.compact ? undefined : { flexContainer: { display: "flex", flexWrap: "wrap", selectors: { ".ms-ChoiceField": { marginRight: 16 } } } }}
        options={ANALYTICS_WINDOWS.map((days) => ({ key: String(days), text: t("settingsPage.window.days", { days }) }))}
        onChange={(_, option) => {
          const days = ANALYTICS_WINDOWS.find((d) => String(d) === option?.key);
          if (days) props.edit((current) => ({ ...current, analyticsWindowDays: days }));
        }}
      />
      <FieldProblems t={t} problems={props.problems} field="window" />
      <SpinButton
        label={t("settingsPage.introducers.label")}
        labelPosition={Position.top}
        min={INTRODUCER_COUNT_RANGE.min}
        max={INTRODUCER_COUNT_RANGE.max}
        value={String(draft.introducerCount)}
        ariaValueNow={draft.introducerCount}
        disabled={readOnly}
        incrementButtonAriaLabel={t("settingsPage.increase")}
        decrementButtonAriaLabel={t("settingsPage.decrease")}
        styles={{ root: { maxWidth: 360 } }}
        onChange={(_, text) => {
          const count = Number(text);
          if (Number.isInteger(count)) props.edit((current) => ({ ...current, introducerCount: count }));
        }}
      />
      <FieldProblems t={t} problems={props.problems} field="introducerCount" />
    </Section>
  );
}

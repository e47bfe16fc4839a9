import * as React from "react";
import { ChoiceGroup } from "@fluentui/react";
import { ANALYTICS_WINDOWS, INTRODUCER_COUNT_RANGE } from "../../shared/analytics/settings";
import { FieldProblems } from "./problems";
import { ReadOnlyValue, Section } from "./Section";
import type { SectionProps } from "./sectionProps";
import { WholeNumberField } from "./WholeNumberField";

/** How far back analytics look, and how many introducers who knows whom lists. */
export function AnalyticsSection(props: SectionProps): React.ReactElement {
  const { t, draft, readOnly } = props;
  return (
    <Section title={t("settingsPage.analytics.title")}>
      {readOnly ? (
        <ReadOnlyValue label={t("settingsPage.window.label")} value={t("settingsPage.window.days", { days: draft.analyticsWindowDays })} />
      ) : (
        <ChoiceGroup
          label={t("settingsPage.window.label")}
          selectedKey={String(draft.analyticsWindowDays)}
          styles={props.compact ? undefined : { flexContainer: { display: "flex", flexWrap: "wrap", selectors: { ".ms-ChoiceField": { marginRight: 16 } } } }}
          options={ANALYTICS_WINDOWS.map((days) => ({ key: String(days), text: t("settingsPage.window.days", { days }) }))}
          onChange={(_, option) => {
            const days = ANALYTICS_WINDOWS.find((d) => String(d) === option?.key);
            if (days) props.edit((current) => ({ ...current, analyticsWindowDays: days }));
          }}
        />
      )}
      <FieldProblems t={t} problems={props.problems} field="window" />
      <WholeNumberField
        t={t}
        field="introducerCount"
        label={t("settingsPage.introducers.label")}
        value={draft.introducerCount}
        range={INTRODUCER_COUNT_RANGE}
        readOnly={readOnly}
        onValidityChange={props.setFieldInvalid}
        onChange={(count) => props.edit((current) => ({ ...current, introducerCount: count }))}
      />
      <FieldProblems t={t} problems={props.problems} field="introducerCount" />
    </Section>
  );
}

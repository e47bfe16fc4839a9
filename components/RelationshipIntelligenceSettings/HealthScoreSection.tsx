import * as React from "react";
import { ChoiceGroup, Slider, Stack } from "@fluentui/react";
import { ACTIVITY_KINDS } from "../../shared/model";
import { COMMUNICATION_FREQUENCIES, WEIGHT_RANGE } from "../../shared/analytics/settings";
import type { Translate } from "../../shared/ui/i18n";
import { FieldProblems } from "./problems";
import { Note, ReadOnlyValue, Section } from "./Section";
import type { SectionProps } from "./sectionProps";
import {
  FAIR_RANGE,
  GOOD_RANGE,
  setFairBoundary,
  setGoodBoundary,
  setWeight,
  WEIGHT_STEP_PERCENT,
  weightToPercent,
} from "./settingsEdits";
import { WholeNumberField } from "./WholeNumberField";

/** "+25%", "−10%" (a real minus sign), "0%". */
function signedPercent(t: Translate, percent: number): string {
  const sign = percent > 0 ? "+" : percent < 0 ? "−" : "";
  return t("settingsPage.weight.value", { value: `${sign}${Math.abs(percent)}` });
}

export function HealthScoreSection(props: SectionProps): React.ReactElement {
  const { t, draft, readOnly } = props;
  const { boundaries, weights, expectedFrequency } = draft.healthScore;
  const percentRange = { min: weightToPercent(WEIGHT_RANGE.min), max: weightToPercent(WEIGHT_RANGE.max) };

  return (
    <Section title={t("settingsPage.healthScore.title")}>
      <Note>{t("settingsPage.boundaries.note")}</Note>
      <Stack horizontal={!props.compact} wrap tokens={{ childrenGap: 12 }}>
        <WholeNumberField
          t={t}
          field="boundaries.good"
          label={t("settingsPage.boundaries.good")}
          value={boundaries.good}
          range={GOOD_RANGE}
          readOnly={readOnly}
          onValidityChange={props.setFieldInvalid}
          onChange={(value) => props.edit((current) => setGoodBoundary(current, value))}
        />
        <WholeNumberField
          t={t}
          field="boundaries.fair"
          label={t("settingsPage.boundaries.fair")}
          value={boundaries.fair}
          range={FAIR_RANGE}
          readOnly={readOnly}
          onValidityChange={props.setFieldInvalid}
          onChange={(value) => props.edit((current) => setFairBoundary(current, value))}
        />
      </Stack>
      <Note>
        {t("settingsPage.boundaries.bands", {
          good: boundaries.good,
          fair: boundaries.fair,
          fairTop: boundaries.good - 1,
          poorTop: boundaries.fair - 1,
        })}
      </Note>
      <FieldProblems t={t} problems={props.problems} field="boundaries" />

      <Note>{t("settingsPage.weights.note")}</Note>
      {ACTIVITY_KINDS.map((kind) => (
        <React.Fragment key={kind}>
          {readOnly ? (
            <ReadOnlyValue label={t(`settingsPage.weight.${kind}`)} value={signedPercent(t, weightToPercent(weights[kind]))} />
          ) : (
            <Slider
              label={t(`settingsPage.weight.${kind}`)}
              min={percentRange.min}
              max={percentRange.max}
              step={WEIGHT_STEP_PERCENT}
              originFromZero
              value={weightToPercent(weights[kind])}
              valueFormat={(percent) => signedPercent(t, percent)}
              ariaValueText={(percent) => signedPercent(t, percent)}
              onChange={(percent) => props.edit((current) => setWeight(current, kind, percent))}
            />
          )}
          <FieldProblems t={t} problems={props.problems} field={`weight.${kind}`} />
        </React.Fragment>
      ))}

      {readOnly ? (
        <ReadOnlyValue label={t("settingsPage.frequency.label")} value={t(`settingsPage.frequency.${expectedFrequency}`)} />
      ) : (
        <ChoiceGroup
          label={t("settingsPage.frequency.label")}
          selectedKey={expectedFrequency}
          options={COMMUNICATION_FREQUENCIES.map((frequency) => ({
            key: frequency,
            text: t(`settingsPage.frequency.${frequency}`),
          }))}
          onChange={(_, option) => {
            const frequency = COMMUNICATION_FREQUENCIES.find((f) => f === option?.key);
            if (frequency) props.edit((current) => ({ ...current, healthScore: { ...current.healthScore, expectedFrequency: frequency } }));
          }}
        />
      )}
      <FieldProblems t={t} problems={props.problems} field="frequency" />
    </Section>
  );
}

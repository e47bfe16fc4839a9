import * as React from "react";
import { ChoiceGroup, Position, Slider, SpinButton, Stack } from "@fluentui/react";
import { ACTIVITY_KINDS } from "../../shared/model";
import { COMMUNICATION_FREQUENCIES, WEIGHT_RANGE } from "../../shared/analytics/settings";
import type { Translate } from "../../shared/ui/i18n";
import { FieldProblems } from "./problems";
import { Note, Section } from "./Section";
import { NUMBER_FIELD_STYLES, type SectionProps } from "./sectionProps";
import {
  FAIR_RANGE,
  GOOD_RANGE,
  setFairBoundary,
  setGoodBoundary,
  setWeight,
  WEIGHT_STEP_PERCENT,
  weightToPercent,
} from "./settingsEdits";

/** SpinButton reports text; anything that is not a number leaves the value as it was. */
function numberFrom(text: string | undefined): number | null {
  const value = Number(text);
  return text === undefined || text.trim() === "" || !Number.isFinite(value) ? null : value;
}

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
        <SpinButton
          label={t("settingsPage.boundaries.good")}
          labelPosition={Position.top}
          min={GOOD_RANGE.min}
          max={GOOD_RANGE.max}
          value={String(boundaries.good)}
          ariaValueNow={boundaries.good}
          disabled={readOnly}
          incrementButtonAriaLabel={t("settingsPage.increase")}
          decrementButtonAriaLabel={t("settingsPage.decrease")}
          styles={NUMBER_FIELD_STYLES}
          onChange={(_, text) => {
            const value = numberFrom(text);
            if (value !== null) props.edit((current) => setGoodBoundary(current, value));
          }}
        />
        <SpinButton
          label={t("settingsPage.boundaries.fair")}
          labelPosition={Position.top}
          min={FAIR_RANGE.min}
          max={FAIR_RANGE.max}
          value={String(boundaries.fair)}
          ariaValueNow={boundaries.fair}
          disabled={readOnly}
          incrementButtonAriaLabel={t("settingsPage.increase")}
          decrementButtonAriaLabel={t("settingsPage.decrease")}
          styles={NUMBER_FIELD_STYLES}
          onChange={(_, text) => {
            const value = numberFrom(text);
            if (value !== null) props.edit((current) => setFairBoundary(current, value));
          }}
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
          <Slider
            label={t(`settingsPage.weight.${kind}`)}
            min={percentRange.min}
            max={percentRange.max}
            step={WEIGHT_STEP_PERCENT}
            originFromZero
            value={weightToPercent(weights[kind])}
            valueFormat={(percent) => signedPercent(t, percent)}
            ariaValueText={(percent) => signedPercent(t, percent)}
            disabled={readOnly}
            onChange={(percent) => props.edit((current) => setWeight(current, kind, percent))}
          />
          <FieldProblems t={t} problems={props.problems} field={`weight.${kind}`} />
        </React.Fragment>
      ))}

      <ChoiceGroup
        label={t("settingsPage.frequency.label")}
        selectedKey={expectedFrequency}
        disabled={readOnly}
        options={COMMUNICATION_FREQUENCIES.map((frequency) => ({
          key: frequency,
          text: t(`settingsPage.frequency.${frequency}`),
        }))}
        onChange={(_, option) => {
          const frequency = COMMUNICATION_FREQUENCIES.find((f) => f === option?.key);
          if (frequency) props.edit((current) => ({ ...current, healthScore: { ...current.healthScore, expectedFrequency: frequency } }));
        }}
      />
      <FieldProblems t={t} problems={props.problems} field="frequency" />
    </Section>
  );
}

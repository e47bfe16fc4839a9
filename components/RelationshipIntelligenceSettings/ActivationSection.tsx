import * as React from "react";
import { Toggle } from "@fluentui/react";
import type { Settings } from "../../shared/model";
import { FieldProblems } from "./problems";
import { Note, Section } from "./Section";
import type { SectionProps } from "./sectionProps";
import { activate, deactivate, setFeature, type FeatureName } from "./settingsEdits";

const FEATURES: readonly FeatureName[] = ["analytics", "healthScore", "whoKnowsWhom", "mailboxData"];

interface ActivationProps extends SectionProps {
  saved: Settings;
  now: () => Date;
}

/** Activate / deactivate, and which features run while activated. */
export function ActivationSection(props: ActivationProps): React.ReactElement {
  const { t, draft, readOnly } = props;
  return (
    <Section title={t("settingsPage.activation.title")}>
      <Note>{t("settingsPage.activation.intro")}</Note>
      <Toggle
        label={t("settingsPage.activation.toggle")}
        onText={t("settingsPage.activation.on")}
        offText={t("settingsPage.activation.off")}
        checked={draft.enabled}
        disabled={readOnly}
        onChange={(_, on) =>
          props.edit((current) => (on ? activate(current, props.saved, props.now()) : deactivate(current)))
        }
      />
      <FieldProblems t={t} problems={props.problems} field="activation" />
      <Note>{t(draft.enabled ? "settingsPage.features.note" : "settingsPage.features.noteOff")}</Note>
      {FEATURES.map((feature) => (
        <Toggle
          key={feature}
          inlineLabel
          label={t(`settingsPage.features.${feature}`)}
          checked={draft.features[feature]}
          // Nothing runs while deactivated, so the switches wait for activation.
          disabled={readOnly || !draft.enabled}
          onChange={(_, on) => props.edit((current) => setFeature(current, feature, on === true))}
        />
      ))}
      <FieldProblems t={t} problems={props.problems} field="features" />
    </Section>
  );
}

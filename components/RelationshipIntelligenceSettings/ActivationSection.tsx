import * as React from "react";
import { Toggle } from "@fluentui/react";
import type { Settings } from "../../shared/model";
import { MailboxWithoutRolesNote } from "./MailboxWithoutRolesNote";
import { FieldProblems } from "./problems";
import { Note, ReadOnlyValue, Section } from "./Section";
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
  const onOff = (on: boolean) => t(on ? "settingsPage.value.on" : "settingsPage.value.off");
  return (
    <Section title={t("settingsPage.activation.title")}>
      <Note>{t("settingsPage.activation.intro")}</Note>
      {readOnly ? (
        <ReadOnlyValue
          label={t("settingsPage.activation.toggle")}
          value={t(draft.enabled ? "settingsPage.activation.on" : "settingsPage.activation.off")}
        />
      ) : (
        <Toggle
          label={t("settingsPage.activation.toggle")}
          onText={t("settingsPage.activation.on")}
          offText={t("settingsPage.activation.off")}
          checked={draft.enabled}
          onChange={(_, on) =>
            props.edit((current) => (on ? activate(current, props.saved, props.now()) : deactivate(current)))
          }
        />
      )}
      <FieldProblems t={t} problems={props.problems} field="activation" />
      <Note>{t(draft.enabled ? "settingsPage.features.note" : "settingsPage.features.noteOff")}</Note>
      {FEATURES.map((feature) =>
        readOnly ? (
          <ReadOnlyValue key={feature} label={t(`settingsPage.features.${feature}`)} value={onOff(draft.features[feature])} />
        ) : (
          <Toggle
            key={feature}
            inlineLabel
            label={t(`settingsPage.features.${feature}`)}
            checked={draft.features[feature]}
            // Nothing runs while deactivated, so the switches wait for activation.
            disabled={!draft.enabled}
            onChange={(_, on) => props.edit((current) => setFeature(current, feature, on === true))}
          />
        ),
      )}
      <MailboxWithoutRolesNote t={t} draft={draft} />
      <FieldProblems t={t} problems={props.problems} field="features" />
    </Section>
  );
}

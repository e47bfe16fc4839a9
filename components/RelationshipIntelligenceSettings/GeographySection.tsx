import * as React from "react";
import { mergeStyleSets, Toggle } from "@fluentui/react";
import { Note, ReadOnlyValue, Section } from "./Section";
import type { SectionProps } from "./sectionProps";

const GEOGRAPHIES = ["emea", "asiaPacific", "americas"] as const;

const classes = mergeStyleSets({ list: { margin: 0, paddingLeft: 20 } });

/**
 * The control cannot see where the tenant's Microsoft 365 data sits; the admin knows it from the
 * Microsoft 365 admin center and says so here.
 */
export function GeographySection(props: SectionProps): React.ReactElement {
  const { t, draft } = props;
  return (
    <Section title={t("settingsPage.geography.title")}>
      {props.readOnly ? (
        <ReadOnlyValue
          label={t("settingsPage.geography.toggle")}
          value={t(draft.geographySupported ? "settingsPage.geography.supported" : "settingsPage.geography.unsupported")}
        />
      ) : (
        <Toggle
          label={t("settingsPage.geography.toggle")}
          onText={t("settingsPage.geography.supported")}
          offText={t("settingsPage.geography.unsupported")}
          checked={draft.geographySupported}
          onChange={(_, on) => props.edit((current) => ({ ...current, geographySupported: on === true }))}
        />
      )}
      <Note>{t("settingsPage.geography.listIntro")}</Note>
      <ul className={classes.list}>
        {GEOGRAPHIES.map((geography) => (
          <li key={geography}>{t(`settingsPage.geography.${geography}`)}</li>
        ))}
      </ul>
      <Note>{t(draft.geographySupported ? "settingsPage.geography.supportedMeans" : "settingsPage.geography.unsupportedMeans")}</Note>
    </Section>
  );
}

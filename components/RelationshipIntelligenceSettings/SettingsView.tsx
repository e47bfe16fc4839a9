import * as React from "react";
import { MessageBarType, PrimaryButton, Stack } from "@fluentui/react";
import { Notice } from "../../shared/ui/Notice";
import type { StoredSettings } from "../../shared/data/settingsStore";
import type { LoadResult, Settings, SettingsPageData } from "../../shared/model";
import { isFocusLost } from "../../shared/ui/focus";
import { StateView } from "../../shared/ui/StateView";
import { isCompactLayout, type WidgetHostProps } from "../../shared/ui/types";
import { useWidgetData } from "../../shared/ui/useWidgetData";
import { WidgetFrame } from "../../shared/ui/WidgetFrame";
import { ActivationSection } from "./ActivationSection";
import { AnalyticsSection } from "./AnalyticsSection";
import { ConsentSection } from "./ConsentSection";
import { GeographySection } from "./GeographySection";
import { HealthScoreSection } from "./HealthScoreSection";
import { MailboxRolesSection } from "./MailboxRolesSection";
import { ProblemSummary } from "./problems";
import { SaveStatus } from "./SaveStatus";
import type { SectionProps } from "./sectionProps";
import { useSettingsEditor } from "./useSettingsEditor";

export interface SettingsViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<SettingsPageData>>;
  /** Changes when anything the loader depends on changes: triggers a reload. */
  loadKey: string;
  /** Stores the settings; rejects with DataError("conflict") when `version` is no longer current. */
  save: (settings: Settings, version: string | null) => Promise<{ version: string | null }>;
  /** Stores that the Microsoft 365 admin gave consent (now). */
  recordConsent: (version: string | null) => Promise<{ version: string | null }>;
  /** Stores that consent is withdrawn. */
  withdrawConsent: (version: string | null) => Promise<{ version: string | null }>;
  /** Writes by other controls on the page (the consent banner). */
  settingsChanges?: { subscribe(listener: (stored: StoredSettings) => void): () => void };
}

/** The admin page that activates relationship intelligence and sets its options. */
export function SettingsView(props: SettingsViewProps): React.ReactElement {
  return (
    <WidgetFrame
      {...props}
      title={props.t("settingsPage.title")}
    >
      <SettingsContent {...props} />
    </WidgetFrame>
  );
}

function SettingsContent(props: SettingsViewProps): React.ReactElement {
  const { state, retry } = useWidgetData(props.load, [props.loadKey]);
  if (state.kind !== "ready") {
    return <StateView state={state} t={props.t} format={props.format} onRetry={retry} loadingRows={[32, 120, 120, 120]} />;
  }
  return <SettingsForm {...props} data={state.data} onReload={retry} />;
}

interface SettingsFormProps extends SettingsViewProps {
  data: SettingsPageData;
  onReload: () => void;
}

function SettingsForm(props: SettingsFormProps): React.ReactElement {
  const { t, data } = props;
  const editor = useSettingsEditor(data, props, props.now);
  const readOnly = !data.isAdmin;
  const busy = editor.status.kind === "busy";
  const compact = isCompactLayout(props.width, props.formFactor);
  const section: SectionProps = {
    t,
    draft: editor.draft,
    edit: editor.edit,
    readOnly,
    problems: editor.problems,
    compact,
    setFieldInvalid: editor.setFieldInvalid,
  };
  const form = React.useRef<HTMLDivElement>(null);
  const status = React.useRef<HTMLDivElement>(null);
  // Save disables itself once saved, and the consent buttons go once used: focus moves to what happened.
  const finished = editor.status.kind === "done" || editor.status.kind === "failed";
  React.useEffect(() => {
    if (finished && isFocusLost()) status.current?.focus();
  }, [finished, editor.status]);
  const save = () => {
    // An invalid number keeps what the admin typed; saving waits until it is fixed, and focus goes there.
    if (!editor.save()) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  };

  // No <form> on purpose: Enter in the role search or a number field must not save the settings.
  return (
    <div ref={form}>
      <Stack tokens={{ childrenGap: compact ? 16 : 24 }}>
        {readOnly ? (
          <Notice messageBarType={MessageBarType.info} isMultiline delayedRender={false}>
            {t("settingsPage.readOnly")}
          </Notice>
        ) : null}
        <ProblemSummary
          t={t}
          type={MessageBarType.warning}
          title={t("settingsPage.storedProblems")}
          problems={editor.storedProblems}
        />
        <ProblemSummary t={t} type={MessageBarType.error} title={t("settingsPage.validation.summary")} problems={editor.problems} />
        <ActivationSection {...section} saved={editor.saved} now={props.now} />
        <MailboxRolesSection {...section} roles={data.roles} />
        <ConsentSection
          {...section}
          format={props.format}
          now={props.now}
          busy={busy}
          onRecordConsent={editor.recordConsent}
          onWithdrawConsent={editor.withdrawConsent}
        />
        <GeographySection {...section} />
        <HealthScoreSection {...section} />
        <AnalyticsSection {...section} />
        <Stack tokens={{ childrenGap: 8 }}>
          {readOnly ? null : (
            <PrimaryButton
              text={t("settingsPage.save.action")}
              onClick={save}
              disabled={busy || !editor.dirty}
              // Focusable while saving, so keyboard users keep their place.
              allowDisabledFocus={busy}
              styles={{ root: { alignSelf: "flex-start" } }}
            />
          )}
          <SaveStatus ref={status} t={t} format={props.format} status={editor.status} onReload={props.onReload} />
        </Stack>
      </Stack>
    </div>
  );
}

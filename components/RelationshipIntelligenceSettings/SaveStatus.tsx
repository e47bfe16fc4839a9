import * as React from "react";
import { DefaultButton, MessageBarType } from "@fluentui/react";
import { Notice } from "../../shared/ui/Notice";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import type { EditorStatus } from "./useSettingsEditor";

interface SaveStatusProps {
  t: Translate;
  format: Formatter;
  status: EditorStatus;
  /** Reads the stored settings again; the admin's edits go with it. */
  onReload: () => void;
}

/**
 * A live region that is always in the page, so screen readers announce "Saving…", "Settings saved"
 * or the failure as it happens. Focus lands here when the button that held it disables itself or
 * goes away (Save once saved, Record consent once recorded).
 */
export const SaveStatus = React.forwardRef<HTMLDivElement, SaveStatusProps>(function SaveStatus(props, ref) {
  return (
    <div ref={ref} tabIndex={-1} role="status" aria-live="polite" data-status={props.status.kind}>
      <StatusMessage {...props} />
    </div>
  );
});

function StatusMessage({ t, format, status, onReload }: SaveStatusProps): React.ReactElement | null {
  switch (status.kind) {
    case "idle":
      return null;
    case "busy":
      return <span>{t(`settingsPage.${status.action}.busy`)}</span>;
    case "done":
      return (
        <Notice messageBarType={MessageBarType.success} delayedRender={false}>
          {t(`settingsPage.${status.action}.done`)}
        </Notice>
      );
    case "failed": {
      const wait = status.failure === "throttled" && status.retryAfterSeconds;
      const body = wait
        ? t("settingsPage.failure.throttledWait", { seconds: format.number(status.retryAfterSeconds ?? 0) })
        : t(`settingsPage.failure.${status.failure}`);
      // A conflict is resolved by reading the other admin's version; the other failures by trying again.
      const reload = status.failure === "conflict" ? <DefaultButton text={t("settingsPage.reload")} onClick={onReload} /> : undefined;
      return (
        <Notice messageBarType={MessageBarType.error} isMultiline delayedRender={false} actions={reload}>
          <strong>{t(`settingsPage.${status.action}.failed`)}</strong> {body}
        </Notice>
      );
    }
  }
}

import * as React from "react";
import { MessageBarType } from "@fluentui/react";
import type { Settings } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";
import { Notice } from "../../shared/ui/Notice";

/**
 * Mailbox data on with no role selected uses nobody's mailbox: every mailbox email is left out.
 * Said where the admin decides (beside the switch and the role picker), not discovered later.
 */
export function MailboxWithoutRolesNote(props: { t: Translate; draft: Settings }): React.ReactElement | null {
  const { draft } = props;
  if (!draft.enabled || !draft.features.mailboxData || draft.mailboxRoleIds.length > 0) return null;
  return (
    <Notice messageBarType={MessageBarType.warning} isMultiline delayedRender={false}>
      {props.t("settingsPage.roles.noneSelected")}
    </Notice>
  );
}

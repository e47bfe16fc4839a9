import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react";
import type { Translate } from "./i18n";

/**
 * Says that some of what Dataverse returned could not be read and is left out of the numbers,
 * so a malformed row never makes a widget silently wrong.
 */
export function SkippedRowsNote(props: { count: number; t: Translate }): React.ReactElement | null {
  if (props.count <= 0) return null;
  return <MessageBar messageBarType={MessageBarType.warning}>{props.t("state.skippedRows", { count: props.count })}</MessageBar>;
}

import * as React from "react";
import { MessageBarType } from "@fluentui/react";
import { Notice } from "./Notice";
import type { Translate } from "./i18n";

/**
 * Says that some of what Dataverse returned could not be read and is left out of the numbers,
 * so a malformed row never makes a widget silently wrong.
 */
export function SkippedRowsNote(props: { count: number; t: Translate }): React.ReactElement | null {
  if (props.count <= 0) return null;
  return <Notice messageBarType={MessageBarType.warning}>{props.t("state.skippedRows", { count: props.count })}</Notice>;
}

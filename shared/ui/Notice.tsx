import * as React from "react";
import { MessageBar, MessageBarType, type IMessageBarProps } from "@fluentui/react";
import { svgIconProps, type IconName } from "./icons";

const ICONS: Record<MessageBarType, IconName> = {
  [MessageBarType.info]: "info",
  [MessageBarType.warning]: "warning",
  [MessageBarType.severeWarning]: "warning",
  [MessageBarType.error]: "error",
  [MessageBarType.blocked]: "blocked",
  [MessageBarType.success]: "success",
};

/**
 * Fluent's MessageBar with our own SVG icons (its type icon and its close button), so no message
 * depends on the host's icon font. Every message the controls show goes through here.
 */
export const Notice = React.forwardRef<HTMLDivElement, IMessageBarProps & { "data-state"?: string; "data-consent"?: string }>(
  function Notice(props, ref) {
    const type = props.messageBarType ?? MessageBarType.info;
    return (
      // Focusable by script only: where a control that disappears held focus, focus moves to what it said.
      <div ref={ref} tabIndex={-1}>
        <MessageBar {...props} messageBarIconProps={svgIconProps(ICONS[type])} dismissIconProps={svgIconProps("close")} />
      </div>
    );
  },
);

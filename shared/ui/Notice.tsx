import * as React from "react";
import { MessageBar, MessageBarType, type IMessageBarProps } from "@fluentui/react";
import { BLOCKED_ICON, CLOSE_ICON, ERROR_ICON, INFO_ICON, SUCCESS_ICON, svgIconProps, WARNING_ICON, type Icon } from "./icons";

const ICONS: Record<MessageBarType, Icon> = {
  [MessageBarType.info]: INFO_ICON,
  [MessageBarType.warning]: WARNING_ICON,
  [MessageBarType.severeWarning]: WARNING_ICON,
  [MessageBarType.error]: ERROR_ICON,
  [MessageBarType.blocked]: BLOCKED_ICON,
  [MessageBarType.success]: SUCCESS_ICON,
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
        <MessageBar {...props} messageBarIconProps={svgIconProps(ICONS[type])} dismissIconProps={svgIconProps(CLOSE_ICON)} />
      </div>
    );
  },
);

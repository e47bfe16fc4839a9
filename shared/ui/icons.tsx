/**
 * Every icon the controls show, drawn as inline SVG. Fluent's own icons are glyphs of an icon font
 * that only some hosts register; on the others users would see empty boxes. These need nothing.
 * They paint in `currentColor`, so they follow the text colour of their place, forced colours included.
 */
import * as React from "react";
import type { IIconProps } from "@fluentui/react";

/** An icon's name (its data-icon attribute) and its 16 × 16 outline, one path. */
export interface Icon {
  name: string;
  path: string;
}

// One constant per icon, not one table: a bundle then carries only the outlines its control draws.
export const INFO_ICON: Icon = { name: "info", path: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.2a5.8 5.8 0 1 0 0 11.6A5.8 5.8 0 0 0 8 2.2ZM8 7c.4 0 .6.3.6.6v3.8a.6.6 0 0 1-1.2 0V7.6c0-.3.3-.6.6-.6Zm0-2.4a.8.8 0 1 1 0 1.6.8.8 0 0 1 0-1.6Z" };
export const SUCCESS_ICON: Icon = { name: "success", path: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.2a5.8 5.8 0 1 0 0 11.6A5.8 5.8 0 0 0 8 2.2Zm2.8 3.4c.2.2.2.6 0 .9L7.4 9.9a.6.6 0 0 1-.9 0L5.2 8.6a.6.6 0 0 1 .9-.9l.9.9 2.9-3c.3-.2.7-.2.9 0Z" };
export const WARNING_ICON: Icon = { name: "warning", path: "M7 2.1a1.2 1.2 0 0 1 2 0l5.8 10.1c.5.8-.1 1.8-1 1.8H2.2c-.9 0-1.5-1-1-1.8L7 2.1Zm1 1L2.4 12.8h11.2L8 3.1Zm0 3c.3 0 .6.3.6.6v2.9a.6.6 0 0 1-1.2 0V6.7c0-.3.3-.6.6-.6Zm0 4.7a.8.8 0 1 1 0 1.6.8.8 0 0 1 0-1.6Z" };
export const ERROR_ICON: Icon = { name: "error", path: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 1.2a5.8 5.8 0 1 0 0 11.6A5.8 5.8 0 0 0 8 2.2Zm2.4 3.4c.2.2.2.6 0 .8L8.8 8l1.6 1.6a.6.6 0 0 1-.8.8L8 8.8l-1.6 1.6a.6.6 0 0 1-.8-.8L7.2 8 5.6 6.4a.6.6 0 0 1 .8-.8L8 7.2l1.6-1.6c.2-.2.6-.2.8 0Z" };
export const BLOCKED_ICON: Icon = { name: "blocked", path: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm4 3.8-7.2 7.2A5.8 5.8 0 0 0 12 4.8ZM8 2.2A5.8 5.8 0 0 0 4 12l7.9-8A5.8 5.8 0 0 0 8 2.2Z" };
export const CLOSE_ICON: Icon = { name: "close", path: "M3.6 3.6c.2-.2.6-.2.8 0L8 7.2l3.6-3.6a.6.6 0 0 1 .8.8L8.8 8l3.6 3.6a.6.6 0 0 1-.8.8L8 8.8l-3.6 3.6a.6.6 0 0 1-.8-.8L7.2 8 3.6 4.4a.6.6 0 0 1 0-.8Z" };
export const SEARCH_ICON: Icon = { name: "search", path: "M6.5 1.5a5 5 0 0 1 4 8l3.8 3.9a.6.6 0 0 1-.8.8l-3.9-3.8a5 5 0 1 1-3.1-8.9Zm0 1.2a3.8 3.8 0 1 0 0 7.6 3.8 3.8 0 0 0 0-7.6Z" };
export const CHECK_MARK_ICON: Icon = { name: "checkMark", path: "M13.4 4.1c.2.3.2.6 0 .9l-6.8 7a.6.6 0 0 1-.9 0L2.6 8.8a.6.6 0 0 1 .9-.9l2.7 2.8 6.4-6.6c.2-.2.6-.2.8 0Z" };
export const PERSON_ICON: Icon = { name: "person", path: "M8 1.5a3.3 3.3 0 1 1 0 6.6 3.3 3.3 0 0 1 0-6.6Zm0 1.2a2.1 2.1 0 1 0 0 4.2 2.1 2.1 0 0 0 0-4.2ZM4 9.4h8c1.1 0 2 .9 2 2v.4c0 2-2.4 3.2-6 3.2s-6-1.2-6-3.2v-.4c0-1.1.9-2 2-2Zm0 1.2a.8.8 0 0 0-.8.8v.4c0 1 1.6 2 4.8 2s4.8-1 4.8-2v-.4a.8.8 0 0 0-.8-.8H4Z" };
export const CHEVRON_DOWN_ICON: Icon = { name: "chevronDown", path: "M3.1 5.6c.2-.2.6-.2.8 0L8 9.7l4.1-4.1a.6.6 0 0 1 .8.8l-4.5 4.5a.6.6 0 0 1-.8 0L3.1 6.4a.6.6 0 0 1 0-.8Z" };

export interface SvgIconProps {
  icon: Icon;
  /** Only when the icon says something the text beside it does not; otherwise it is hidden from assistive technology. */
  label?: string;
  size?: number;
  className?: string;
}

export function SvgIcon(props: SvgIconProps): React.ReactElement {
  const size = props.size ?? 16;
  const naming = props.label ? { role: "img", "aria-label": props.label } : { "aria-hidden": true, focusable: false };
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="currentColor"
      className={props.className}
      data-icon={props.icon.name}
      style={{ display: "inline-block", verticalAlign: "middle", flexShrink: 0 }}
      {...naming}
    >
      <path d={props.icon.path} />
    </svg>
  );
}

/**
 * For Fluent components that take `IIconProps` (message bars, buttons, check boxes, search boxes).
 * An empty `iconName` asks Fluent's icon registry for nothing (no font, no missing-icon warning),
 * and `styles` makes buttons use their full Icon, which renders these children.
 */
export function svgIconProps(icon: Icon, size = 16): IIconProps {
  return {
    iconName: "",
    styles: { root: { display: "inline-flex", alignItems: "center", justifyContent: "center", lineHeight: 0 } },
    children: <SvgIcon icon={icon} size={size} />,
  };
}


import * as React from "react";
import { Position, SpinButton } from "@fluentui/react";
import type { Translate } from "../../shared/ui/i18n";

interface WholeNumberFieldProps {
  t: Translate;
  label: string;
  value: number;
  range: { min: number; max: number };
  disabled: boolean;
  /** Called with whole numbers only; anything else typed leaves the value as it was. */
  onChange: (value: number) => void;
}

/** Number fields hold two digits: a fixed width keeps them from stretching across a wide page or past a narrow one. */
const STYLES = { root: { width: 200, maxWidth: "100%" } } as const;

/** A labelled whole-number spin field, the one shape every number setting takes. */
export function WholeNumberField(props: WholeNumberFieldProps): React.ReactElement {
  return (
    <SpinButton
      label={props.label}
      labelPosition={Position.top}
      min={props.range.min}
      max={props.range.max}
      value={String(props.value)}
      ariaValueNow={props.value}
      disabled={props.disabled}
      incrementButtonAriaLabel={props.t("settingsPage.increase")}
      decrementButtonAriaLabel={props.t("settingsPage.decrease")}
      styles={STYLES}
      onChange={(_, text) => {
        const value = Number(text);
        if (text !== undefined && text.trim() !== "" && Number.isInteger(value)) props.onChange(value);
      }}
    />
  );
}

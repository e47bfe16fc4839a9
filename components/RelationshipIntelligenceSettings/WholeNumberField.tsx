import * as React from "react";
import { TextField } from "@fluentui/react";
import type { Translate } from "../../shared/ui/i18n";
import { ReadOnlyValue } from "./Section";

interface WholeNumberFieldProps {
  t: Translate;
  /** Names the field to the editor, which blocks Save while any field is invalid. */
  field: string;
  label: string;
  value: number;
  range: { min: number; max: number };
  readOnly: boolean;
  /** Called with valid values only. */
  onChange: (value: number) => void;
  onValidityChange: (field: string, invalid: boolean) => void;
}

/** Number fields hold a few digits: a fixed width keeps them from stretching across a wide page or past a narrow one. */
const STYLES = { root: { width: 200, maxWidth: "100%" } } as const;

/** Digits only: "1e1", "2.5", "-5" and "abc" are what the admin typed, not what they meant. */
function parse(text: string, range: { min: number; max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= range.min && value <= range.max ? value : null;
}

/**
 * A labelled whole-number field, the one shape every number setting takes. What the admin types
 * stays as typed; an invalid entry is said at the field and never silently replaced.
 */
export function WholeNumberField(props: WholeNumberFieldProps): React.ReactElement {
  const { field, value, range, onValidityChange } = props;
  const [text, setText] = React.useState(String(value));
  const parsed = parse(text, range);
  // A value changed elsewhere (a neighbouring boundary, another control's save) shows here.
  React.useEffect(() => {
    setText((current) => (parse(current, range) === value ? current : String(value)));
    // `range` is a constant per field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  React.useEffect(() => onValidityChange(field, parsed === null), [field, parsed, onValidityChange]);
  React.useEffect(() => () => onValidityChange(field, false), [field, onValidityChange]);

  if (props.readOnly) return <ReadOnlyValue label={props.label} value={String(value)} />;
  return (
    <TextField
      label={props.label}
      value={text}
      inputMode="numeric"
      autoComplete="off"
      styles={STYLES}
      errorMessage={parsed === null ? props.t("settingsPage.number.invalid", { min: range.min, max: range.max }) : undefined}
      onChange={(_, next) => {
        const typed = next ?? "";
        setText(typed);
        const valid = parse(typed, range);
        if (valid !== null && valid !== value) props.onChange(valid);
      }}
    />
  );
}

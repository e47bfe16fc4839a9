import type { MessageRef, Settings } from "../../shared/model";
import type { Translate } from "../../shared/ui/i18n";

/** What every section of the form gets: the draft, a way to change it, and whether it may. */
export interface SectionProps {
  t: Translate;
  draft: Settings;
  edit: (change: (draft: Settings) => Settings) => void;
  /** Everyone but System Administrators sees the settings without being able to change them. */
  readOnly: boolean;
  /** Validation problems, for display beside the fields they concern. */
  problems: MessageRef[];
  compact: boolean;
  /** Number fields report text that is not a valid value, which blocks Save. */
  setFieldInvalid: (field: string, invalid: boolean) => void;
}

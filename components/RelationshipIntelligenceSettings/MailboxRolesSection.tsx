import * as React from "react";
import { Checkbox, mergeStyleSets, SearchBox, Text } from "@fluentui/react";
import type { SecurityRole } from "../../shared/model";
import { normalizeGuid } from "../../shared/analytics/ids";
import { CHECK_MARK_ICON, CLOSE_ICON, SEARCH_ICON, svgIconProps } from "../../shared/ui/icons";
import { FieldProblems } from "./problems";
import { MailboxWithoutRolesNote } from "./MailboxWithoutRolesNote";
import { Note, ReadOnlyValue, Section } from "./Section";
import type { SectionProps } from "./sectionProps";
import { filterRoles, setRoleSelected } from "./settingsEdits";

const classes = mergeStyleSets({
  list: { maxHeight: 240, overflowY: "auto", display: "flex", flexDirection: "column", gap: 6, padding: "2px 0" },
});

const SEARCH_ICON_PROPS = svgIconProps(SEARCH_ICON);
const CLEAR_ICON_PROPS = svgIconProps(CLOSE_ICON, 12);
const CHECK_ICON_PROPS = svgIconProps(CHECK_MARK_ICON, 12);

interface RolesProps extends SectionProps {
  roles: SecurityRole[];
}

/** A searchable checkbox list: environments have dozens of roles, and the admin picks a few. */
export function MailboxRolesSection(props: RolesProps): React.ReactElement {
  const { t, draft, readOnly } = props;
  const [query, setQuery] = React.useState("");
  const selected = new Set(draft.mailboxRoleIds);
  const isSelected = (role: SecurityRole) => selected.has(normalizeGuid(role.id) ?? role.id);
  const shown = filterRoles(props.roles, query);
  const selectedCount = props.roles.filter(isSelected).length;

  if (readOnly) {
    const names = filterRoles(props.roles, "").filter(isSelected).map((role) => role.name);
    return (
      <Section title={t("settingsPage.roles.title")}>
        <Note>{t("settingsPage.roles.dataverseAlwaysUsed")}</Note>
        <ReadOnlyValue
          label={t("settingsPage.roles.selectedCount", { selected: selectedCount, total: props.roles.length })}
          value={names.length > 0 ? names.join(", ") : t("settingsPage.roles.selectedNone")}
        />
        <MailboxWithoutRolesNote t={t} draft={draft} />
      </Section>
    );
  }
  return (
    <Section title={t("settingsPage.roles.title")}>
      <Note>{t("settingsPage.roles.dataverseAlwaysUsed")}</Note>
      <MailboxWithoutRolesNote t={t} draft={draft} />
      <SearchBox
        placeholder={t("settingsPage.roles.search")}
        ariaLabel={t("settingsPage.roles.search")}
        iconProps={SEARCH_ICON_PROPS}
        clearButtonProps={{ ariaLabel: t("settingsPage.roles.clearSearch"), iconProps: CLEAR_ICON_PROPS }}
        value={query}
        onChange={(_, value) => setQuery(value ?? "")}
        disabled={props.roles.length === 0}
      />
      <Text block variant="small">
        {t("settingsPage.roles.selectedCount", { selected: selectedCount, total: props.roles.length })}
      </Text>
      {/* Announces how many roles the search left, as the admin types. */}
      <Text block variant="small" role="status">
        {query.trim() === ""
          ? ""
          : shown.length === 0
            ? t("settingsPage.roles.noMatch", { query: query.trim() })
            : t("settingsPage.roles.matchCount", { count: shown.length })}
      </Text>
      {props.roles.length === 0 ? <Note>{t("settingsPage.roles.none")}</Note> : null}
      <div className={classes.list}>
        {shown.map((role) => (
          <Checkbox
            key={role.id}
            label={role.name}
            checked={isSelected(role)}
            checkmarkIconProps={CHECK_ICON_PROPS}
            onChange={(_, checked) => props.edit((current) => setRoleSelected(current, role.id, checked === true))}
          />
        ))}
      </div>
      <FieldProblems t={t} problems={props.problems} field="roles" />
    </Section>
  );
}

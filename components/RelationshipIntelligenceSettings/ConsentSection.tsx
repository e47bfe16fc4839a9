import * as React from "react";
import { DefaultButton, Dialog, DialogFooter, DialogType, MessageBarType, PrimaryButton } from "@fluentui/react";
import type { ConsentState } from "../../shared/model";
import { CONSENT_DAYS, consentState } from "../../shared/analytics/consent";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import { Notice } from "../../shared/ui/Notice";
import { FieldProblems } from "./problems";
import { Note, Section } from "./Section";
import type { SectionProps } from "./sectionProps";

interface ConsentProps extends SectionProps {
  format: Formatter;
  now: () => Date;
  /** A save or another consent write is running. */
  busy: boolean;
  onRecordConsent: () => void;
  onWithdrawConsent: () => void;
}

/**
 * Where the 14-day consent clock stands. It is computed from the draft, so activating shows at once
 * the deadline that saving will start. Recorded consent can be withdrawn, after a confirmation.
 */
export function ConsentSection(props: ConsentProps): React.ReactElement {
  const { t } = props;
  const [confirming, setConfirming] = React.useState(false);
  const consent = consentState(props.draft, props.now());
  const awaitingConsent = consent.kind === "pending" || consent.kind === "lapsed";
  const withdrawable = props.draft.consent.grantedOn !== null;
  return (
    <Section title={t("settingsPage.consent.title")}>
      <Notice messageBarType={statusType(consent)} isMultiline delayedRender={false}>
        {statusText(consent, t, props.format)}
      </Notice>
      <Note>{t("settingsPage.consent.rule", { days: CONSENT_DAYS })}</Note>
      {awaitingConsent && !props.readOnly ? (
        <>
          <Note>{t("settingsPage.consent.recordHint")}</Note>
          <DefaultButton
            text={t("settingsPage.consent.record")}
            disabled={props.busy}
            allowDisabledFocus
            onClick={props.onRecordConsent}
            styles={{ root: { alignSelf: "flex-start" } }}
          />
        </>
      ) : null}
      {withdrawable && !props.readOnly ? (
        <DefaultButton
          text={t("settingsPage.withdraw.action")}
          disabled={props.busy}
          allowDisabledFocus
          onClick={() => setConfirming(true)}
          styles={{ root: { alignSelf: "flex-start" } }}
        />
      ) : null}
      <Dialog
        hidden={!confirming}
        onDismiss={() => setConfirming(false)}
        dialogContentProps={{
          type: DialogType.normal,
          title: t("settingsPage.withdraw.confirmTitle"),
          subText: t("settingsPage.withdraw.confirmBody", { days: CONSENT_DAYS }),
        }}
        modalProps={{ isBlocking: true }}
      >
        <DialogFooter>
          <PrimaryButton
            text={t("settingsPage.withdraw.confirm")}
            onClick={() => {
              setConfirming(false);
              props.onWithdrawConsent();
            }}
          />
          <DefaultButton text={t("settingsPage.withdraw.cancel")} onClick={() => setConfirming(false)} />
        </DialogFooter>
      </Dialog>
      <FieldProblems t={t} problems={props.problems} field="consent" />
    </Section>
  );
}

function statusType(consent: ConsentState): MessageBarType {
  switch (consent.kind) {
    case "notActivated":
      return MessageBarType.info;
    case "pending":
      return MessageBarType.warning;
    case "granted":
      return MessageBarType.success;
    case "lapsed":
      return MessageBarType.severeWarning;
  }
}

function statusText(consent: ConsentState, t: Translate, format: Formatter): string {
  switch (consent.kind) {
    case "notActivated":
      return t("settingsPage.consent.notActivated");
    case "pending":
      // At most 14 days are ever left, so "one" and "other" are the only plural forms needed.
      return t(consent.daysLeft === 1 ? "settingsPage.consent.pendingOne" : "settingsPage.consent.pendingOther", {
        days: format.number(consent.daysLeft),
        date: format.date(consent.deadline),
      });
    case "granted":
      return t("settingsPage.consent.granted", { date: format.date(consent.grantedOn) });
    case "lapsed":
      return t("settingsPage.consent.lapsed", { date: format.date(consent.lapsedOn) });
  }
}

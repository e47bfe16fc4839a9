import * as React from "react";
import { DefaultButton, MessageBarType, PrimaryButton, Stack } from "@fluentui/react";
import type { StoredSettings } from "../../shared/data/settingsStore";
import type { ConsentView, LoadResult } from "../../shared/model";
import { consentNeedsAdmin } from "../../shared/analytics/consent";
import { failureOf, failureReason, type Failure } from "../../shared/ui/failure";
import { isFocusLost } from "../../shared/ui/focus";
import type { Formatter } from "../../shared/ui/format";
import type { Translate } from "../../shared/ui/i18n";
import { Notice } from "../../shared/ui/Notice";
import { StateView } from "../../shared/ui/StateView";
import { visuallyHidden } from "../../shared/ui/styles";
import type { WidgetHostProps } from "../../shared/ui/types";
import { useWidgetData } from "../../shared/ui/useWidgetData";
import { WidgetFrame } from "../../shared/ui/WidgetFrame";

export interface ConsentBannerViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<ConsentView>>;
  loadKey: string;
  recordConsent: () => Promise<void>;
  openSettings: () => void;
  /** Banners this user closed in this session, by state kind + date. */
  dismissedStates: { has(key: string): boolean; add(key: string): void };
  /** Writes by other controls on the page (the settings control): the banner then reloads. */
  settingsChanges?: { subscribe(listener: (stored: StoredSettings) => void): () => void };
}


type ActionStatus = { kind: "idle" } | { kind: "busy" } | { kind: "done" } | { kind: "failed"; failure: Failure };

interface Banner {
  /** Dismissal key: a new state (or a new date) brings the banner back. */
  key: string;
  type: MessageBarType;
  title: string;
  body: string[];
  /** Admins only: record consent (pending, lapsed) or just open settings (not activated). */
  actions: "consent" | "settings" | null;
}

/**
 * The consent banner. It only appears when there is something to say to this user; while loading
 * it shows nothing, because for most users on most days the answer is "nothing".
 */
export function ConsentBannerView(props: ConsentBannerViewProps): React.ReactElement | null {
  const { state, retry } = useWidgetData(props.load, [props.loadKey]);
  const [action, setAction] = React.useState<ActionStatus>({ kind: "idle" });
  const [closedHere, setClosedHere] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const { settingsChanges } = props;
  React.useEffect(() => settingsChanges?.subscribe(() => mounted.current && retry()), [settingsChanges, retry]);

  // Where focus goes when the control that held it goes away (Close, Record consent).
  const landing = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if ((action.kind === "done" || closedHere) && isFocusLost()) landing.current?.focus();
  });

  const recordConsent = () => {
    if (action.kind === "busy") return;
    setAction({ kind: "busy" });
    Promise.resolve()
      .then(props.recordConsent)
      .then(
        () => {
          if (!mounted.current) return;
          setAction({ kind: "done" });
          retry();
        },
        (error: unknown) => mounted.current && setAction({ kind: "failed", failure: failureOf(error) }),
      );
  };

  const frame = (children: React.ReactNode) => (
    <WidgetFrame {...props} title={props.t("consent.title")} headingHidden>
      {children}
    </WidgetFrame>
  );

  if (state.kind === "loading") {
    return action.kind === "done" ? frame(<ActionMessage status={action} t={props.t} landing={landing} />) : null;
  }
  if (state.kind !== "ready") {
    return frame(<StateView state={state} t={props.t} format={props.format} onRetry={retry} />);
  }
  const banner = bannerFor(state.data, props.t, props.format, props.now());
  if (!banner || props.dismissedStates.has(banner.key)) {
    // Closing removed the focused button: say so where focus can land instead of dropping it on the page.
    return closedHere
      ? frame(
          <div ref={landing} tabIndex={-1} className={visuallyHidden}>
            {props.t("consent.dismissed")}
          </div>,
        )
      : null;
  }

  return frame(
    <Stack tokens={{ childrenGap: 6 }}>
      <Notice
        ref={action.kind === "done" ? landing : undefined}
        messageBarType={banner.type}
        isMultiline
        data-consent={state.data.consent.kind}
        onDismiss={() => {
          props.dismissedStates.add(banner.key);
          setClosedHere(true);
        }}
        dismissButtonAriaLabel={props.t("consent.dismiss")}
        actions={banner.actions ? <Actions {...props} kind={banner.actions} busy={action.kind === "busy"} onRecord={recordConsent} /> : undefined}
      >
        <strong>{banner.title}</strong> {banner.body.join(" ")}
      </Notice>
      {/* Once granted, the confirmation banner says it all. */}
      {state.data.consent.kind !== "granted" ? <ActionMessage status={action} t={props.t} /> : null}
    </Stack>,
  );
}

function Actions(
  props: ConsentBannerViewProps & { kind: "consent" | "settings"; busy: boolean; onRecord: () => void },
): React.ReactElement {
  const { t } = props;
  const settings = <DefaultButton text={t("consent.openSettings")} onClick={props.openSettings} />;
  if (props.kind === "settings") return settings;
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
      <PrimaryButton
        text={props.busy ? t("consent.record.busy") : t("consent.record")}
        // Stays focusable while busy, so keyboard users keep their place.
        disabled={props.busy}
        allowDisabledFocus
        onClick={props.onRecord}
      />
      {settings}
    </Stack>
  );
}

function ActionMessage(props: { status: ActionStatus; t: Translate; landing?: React.Ref<HTMLDivElement> }): React.ReactElement | null {
  const { status, t } = props;
  if (status.kind === "done") {
    return (
      <Notice ref={props.landing} messageBarType={MessageBarType.success}>
        {t("consent.record.done")}
      </Notice>
    );
  }
  if (status.kind === "failed") {
    return (
      <Notice messageBarType={MessageBarType.error} isMultiline>
        {t("consent.record.failed", { reason: failureReason(t, status.failure) })}
      </Notice>
    );
  }
  return null;
}

/**
 * What to say for this consent state to this user, or nothing. Admins learn what they must do;
 * everyone else only what affects their work: nothing while all still works (pending, granted),
 * and which feature is off once consent lapsed.
 */
function bannerFor(view: ConsentView, t: Translate, format: Formatter, now: Date): Banner | null {
  const { consent, isAdmin } = view;
  const geography =
    view.effective.offReasons.mailboxData?.kind === "geographyUnsupported" ? [t("consent.geography")] : [];
  switch (consent.kind) {
    case "notActivated":
      if (!isAdmin) return null;
      return {
        key: "notActivated",
        type: MessageBarType.info,
        title: t("consent.off.title"),
        body: [t("consent.off.body")],
        actions: "settings",
      };
    case "pending":
      if (!isAdmin) return null;
      return {
        key: `pending:${dayKey(consent.activatedOn)}`,
        type: MessageBarType.warning,
        title: t("consent.pending.title"),
        body: [
          t("consent.pending.body", { days: format.number(consent.daysLeft), date: format.date(consent.deadline) }),
          t("consent.pending.consequence"),
          t("consent.pending.admin"),
          ...geography,
        ],
        actions: "consent",
      };
    case "lapsed":
      if (!isAdmin) {
        return {
          key: `lapsed:${dayKey(consent.lapsedOn)}`,
          type: MessageBarType.info,
          title: t("consent.seller.lapsed.title", { date: format.date(consent.lapsedOn) }),
          body: [t("consent.seller.lapsed.body")],
          actions: null,
        };
      }
      return {
        key: `lapsed:${dayKey(consent.lapsedOn)}`,
        type: MessageBarType.severeWarning,
        title: t("consent.lapsed.title"),
        body: [t("consent.lapsed.body", { date: format.date(consent.lapsedOn) }), t("consent.lapsed.admin")],
        actions: "consent",
      };
    case "granted":
      if (!isAdmin) return null;
      if (!consentNeedsAdmin(consent, now)) return null;
      return {
        key: `granted:${dayKey(consent.grantedOn)}`,
        type: MessageBarType.success,
        title: t("consent.granted.title"),
        body: [t("consent.granted.body", { date: format.date(consent.grantedOn) }), ...geography],
        actions: null,
      };
  }
}

/** Stable across languages and formats, unlike the displayed date. */
function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

import * as React from "react";
import {
  DefaultButton,
  getInitials,
  Link,
  MessageBarType,
  Persona,
  PersonaSize,
  Stack,
  Text,
  type IPersonaSharedProps,
} from "@fluentui/react";
import type { Introducer } from "../../shared/model";
import { canRetry, failureReason, type Failure } from "../../shared/ui/failure";
import { isFocusLost } from "../../shared/ui/focus";
import { message, type Translate } from "../../shared/ui/i18n";
import { PERSON_ICON, SvgIcon } from "../../shared/ui/icons";
import { Notice } from "../../shared/ui/Notice";
import { StrengthMeter } from "./StrengthMeter";

/**
 * Where one colleague's introduction stands. Once a draft exists it is the only draft for them:
 * the card offers to open it again, never to create another.
 */
export type RequestStatus =
  | { kind: "idle" }
  | { kind: "creating" }
  | { kind: "opened"; emailId: string }
  | { kind: "notOpened"; emailId: string; failure: Failure }
  | { kind: "failed"; failure: Failure };

export interface IntroductionRequest {
  status: RequestStatus;
  onRequest: () => void;
  onOpen: (emailId: string) => void;
}

interface IntroducerCardProps {
  introducer: Introducer;
  t: Translate;
  compact: boolean;
  /** Absent for the signed-in user, who needs no introduction. */
  request?: IntroductionRequest;
}

/** Fluent falls back to its icon font's "Contact" glyph when a name yields no initials. */
export function renderInitials(props?: IPersonaSharedProps): React.ReactElement {
  const initials = getInitials(props?.text ?? "", false);
  return initials ? <span>{initials}</span> : <SvgIcon icon={PERSON_ICON} size={20} />;
}

/** One colleague: who they are, how well they know the customer and why, and the request action. */
export function IntroducerCard(props: IntroducerCardProps): React.ReactElement {
  const { introducer, t, request } = props;
  return (
    <Stack tokens={{ childrenGap: 6 }} data-introducer={introducer.userId}>
      <Persona
        text={introducer.fullName}
        secondaryText={introducer.title ?? undefined}
        size={props.compact ? PersonaSize.size32 : PersonaSize.size40}
        // Initials sit on a saturated coin in every theme; Fluent would take the dark theme's "white" (its background).
        initialsTextColor="#ffffff"
        onRenderInitials={renderInitials}
      />
      <StrengthMeter connection={introducer} t={t} />
      <Text block variant="small">
        {message(t, introducer.reason)}
      </Text>
      {request ? (
        <RequestAction t={t} name={introducer.fullName} label={t("wkw.request.label", { name: introducer.fullName })} request={request} />
      ) : null}
    </Stack>
  );
}

interface RequestActionProps {
  t: Translate;
  /** The colleague the draft is addressed to. */
  name: string;
  /** The button's accessible name, saying whom the introduction goes through. */
  label: string;
  request: IntroductionRequest;
}

/** Request introduction and what came of it; shared by first-degree introducers and paths. */
export function RequestAction(props: RequestActionProps): React.ReactElement {
  const { t, name, request } = props;
  const { status } = request;
  const outcome = React.useRef<HTMLDivElement>(null);
  const button = status.kind === "idle" || status.kind === "creating" || (status.kind === "failed" && canRetry(status.failure));
  // The button goes once a draft exists (or nothing more can be tried): its focus moves to what happened.
  const hadButton = React.useRef(button);
  React.useEffect(() => {
    if (hadButton.current && !button && isFocusLost()) outcome.current?.focus();
    hadButton.current = button;
  }, [button]);

  const creating = status.kind === "creating";
  const openLink = (emailId: string) => (
    <Link onClick={() => request.onOpen(emailId)} aria-label={t("wkw.request.openLabel", { name })}>
      {t("wkw.request.open")}
    </Link>
  );
  return (
    <Stack tokens={{ childrenGap: 6 }} horizontalAlign="start">
      {button ? (
        <DefaultButton
          text={creating ? t("wkw.request.busy") : t("wkw.request")}
          ariaLabel={creating ? undefined : props.label}
          // Stays focusable while the draft is created, so keyboard users keep their place.
          disabled={creating}
          allowDisabledFocus
          onClick={request.onRequest}
        />
      ) : null}
      <div aria-live="polite">
        {status.kind === "opened" ? (
          <Notice ref={outcome} messageBarType={MessageBarType.success} isMultiline delayedRender={false}>
            {t("wkw.request.opened", { name })} {openLink(status.emailId)}
          </Notice>
        ) : null}
        {status.kind === "notOpened" ? (
          <Notice ref={outcome} messageBarType={MessageBarType.warning} isMultiline delayedRender={false}>
            {t("wkw.request.notOpened", { name, reason: failureReason(t, status.failure) })} {openLink(status.emailId)}
          </Notice>
        ) : null}
        {status.kind === "failed" ? (
          <Notice ref={outcome} messageBarType={MessageBarType.error} isMultiline delayedRender={false}>
            {t("wkw.request.failed", { name, reason: failureReason(t, status.failure) })}
          </Notice>
        ) : null}
      </div>
    </Stack>
  );
}

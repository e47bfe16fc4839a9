import * as React from "react";
import { DefaultButton, MessageBar, MessageBarType, Persona, PersonaSize, Stack, Text } from "@fluentui/react";
import type { DataErrorKind } from "../../shared/errors";
import type { Introducer } from "../../shared/model";
import { message, type Translate } from "../../shared/ui/i18n";
import { StrengthMeter } from "./StrengthMeter";

export type RequestStatus =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "sent" }
  | { kind: "failed"; error: DataErrorKind };

interface IntroducerCardProps {
  introducer: Introducer;
  t: Translate;
  compact: boolean;
  /** Absent for the signed-in user, who needs no introduction. */
  request?: { status: RequestStatus; onRequest: () => void };
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
      />
      <StrengthMeter introducer={introducer} t={t} />
      <Text block variant="small">
        {message(t, introducer.reason)}
      </Text>
      {request ? <RequestAction {...props} request={request} /> : null}
    </Stack>
  );
}

function RequestAction(props: IntroducerCardProps & { request: NonNullable<IntroducerCardProps["request"]> }) {
  const { t, introducer, request } = props;
  const busy = request.status.kind === "busy";
  const name = introducer.fullName;
  return (
    <Stack tokens={{ childrenGap: 6 }} horizontalAlign="start">
      <DefaultButton
        text={busy ? t("wkw.request.busy") : t("wkw.request")}
        ariaLabel={busy ? undefined : t("wkw.request.label", { name })}
        // Stays focusable while busy, so keyboard users keep their place.
        disabled={busy}
        allowDisabledFocus
        onClick={request.onRequest}
      />
      <div aria-live="polite">
        {request.status.kind === "sent" ? (
          <MessageBar messageBarType={MessageBarType.success}>{t("wkw.request.sent", { name })}</MessageBar>
        ) : null}
        {request.status.kind === "failed" ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {t("wkw.request.failed", { name, reason: t(`error.${request.status.error}`) })}
          </MessageBar>
        ) : null}
      </div>
    </Stack>
  );
}

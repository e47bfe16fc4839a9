import * as React from "react";
import { Persona, PersonaSize, Stack, Text } from "@fluentui/react";
import type { IntroductionPath } from "../../shared/model";
import { message, type Translate } from "../../shared/ui/i18n";
import { renderInitials, RequestAction, type IntroductionRequest } from "./IntroducerCard";
import { StrengthMeter } from "./StrengthMeter";

/** Identifies a path among the others and apart from first-degree colleagues (their key is the user id). */
export function pathKey(path: IntroductionPath): string {
  return `path:${path.colleague.userId}:${path.coworker.id}`;
}

/** The person in the middle, with their job title when known. */
export function coworkerText(t: Translate, path: IntroductionPath): string {
  const { fullName, title } = path.coworker;
  return title ? t("wkw.path.coworkerTitled", { coworker: fullName, title }) : t("wkw.path.coworker", { coworker: fullName });
}

interface PathCardProps {
  path: IntroductionPath;
  t: Translate;
  compact: boolean;
  request: IntroductionRequest;
}

/**
 * A colleague → their coworker → the record: who is on each step, how strong the path is (its weaker
 * link), both links in words, and the request to the colleague.
 */
export function PathCard(props: PathCardProps): React.ReactElement {
  const { path, t } = props;
  const { colleague } = path;
  return (
    <Stack tokens={{ childrenGap: 6 }} data-path={pathKey(path)}>
      <Persona
        text={colleague.fullName}
        secondaryText={colleague.title ?? undefined}
        size={props.compact ? PersonaSize.size32 : PersonaSize.size40}
        // Initials sit on a saturated coin in every theme; Fluent would take the dark theme's "white" (its background).
        initialsTextColor="#ffffff"
        onRenderInitials={renderInitials}
      />
      <Text block>
        <span aria-hidden="true">→ </span>
        {coworkerText(t, path)}
      </Text>
      <StrengthMeter connection={path} label={t("wkw.path.strength")} t={t} />
      <Text block variant="small">
        {message(t, path.reason)}
      </Text>
      <RequestAction
        t={t}
        name={colleague.fullName}
        label={t("wkw.path.request.label", { name: colleague.fullName, coworker: path.coworker.fullName })}
        request={props.request}
      />
    </Stack>
  );
}

/** The signed-in user's own path: they can ask their contact at the account themselves. */
export function YourPathCard(props: { path: IntroductionPath; t: Translate }): React.ReactElement {
  const { path, t } = props;
  return (
    <Stack tokens={{ childrenGap: 6 }} data-path={pathKey(path)}>
      <Text as="h3" variant="medium" block>
        {t("wkw.yourPath", { coworker: path.coworker.fullName })}
      </Text>
      {path.coworker.title ? (
        <Text block variant="small">
          {path.coworker.title}
        </Text>
      ) : null}
      <StrengthMeter connection={path} label={t("wkw.path.strength")} t={t} />
      <Text block variant="small">
        {message(t, path.reason)}
      </Text>
    </Stack>
  );
}

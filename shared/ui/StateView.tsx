import * as React from "react";
import { DefaultButton, MessageBarType, Shimmer, ShimmerElementType, Stack } from "@fluentui/react";
import { Notice } from "./Notice";
import type { FeatureOffReason } from "../model";
import type { Formatter } from "./format";
import type { Translate } from "./i18n";
import { visuallyHidden } from "./styles";
import type { NotReadyState } from "./widgetState";

export interface StateViewProps {
  state: NotReadyState;
  t: Translate;
  format: Formatter;
  onRetry: () => void;
  /** Heights (px) of the ready layout's rows, so loading takes the same room: no jump when data arrives. */
  loadingRows?: number[];
}

const DEFAULT_LOADING_ROWS = [16, 48, 16];

/** Every state that is not data: a clear message and, where there is one, a way forward. */
export function StateView(props: StateViewProps): React.ReactElement {
  const { state, t } = props;
  if (state.kind === "loading") return <Loading t={t} rows={props.loadingRows ?? DEFAULT_LOADING_ROWS} />;

  const { title, body, type } = describe(state, t, props.format);
  const retry = RETRYABLE.has(state.kind) ? (
    <DefaultButton text={t("state.retry")} onClick={props.onRetry} />
  ) : undefined;
  return (
    <Notice messageBarType={type} isMultiline actions={retry} data-state={state.kind}>
      <strong>{title}</strong> {body}
    </Notice>
  );
}

function Loading(props: { t: Translate; rows: number[] }): React.ReactElement {
  return (
    <div role="status" data-state="loading">
      <span className={visuallyHidden}>{props.t("state.loading")}</span>
      <Stack tokens={{ childrenGap: 8 }} aria-hidden="true">
        {props.rows.map((height, index) => (
          <Shimmer key={index} shimmerElements={[{ type: ShimmerElementType.line, height }]} />
        ))}
      </Stack>
    </div>
  );
}

const RETRYABLE = new Set<NotReadyState["kind"]>(["throttled", "serverError", "offline", "unknownError"]);

interface Description {
  title: string;
  body: string;
  type: MessageBarType;
}

function describe(state: Exclude<NotReadyState, { kind: "loading" }>, t: Translate, format: Formatter): Description {
  const info = (key: string, params?: Record<string, string | number>): Description => ({
    title: t(`state.${key}.title`),
    body: t(`state.${key}.body`, params),
    type: MessageBarType.info,
  });
  const warning = (key: string, params?: Record<string, string | number>): Description => ({
    ...info(key, params),
    type: MessageBarType.warning,
  });
  const error = (key: string): Description => ({ ...info(key), type: MessageBarType.error });

  switch (state.kind) {
    case "unsaved":
    case "noRecord":
    case "unavailable":
      return info(state.kind);
    case "unsupportedRecordType":
      return info(state.kind, { recordType: t(`recordType.${state.recordType}`) });
    case "featureOff":
      return featureOff(state.reason, t, format);
    case "noPrivilege":
      return state.table
        ? warning("noPrivilegeTable", { table: state.table })
        : warning("noPrivilege");
    case "throttled":
      return state.retryAfterSeconds
        ? warning("throttledWait", { seconds: format.number(state.retryAfterSeconds) })
        : warning("throttled");
    case "aggregateLimit":
      return warning(state.kind, { limit: format.number(50_000) });
    case "notFound":
    case "offline":
    case "invalidInput":
      return warning(state.kind);
    case "serverError":
    case "unknownError":
      return error(state.kind);
  }
}

/** Says which of the reasons applies, instead of showing nothing (the seed page lists them). */
function featureOff(reason: FeatureOffReason, t: Translate, format: Formatter): Description {
  const key = `state.featureOff.${reason.kind}`;
  const params = reason.kind === "consentLapsed" ? { date: format.date(reason.since) } : undefined;
  return { title: t(`${key}.title`, params), body: t(`${key}.body`, params), type: MessageBarType.info };
}

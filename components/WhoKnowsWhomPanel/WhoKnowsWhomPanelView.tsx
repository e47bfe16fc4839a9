import * as React from "react";
import { DefaultButton, MessageBarType, mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { Introducer, IntroducerList, LoadResult } from "../../shared/model";
import { failureOf } from "../../shared/ui/failure";
import { Notice } from "../../shared/ui/Notice";
import type { WidgetHostProps } from "../../shared/ui/types";
import { LoadedWidget } from "../../shared/ui/LoadedWidget";
import { ConnectionGraph } from "./ConnectionGraph";
import { IntroducerCard, type IntroductionRequest, type RequestStatus } from "./IntroducerCard";

export type IntroducerViewMode = "list" | "graph";

export interface WhoKnowsWhomPanelViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<IntroducerList>>;
  loadKey: string;
  defaultView: IntroducerViewMode;
  /** The record's name when the host knows it, shown at the centre of the graph. */
  recordName?: string;
  /** Creates the draft introduction email and resolves with its id; rejects (ideally with a DataError) when it could not. */
  requestIntroduction: (introducer: Introducer) => Promise<string>;
  /** Opens a draft email on its form, for the user to review and send. */
  openDraft: (emailId: string) => Promise<void>;
}

const classes = mergeStyleSets({
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: { padding: "8px 0", selectors: { "& + &": { borderTop: "1px solid rgba(128, 128, 128, 0.4)" } } },
  subheading: { margin: "12px 0 4px 0" },
});

export function WhoKnowsWhomPanelView(props: WhoKnowsWhomPanelViewProps): React.ReactElement {
  return (
    <LoadedWidget {...props} title={props.t("wkw.title")} loadingRows={() => [32, 40, 40, 40]}>
      {(list, compact) => <PanelReady {...props} list={list} compact={compact} />}
    </LoadedWidget>
  );
}

interface ReadyProps extends WhoKnowsWhomPanelViewProps {
  list: IntroducerList;
  compact: boolean;
}

function PanelReady(props: ReadyProps): React.ReactElement {
  const { list, t } = props;
  const [mode, setMode] = React.useState<IntroducerViewMode>(props.defaultView);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const requests = useIntroductionRequests(props.requestIntroduction, props.openDraft);
  const card = (introducer: Introducer) => (
    <IntroducerCard introducer={introducer} t={t} compact={props.compact} request={requests.for(introducer)} />
  );
  const selected = list.introducers.find((i) => i.userId === selectedId);

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {list.mailboxNote === "noRolesSelected" ? (
        <Notice messageBarType={MessageBarType.info} isMultiline delayedRender={false}>
          {t("wkw.mailboxNote.noRolesSelected")}
        </Notice>
      ) : null}
      {list.introducers.length === 0 ? (
        <Text block>{t("wkw.empty")}</Text>
      ) : (
        <>
          <Stack horizontal role="group" aria-label={t("wkw.view")} tokens={{ childrenGap: 4 }}>
            <DefaultButton toggle checked={mode === "list"} text={t("wkw.view.list")} onClick={() => setMode("list")} />
            <DefaultButton
              toggle
              checked={mode === "graph"}
              text={t("wkw.view.graph")}
              onClick={() => setMode("graph")}
            />
          </Stack>
          {mode === "list" ? (
            <ul className={classes.list} aria-label={t("wkw.list.label")}>
              {list.introducers.map((introducer) => (
                <li key={introducer.userId} className={classes.item}>
                  {card(introducer)}
                </li>
              ))}
            </ul>
          ) : (
            <>
              <ConnectionGraph
                introducers={list.introducers}
                selectedId={selectedId}
                onOpen={(introducer) => setSelectedId(introducer.userId)}
                t={t}
                recordName={props.recordName}
              />
              {selected ? card(selected) : <Text block variant="small">{t("wkw.graph.hint")}</Text>}
            </>
          )}
        </>
      )}
      {list.you ? (
        <div>
          <Text as="h3" variant="medium" block className={classes.subheading}>
            {t("wkw.you")}
          </Text>
          <IntroducerCard introducer={list.you} t={t} compact={props.compact} />
        </div>
      ) : null}
    </Stack>
  );
}

/**
 * Request state per colleague. One click creates at most one draft: the button is inert while the
 * draft is created, and once it exists only opening it is offered. A failed creation leaves the
 * button for another try where trying again can help.
 */
function useIntroductionRequests(
  requestIntroduction: (introducer: Introducer) => Promise<string>,
  openDraft: (emailId: string) => Promise<void>,
) {
  const [statuses, setStatuses] = React.useState<Record<string, RequestStatus>>({});
  // Read synchronously, so a second click in the same tick finds the first one in flight.
  const inFlight = React.useRef(new Set<string>());
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const set = (userId: string, status: RequestStatus) => {
    if (mounted.current) setStatuses((all) => ({ ...all, [userId]: status }));
  };
  const open = (userId: string, emailId: string) =>
    Promise.resolve()
      .then(() => openDraft(emailId))
      .then(
        () => set(userId, { kind: "opened", emailId }),
        (error: unknown) => set(userId, { kind: "notOpened", emailId, failure: failureOf(error) }),
      );

  return {
    for: (introducer: Introducer): IntroductionRequest => {
      const { userId } = introducer;
      return {
        status: statuses[userId] ?? { kind: "idle" },
        onRequest: () => {
          const current = statuses[userId]?.kind;
          if (inFlight.current.has(userId) || current === "opened" || current === "notOpened") return;
          inFlight.current.add(userId);
          set(userId, { kind: "creating" });
          Promise.resolve()
            .then(() => requestIntroduction(introducer))
            .then(
              (emailId) => open(userId, emailId),
              (error: unknown) => set(userId, { kind: "failed", failure: failureOf(error) }),
            )
            .finally(() => inFlight.current.delete(userId));
        },
        onOpen: (emailId: string) => void open(userId, emailId),
      };
    },
  };
}

import * as React from "react";
import { DefaultButton, MessageBarType, mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { IntroductionText } from "../../shared/data/widgets";
import type { Introducer, IntroducerList, IntroductionPath, LoadResult } from "../../shared/model";
import { failureOf } from "../../shared/ui/failure";
import { Notice } from "../../shared/ui/Notice";
import type { WidgetHostProps } from "../../shared/ui/types";
import { LoadedWidget } from "../../shared/ui/LoadedWidget";
import { ConnectionGraph } from "./ConnectionGraph";
import { IntroducerCard, type IntroductionRequest, type RequestStatus } from "./IntroducerCard";
import { PathCard, pathKey, YourPathCard } from "./PathCard";

export type IntroducerViewMode = "list" | "graph";

export interface WhoKnowsWhomPanelViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<IntroducerList>>;
  loadKey: string;
  defaultView: IntroducerViewMode;
  /** The record's name when the host knows it, shown at the centre of the graph. */
  recordName?: string;
  /**
   * Creates the draft introduction email to the colleague, with the text the view wrote, and resolves
   * with its id; rejects (ideally with a DataError) when it could not.
   */
  requestIntroduction: (colleague: Introducer, text: IntroductionText) => Promise<string>;
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
  const [selectedKey, setSelectedKey] = React.useState<string | null>(null);
  const requests = useIntroductionRequests(props.requestIntroduction, props.openDraft);
  const record = props.recordName ?? t("wkw.thisCustomer");
  const card = (introducer: Introducer) => {
    const params = { colleague: introducer.fullName, record };
    const text = { subject: t("wkw.introSubject", params), body: t("wkw.introBody", params) };
    return <IntroducerCard introducer={introducer} t={t} compact={props.compact} request={requests.for(introducer.userId, introducer, text)} />;
  };
  const pathCard = (path: IntroductionPath) => {
    // The email goes to our colleague and names the coworker they would introduce us to.
    const params = { colleague: path.colleague.fullName, coworker: path.coworker.fullName, record };
    const text = { subject: t("wkw.path.introSubject", params), body: t("wkw.path.introBody", params) };
    return <PathCard path={path} t={t} compact={props.compact} request={requests.for(pathKey(path), path.colleague, text)} />;
  };
  const selectedIntroducer = list.introducers.find((i) => i.userId === selectedKey);
  const selectedPath = list.paths.find((p) => pathKey(p) === selectedKey);
  const anyone = list.introducers.length + list.paths.length > 0;

  return (
    <Stack tokens={{ childrenGap: 8 }}>
      {list.mailboxNote === "noRolesSelected" ? (
        <Notice messageBarType={MessageBarType.info} isMultiline delayedRender={false}>
          {t("wkw.mailboxNote.noRolesSelected")}
        </Notice>
      ) : null}
      {list.pathsNote ? (
        <Notice messageBarType={MessageBarType.info} isMultiline delayedRender={false}>
          {t(`wkw.pathsNote.${list.pathsNote}`)}
        </Notice>
      ) : null}
      {!anyone ? (
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
            <>
              {list.introducers.length > 0 ? (
                <ul className={classes.list} aria-label={t("wkw.list.label")}>
                  {list.introducers.map((introducer) => (
                    <li key={introducer.userId} className={classes.item}>
                      {card(introducer)}
                    </li>
                  ))}
                </ul>
              ) : (
                <Text block>{t("wkw.empty")}</Text>
              )}
              {list.paths.length > 0 ? (
                <div>
                  <Text as="h3" variant="medium" block className={classes.subheading}>
                    {t("wkw.paths")}
                  </Text>
                  <ul className={classes.list} aria-label={t("wkw.paths.label")}>
                    {list.paths.map((path) => (
                      <li key={pathKey(path)} className={classes.item}>
                        {pathCard(path)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </>
          ) : (
            <>
              <ConnectionGraph
                introducers={list.introducers}
                paths={list.paths}
                selectedKey={selectedKey}
                onOpen={setSelectedKey}
                t={t}
                recordName={props.recordName}
              />
              {list.paths.length > 0 ? (
                <Text block variant="small">
                  {t("wkw.graph.legend")}
                </Text>
              ) : null}
              {selectedIntroducer ? card(selectedIntroducer) : null}
              {selectedPath ? pathCard(selectedPath) : null}
              {!selectedIntroducer && !selectedPath ? <Text block variant="small">{t("wkw.graph.hint")}</Text> : null}
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
      {list.yourPaths.map((path) => (
        <div key={pathKey(path)} className={classes.subheading}>
          <YourPathCard path={path} t={t} />
        </div>
      ))}
    </Stack>
  );
}

/**
 * Request state per colleague or path. One click creates at most one draft: the button is inert while
 * the draft is created, and once it exists only opening it is offered. A failed creation leaves the
 * button for another try where trying again can help.
 */
function useIntroductionRequests(
  requestIntroduction: (colleague: Introducer, text: IntroductionText) => Promise<string>,
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
  const set = (key: string, status: RequestStatus) => {
    if (mounted.current) setStatuses((all) => ({ ...all, [key]: status }));
  };
  const open = (key: string, emailId: string) =>
    Promise.resolve()
      .then(() => openDraft(emailId))
      .then(
        () => set(key, { kind: "opened", emailId }),
        (error: unknown) => set(key, { kind: "notOpened", emailId, failure: failureOf(error) }),
      );

  return {
    for: (key: string, colleague: Introducer, text: IntroductionText): IntroductionRequest => ({
      status: statuses[key] ?? { kind: "idle" },
      onRequest: () => {
        const current = statuses[key]?.kind;
        if (inFlight.current.has(key) || current === "opened" || current === "notOpened") return;
        inFlight.current.add(key);
        set(key, { kind: "creating" });
        Promise.resolve()
          .then(() => requestIntroduction(colleague, text))
          .then(
            (emailId) => open(key, emailId),
            (error: unknown) => set(key, { kind: "failed", failure: failureOf(error) }),
          )
          .finally(() => inFlight.current.delete(key));
      },
      onOpen: (emailId: string) => void open(key, emailId),
    }),
  };
}

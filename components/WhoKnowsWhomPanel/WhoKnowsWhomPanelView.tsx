import * as React from "react";
import { DefaultButton, mergeStyleSets, Stack, Text } from "@fluentui/react";
import { isDataError } from "../../shared/errors";
import type { Introducer, IntroducerList, LoadResult } from "../../shared/model";
import type { WidgetHostProps } from "../../shared/ui/types";
import { LoadedWidget } from "../../shared/ui/LoadedWidget";
import { ConnectionGraph } from "./ConnectionGraph";
import { IntroducerCard, type RequestStatus } from "./IntroducerCard";

export type IntroducerViewMode = "list" | "graph";

export interface WhoKnowsWhomPanelViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<IntroducerList>>;
  loadKey: string;
  defaultView: IntroducerViewMode;
  /** The record's name when the host knows it, shown at the centre of the graph. */
  recordName?: string;
  /** Resolves when the request is made; rejects (ideally with a DataError) when it could not be. */
  requestIntroduction: (introducer: Introducer) => Promise<void>;
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
  const requests = useIntroductionRequests(props.requestIntroduction);
  const card = (introducer: Introducer) => (
    <IntroducerCard
      introducer={introducer}
      t={t}
      compact={props.compact}
      request={{ status: requests.status(introducer.userId), onRequest: () => requests.request(introducer) }}
    />
  );
  const selected = list.introducers.find((i) => i.userId === selectedId);

  return (
    <Stack tokens={{ childrenGap: 8 }}>
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

/** Request state per colleague; a failed request leaves the button ready for another try. */
function useIntroductionRequests(requestIntroduction: (introducer: Introducer) => Promise<void>) {
  const [statuses, setStatuses] = React.useState<Record<string, RequestStatus>>({});
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
  return {
    status: (userId: string): RequestStatus => statuses[userId] ?? { kind: "idle" },
    request: (introducer: Introducer) => {
      if (statuses[introducer.userId]?.kind === "busy") return;
      set(introducer.userId, { kind: "busy" });
      Promise.resolve()
        .then(() => requestIntroduction(introducer))
        .then(
          () => set(introducer.userId, { kind: "sent" }),
          (error: unknown) => set(introducer.userId, { kind: "failed", error: isDataError(error) ? error.kind : "unknown" }),
        );
    },
  };
}

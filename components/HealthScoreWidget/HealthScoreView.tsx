import * as React from "react";
import { mergeStyleSets, Stack, Text } from "@fluentui/react";
import type { Grade, HealthScore, LoadResult, ScoreFactor, Trend } from "../../shared/model";
import { describeActivity } from "../../shared/ui/activity";
import { ERROR_ICON, SUCCESS_ICON, SvgIcon, WARNING_ICON, type Icon } from "../../shared/ui/icons";
import { message } from "../../shared/ui/i18n";
import { SkippedRowsNote } from "../../shared/ui/SkippedRowsNote";
import { visuallyHidden } from "../../shared/ui/styles";
import type { WidgetHostProps } from "../../shared/ui/types";
import { LoadedWidget } from "../../shared/ui/LoadedWidget";
import { ScoreRing } from "./ScoreRing";

export interface HealthScoreViewProps extends WidgetHostProps {
  load: () => Promise<LoadResult<HealthScore>>;
  /** Changes when the record (or anything the loader depends on) changes: triggers a reload. */
  loadKey: string;
  showFactors: boolean;
}

/** How many factors "Why this score" lists: the few that moved it most. */
const TOP_FACTORS = 3;

/** Shape as well as word: a tick, a warning sign, a cross. */
const GRADE_ICONS: Record<Grade, Icon> = { good: SUCCESS_ICON, fair: WARNING_ICON, poor: ERROR_ICON };
/** Arrows are text glyphs, so they show even without the icon font; the word beside carries the meaning. */
const TREND_ARROWS: Record<Trend, string> = { improving: "↗", steady: "→", declining: "↘", notEnoughInfo: "–" };

const classes = mergeStyleSets({
  factors: { margin: "4px 0 0 0", paddingLeft: 0, listStyle: "none" },
  factor: { display: "flex", gap: 6, marginBottom: 4 },
  sign: { fontWeight: 600, minWidth: "1em" },
  subheading: { margin: "12px 0 4px 0" },
});

export function HealthScoreView(props: HealthScoreViewProps): React.ReactElement {
  return (
    <LoadedWidget {...props} title={props.t("health.title")} loadingRows={(compact) => (compact ? [64, 16, 16] : [96, 16])}>
      {(health, compact) => <HealthScoreReady {...props} health={health} compact={compact} />}
    </LoadedWidget>
  );
}

interface ReadyProps extends HealthScoreViewProps {
  health: HealthScore;
  compact: boolean;
}

function HealthScoreReady(props: ReadyProps): React.ReactElement {
  const { health, t } = props;
  const scored =
    health.status === "scored" && health.score !== null && health.grade !== null
      ? { score: health.score, grade: health.grade }
      : null;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <SkippedRowsNote count={health.skippedRows} t={t} />
      <Stack horizontal={!props.compact} tokens={{ childrenGap: 12 }} verticalAlign="center">
        {scored ? (
          <ScoreRing
            score={scored.score}
            grade={scored.grade}
            size={props.compact ? 64 : 96}
            label={t("health.summary", {
              score: props.format.number(scored.score),
              grade: t(`health.grade.${scored.grade}`),
              trend: t(`health.trend.${health.trend}`),
            })}
          />
        ) : null}
        <Stack tokens={{ childrenGap: 4 }}>
          {scored ? <GradeLine grade={scored.grade} {...props} /> : <NoScore {...props} />}
          {health.status !== "notApplicable" ? <TrendLine {...props} /> : null}
          <Text block>
            {t("health.last")}: {describeActivity(health.last, t, props.format)}
          </Text>
          <Text block>
            {t("health.next")}: {describeActivity(health.next, t, props.format)}
          </Text>
        </Stack>
      </Stack>
      {props.showFactors && scored && health.factors.length > 0 ? (
        <Factors factors={health.factors.slice(0, TOP_FACTORS)} {...props} />
      ) : null}
    </Stack>
  );
}

function GradeLine(props: ReadyProps & { grade: Grade }): React.ReactElement {
  return (
    <Text block variant="large">
      <SvgIcon icon={GRADE_ICONS[props.grade]} size={20} /> {props.t(`health.grade.${props.grade}`)}
    </Text>
  );
}

/** Not enough info / Not applicable, with the reason in words. */
function NoScore(props: ReadyProps): React.ReactElement {
  const { health, t } = props;
  return (
    <>
      <Text block variant="large">
        {t(`health.status.${health.status}`)}
      </Text>
      {health.reason ? <Text block>{message(t, health.reason)}</Text> : null}
    </>
  );
}

function TrendLine(props: ReadyProps): React.ReactElement {
  const { trend } = props.health;
  return (
    <Text block>
      {props.t("health.trend")}: <span aria-hidden="true">{TREND_ARROWS[trend]}</span> {props.t(`health.trend.${trend}`)}
    </Text>
  );
}

/** "Why this score": each factor in plain words, marked as raising or lowering the score. */
function Factors(props: ReadyProps & { factors: ScoreFactor[] }): React.ReactElement {
  const { t } = props;
  return (
    <div>
      <Text as="h3" variant="medium" block className={classes.subheading}>
        {t("health.why")}
      </Text>
      <ul className={classes.factors}>
        {props.factors.map((factor) => {
          const helps = factor.impact >= 0;
          return (
            <li key={factor.name} className={classes.factor}>
              <span aria-hidden="true" className={classes.sign}>
                {helps ? "+" : "−"}
              </span>
              <Text>
                <span className={visuallyHidden}>{t(helps ? "health.factor.raises" : "health.factor.lowers")} </span>
                {message(t, factor.message)}
              </Text>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

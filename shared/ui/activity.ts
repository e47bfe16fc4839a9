import type { ActivitySummary } from "../model";
import type { Formatter } from "./format";
import type { Translate } from "./i18n";

/** "3 days ago · email from them", "Tomorrow · meeting"; "None" when there is no such activity. */
export function describeActivity(
  activity: ActivitySummary | null,
  t: Translate,
  format: Formatter,
  now: Date,
): string {
  if (!activity) return t("activity.none");
  return t("activity.when", { when: format.relative(activity.at, now), what: activityWhat(activity, t) });
}

/** The kind of activity and, where it matters, who started it. */
function activityWhat(activity: ActivitySummary, t: Translate): string {
  switch (activity.kind) {
    case "email":
    case "phonecall":
      return activity.direction === "incoming" || activity.direction === "outgoing"
        ? t(`activity.${activity.kind}.${activity.direction}`)
        : t(`activity.${activity.kind}`);
    case "appointment":
    case "task":
      return t(`activity.${activity.kind}`);
  }
}

import type { ActivitySummary } from "../model";
import type { Formatter } from "./format";
import type { Translate } from "./i18n";

/**
 * "3/9/2025 · email from them"; "None" when there is no such activity. Always the date, as every
 * other date the widgets show: a relative phrase beside a date reads as two different clocks.
 */
export function describeActivity(activity: ActivitySummary | null, t: Translate, format: Formatter): string {
  if (!activity) return t("activity.none");
  return t("activity.when", { when: format.date(activity.at), what: activityWhat(activity, t) });
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

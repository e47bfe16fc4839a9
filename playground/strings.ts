/**
 * Browser-safe counterpart of tests/support/mockContext.ts controlStrings: the resx files are
 * bundled as text (esbuild text loader), parsed with the shared parser, and merged the way the build
 * merges them: shared strings first, the control's own keys winning.
 */
import { parseResx } from "../shared/ui/strings/resx";

import common1033 from "../shared/ui/strings/common.1033.resx";
import common1048 from "../shared/ui/strings/common.1048.resx";
import consent1033 from "../components/ConsentBanner/strings/ConsentBanner.1033.resx";
import consent1048 from "../components/ConsentBanner/strings/ConsentBanner.1048.resx";
import health1033 from "../components/HealthScoreWidget/strings/HealthScoreWidget.1033.resx";
import health1048 from "../components/HealthScoreWidget/strings/HealthScoreWidget.1048.resx";
import settings1033 from "../components/RelationshipIntelligenceSettings/strings/RelationshipIntelligenceSettings.1033.resx";
import settings1048 from "../components/RelationshipIntelligenceSettings/strings/RelationshipIntelligenceSettings.1048.resx";
import kpi1033 from "../components/RelationshipKpiCard/strings/RelationshipKpiCard.1033.resx";
import kpi1048 from "../components/RelationshipKpiCard/strings/RelationshipKpiCard.1048.resx";
import wkw1033 from "../components/WhoKnowsWhomPanel/strings/WhoKnowsWhomPanel.1033.resx";
import wkw1048 from "../components/WhoKnowsWhomPanel/strings/WhoKnowsWhomPanel.1048.resx";

export type Language = 1033 | 1048;
export type Ctor = "HealthScoreWidget" | "RelationshipKpiCard" | "WhoKnowsWhomPanel" | "ConsentBanner" | "RelationshipIntelligenceSettings";

const COMMON: Record<Language, string> = { 1033: common1033, 1048: common1048 };
const OWN: Record<Ctor, Record<Language, string>> = {
  HealthScoreWidget: { 1033: health1033, 1048: health1048 },
  RelationshipKpiCard: { 1033: kpi1033, 1048: kpi1048 },
  WhoKnowsWhomPanel: { 1033: wkw1033, 1048: wkw1048 },
  ConsentBanner: { 1033: consent1033, 1048: consent1048 },
  RelationshipIntelligenceSettings: { 1033: settings1033, 1048: settings1048 },
};

const cache = new Map<string, Record<string, string>>();

/** The strings a control ships in one language: the shared ones, then its own (own win). */
export function controlStrings(ctor: Ctor, language: Language): Record<string, string> {
  const key = `${ctor}.${language}`;
  let strings = cache.get(key);
  if (!strings) {
    strings = { ...parseResx(COMMON[language]), ...parseResx(OWN[ctor][language]) };
    cache.set(key, strings);
  }
  return strings;
}

import type { ActivityKind, Direction } from "../model";

/**
 * Direction seen from our side. directioncode true means the email or call went out from us;
 * meetings are mutual, tasks have no counterpart, and an unknown direction stays "none".
 */
export function directionOf(kind: ActivityKind, directioncode: boolean | null): Direction {
  if (kind === "appointment") return "mutual";
  if (kind === "task" || directioncode === null) return "none";
  return directioncode ? "outgoing" : "incoming";
}

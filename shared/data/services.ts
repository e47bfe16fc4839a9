import type { UtcOffsetAt } from "../analytics/time";
import type { DataverseClient } from "../transport/client";

/** What every loader needs: a client and who is asking, plus a clock for the analytics. */
export interface DataServices {
  client: DataverseClient;
  /** Signed-in user, lower-case GUID. */
  userId: string;
  /** The user's security role ids, lower-case GUIDs. */
  userRoleIds: string[];
  now: () => Date;
  /** The user's offset from UTC at an instant: Dataverse groups days in the user's time zone. */
  utcOffsetAt: UtcOffsetAt;
  /** Schema name of the settings environment variable. */
  settingsVariable: string;
}

import type { XmlElement } from "./xml";

/** A FetchXML query and the table it runs against, as the transport's retrieveMultipleRecords needs it. */
export interface FetchQuery {
  /** Logical name of the root table, e.g. "activitypointer". */
  entity: string;
  fetchXml: string;
  /** The <fetch> element, so the transport can ask for a later page of the same query. */
  root: XmlElement;
}

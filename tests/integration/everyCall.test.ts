/**
 * Every query the data layer can emit, sent to the stand-in, whose schema is Microsoft's published
 * table reference: a column, link or navigation property Dataverse does not have would be refused here
 * with Dataverse's own error, as a real org would refuse it.
 */
import { pagedFetchXml } from "../../shared/queries/fetchXml";
import { everyQuery } from "../queries/fixtures";
import { seededOrg } from "../support/standIn";

describe("every query the data layer emits is one Dataverse accepts", () => {
  const org = seededOrg();
  const queries = everyQuery();

  it.each(queries.map((q) => [q.name, q.query] as const))("%s", async (_name, query) => {
    const send = (xml: string) => org.standIn.retrieveMultipleRecords(query.entity, "?fetchXml=" + encodeURIComponent(xml));
    await expect(send(query.fetchXml)).resolves.toHaveProperty("entities");
    // Asking for a later page is accepted too (aggregates page by number, others by cookie).
    if (!query.fetchXml.includes(" top=")) await expect(send(pagedFetchXml(query, 2, null))).resolves.toHaveProperty("entities");
  });

  it("refuses, with Dataverse's error, the two calls today's code got wrong", async () => {
    const refused = await org.standIn
      .retrieveMultipleRecords(
        "activitypointer",
        "?fetchXml=" + encodeURIComponent('<fetch><entity name="activitypointer"><attribute name="conversationindex"/></entity></fetch>'),
      )
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ errorCode: 0x80041103 });
    const contactId = org.stories.hot.id;
    const draft = await org.standIn
      .createRecord("email", { subject: "x", "regardingobjectid_contact@odata.bind": `/contacts(${contactId})` })
      .catch((e: unknown) => e);
    expect(draft).toHaveProperty("errorCode");
    expect(typeof (draft as { errorCode: unknown }).errorCode).toBe("number");
  });
});

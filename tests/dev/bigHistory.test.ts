import { DataverseStore } from "../../dev/dataverse/store";
import { DataverseStandIn } from "../../dev/dataverse/standIn";
import { seedBigHistory } from "../../dev/seed";

const NOW = new Date("2026-03-15T12:00:00Z");

function usersIn(store: DataverseStore): string[] {
  return ["Ann Example", "Bo Example", "Cy Example"].map((fullname) => store.insert("systemuser", { fullname, isdisabled: false }));
}

/** Per kind and direction, activities the contact takes part in: the shape the KPI queries use. */
function interactionsXml(contactId: string): string {
  return `<fetch aggregate="true"><entity name="activitypointer">
    <attribute name="activitytypecode" alias="kind" groupby="true"/>
    <attribute name="actualend" alias="year" groupby="true" dategrouping="year"/>
    <attribute name="actualend" alias="month" groupby="true" dategrouping="month"/>
    <attribute name="activityid" alias="n" aggregate="countcolumn" distinct="true"/>
    <attribute name="actualdurationminutes" alias="minutes" aggregate="sum"/>
    <link-entity name="activityparty" from="activityid" to="activityid" alias="p">
      <filter><condition attribute="partyid" operator="eq" value="${contactId}"/></filter>
    </link-entity>
    <link-entity name="email" from="activityid" to="activityid" link-type="outer" alias="em">
      <attribute name="directioncode" alias="outgoing" groupby="true"/>
    </link-entity>
  </entity></fetch>`;
}

describe("seedBigHistory", () => {
  it.each([10, 1000])("links exactly %i activities to one new contact", (n) => {
    const store = new DataverseStore({ clock: () => NOW });
    const big = seedBigHistory(store, { now: NOW, seed: 3, activities: n, userIds: usersIn(store) });
    const linked = new Set<unknown>();
    for (const party of store.lookup("activityparty", "partyid", big.contact.id)) linked.add(party.activityid);
    for (const activity of store.lookup("activitypointer", "regardingobjectid", big.contact.id)) linked.add(activity.activityid);
    expect(linked.size).toBe(n);
    expect(store.count("activitypointer")).toBe(n);
    expect(big.activityCount).toBe(n);
  });

  it("refuses nonsense sizes", () => {
    const store = new DataverseStore();
    expect(() => seedBigHistory(store, { now: NOW, seed: 1, activities: 0, userIds: usersIn(store) })).toThrow(/positive/);
  });

  it("seeds 100,000 activities and aggregates over them, past the aggregate limit only when raised", async () => {
    const store = new DataverseStore({ clock: () => NOW });
    const big = seedBigHistory(store, { now: NOW, seed: 5, activities: 100_000, userIds: usersIn(store) });
    const standIn = new DataverseStandIn(store);
    const options = "?fetchXml=" + encodeURIComponent(interactionsXml(big.contact.id));
    await expect(standIn.retrieveMultipleRecords("activitypointer", options)).rejects.toMatchObject({ errorCode: 2147803171 });

    standIn.setAggregateLimit(200_000);
    const result = await standIn.retrieveMultipleRecords("activitypointer", options);
    const total = result.entities.reduce((sum, row) => sum + (row.n as number), 0);
    expect(total).toBe(100_000 - 10_000);
    const emailsOut = result.entities.filter((row) => row.kind === "email" && row.outgoing === true);
    expect(emailsOut.reduce((sum, row) => sum + (row.n as number), 0)).toBe(30_000);
  }, 120_000);
});

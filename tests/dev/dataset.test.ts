import { createViewDataset } from "../../dev/dataset";
import { seededOrg } from "../support/standIn";

describe("the playground's view of a table", () => {
  const org = seededOrg();
  const contacts = org.store.count("contact");

  it("hands over a page of records as the host does, and Show more adds the next page", () => {
    let changes = 0;
    const view = createViewDataset(org.store, { table: "contact", pageSize: 30, onChange: () => void (changes += 1), onOpen: () => undefined });
    expect(view.sortedRecordIds).toHaveLength(30);
    const [first] = view.sortedRecordIds;
    expect(first).toMatch(/^\{[0-9A-F-]{36}\}$/);
    expect(view.records[first].getNamedReference()).toMatchObject({ id: { guid: first }, etn: "contact" });
    expect(view.paging.totalResultCount).toBe(contacts);
    const firstPage = [...view.sortedRecordIds];
    view.paging.loadNextPage();
    expect(view.sortedRecordIds.slice(0, 30)).toEqual(firstPage);
    expect(view.sortedRecordIds).toHaveLength(Math.min(60, contacts));
    expect(changes).toBe(1);
  });

  it("sorts by the column the control asks for, and refreshing starts again at the first page", () => {
    const view = createViewDataset(org.store, { table: "contact", pageSize: 10, onChange: () => undefined, onOpen: () => undefined });
    view.sorting.splice(0, 0, { name: "fullname", sortDirection: 1 });
    view.paging.loadNextPage();
    view.refresh();
    const names = view.sortedRecordIds.map((id) => view.records[id].getFormattedValue("fullname"));
    expect(names).toHaveLength(10);
    expect([...names].sort().reverse()).toEqual(names);
  });

  it("is empty for a table the stand-in does not hold, and names the table", () => {
    const view = createViewDataset(org.store, { table: "incident", onChange: () => undefined, onOpen: () => undefined });
    expect(view.sortedRecordIds).toEqual([]);
    expect(view.getTargetEntityType()).toBe("incident");
  });
});

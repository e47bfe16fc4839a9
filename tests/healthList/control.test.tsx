/**
 * The control driven as the host drives it: a dataset (the maker's view) in the shared mock context,
 * and a fake of the health list loader.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { RelationshipHealthList } from "../../components/RelationshipHealthList";
import { loadHealthList } from "../../shared/data/healthList";
import type { LoadResult } from "../../shared/model";
import { mockContext } from "../support/mockContext";
import { settle } from "../ui/harness";
import { CTOR, guid, scoredEntry } from "./support";

jest.mock("../../shared/data/healthList", () => ({ loadHealthList: jest.fn() }));
const load = loadHealthList as jest.MockedFunction<typeof loadHealthList>;

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityReference = ComponentFramework.EntityReference;

interface FakeDataset extends DataSet {
  opened: EntityReference[];
  refreshes: number;
  nextPages: number;
  pageSizes: number[];
}

/** A view as the host hands it over: ids in braces and upper case, the name as the primary column. */
function fakeDataset(table: string, people: Array<{ n: number; name: string; email: string }>, pageSize = 50): FakeDataset {
  const records = Object.fromEntries(
    people.map(({ n, name, email }) => {
      const id = `{${guid(n).toUpperCase()}}`;
      const reference = { id: { guid: id }, name, etn: table } as unknown as EntityReference;
      const values: Record<string, string> = { fullname: name, emailaddress1: email };
      return [id, { getRecordId: () => id, getFormattedValue: (c: string) => values[c] ?? "", getValue: (c: string) => values[c], getNamedReference: () => reference }];
    }),
  );
  const dataset = {
    columns: [
      { name: "fullname", displayName: "Full Name", dataType: "SingleLine.Text", alias: "fullname", order: 0, visualSizeFactor: 1, isPrimary: true },
      { name: "emailaddress1", displayName: "Email", dataType: "SingleLine.Email", alias: "emailaddress1", order: 1, visualSizeFactor: 1 },
    ],
    error: false,
    errorMessage: "",
    loading: false,
    sortedRecordIds: Object.keys(records),
    records,
    sorting: [] as ComponentFramework.PropertyHelper.DataSetApi.SortStatus[],
    opened: [] as EntityReference[],
    refreshes: 0,
    nextPages: 0,
    pageSizes: [] as number[],
    paging: {
      totalResultCount: people.length + 10,
      hasNextPage: true,
      hasPreviousPage: false,
      pageSize,
      firstPageNumber: 1,
      lastPageNumber: 1,
      loadNextPage: () => (dataset.nextPages += 1),
      loadPreviousPage: () => undefined,
      reset: () => undefined,
      loadExactPage: () => undefined,
      setPageSize: (size: number) => {
        dataset.pageSizes.push(size);
        dataset.paging.pageSize = size;
      },
    },
    getTargetEntityType: () => table,
    openDatasetItem: (reference: EntityReference) => dataset.opened.push(reference),
    refresh: () => (dataset.refreshes += 1),
  };
  return dataset as unknown as FakeDataset;
}

function mount(dataset: FakeDataset, pageSize: number | null = null, width = 1000) {
  const context = mockContext<{ records: DataSet; pageSize: ComponentFramework.PropertyTypes.WholeNumberProperty }>({
    ctor: CTOR,
    webAPI: {} as ComponentFramework.WebApi,
    inputs: { pageSize },
    width,
  });
  (context.parameters as { records: DataSet }).records = dataset;
  const control = new RelationshipHealthList();
  control.init(context);
  const view = render(control.updateView(context));
  return { context, control, rerender: () => view.rerender(control.updateView(context)) };
}

const PEOPLE = [
  { n: 1, name: "Ana Popescu", email: "ana@example.com" },
  { n: 2, name: "Mihai Ionescu", email: "mihai@example.com" },
];

beforeEach(() => {
  load.mockReset();
  load.mockImplementation((_services, _type, ids): Promise<LoadResult<Map<string, ReturnType<typeof scoredEntry>>>> =>
    Promise.resolve({ kind: "ready", data: new Map(ids.map((id) => [id, scoredEntry(Number(id.slice(-12)))])) }),
  );
});

describe("RelationshipHealthList", () => {
  it("scores the page's records, by lower-case id, for the view's table, as the signed-in user", async () => {
    mount(fakeDataset("contact", PEOPLE));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    const [services, type, ids] = load.mock.calls[0];
    expect(type).toBe("contact");
    expect(ids).toEqual([guid(1), guid(2)]);
    expect(services.userId).toBe("00000000-0000-0000-0000-000000000001");
    const grid = screen.getByRole("grid", { name: "Relationship health" });
    expect(within(grid).getAllByRole("row")).toHaveLength(3);
    expect(within(grid).getByRole("gridcell", { name: "mihai@example.com" })).toBeTruthy();
  });

  it("opens a record through the view, so its own open command applies", async () => {
    const dataset = fakeDataset("contact", PEOPLE);
    mount(dataset);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Mihai Ionescu" }));
    expect(dataset.opened.map((reference) => reference.name)).toEqual(["Mihai Ionescu"]);
  });

  it("asks the view for the maker's page size once, then the next page on Show more", async () => {
    const dataset = fakeDataset("contact", PEOPLE);
    const { rerender } = mount(dataset, 25);
    expect(dataset.pageSizes).toEqual([25]);
    expect(dataset.refreshes).toBe(1);
    rerender();
    await settle();
    expect(dataset.refreshes).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "Show more" }));
    expect(dataset.nextPages).toBe(1);
    expect(screen.getByText("Loaded: 2 of 12 in this view")).toBeTruthy();
  });

  it("keeps the page size within 5 to 250", async () => {
    const big = fakeDataset("contact", PEOPLE);
    mount(big, 10_000);
    const small = fakeDataset("contact", PEOPLE);
    mount(small, 1);
    const unset = fakeDataset("contact", PEOPLE, 20);
    mount(unset);
    await settle();
    expect([big.pageSizes, small.pageSizes, unset.pageSizes]).toEqual([[250], [5], [50]]);
  });

  it("sorts the view by one of its columns on the server", async () => {
    const dataset = fakeDataset("contact", PEOPLE);
    mount(dataset);
    await settle();
    fireEvent.click(screen.getByRole("button", { name: "Email" }));
    expect(dataset.sorting).toEqual([{ name: "emailaddress1", sortDirection: 0 }]);
    expect(dataset.refreshes).toBe(1);
  });

  it("says a view of another table is not supported and reads nothing", async () => {
    mount(fakeDataset("incident", PEOPLE));
    await settle();
    expect(screen.getByText(/this view shows incident/)).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it("asks for its width, to lay out for phones", async () => {
    const { context } = mount(fakeDataset("contact", PEOPLE));
    await settle();
    expect((context as unknown as { resizeTracking: boolean[] }).resizeTracking).toEqual([true]);
  });
});

import * as React from "react";
import { loadHealthList } from "../../shared/data/healthList";
import { hostProps } from "../../shared/pcf/host";
import { WidgetControl } from "../../shared/pcf/widgetControl";
import { pageSize, readDataset, sortByColumn, type ListRow } from "./dataset";
import { RelationshipHealthListView } from "./RelationshipHealthListView";

interface IInputs {
  records: ComponentFramework.PropertyTypes.DataSet;
  pageSize: ComponentFramework.PropertyTypes.WholeNumberProperty;
}

export class RelationshipHealthList extends WidgetControl<IInputs> {
  protected render(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const dataset = context.parameters.records;
    const size = pageSize(context.parameters.pageSize?.raw);
    // The page size applies from the next refresh, so ask for one only when it differs.
    if (dataset.paging.pageSize !== size) {
      dataset.paging.setPageSize(size);
      dataset.refresh();
    }
    const page = readDataset(dataset);
    const type = page.recordType;
    return React.createElement(RelationshipHealthListView, {
      ...hostProps(context),
      page,
      load: (ids: string[]) => (type ? loadHealthList(this.services, type, ids) : Promise.resolve({ kind: "noRecord" as const })),
      onOpen: (row: ListRow) => {
        const record = dataset.records[row.key];
        if (record) dataset.openDatasetItem(record.getNamedReference());
      },
      onSortColumn: (name: string) => sortByColumn(dataset, name),
      onLoadMore: () => dataset.paging.loadNextPage(),
      onRefresh: () => dataset.refresh(),
    });
  }
}

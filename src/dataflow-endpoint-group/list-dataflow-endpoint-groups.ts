import type { Handler } from '../api/context.js';
import type { DataflowEndpointListItem } from '../api/shapes.js';
import { pageResources } from '../api/pagination.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND, type DataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

export const listDataflowEndpointGroups: Handler<'ListDataflowEndpointGroups'> = (input, context) => {
  const page = pageResources<DataflowEndpointGroupRecord, DataflowEndpointListItem>(
    context.store,
    context.scope,
    DATAFLOW_ENDPOINT_GROUP_KIND,
    input,
    ({ id, doc }) => ({ dataflowEndpointGroupId: id, dataflowEndpointGroupArn: doc.arn }),
  );
  return { dataflowEndpointGroupList: page.items, nextToken: page.nextToken };
};

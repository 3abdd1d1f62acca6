import type { Handler } from '../api/context.js';
import type { StoredResource } from '../store/resources.js';
import { getDataflowEndpointGroupRecord, type DataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

export const getDataflowEndpointGroup: Handler<'GetDataflowEndpointGroup'> = (input, context) =>
  context.store.view(getDataflowEndpointGroupRecord(context, input.dataflowEndpointGroupId), dataflowEndpointGroupView);

function dataflowEndpointGroupView({ id, doc, tags }: StoredResource<DataflowEndpointGroupRecord>) {
  return {
    dataflowEndpointGroupId: id,
    dataflowEndpointGroupArn: doc.arn,
    endpointsDetails: doc.endpointsDetails,
    contactPrePassDurationSeconds: doc.contactPrePassDurationSeconds,
    contactPostPassDurationSeconds: doc.contactPostPassDurationSeconds,
    tags,
  };
}

import type { Handler } from '../api/context.js';
import { getDataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

export const getDataflowEndpointGroup: Handler<'GetDataflowEndpointGroup'> = (input, context) => {
  const { id, doc, tags } = getDataflowEndpointGroupRecord(context, input.dataflowEndpointGroupId);
  return {
    dataflowEndpointGroupId: id,
    dataflowEndpointGroupArn: doc.arn,
    endpointsDetails: doc.endpointsDetails,
    contactPrePassDurationSeconds: doc.contactPrePassDurationSeconds,
    contactPostPassDurationSeconds: doc.contactPostPassDurationSeconds,
    tags,
  };
};

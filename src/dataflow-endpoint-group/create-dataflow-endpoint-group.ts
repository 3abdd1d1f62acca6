import type { Handler } from '../api/context.js';
import { createDataflowEndpointGroupRecord, describeEndpoints, V1_ENDPOINT_KINDS } from './dataflow-endpoint-group-record.js';

export const createDataflowEndpointGroup: Handler<'CreateDataflowEndpointGroup'> = (input, context) => ({
  dataflowEndpointGroupId: createDataflowEndpointGroupRecord(context, describeEndpoints(input.endpointDetails, 'endpointDetails', V1_ENDPOINT_KINDS), input),
});

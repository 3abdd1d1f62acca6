import type { Handler } from '../api/context.js';
import { createDataflowEndpointGroupRecord, describeEndpoints, V2_ENDPOINT_KINDS } from './dataflow-endpoint-group-record.js';

// V2 takes agent endpoints as a union per entry; stored as the same EndpointDetails V1 reports.
export const createDataflowEndpointGroupV2: Handler<'CreateDataflowEndpointGroupV2'> = (input, context) => ({
  dataflowEndpointGroupId: createDataflowEndpointGroupRecord(context, describeEndpoints(input.endpoints, 'endpoints', V2_ENDPOINT_KINDS), input),
});

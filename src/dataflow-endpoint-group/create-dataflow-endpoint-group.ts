import type { Handler } from '../api/context.js';
import { createDataflowEndpointGroupRecord, describeEndpoints } from './dataflow-endpoint-group-record.js';

export const createDataflowEndpointGroup: Handler<'CreateDataflowEndpointGroup'> = (input, context) => ({
  dataflowEndpointGroupId: createDataflowEndpointGroupRecord(context, describeEndpoints(input.endpointDetails, 'endpointDetails'), input),
});

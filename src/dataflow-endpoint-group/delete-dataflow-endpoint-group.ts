import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND, getDataflowEndpointGroupRecord } from './dataflow-endpoint-group-record.js';

// A contact holds a reference to its group until it ends; the group cannot go while one does.
export const deleteDataflowEndpointGroup: Handler<'DeleteDataflowEndpointGroup'> = (input, context) => {
  const { id, doc } = getDataflowEndpointGroupRecord(context, input.dataflowEndpointGroupId);
  const holders = context.store.referrers(context.scope, { kind: DATAFLOW_ENDPOINT_GROUP_KIND, id });
  if (holders.length > 0) {
    const names = holders.map((holder) => `${holder.kind} ${holder.id}`).join(', ');
    throw new InvalidParameterException(`Dataflow endpoint group ${doc.arn} is held by ${names}`, 'dataflowEndpointGroupId');
  }
  context.store.delete(context.scope, DATAFLOW_ENDPOINT_GROUP_KIND, id);
  return { dataflowEndpointGroupId: id };
};

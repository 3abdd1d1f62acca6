import type { Handler, OperationContext } from '../api/context.js';
import { arnFor } from '../api/arn.js';
import { CONTACT_KIND } from '../contact/contact-record.js';
import { DATAFLOW_ENDPOINT_GROUP_KIND } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { HEARTBEAT_SECONDS } from './agent-heartbeats.js';
import { agentGroups, getAgentRecord } from './agent-record.js';

/**
 * The contacts that hold a group: a contact holds its groups from reservation until it ends. A
 * contact of another region delivering here (cross-region delivery) keeps its own region's ARN.
 */
function contactsHolding(context: OperationContext, groupId: string) {
  return context.store
    .referrers(context.scope, { kind: DATAFLOW_ENDPOINT_GROUP_KIND, id: groupId })
    .filter((holder) => holder.kind === CONTACT_KIND)
    .map((holder) => ({
      contactId: holder.id,
      contactArn: arnFor({ account: context.scope.account, region: holder.region }, `${CONTACT_KIND}/${holder.id}`),
    }));
}

// The tasking document's layout is our choice: the real one is not published. It lists the
// groups the agent serves, as GetDataflowEndpointGroup shows them, with the contacts to come, and
// how often the agent must report (UpdateAgentStatus) to keep its endpoints healthy.
export const getAgentConfiguration: Handler<'GetAgentConfiguration'> = (input, context) => {
  const agent = getAgentRecord(context, input.agentId);
  const dataflowEndpointGroups = agentGroups(context, agent.doc).map(({ id, doc }) => ({
    dataflowEndpointGroupId: id,
    dataflowEndpointGroupArn: doc.arn,
    endpointsDetails: doc.endpointsDetails,
    contactPrePassDurationSeconds: doc.contactPrePassDurationSeconds,
    contactPostPassDurationSeconds: doc.contactPostPassDurationSeconds,
    contacts: contactsHolding(context, id),
  }));
  return { agentId: agent.id, taskingDocument: JSON.stringify({ agentId: agent.id, agentArn: agent.doc.arn, heartbeatSeconds: HEARTBEAT_SECONDS, dataflowEndpointGroups }) };
};

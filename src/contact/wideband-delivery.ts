import { isWidebandDownlink } from '../config/config-rules.js';
import { endpointName, type DataflowEndpointGroupRecord } from '../dataflow-endpoint-group/dataflow-endpoint-group-record.js';
import { configOfEdgeArn } from './contact-snapshot.js';
import type { ContactRecord } from './contact-record.js';

/**
 * Why the contact cannot deliver its wideband downlinks, if it cannot: a downlink wider than
 * 54 MHz reaches the customer only as wideband DigIF through the Ground Station Agent, so each
 * one must flow to a dataflow-endpoint config whose endpoint in the held group is an agent endpoint
 * (awsGroundStationAgentEndpoint, or a V2 group's downlinkAwsGroundStationAgentEndpoint).
 */
export function widebandDeliveryFailure(snapshot: ContactRecord['snapshot'], groups: DataflowEndpointGroupRecord[]): string | undefined {
  for (const [from, to] of snapshot.profile.dataflowEdges) {
    const source = configOfEdgeArn(snapshot, from!);
    if (!isWidebandDownlink(source)) continue;
    const destination = configOfEdgeArn(snapshot, to!);
    const name = destination.configData.dataflowEndpointConfig?.dataflowEndpointName;
    const entry = name === undefined ? undefined : groups.flatMap((group) => group.endpointsDetails).find((e) => endpointName(e) === name);
    if (!entry?.awsGroundStationAgentEndpoint && !entry?.downlinkAwsGroundStationAgentEndpoint) {
      const bandwidth = source.configData.antennaDownlinkConfig!.spectrumConfig.bandwidth;
      const where = name === undefined ? `a ${destination.configType} config` : `endpoint ${name}, which is not an agent endpoint`;
      return `The antenna-downlink config ${source.arn} has a bandwidth of ${bandwidth.value} ${bandwidth.units}; a downlink wider than 54 MHz can only be delivered to a Ground Station Agent endpoint (wideband DigIF), not to ${where}`;
    }
  }
  return undefined;
}

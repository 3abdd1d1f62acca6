import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { agentEndpointDetails, registerAgentRequest } from '../agent/agent-fixtures.js';
import { boto3Ok, groundStationArn } from '../support/clients.js';
import { configData, endpointDetails } from '../support/fixtures.js';
import { snppWidebandDownlink } from '../config/wideband-data.js';
import { createContactProfile, firstOhioWindow, moveClock, noaa20Arn, stoppedClockDataDir } from './contact-support.js';

const WIDEBAND_REASON = /350 MHz; a downlink wider than 54 MHz can only be delivered to a Ground Station Agent endpoint/;

// AWS's wideband sample (aws-samples/aws-groundstation-wbdigif-snpp) sends a 350 MHz antenna-downlink
// to a dataflow-endpoint config naming the agent endpoint of its group: that contact schedules.
// The same downlink sent to S3 or to a plain endpoint cannot be delivered, so it fails to schedule.
describe('contacts with a wideband downlink', () => {
  const data = stoppedClockDataDir();
  let url: string;
  let satelliteArn: string;
  const configArn = async (name: string, configData: object) => (await boto3Ok(url, { op: 'create_config', params: { name, configData } })).configArn as string;
  let tracking: string;
  let wideband: string;

  before(async () => {
    url = (await data.start()).url;
    satelliteArn = await noaa20Arn(url);
    tracking = await configArn('tracking', configData.tracking);
    wideband = await configArn('SNPP 350 MHz Downlink WBDigIF', snppWidebandDownlink());
  });

  const outcomeOf = async (destination: string) => {
    const profile = await createContactProfile(url, { name: 'wideband', dataflowEdges: [[wideband, destination]], trackingConfigArn: tracking });
    const contactId = await (await firstOhioWindow(url, profile.missionProfileArn, satelliteArn)).reserve();
    await moveClock(url, { advanceSeconds: 2 });
    return boto3Ok(url, { op: 'describe_contact', params: { contactId } });
  };

  it('ReserveContact of a 350 MHz downlink delivered to S3 ends FAILED_TO_SCHEDULE with the reason', async () => {
    const contact = await outcomeOf(await configArn('s3', configData['s3-recording']));
    assert.equal(contact.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(contact.errorMessage, WIDEBAND_REASON);
    assert.match(contact.errorMessage, /not to a s3-recording config/);
  });

  it('ReserveContact of a 350 MHz downlink delivered to a plain dataflow endpoint ends FAILED_TO_SCHEDULE with the reason', async () => {
    await boto3Ok(url, { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails('plain-downlink')] } });
    const destination = await configArn('plain', { dataflowEndpointConfig: { dataflowEndpointName: 'plain-downlink' } });
    const contact = await outcomeOf(destination);
    assert.equal(contact.contactStatus, 'FAILED_TO_SCHEDULE');
    assert.match(contact.errorMessage, /endpoint plain-downlink, which is not an agent endpoint/);
    const { contactList } = await boto3Ok(url, {
      op: 'list_contacts',
      params: { statusList: ['FAILED_TO_SCHEDULE'], startTime: contact.startTime - 1, endTime: contact.endTime + 1 },
    });
    assert.equal(contactList.length, 2);
    for (const row of contactList) assert.match(row.errorMessage, WIDEBAND_REASON);
  });

  it('ReserveContact of a 350 MHz downlink delivered to an agent endpoint schedules, holding the agent group', async () => {
    const { dataflowEndpointGroupId } = await boto3Ok(url, {
      op: 'create_dataflow_endpoint_group',
      params: { endpointDetails: [agentEndpointDetails('wideband-downlink')] },
    });
    await boto3Ok(url, { op: 'register_agent', params: registerAgentRequest([groundStationArn(`dataflow-endpoint-group/${dataflowEndpointGroupId}`)]) });
    const destination = await configArn('agent', { dataflowEndpointConfig: { dataflowEndpointName: 'wideband-downlink' } });
    const contact = await outcomeOf(destination);
    assert.equal(contact.contactStatus, 'SCHEDULED');
    assert.equal(contact.errorMessage, undefined);
    const [flow] = contact.dataflowList;
    assert.equal(flow.source.configType, 'antenna-downlink');
    assert.equal(flow.destination.configDetails.endpointDetails.awsGroundStationAgentEndpoint.name, 'wideband-downlink');
  });

  it('ReserveContact of a 350 MHz downlink delivered to a V2 group\'s downlink agent endpoint schedules', async () => {
    const agentAddress = { socketAddress: { name: '10.0.0.2', portRange: { minimum: 42000, maximum: 43000 } }, mtu: 1500 };
    const { dataflowEndpointGroupId } = await boto3Ok(url, {
      op: 'create_dataflow_endpoint_group_v2',
      params: {
        endpoints: [
          {
            downlinkAwsGroundStationAgentEndpoint: {
              name: 'v2-wideband',
              dataflowDetails: { agentConnectionDetails: { agentIpAndPortAddress: agentAddress, egressAddressAndPort: { socketAddress: { name: '10.0.0.1', port: 55001 } } } },
            },
          },
        ],
      },
    });
    await boto3Ok(url, { op: 'register_agent', params: registerAgentRequest([groundStationArn(`dataflow-endpoint-group/${dataflowEndpointGroupId}`)]) });
    const contact = await outcomeOf(await configArn('v2 agent', { dataflowEndpointConfig: { dataflowEndpointName: 'v2-wideband' } }));
    assert.equal(contact.contactStatus, 'SCHEDULED');
  });
});

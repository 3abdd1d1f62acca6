import type { HandlerMap } from './api/context.js';
import { getAgentConfiguration } from './agent/get-agent-configuration.js';
import { getAgentTaskResponseUrl } from './agent/get-agent-task-response-url.js';
import { registerAgent } from './agent/register-agent.js';
import { updateAgentStatus } from './agent/update-agent-status.js';
import { createConfig } from './config/create-config.js';
import { cancelContact } from './contact/cancel-contact.js';
import { describeContactVersion, listContactVersions } from './contact/contact-versions.js';
import { describeContact } from './contact/describe-contact.js';
import { listContacts } from './contact/list-contacts.js';
import { listGroundStationReservations } from './contact/list-ground-station-reservations.js';
import { reserveContact } from './contact/reserve-contact.js';
import { updateContact } from './contact/update-contact.js';
import { deleteConfig } from './config/delete-config.js';
import { getConfig } from './config/get-config.js';
import { listConfigs } from './config/list-configs.js';
import { updateConfig } from './config/update-config.js';
import { createDataflowEndpointGroup } from './dataflow-endpoint-group/create-dataflow-endpoint-group.js';
import { createDataflowEndpointGroupV2 } from './dataflow-endpoint-group/create-dataflow-endpoint-group-v2.js';
import { deleteDataflowEndpointGroup } from './dataflow-endpoint-group/delete-dataflow-endpoint-group.js';
import { getDataflowEndpointGroup } from './dataflow-endpoint-group/get-dataflow-endpoint-group.js';
import { listDataflowEndpointGroups } from './dataflow-endpoint-group/list-dataflow-endpoint-groups.js';
import { createEphemeris } from './ephemeris/create-ephemeris.js';
import { deleteEphemeris } from './ephemeris/delete-ephemeris.js';
import { describeEphemeris } from './ephemeris/describe-ephemeris.js';
import { listEphemerides } from './ephemeris/list-ephemerides.js';
import { updateEphemeris } from './ephemeris/update-ephemeris.js';
import { listAntennas } from './ground-station/list-antennas.js';
import { listGroundStations } from './ground-station/list-ground-stations.js';
import { createMissionProfile } from './mission-profile/create-mission-profile.js';
import { deleteMissionProfile } from './mission-profile/delete-mission-profile.js';
import { getMissionProfile } from './mission-profile/get-mission-profile.js';
import { listMissionProfiles } from './mission-profile/list-mission-profiles.js';
import { updateMissionProfile } from './mission-profile/update-mission-profile.js';
import { getMinuteUsage } from './minute-usage/get-minute-usage.js';
import { getSatellite } from './satellite/get-satellite.js';
import { listSatellites } from './satellite/list-satellites.js';
import { listTagsForResource } from './tags/list-tags-for-resource.js';
import { tagResource } from './tags/tag-resource.js';
import { untagResource } from './tags/untag-resource.js';

/** Every operation of the model, by name. */
export const handlers: HandlerMap = {
  CreateMissionProfile: createMissionProfile,
  GetMissionProfile: getMissionProfile,
  UpdateMissionProfile: updateMissionProfile,
  DeleteMissionProfile: deleteMissionProfile,
  ListMissionProfiles: listMissionProfiles,

  CreateConfig: createConfig,
  GetConfig: getConfig,
  UpdateConfig: updateConfig,
  DeleteConfig: deleteConfig,
  ListConfigs: listConfigs,

  CreateDataflowEndpointGroup: createDataflowEndpointGroup,
  CreateDataflowEndpointGroupV2: createDataflowEndpointGroupV2,
  GetDataflowEndpointGroup: getDataflowEndpointGroup,
  DeleteDataflowEndpointGroup: deleteDataflowEndpointGroup,
  ListDataflowEndpointGroups: listDataflowEndpointGroups,

  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,

  ReserveContact: reserveContact,
  DescribeContact: describeContact,
  CancelContact: cancelContact,
  ListContacts: listContacts,
  UpdateContact: updateContact,
  DescribeContactVersion: describeContactVersion,
  ListContactVersions: listContactVersions,

  ListGroundStations: listGroundStations,
  ListAntennas: listAntennas,
  ListGroundStationReservations: listGroundStationReservations,
  GetSatellite: getSatellite,
  ListSatellites: listSatellites,

  CreateEphemeris: createEphemeris,
  DescribeEphemeris: describeEphemeris,
  UpdateEphemeris: updateEphemeris,
  DeleteEphemeris: deleteEphemeris,
  ListEphemerides: listEphemerides,

  RegisterAgent: registerAgent,
  GetAgentConfiguration: getAgentConfiguration,
  UpdateAgentStatus: updateAgentStatus,
  GetAgentTaskResponseUrl: getAgentTaskResponseUrl,

  GetMinuteUsage: getMinuteUsage,
};

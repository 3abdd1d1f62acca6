import type { Handler, HandlerMap } from './api/context.js';
import type { OperationName } from './api/shapes.js';
import { notImplemented } from './api/errors.js';
import { createConfig } from './config/create-config.js';
import { deleteConfig } from './config/delete-config.js';
import { getConfig } from './config/get-config.js';
import { listConfigs } from './config/list-configs.js';
import { updateConfig } from './config/update-config.js';
import { createDataflowEndpointGroup } from './dataflow-endpoint-group/create-dataflow-endpoint-group.js';
import { createDataflowEndpointGroupV2 } from './dataflow-endpoint-group/create-dataflow-endpoint-group-v2.js';
import { deleteDataflowEndpointGroup } from './dataflow-endpoint-group/delete-dataflow-endpoint-group.js';
import { getDataflowEndpointGroup } from './dataflow-endpoint-group/get-dataflow-endpoint-group.js';
import { listDataflowEndpointGroups } from './dataflow-endpoint-group/list-dataflow-endpoint-groups.js';
import { createMissionProfile } from './mission-profile/create-mission-profile.js';
import { deleteMissionProfile } from './mission-profile/delete-mission-profile.js';
import { getMissionProfile } from './mission-profile/get-mission-profile.js';
import { listMissionProfiles } from './mission-profile/list-mission-profiles.js';
import { updateMissionProfile } from './mission-profile/update-mission-profile.js';
import { listTagsForResource } from './tags/list-tags-for-resource.js';
import { tagResource } from './tags/tag-resource.js';
import { untagResource } from './tags/untag-resource.js';

// A deliberate gap: listed here so the start-up check still holds, answering one uniform error.
const notYet = <Op extends OperationName>(operation: Op): Handler<Op> => () => {
  throw notImplemented(operation);
};

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

  ReserveContact: notYet('ReserveContact'),
  DescribeContact: notYet('DescribeContact'),
  CancelContact: notYet('CancelContact'),
  ListContacts: notYet('ListContacts'),
  UpdateContact: notYet('UpdateContact'),
  DescribeContactVersion: notYet('DescribeContactVersion'),
  ListContactVersions: notYet('ListContactVersions'),

  ListGroundStations: notYet('ListGroundStations'),
  ListAntennas: notYet('ListAntennas'),
  ListGroundStationReservations: notYet('ListGroundStationReservations'),
  GetSatellite: notYet('GetSatellite'),
  ListSatellites: notYet('ListSatellites'),

  CreateEphemeris: notYet('CreateEphemeris'),
  DescribeEphemeris: notYet('DescribeEphemeris'),
  UpdateEphemeris: notYet('UpdateEphemeris'),
  DeleteEphemeris: notYet('DeleteEphemeris'),
  ListEphemerides: notYet('ListEphemerides'),

  RegisterAgent: notYet('RegisterAgent'),
  GetAgentConfiguration: notYet('GetAgentConfiguration'),
  UpdateAgentStatus: notYet('UpdateAgentStatus'),
  GetAgentTaskResponseUrl: notYet('GetAgentTaskResponseUrl'),

  GetMinuteUsage: notYet('GetMinuteUsage'),
};

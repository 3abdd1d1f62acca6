import type { Handler } from '../api/context.js';
import type { MissionProfileListItem } from '../api/shapes.js';
import { pageResources } from '../api/pagination.js';
import { MISSION_PROFILE_KIND, type MissionProfileRecord } from './mission-profile-record.js';

export const listMissionProfiles: Handler<'ListMissionProfiles'> = (input, context) => {
  const page = pageResources<MissionProfileRecord, MissionProfileListItem>(
    context.store,
    context.scope,
    MISSION_PROFILE_KIND,
    input,
    ({ id, doc }) => ({ missionProfileId: id, missionProfileArn: doc.arn, region: context.scope.region, name: doc.name }),
  );
  return { missionProfileList: page.items, nextToken: page.nextToken };
};

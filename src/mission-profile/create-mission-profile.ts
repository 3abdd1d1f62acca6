import type { Handler } from '../api/context.js';
import { checkMissionProfile } from './mission-profile-rules.js';
import { MISSION_PROFILE_KIND, missionProfileArn, type MissionProfileRecord } from './mission-profile-record.js';

export const createMissionProfile: Handler<'CreateMissionProfile'> = (input, context) => {
  const missionProfileId = context.clock.newId();
  const { tags, ...fields } = input;
  const record: MissionProfileRecord = { arn: missionProfileArn(context.scope, missionProfileId), ...fields };
  const references = checkMissionProfile(context, record);
  context.store.insert(context.scope, MISSION_PROFILE_KIND, missionProfileId, record, tags, references);
  return { missionProfileId };
};

import type { Handler } from '../api/context.js';
import { getMissionProfileRecord, MISSION_PROFILE_KIND } from './mission-profile-record.js';

// Reserved contacts keep their snapshot and ARN after the profile is gone (SEMANTICS §1.4).
export const deleteMissionProfile: Handler<'DeleteMissionProfile'> = (input, context) => {
  const { id } = getMissionProfileRecord(context, input.missionProfileId);
  context.store.delete(context.scope, MISSION_PROFILE_KIND, id);
  return { missionProfileId: id };
};

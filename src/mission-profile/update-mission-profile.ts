import type { Handler } from '../api/context.js';
import { checkMissionProfile } from './mission-profile-rules.js';
import { getMissionProfileRecord, MISSION_PROFILE_KIND, type MissionProfileRecord } from './mission-profile-record.js';

// Only the members supplied change; the merged profile must pass every rule, or nothing changes.
// Contacts already reserved keep their own frozen copy, so they are not touched here.
export const updateMissionProfile: Handler<'UpdateMissionProfile'> = (input, context) => {
  const existing = getMissionProfileRecord(context, input.missionProfileId);
  const { missionProfileId, ...changes } = input;
  const merged: MissionProfileRecord = { ...existing.doc, ...changes };
  const references = checkMissionProfile(context, merged);
  context.store.replace(context.scope, MISSION_PROFILE_KIND, missionProfileId, merged);
  context.store.setReferences(context.scope, { kind: MISSION_PROFILE_KIND, id: missionProfileId }, references);
  return { missionProfileId };
};

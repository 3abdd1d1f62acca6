import type { Handler } from '../api/context.js';
import { getMissionProfileRecord } from './mission-profile-record.js';

export const getMissionProfile: Handler<'GetMissionProfile'> = (input, context) => {
  const { id, doc, tags } = getMissionProfileRecord(context, input.missionProfileId);
  const { arn, ...fields } = doc;
  return { missionProfileId: id, missionProfileArn: arn, region: context.scope.region, ...fields, tags };
};

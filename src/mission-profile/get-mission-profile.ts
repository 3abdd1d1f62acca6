import type { Handler } from '../api/context.js';
import { parseArn } from '../api/arn.js';
import type { StoredResource } from '../store/resources.js';
import { getMissionProfileRecord, type MissionProfileRecord } from './mission-profile-record.js';

export const getMissionProfile: Handler<'GetMissionProfile'> = (input, context) =>
  context.store.view(getMissionProfileRecord(context, input.missionProfileId), missionProfileView);

function missionProfileView({ id, doc, tags }: StoredResource<MissionProfileRecord>) {
  const { arn, ...fields } = doc;
  return { missionProfileId: id, missionProfileArn: arn, region: parseArn(arn)!.region, ...fields, tags };
}

import type { OperationContext } from '../api/context.js';
import type { KmsKey } from '../api/shapes.js';
import { arnFor } from '../api/arn.js';
import { ResourceNotFoundException } from '../api/errors.js';
import type { Scope, StoredResource } from '../store/resources.js';

export const MISSION_PROFILE_KIND = 'mission-profile';

/** Everything a profile stores; contacts freeze a copy of it when they are reserved. */
export interface MissionProfileRecord {
  arn: string;
  name: string;
  contactPrePassDurationSeconds?: number;
  contactPostPassDurationSeconds?: number;
  minimumViableContactDurationSeconds: number;
  dataflowEdges: string[][];
  trackingConfigArn: string;
  telemetrySinkConfigArn?: string;
  streamsKmsKey?: KmsKey;
  streamsKmsRole?: string;
}

export const missionProfileArn = (scope: Scope, id: string) => arnFor(scope, `mission-profile/${id}`);

export function getMissionProfileRecord(context: OperationContext, missionProfileId: string): StoredResource<MissionProfileRecord> {
  const profile = context.store.get<MissionProfileRecord>(context.scope, MISSION_PROFILE_KIND, missionProfileId);
  if (!profile) throw new ResourceNotFoundException(`Mission profile ${missionProfileId} was not found`);
  return profile;
}

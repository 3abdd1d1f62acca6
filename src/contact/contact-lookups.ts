import type { OperationContext } from '../api/context.js';
import { inScope, parseArn } from '../api/arn.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import { findGroundStation, type GroundStation } from '../ground-station/ground-stations.js';
import { getMissionProfileRecord, MISSION_PROFILE_KIND } from '../mission-profile/mission-profile-record.js';
import { findSatelliteByArn, type Satellite } from '../satellite/satellites.js';

/** The mission profile an ARN names in the caller's account and region (434 elsewhere). */
export function missionProfileByArn(context: OperationContext, arn: string, parameterName = 'missionProfileArn') {
  const parsed = parseArn(arn);
  const [kind, id, ...rest] = parsed?.resource ?? [];
  if (!parsed || kind !== MISSION_PROFILE_KIND || !id || rest.length > 0) {
    throw new InvalidParameterException(`${parameterName} is not a mission profile ARN: ${arn}`, parameterName);
  }
  if (!inScope(parsed, context.scope)) throw new ResourceNotFoundException(`Mission profile ${arn} was not found`);
  return getMissionProfileRecord(context, id);
}

export function satelliteByArn(context: OperationContext, arn: string): Satellite {
  const satellite = findSatelliteByArn(context, arn);
  if (!satellite) throw new ResourceNotFoundException(`Satellite ${arn} was not found`);
  return satellite;
}

/** A ground station by name; every location may be used from every region (SEMANTICS §4). */
export function knownStation(name: string): GroundStation {
  const station = findGroundStation(name);
  if (!station) throw new ResourceNotFoundException(`Ground station ${name} was not found`);
  return station;
}

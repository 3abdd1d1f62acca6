import type { Handler, OperationContext } from '../api/context.js';
import type { CreateEphemerisRequest } from '../api/shapes.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import { findGroundStation } from '../ground-station/ground-stations.js';
import { MAX_OEM_CHARACTERS } from '../orbit/index.js';
import { findSatellite, type Satellite } from '../satellite/satellites.js';
import { validateAzEl } from './az-el-validation.js';
import { statusTimeline } from './ephemeris-events.js';
import {
  EPHEMERIS_KIND,
  ephemerisArn,
  type EphemerisRecord,
  type EphemerisSourceData,
} from './ephemeris-record.js';
import { validateOem, validateTleSet, type Validated } from './ephemeris-validation.js';

const DEFAULT_PRIORITY = 1;

// Validation runs now, against the creation instant; the outcome shows (and its event, the first
// of the ephemeris, is published by the change scheduler) after VALIDATION_DELAY_MS.
export const createEphemeris: Handler<'CreateEphemeris'> = (input, context) => {
  const { type, source, groundStation } = suppliedData(input);
  const satellite = type === 'AZ_EL' && input.satelliteId === undefined ? undefined : requireSatellite(input.satelliteId, context);
  const nowMs = context.clock.nowMs();
  const expirationTimeMs = input.expirationTime?.getTime();
  const validated = validate(source, satellite, nowMs, expirationTimeMs);

  const ephemerisId = context.clock.newId();
  const record: EphemerisRecord = {
    arn: ephemerisArn(context.scope, ephemerisId),
    ...(satellite ? { satelliteId: satellite.satelliteId } : {}),
    ephemerisType: type,
    ...(groundStation !== undefined ? { groundStation } : {}),
    name: input.name,
    priority: input.priority ?? DEFAULT_PRIORITY,
    enabled: input.enabled ?? true,
    creationTimeMs: nowMs,
    changedMs: nowMs,
    ...(validated.expirationTimeMs !== undefined ? { expirationTimeMs: validated.expirationTimeMs } : {}),
    ...(validated.coverage && type !== 'AZ_EL' ? { coverage: validated.coverage } : {}),
    ...(input.kmsKeyArn !== undefined ? { kmsKeyArn: input.kmsKeyArn } : {}),
    source,
    validation: validated.validation,
  };
  context.store.insert(context.scope, EPHEMERIS_KIND, ephemerisId, record, input.tags);
  context.publishedChanges.save(context.scope, EPHEMERIS_KIND, ephemerisId, statusTimeline(record), []);
  return { ephemerisId };
};

/** The one kind of data supplied, inline or as an S3 object. */
function suppliedData(input: CreateEphemerisRequest): { type: EphemerisRecord['ephemerisType']; source: EphemerisSourceData; groundStation?: string } {
  const { tle, oem, azEl } = input.ephemeris ?? {};
  if (azEl) {
    if (!findGroundStation(azEl.groundStation)) throw new ResourceNotFoundException(`Ground station ${azEl.groundStation} was not found`);
    const { s3Object, azElData } = azEl.data;
    if ((s3Object === undefined) === (azElData === undefined)) {
      throw new InvalidParameterException('ephemeris.azEl.data needs exactly one of s3Object and azElData', 'ephemeris.azEl.data');
    }
    const source = azElData
      ? {
          azElData: {
            angleUnit: azElData.angleUnit,
            segments: azElData.azElSegmentList.map((segment) => ({
              referenceEpochMs: segment.referenceEpoch.getTime(),
              startMs: segment.validTimeRange.startTime.getTime(),
              endMs: segment.validTimeRange.endTime.getTime(),
              azElList: segment.azElList.map(({ dt, az, el }) => ({ dt, az, el })),
            })),
          },
        }
      : { s3Object: s3Object! };
    return { type: 'AZ_EL', source, groundStation: azEl.groundStation };
  }
  if (tle) {
    if ((tle.s3Object === undefined) === (tle.tleData === undefined)) {
      throw new InvalidParameterException('ephemeris.tle needs exactly one of s3Object and tleData', 'ephemeris');
    }
    const source = tle.tleData
      ? { tleSegments: tle.tleData.map((d) => ({ line1: d.tleLine1, line2: d.tleLine2, startMs: d.validTimeRange.startTime.getTime(), endMs: d.validTimeRange.endTime.getTime() })) }
      : { s3Object: tle.s3Object! };
    return { type: 'TLE', source };
  }
  if (oem) {
    if ((oem.s3Object === undefined) === (oem.oemData === undefined)) {
      throw new InvalidParameterException('ephemeris.oem needs exactly one of s3Object and oemData', 'ephemeris');
    }
    // Refused before it is stored: keeping and parsing it would hold up every other request.
    if (oem.oemData !== undefined && oem.oemData.length > MAX_OEM_CHARACTERS) {
      throw new InvalidParameterException(
        `ephemeris.oem.oemData has ${oem.oemData.length} characters; at most ${MAX_OEM_CHARACTERS} are accepted inline`,
        'ephemeris',
      );
    }
    return { type: 'OEM', source: oem.oemData !== undefined ? { oemData: oem.oemData } : { s3Object: oem.s3Object! } };
  }
  throw new InvalidParameterException('ephemeris is required: give tle, oem or azEl data', 'ephemeris');
}

function requireSatellite(satelliteId: string | undefined, context: OperationContext): Satellite {
  if (satelliteId === undefined) throw new InvalidParameterException('satelliteId is required for a TLE or OEM ephemeris', 'satelliteId');
  const satellite = findSatellite(context, satelliteId);
  if (!satellite) throw new ResourceNotFoundException(`Satellite ${satelliteId} was not found`);
  return satellite;
}

// An S3 object cannot be fetched: no S3 endpoint is configured, so it ends in ERROR (SEMANTICS §5.4).
function validate(source: EphemerisSourceData, satellite: Satellite | undefined, nowMs: number, expirationTimeMs?: number): Validated {
  if ('tleSegments' in source) return validateTleSet(source.tleSegments, satellite!, nowMs, expirationTimeMs);
  if ('azElData' in source) return validateAzEl(source.azElData, nowMs, expirationTimeMs);
  if ('oemData' in source) return validateOem(source.oemData, nowMs, expirationTimeMs);
  return { validation: { result: 'ERROR' }, ...(expirationTimeMs !== undefined ? { expirationTimeMs } : {}) };
}

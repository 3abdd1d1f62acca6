import type { OperationContext } from '../api/context.js';
import type { AngleUnits, EphemerisErrorReason, EphemerisInvalidReason, EphemerisStatus, S3Object, TimeAzEl } from '../api/shapes.js';
import { arnFor } from '../api/arn.js';
import { ResourceNotFoundException } from '../api/errors.js';
import type { ResourceStore, Scope, StoredResource } from '../store/resources.js';

export const EPHEMERIS_KIND = 'ephemeris';

// How long an ephemeris shows VALIDATING before its outcome (SEMANTICS §5.3, our choice: ~1 s).
export const VALIDATION_DELAY_MS = 1000;

/** One TLE of a set and the span it is valid for: start-inclusive, end-exclusive. */
export interface TleSegment {
  line1: string;
  line2: string;
  startMs: number;
  endMs: number;
}

/** One az-el segment as supplied: samples at `dt` seconds from its reference epoch. */
export interface AzElSegmentData {
  referenceEpochMs: number;
  startMs: number;
  endMs: number;
  azElList: TimeAzEl[];
}

export interface AzElData {
  angleUnit: AngleUnits;
  segments: AzElSegmentData[];
}

export type EphemerisSourceData = { tleSegments: TleSegment[] } | { oemData: string } | { azElData: AzElData } | { s3Object: S3Object };

/** What validation decided at creation; the status shown is derived from it and the clock. */
export type ValidationOutcome =
  | { result: 'VALID' }
  | { result: 'INVALID'; invalidReason: EphemerisInvalidReason; errorReasons: EphemerisErrorReason[] }
  | { result: 'ERROR' };

export interface EphemerisRecord {
  arn: string;
  /** Optional for an az-el ephemeris, which points an antenna rather than positioning a satellite. */
  satelliteId?: string;
  ephemerisType: 'TLE' | 'OEM' | 'AZ_EL';
  /** The ground station an az-el ephemeris's angles are seen from; the only one it can be used at. */
  groundStation?: string;
  name: string;
  priority: number;
  enabled: boolean;
  creationTimeMs: number;
  /** Last create or update: between equal priorities the most recent wins (SEMANTICS §5.2). */
  changedMs: number;
  /** The given expirationTime, else the end of coverage; unknown when the data could not be read. */
  expirationTimeMs?: number;
  /**
   * The span the data positions the satellite over, as validation read it (VALID TLE and OEM data
   * since 2026-12): choosing among ephemerides reads it here instead of parsing the data.
   */
  coverage?: { startMs: number; endMs: number };
  kmsKeyArn?: string;
  source: EphemerisSourceData;
  validation: ValidationOutcome;
}

export const ephemerisArn = (scope: Scope, ephemerisId: string) => arnFor(scope, `ephemeris/${ephemerisId}`);

/**
 * The status at an instant, a pure function of the record and the clock: VALIDATING for the
 * first second, then the validation outcome, EXPIRED once the expiration time is reached.
 */
export function ephemerisStatus(record: EphemerisRecord, nowMs: number): EphemerisStatus {
  if (nowMs < record.creationTimeMs + VALIDATION_DELAY_MS) return 'VALIDATING';
  if (record.validation.result === 'INVALID') return 'INVALID';
  if (record.validation.result === 'ERROR') return 'ERROR';
  if (record.expirationTimeMs !== undefined && nowMs >= record.expirationTimeMs) return 'EXPIRED';
  return record.enabled ? 'ENABLED' : 'DISABLED';
}

export function getEphemerisRecord(context: OperationContext, ephemerisId: string): StoredResource<EphemerisRecord> {
  const ephemeris = context.store.get<EphemerisRecord>(context.scope, EPHEMERIS_KIND, ephemerisId);
  if (!ephemeris) throw new ResourceNotFoundException(`Ephemeris ${ephemerisId} was not found`);
  return ephemeris;
}

const BATCH = 100;

/** Every ephemeris of the scope created after `afterSeq`, in creation order. */
export function* storedEphemerides(store: ResourceStore, scope: Scope, afterSeq = 0): Generator<StoredResource<EphemerisRecord>> {
  for (;;) {
    const rows = store.page<EphemerisRecord>(scope, EPHEMERIS_KIND, afterSeq, BATCH);
    yield* rows;
    if (rows.length < BATCH) return;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

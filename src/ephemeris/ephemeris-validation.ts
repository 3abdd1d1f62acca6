import type { EphemerisErrorReason, EphemerisInvalidReason } from '../api/shapes.js';
import { parseOem, parseTle, trajectoryFromOem } from '../orbit/index.js';
import type { Satellite } from '../satellite/satellites.js';
import type { TleSegment, ValidationOutcome } from './ephemeris-record.js';

export interface Validated {
  validation: ValidationOutcome;
  expirationTimeMs?: number;
  /** What valid data covers. */
  coverage?: { startMs: number; endMs: number };
}

export interface Problem {
  invalidReason: EphemerisInvalidReason;
  /** Absent where no EphemerisErrorCode fits (SEMANTICS §5.4 "no code"). */
  error?: EphemerisErrorReason;
}

/** Checks a TLE set as SEMANTICS §5.4 lists: each TLE, then the ranges, then coverage and expiry. */
export function validateTleSet(segments: TleSegment[], satellite: Satellite, nowMs: number, expirationTimeMs?: number): Validated {
  const problems: Problem[] = [];
  for (const [index, { line1, line2 }] of segments.entries()) {
    const parsed = parseTle(line1, line2);
    if (!parsed.ok) {
      problems.push(coded('TRAJECTORY_INVALID', parsed.code, `tleData[${index}]: ${parsed.message}`));
    } else if (parsed.catalogNumber !== 0 && parsed.catalogNumber !== satellite.noradSatelliteID) {
      problems.push(coded('METADATA_INVALID', 'MISMATCHED_SATCAT_ID',
        `tleData[${index}] has catalog number ${parsed.catalogNumber}; satellite ${satellite.satelliteId} is NORAD ${satellite.noradSatelliteID}`));
    }
  }
  if (problems.length > 0) return invalid(problems);

  for (const [index, segment] of segments.entries()) {
    const previous = segments[index - 1];
    if (!(segment.endMs > segment.startMs) || (previous && previous.endMs !== segment.startMs)) {
      problems.push({ invalidReason: 'TIME_RANGE_INVALID' });
      break;
    }
  }
  if (problems.length > 0) return invalid(problems);
  return checkTimes({ startMs: segments[0]!.startMs, endMs: segments[segments.length - 1]!.endMs }, nowMs, expirationTimeMs);
}

/** Checks an OEM: its own header, metadata and states (orbit/), then coverage and expiry. */
export function validateOem(text: string, nowMs: number, expirationTimeMs?: number): Validated {
  const parsed = parseOem(text);
  if (!parsed.ok) {
    return invalid(parsed.errors.map(({ invalidReason, errorCode, errorMessage }) => ({ invalidReason, error: { errorCode, errorMessage } })));
  }
  return checkTimes(trajectoryFromOem(parsed.ephemeris).coverage!, nowMs, expirationTimeMs);
}

/**
 * The data must cover now (pointing angles may start later: they are for contacts to come), and an
 * expiration time must lie after now and within the coverage.
 */
export function checkTimes(coverage: { startMs: number; endMs: number }, nowMs: number, expirationTimeMs?: number, mayStartLater = false): Validated {
  const problems: Problem[] = [];
  if (coverage.startMs > nowMs && !mayStartLater) {
    problems.push(coded('TIME_RANGE_INVALID', 'START_TIME_IN_FUTURE', `the data starts at ${iso(coverage.startMs)}, after now (${iso(nowMs)})`));
  }
  if (coverage.endMs <= nowMs) {
    problems.push(coded('TIME_RANGE_INVALID', 'END_TIME_IN_PAST', `the data ends at ${iso(coverage.endMs)}, before now (${iso(nowMs)})`));
  }
  if (expirationTimeMs !== undefined && expirationTimeMs <= nowMs) {
    problems.push(coded('TIME_RANGE_INVALID', 'EXPIRATION_TIME_TOO_EARLY', `expirationTime ${iso(expirationTimeMs)} is not in the future`));
  } else if (expirationTimeMs !== undefined && expirationTimeMs > coverage.endMs) {
    problems.push({ invalidReason: 'TIME_RANGE_INVALID' });
  }
  if (problems.length > 0) return invalid(problems, expirationTimeMs ?? coverage.endMs);
  return { validation: { result: 'VALID' }, expirationTimeMs: expirationTimeMs ?? coverage.endMs, coverage };
}

export const coded = (invalidReason: EphemerisInvalidReason, errorCode: EphemerisErrorReason['errorCode'], errorMessage: string): Problem => ({
  invalidReason,
  error: { errorCode, errorMessage },
});

export function invalid(problems: Problem[], expirationTimeMs?: number): Validated {
  return {
    validation: {
      result: 'INVALID',
      invalidReason: problems[0]!.invalidReason,
      errorReasons: problems.flatMap((p) => (p.error ? [p.error] : [])),
    },
    expirationTimeMs,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

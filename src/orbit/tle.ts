import * as satellite from 'satellite.js';
import { julianDateFromMs } from './time.js';
import { keplerSpeedBound, type MotionBounds, type Trajectory } from './trajectory.js';
import type { Vector3 } from './vector.js';

export type TleParseResult = { ok: true; catalogNumber: number; epochMs: number } | TleFailure;

export interface TleFailure {
  ok: false;
  invalidReason: 'TRAJECTORY_INVALID';
  code: 'FILE_FORMAT_INVALID' | 'MEAN_MOTION_INVALID';
  message: string;
}

const TLE_LINE_LENGTH = 69;
// Alpha-5 replaces the leading digit of catalog numbers ≥ 100000 by a letter (I and O unused).
const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Checks a TLE the way ephemeris validation needs (SEMANTICS §5.4) and reads its identity. */
export function parseTle(line1: string, line2: string): TleParseResult {
  const checked = checkTle(line1, line2);
  return checked.ok ? { ok: true, catalogNumber: checked.catalogNumber, epochMs: checked.epochMs } : checked;
}

/** An SGP4 trajectory rotated to Earth-fixed by GMST (TEME → PEF, UT1 = UTC, no polar motion). */
export function trajectoryFromTle(line1: string, line2: string): Trajectory {
  const checked = checkTle(line1, line2);
  if (!checked.ok) throw new Error(checked.message);
  const { satrec, epochMs } = checked;
  const minutesSinceEpoch = (timeMs: number) => (timeMs - epochMs) / 60_000;

  return {
    epochMs,
    positionEcfKm(timeMs: number): Vector3 | undefined {
      const state = satellite.sgp4(satrec, minutesSinceEpoch(timeMs));
      if (!state) return undefined;
      return satellite.eciToEcf(state.position, satellite.gstime(julianDateFromMs(timeMs)));
    },
    motionBounds(fromMs: number, toMs: number): MotionBounds | undefined {
      return sgp4MotionBounds(satrec, [fromMs, (fromMs + toMs) / 2, toMs].map(minutesSinceEpoch));
    },
  };
}

type CheckedTle = { ok: true; satrec: satellite.SatRec; catalogNumber: number; epochMs: number } | TleFailure;

function checkTle(line1: string, line2: string): CheckedTle {
  const lines = [line1.trimEnd(), line2.trimEnd()] as const;
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    if (line.length !== TLE_LINE_LENGTH) {
      return formatInvalid(`TLE line ${lineNumber} has ${line.length} characters, expected ${TLE_LINE_LENGTH}`);
    }
    if (!line.startsWith(`${lineNumber} `)) {
      return formatInvalid(`TLE line ${lineNumber} must start with "${lineNumber} "`);
    }
    const expected = checksum(line);
    if (line[68] !== String(expected)) {
      return formatInvalid(`TLE line ${lineNumber} checksum is ${line[68]}, expected ${expected}`);
    }
  }
  const catalog1 = lines[0].slice(2, 7);
  const catalog2 = lines[1].slice(2, 7);
  if (catalog1 !== catalog2) return formatInvalid(`TLE catalog numbers differ: ${catalog1} and ${catalog2}`);
  const catalogNumber = parseCatalogNumber(catalog1);
  if (catalogNumber === undefined) return formatInvalid(`TLE catalog number "${catalog1}" is not valid`);
  if (!/^\d{5}\.\d{8}$/.test(lines[0].slice(18, 32)) || Number(lines[0].slice(20, 23)) > 366) {
    return formatInvalid(`TLE epoch "${lines[0].slice(18, 32)}" is not valid`);
  }
  if (!(Number(lines[1].slice(52, 63)) > 0)) {
    return meanMotionInvalid(`TLE mean motion "${lines[1].slice(52, 63).trim()}" is not positive`);
  }

  const satrec = satellite.twoline2satrec(lines[0], lines[1]);
  const elements = [satrec.inclo, satrec.nodeo, satrec.ecco, satrec.argpo, satrec.mo, satrec.bstar, satrec.ndot];
  if (!elements.every(Number.isFinite)) return formatInvalid('TLE orbital elements are not all numbers');
  if (satrec.error !== satellite.SatRecError.None) {
    return meanMotionInvalid(`SGP4 cannot initialise these elements (error ${satrec.error})`);
  }
  return { ok: true, satrec, catalogNumber, epochMs: tleEpochMs(satrec) };
}

/**
 * Radii from SGP4's mean elements at a few instants, widened by 1% + 10 km: far more than the
 * short-period terms (~10 km) and the drift of drag between samples over a search window.
 */
function sgp4MotionBounds(satrec: satellite.SatRec, minutes: number[]): MotionBounds | undefined {
  let minRadiusKm = Infinity;
  let maxRadiusKm = 0;
  for (const tsince of minutes) {
    const state = satellite.sgp4(satrec, tsince);
    if (!state) return undefined;
    const { am, em } = state.meanElements;
    const semiMajorAxisKm = am * satellite.constants.earthRadius;
    const marginKm = 0.01 * semiMajorAxisKm + 10;
    minRadiusKm = Math.min(minRadiusKm, semiMajorAxisKm * (1 - em) - marginKm);
    maxRadiusKm = Math.max(maxRadiusKm, semiMajorAxisKm * (1 + em) + marginKm);
  }
  if (!(minRadiusKm > 0)) return undefined;
  return { minRadiusKm, maxRadiusKm, maxSpeedKmPerSec: 1.02 * keplerSpeedBound(minRadiusKm, maxRadiusKm) };
}

function checksum(line: string): number {
  let sum = 0;
  for (const character of line.slice(0, 68)) {
    if (character >= '0' && character <= '9') sum += Number(character);
    else if (character === '-') sum += 1;
  }
  return sum % 10;
}

function parseCatalogNumber(field: string): number | undefined {
  if (/^ *\d+$/.test(field)) return Number(field);
  const letterValue = ALPHA5_LETTERS.indexOf(field[0]!);
  if (letterValue >= 0 && /^\d{4}$/.test(field.slice(1))) return (letterValue + 10) * 10_000 + Number(field.slice(1));
  return undefined;
}

function tleEpochMs(satrec: satellite.SatRec): number {
  const year = satrec.epochyr < 57 ? 2000 + satrec.epochyr : 1900 + satrec.epochyr;
  return Date.UTC(year, 0, 1) + (satrec.epochdays - 1) * 86_400_000;
}

const formatInvalid = (message: string): TleFailure => ({
  ok: false,
  invalidReason: 'TRAJECTORY_INVALID',
  code: 'FILE_FORMAT_INVALID',
  message,
});

const meanMotionInvalid = (message: string): TleFailure => ({
  ok: false,
  invalidReason: 'TRAJECTORY_INVALID',
  code: 'MEAN_MOTION_INVALID',
  message,
});

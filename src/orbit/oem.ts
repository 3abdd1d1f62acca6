import { ephemerisError, type EphemerisErrorReason } from './ephemeris-errors.js';
import { samplesNeeded, type OemInterpolation } from './interpolation.js';
import { readOemBlocks, type OemBlocks } from './oem-kvn.js';
import { parseCcsdsEpoch } from './time.js';
import type { Vector3 } from './vector.js';

export type OemReferenceFrame = 'EME2000' | 'ITRF2000';

export interface OemState {
  epochMs: number;
  positionKm: Vector3;
  velocityKmPerSec: Vector3;
}

export interface OemSegment {
  objectName: string;
  objectId: string;
  referenceFrame: OemReferenceFrame;
  interpolation: OemInterpolation;
  interpolationDegree: number;
  startMs: number;
  stopMs: number;
  /** USEABLE_START_TIME / USEABLE_STOP_TIME, defaulting to START_TIME / STOP_TIME. */
  useableStartMs: number;
  useableStopMs: number;
  states: OemState[];
}

export interface OemEphemeris {
  creationDate: string;
  originator: string;
  segments: OemSegment[];
}

export type OemParseResult = { ok: true; ephemeris: OemEphemeris } | { ok: false; errors: EphemerisErrorReason[] };

const REFERENCE_FRAMES: readonly string[] = ['EME2000', 'ITRF2000'] satisfies OemReferenceFrame[];
const INTERPOLATIONS: readonly string[] = ['LAGRANGE', 'HERMITE'] satisfies OemInterpolation[];

// Bounds on the work one OEM can cost, to parse and to interpolate (our choice: CCSDS sets none).
// Degrees beyond 15 add nothing at usual state spacings (high-degree polynomials oscillate);
// 12,000 states are a week at one a minute; 2 MB holds them with room for comments.
export const MAX_INTERPOLATION_DEGREE = 15;
export const MAX_OEM_STATES = 12_000;
export const MAX_OEM_SEGMENTS = 100;
export const MAX_OEM_CHARACTERS = 2_000_000;

/** Parses and validates a CCSDS OEM in KVN (502.0-B-3) as CreateEphemeris does (SEMANTICS §5.4). */
export function parseOem(text: string): OemParseResult {
  const tooLarge = (problem: string): OemParseResult => ({ ok: false, errors: [ephemerisError('FILE_FORMAT_INVALID', problem)] });
  if (text.length > MAX_OEM_CHARACTERS) return tooLarge(`the OEM has ${text.length} characters; at most ${MAX_OEM_CHARACTERS} are accepted`);
  const blocks = readOemBlocks(text);
  if ('errorCode' in blocks) return { ok: false, errors: [blocks] };
  const stateCount = blocks.segments.reduce((sum, segment) => sum + segment.stateLines.length, 0);
  if (stateCount > MAX_OEM_STATES) return tooLarge(`the OEM has ${stateCount} ephemeris data lines; at most ${MAX_OEM_STATES} are accepted`);
  if (blocks.segments.length > MAX_OEM_SEGMENTS) {
    return tooLarge(`the OEM has ${blocks.segments.length} segments; at most ${MAX_OEM_SEGMENTS} are accepted`);
  }
  const errors = headerErrors(blocks.header);
  const segments: OemSegment[] = [];
  for (const rawSegment of blocks.segments) {
    const segment = readSegment(rawSegment, errors);
    if (segment) segments.push(segment);
  }
  if (errors.length > 0) return { ok: false, errors: withoutDuplicates(errors) };
  return {
    ok: true,
    ephemeris: {
      creationDate: blocks.header.get('CREATION_DATE')!,
      originator: blocks.header.get('ORIGINATOR')!,
      segments,
    },
  };
}

function headerErrors(header: Map<string, string>): EphemerisErrorReason[] {
  const errors: EphemerisErrorReason[] = [];
  const version = header.get('CCSDS_OEM_VERS');
  if (version !== '2.0') {
    errors.push(ephemerisError('OEM_VERSION_UNSUPPORTED', `CCSDS_OEM_VERS must be 2.0, got ${version ?? 'none'}`));
  }
  if (!header.get('CREATION_DATE')) errors.push(missing('CREATION_DATE_MISSING', 'CREATION_DATE'));
  if (!header.get('ORIGINATOR')) errors.push(missing('ORIGINATOR_MISSING', 'ORIGINATOR'));
  return errors;
}

/** Validates one metadata block and its states; returns it only if it has no errors. */
function readSegment(raw: OemBlocks['segments'][number], errors: EphemerisErrorReason[]): OemSegment | undefined {
  const errorCount = errors.length;
  const metadata = raw.metadata;
  const fail = (...reasons: EphemerisErrorReason[]) => errors.push(...reasons);

  const objectName = metadata.get('OBJECT_NAME');
  const objectId = metadata.get('OBJECT_ID');
  if (!objectName) fail(missing('OBJECT_NAME_MISSING', 'OBJECT_NAME'));
  if (!objectId) fail(missing('OBJECT_ID_MISSING', 'OBJECT_ID'));
  if (metadata.get('CENTER_NAME')?.toUpperCase() !== 'EARTH') {
    fail(unsupported('CENTER_BODY_UNSUPPORTED', 'CENTER_NAME', metadata, 'EARTH'));
  }
  const referenceFrame = metadata.get('REF_FRAME');
  if (!REFERENCE_FRAMES.includes(referenceFrame ?? '')) {
    fail(unsupported('REF_FRAME_UNSUPPORTED', 'REF_FRAME', metadata, 'EME2000 or ITRF2000'));
  }
  if (metadata.has('REF_FRAME_EPOCH')) {
    fail(ephemerisError('REF_FRAME_EPOCH_UNSUPPORTED', 'REF_FRAME_EPOCH is not supported for EME2000 or ITRF2000'));
  }
  if (metadata.get('TIME_SYSTEM') !== 'UTC') {
    fail(unsupported('TIME_SYSTEM_UNSUPPORTED', 'TIME_SYSTEM', metadata, 'UTC'));
  }
  const interpolation = metadata.get('INTERPOLATION');
  if (!INTERPOLATIONS.includes(interpolation ?? '')) {
    const problem = `INTERPOLATION must be LAGRANGE or HERMITE, got ${interpolation ?? 'none'}`;
    fail(ephemerisError('INTERPOLATION_MISSING', problem));
  }
  const degreeText = metadata.get('INTERPOLATION_DEGREE');
  const degree = Number(degreeText);
  if (!degreeText || !Number.isInteger(degree) || degree < 1) {
    const problem = `INTERPOLATION_DEGREE must be a positive integer, got ${degreeText ?? 'none'}`;
    fail(ephemerisError('INTERPOLATION_DEGREE_INVALID', problem));
  } else if (degree > MAX_INTERPOLATION_DEGREE) {
    const problem = `INTERPOLATION_DEGREE must be at most ${MAX_INTERPOLATION_DEGREE}, got ${degree}`;
    fail(ephemerisError('INTERPOLATION_DEGREE_INVALID', problem));
  }

  const times = {
    start: metadataTime(metadata, 'START_TIME', errors, true),
    stop: metadataTime(metadata, 'STOP_TIME', errors, true),
    useableStart: metadataTime(metadata, 'USEABLE_START_TIME', errors, false),
    useableStop: metadataTime(metadata, 'USEABLE_STOP_TIME', errors, false),
  };
  const states = readStates(raw.stateLines, errors);
  if (errors.length > errorCount || !states || times.start === undefined || times.stop === undefined) return undefined;

  const segment: OemSegment = {
    objectName: objectName!,
    objectId: objectId!,
    referenceFrame: referenceFrame as OemReferenceFrame,
    interpolation: interpolation as OemInterpolation,
    interpolationDegree: degree,
    startMs: times.start,
    stopMs: times.stop,
    useableStartMs: times.useableStart ?? times.start,
    useableStopMs: times.useableStop ?? times.stop,
    states,
  };
  fail(...coverageErrors(segment));
  return errors.length > errorCount ? undefined : segment;
}

/**
 * The declared span must be backed by states: START_TIME (or USEABLE_START_TIME) earlier than
 * the first state is START_TIME_METADATA_TOO_EARLY, a STOP_TIME later than the last state is
 * STOP_TIME_METADATA_TOO_LATE; states outside START_TIME..STOP_TIME are a malformed file.
 */
function coverageErrors(segment: OemSegment): EphemerisErrorReason[] {
  const errors: EphemerisErrorReason[] = [];
  const { states, startMs, stopMs, useableStartMs, useableStopMs } = segment;
  const first = states[0]!.epochMs;
  const last = states.at(-1)!.epochMs;
  if (!(startMs < stopMs) || !(useableStartMs < useableStopMs)) {
    const problem = 'START_TIME must precede STOP_TIME, and USEABLE_START_TIME USEABLE_STOP_TIME';
    errors.push(ephemerisError('FILE_FORMAT_INVALID', problem));
  }
  if (Math.min(startMs, useableStartMs) < first) {
    const problem = 'START_TIME or USEABLE_START_TIME precedes the first state';
    errors.push(ephemerisError('START_TIME_METADATA_TOO_EARLY', problem));
  }
  if (Math.max(stopMs, useableStopMs) > last) {
    errors.push(ephemerisError('STOP_TIME_METADATA_TOO_LATE', 'STOP_TIME or USEABLE_STOP_TIME follows the last state'));
  }
  if (first < startMs || last > stopMs) {
    errors.push(ephemerisError('FILE_FORMAT_INVALID', 'states lie outside START_TIME..STOP_TIME'));
  }
  const needed = samplesNeeded(segment.interpolation, segment.interpolationDegree);
  if (states.length < needed) {
    const { interpolation, interpolationDegree } = segment;
    const problem = `${interpolation} degree ${interpolationDegree} needs ${needed} states, got ${states.length}`;
    errors.push(ephemerisError('INTERPOLATION_DEGREE_INVALID', problem));
  }
  return errors;
}

/** Parses `epoch x y z vx vy vz [ax ay az]` lines; epochs must strictly increase. */
function readStates(lines: OemBlocks['segments'][number]['stateLines'], errors: EphemerisErrorReason[]) {
  const states: OemState[] = [];
  for (const { lineNumber, text } of lines) {
    const [epochText, ...fields] = text.split(/\s+/);
    const epochMs = parseCcsdsEpoch(epochText!);
    const numbers = fields.map(Number);
    if (epochMs === undefined || (numbers.length !== 6 && numbers.length !== 9) || !numbers.every(Number.isFinite)) {
      errors.push(ephemerisError('FILE_FORMAT_INVALID', `OEM line ${lineNumber}: not an ephemeris data line`));
      return undefined;
    }
    if (states.length > 0 && epochMs <= states.at(-1)!.epochMs) {
      errors.push(ephemerisError('FILE_FORMAT_INVALID', `OEM line ${lineNumber}: epochs must increase`));
      return undefined;
    }
    const [x, y, z, vx, vy, vz] = numbers as [number, number, number, number, number, number];
    states.push({ epochMs, positionKm: { x, y, z }, velocityKmPerSec: { x: vx, y: vy, z: vz } });
  }
  if (states.length === 0) {
    errors.push(ephemerisError('FILE_FORMAT_INVALID', 'a metadata block has no ephemeris data lines'));
    return undefined;
  }
  return states;
}

function metadataTime(
  metadata: Map<string, string>,
  keyword: string,
  errors: EphemerisErrorReason[],
  required: boolean,
): number | undefined {
  const text = metadata.get(keyword);
  if (text === undefined) {
    if (required) errors.push(ephemerisError('FILE_FORMAT_INVALID', `Metadata field missing: ${keyword}`));
    return undefined;
  }
  const timeMs = parseCcsdsEpoch(text);
  if (timeMs === undefined) {
    errors.push(ephemerisError('FILE_FORMAT_INVALID', `${keyword} "${text}" is not a CCSDS time`));
  }
  return timeMs;
}

type MissingCode = 'CREATION_DATE_MISSING' | 'ORIGINATOR_MISSING' | 'OBJECT_NAME_MISSING' | 'OBJECT_ID_MISSING';

const missing = (code: MissingCode, keyword: string) => ephemerisError(code, `Metadata field missing: ${keyword}`);

function unsupported(
  code: 'CENTER_BODY_UNSUPPORTED' | 'REF_FRAME_UNSUPPORTED' | 'TIME_SYSTEM_UNSUPPORTED',
  keyword: string,
  metadata: Map<string, string>,
  allowed: string,
) {
  return ephemerisError(code, `${keyword} must be ${allowed}, got ${metadata.get(keyword) ?? 'none'}`);
}

function withoutDuplicates(errors: EphemerisErrorReason[]): EphemerisErrorReason[] {
  const seen = new Set<string>();
  return errors.filter(({ errorCode, errorMessage }) => {
    const key = `${errorCode}\n${errorMessage}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

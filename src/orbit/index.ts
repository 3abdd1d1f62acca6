// Pure orbit mechanics over satellite.js: elements in, positions and visibility windows out.
// No I/O and no clock: every time is passed in as epoch milliseconds.
export type { Site } from './site.js';
export type { Vector3 } from './vector.js';
export type { MotionBounds, Trajectory } from './trajectory.js';
export { parseTle, trajectoryFromTle, type TleFailure, type TleParseResult } from './tle.js';
export {
  MAX_INTERPOLATION_DEGREE,
  MAX_OEM_CHARACTERS,
  MAX_OEM_SEGMENTS,
  MAX_OEM_STATES,
  parseOem,
  type OemEphemeris,
  type OemParseResult,
  type OemReferenceFrame,
  type OemSegment,
  type OemState,
} from './oem.js';
export type { OemInterpolation } from './interpolation.js';
export type { EphemerisErrorReason, EphemerisInvalidReason, OemErrorCode } from './ephemeris-errors.js';
export { trajectoryFromOem } from './oem-trajectory.js';
export { lookAngles, type LookAngles } from './look-angles.js';
export { findPasses, highestElevation, PASS_FOLLOW_MS, type Pass, type PassSearchOptions } from './passes.js';
export { footprintRadiusDeg, footprintRing, groundTrack, skyTrack, type SkyPoint, type TrackPoint } from './geometry.js';
export { azElAt, trajectoryFromAzEl, type AzElPoint, type AzElTrack } from './az-el.js';

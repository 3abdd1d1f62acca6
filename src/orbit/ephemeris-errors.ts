/** The EphemerisErrorCode values an OEM can fail with, and their invalidReason (SEMANTICS §5.4). */
const INVALID_REASONS = {
  OEM_VERSION_UNSUPPORTED: 'METADATA_INVALID',
  ORIGINATOR_MISSING: 'METADATA_INVALID',
  CREATION_DATE_MISSING: 'METADATA_INVALID',
  OBJECT_NAME_MISSING: 'METADATA_INVALID',
  OBJECT_ID_MISSING: 'METADATA_INVALID',
  REF_FRAME_UNSUPPORTED: 'METADATA_INVALID',
  REF_FRAME_EPOCH_UNSUPPORTED: 'METADATA_INVALID',
  TIME_SYSTEM_UNSUPPORTED: 'METADATA_INVALID',
  CENTER_BODY_UNSUPPORTED: 'METADATA_INVALID',
  INTERPOLATION_MISSING: 'METADATA_INVALID',
  INTERPOLATION_DEGREE_INVALID: 'METADATA_INVALID',
  START_TIME_METADATA_TOO_EARLY: 'TRAJECTORY_INVALID',
  STOP_TIME_METADATA_TOO_LATE: 'TRAJECTORY_INVALID',
  FILE_FORMAT_INVALID: 'TRAJECTORY_INVALID',
} as const;

export type OemErrorCode = keyof typeof INVALID_REASONS;
export type EphemerisInvalidReason = (typeof INVALID_REASONS)[OemErrorCode];

/** One entry of DescribeEphemeris `errorReasons`, with the `invalidReason` it implies. */
export interface EphemerisErrorReason {
  invalidReason: EphemerisInvalidReason;
  errorCode: OemErrorCode;
  errorMessage: string;
}

export const ephemerisError = (errorCode: OemErrorCode, errorMessage: string): EphemerisErrorReason => ({
  invalidReason: INVALID_REASONS[errorCode],
  errorCode,
  errorMessage,
});

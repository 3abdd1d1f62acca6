// Synthetic az-el passes: elevation rises from −5° to 65° and back as a half sine over the
// segment while azimuth sweeps 180° clockwise through north, sampled every `stepSeconds`.
const LOW_DEG = -5;
const SWING_DEG = 70;
const MASK_DEG = 10;

export interface AzElPassOptions {
  durationSeconds?: number;
  stepSeconds?: number;
  unit?: 'DEGREE_ANGLE' | 'RADIAN';
}

/** One AzElSegment (timestamps as epoch seconds, as boto3 takes them) starting at `startSeconds`. */
export function azElPassSegment(startSeconds: number, { durationSeconds = 720, stepSeconds = 20, unit = 'DEGREE_ANGLE' }: AzElPassOptions = {}) {
  const scale = unit === 'RADIAN' ? Math.PI / 180 : 1;
  const azElList = [];
  for (let dt = 0; dt <= durationSeconds; dt += stepSeconds) {
    const fraction = dt / durationSeconds;
    azElList.push({
      dt,
      az: ((340 + 180 * fraction) % 360) * scale,
      el: (LOW_DEG + SWING_DEG * Math.sin(Math.PI * fraction)) * scale,
    });
  }
  return { referenceEpoch: startSeconds, validTimeRange: { startTime: startSeconds, endTime: startSeconds + durationSeconds }, azElList };
}

/** Rise and set above the 10° mask of a segment made by azElPassSegment, in epoch seconds. */
export function azElPassRiseSet(startSeconds: number, durationSeconds = 720) {
  const fraction = Math.asin((MASK_DEG - LOW_DEG) / SWING_DEG) / Math.PI;
  return { rise: startSeconds + fraction * durationSeconds, set: startSeconds + (1 - fraction) * durationSeconds };
}

/** CreateEphemeris parameters for an az-el ephemeris at `groundStation` (boto3 form). */
export const azElEphemeris = (groundStation: string, segments: object[], angleUnit = 'DEGREE_ANGLE') => ({
  azEl: { groundStation, data: { azElData: { angleUnit, azElSegmentList: segments } } },
});

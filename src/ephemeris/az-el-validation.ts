import type { AngleUnits, EphemerisErrorCode } from '../api/shapes.js';
import type { AzElData } from './ephemeris-record.js';
import { checkTimes, coded, invalid, type Problem, type Validated } from './ephemeris-validation.js';

// Ranges the API reference gives for TimeAzEl, by unit.
const RANGES: Record<AngleUnits, { az: [number, number]; el: [number, number]; azCode: EphemerisErrorCode; elCode: EphemerisErrorCode }> = {
  DEGREE_ANGLE: { az: [-180, 360], el: [-90, 90], azCode: 'TIME_AZ_EL_AZ_DEGREE_RANGE_INVALID', elCode: 'TIME_AZ_EL_EL_DEGREE_RANGE_INVALID' },
  RADIAN: { az: [-Math.PI, 2 * Math.PI], el: [-Math.PI / 2, Math.PI / 2], azCode: 'TIME_AZ_EL_AZ_RADIAN_RANGE_INVALID', elCode: 'TIME_AZ_EL_EL_RADIAN_RANGE_INVALID' },
};
// 4th-order Lagrange interpolation needs five samples (AzElSegment in the API reference).
const MINIMUM_POINTS = 5;

/**
 * Checks az-el segments against what the API reference says of them: each segment has five or more
 * samples in strictly ascending dt, angles within its unit's ranges, a validTimeRange that ends
 * after it starts and that its samples cover; segments in time order without overlaps. Then the
 * data must not have ended and an expiration time must fall within it. Every problem is reported.
 */
export function validateAzEl(data: AzElData, nowMs: number, expirationTimeMs?: number): Validated {
  const problems: Problem[] = [];
  const ranges = RANGES[data.angleUnit];
  data.segments.forEach((segment, index) => {
    const where = `azElSegmentList[${index}]`;
    const { azElList } = segment;
    if (azElList.length < MINIMUM_POINTS) {
      problems.push(coded('TRAJECTORY_INVALID', 'INSUFFICIENT_TIME_AZ_EL', `${where} has ${azElList.length} azElList points; at least ${MINIMUM_POINTS} are needed`));
    }
    if (!(segment.endMs > segment.startMs)) {
      problems.push(coded('TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_END_TIME_BEFORE_START_TIME', `${where}.validTimeRange ends at ${iso(segment.endMs)}, not after its start ${iso(segment.startMs)}`));
    }
    const unordered = azElList.findIndex((point, i) => i > 0 && !(point.dt > azElList[i - 1]!.dt));
    if (unordered > 0) {
      problems.push(coded('TRAJECTORY_INVALID', 'TIME_AZ_EL_ITEMS_OUT_OF_ORDER', `${where}.azElList[${unordered}].dt ${azElList[unordered]!.dt} does not follow ${azElList[unordered - 1]!.dt}`));
    }
    const badAz = azElList.findIndex((point) => !within(point.az, ranges.az));
    if (badAz >= 0) problems.push(coded('TRAJECTORY_INVALID', ranges.azCode, `${where}.azElList[${badAz}].az ${azElList[badAz]!.az} is outside ${span(ranges.az)} ${data.angleUnit}`));
    const badEl = azElList.findIndex((point) => !within(point.el, ranges.el));
    if (badEl >= 0) problems.push(coded('TRAJECTORY_INVALID', ranges.elCode, `${where}.azElList[${badEl}].el ${azElList[badEl]!.el} is outside ${span(ranges.el)} ${data.angleUnit}`));
    if (azElList.length > 0 && unordered < 0) {
      const firstMs = segment.referenceEpochMs + azElList[0]!.dt * 1000;
      const lastMs = segment.referenceEpochMs + azElList[azElList.length - 1]!.dt * 1000;
      if (firstMs > segment.startMs) {
        problems.push(coded('TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_START_TIME_INVALID', `${where}'s first point (${iso(firstMs)}) is after its validTimeRange starts (${iso(segment.startMs)})`));
      }
      if (lastMs < segment.endMs) {
        problems.push(coded('TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_END_TIME_INVALID', `${where}'s last point (${iso(lastMs)}) is before its validTimeRange ends (${iso(segment.endMs)})`));
      }
    }
    const previous = data.segments[index - 1];
    if (previous && segment.startMs < previous.startMs) {
      problems.push(coded('TIME_RANGE_INVALID', 'AZ_EL_SEGMENTS_OUT_OF_ORDER', `${where} starts at ${iso(segment.startMs)}, before the segment ahead of it`));
    } else if (previous && segment.startMs < previous.endMs) {
      problems.push(coded('TIME_RANGE_INVALID', 'AZ_EL_SEGMENT_TIMES_OVERLAP', `${where} starts at ${iso(segment.startMs)}, before the segment ahead of it ends (${iso(previous.endMs)})`));
    }
  });
  if (problems.length > 0) return invalid(problems);
  const coverage = { startMs: data.segments[0]!.startMs, endMs: data.segments[data.segments.length - 1]!.endMs };
  return checkTimes(coverage, nowMs, expirationTimeMs, true);
}

const within = (value: number, [min, max]: [number, number]) => value >= min && value <= max;
const span = ([min, max]: [number, number]) => `${+min.toFixed(6)} to ${+max.toFixed(6)}`;
const iso = (ms: number) => new Date(ms).toISOString();

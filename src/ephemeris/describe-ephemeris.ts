import type { Handler } from '../api/context.js';
import type { EphemerisTypeDescription } from '../api/shapes.js';
import { ephemerisStatus, getEphemerisRecord, type AzElData, type EphemerisRecord } from './ephemeris-record.js';

export const describeEphemeris: Handler<'DescribeEphemeris'> = (input, context) => {
  const { id, doc, tags } = getEphemerisRecord(context, input.ephemerisId);
  const status = ephemerisStatus(doc, context.clock.nowMs());
  const invalid = status === 'INVALID' && doc.validation.result === 'INVALID' ? doc.validation : undefined;
  return {
    ephemerisId: id,
    satelliteId: doc.satelliteId,
    status,
    priority: doc.priority,
    creationTime: new Date(doc.creationTimeMs),
    enabled: doc.enabled,
    name: doc.name,
    tags,
    suppliedData: suppliedData(doc),
    invalidReason: invalid?.invalidReason,
    errorReasons: invalid && invalid.errorReasons.length > 0 ? invalid.errorReasons : undefined,
  };
};

/** The data as supplied: the S3 object, the OEM text, or the TLE set or az-el segments in their request form. */
function suppliedData(record: EphemerisRecord): EphemerisTypeDescription {
  const source = record.source;
  const description =
    's3Object' in source
      ? { sourceS3Object: source.s3Object }
      : 'oemData' in source
        ? { ephemerisData: source.oemData }
        : 'azElData' in source
          ? { ephemerisData: JSON.stringify(azElSegments(source.azElData)) }
          : {
            ephemerisData: JSON.stringify(
              source.tleSegments.map((s) => ({
                tleLine1: s.line1,
                tleLine2: s.line2,
                // Epoch milliseconds, as the guide's DescribeEphemeris example shows them (the request sent seconds).
                validTimeRange: { startTime: s.startMs, endTime: s.endMs },
              })),
            ),
          };
  return record.ephemerisType === 'TLE' ? { tle: description } : record.ephemerisType === 'AZ_EL' ? { azEl: description } : { oem: description };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** AzElSegments as the request carried them, timestamps in ISO 8601 as the model's date-time shapes. */
const azElSegments = (data: AzElData) => ({
  angleUnit: data.angleUnit,
  azElSegmentList: data.segments.map((segment) => ({
    referenceEpoch: iso(segment.referenceEpochMs),
    validTimeRange: { startTime: iso(segment.startMs), endTime: iso(segment.endMs) },
    azElList: segment.azElList,
  })),
});

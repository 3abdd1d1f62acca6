import type { Handler } from '../api/context.js';
import type { EphemerisItem } from '../api/shapes.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import { decodePageToken, DEFAULT_PAGE_SIZE, encodePageToken } from '../api/pagination.js';
import { findSatellite } from '../satellite/satellites.js';
import type { StoredResource } from '../store/resources.js';
import { ephemerisStatus, storedEphemerides, type EphemerisRecord } from './ephemeris-record.js';

/**
 * Ephemerides whose expiration lies within [startTime, endTime] (SEMANTICS §5.4), filtered by
 * satellite, type and status. Our choices: an absent statusList means every status, an empty one
 * matches nothing; one whose expiration is unknown (data that could not be read) matches any window.
 */
export const listEphemerides: Handler<'ListEphemerides'> = (input, context) => {
  const startMs = input.startTime.getTime();
  const endMs = input.endTime.getTime();
  if (startMs > endMs) throw new InvalidParameterException('startTime must not be after endTime', 'startTime');
  if (input.satelliteId !== undefined && !findSatellite(context, input.satelliteId)) {
    throw new ResourceNotFoundException(`Satellite ${input.satelliteId} was not found`);
  }
  const nowMs = context.clock.nowMs();
  const statuses = input.statusList && new Set(input.statusList);
  const matches = ({ doc }: StoredResource<EphemerisRecord>) =>
    (input.satelliteId === undefined || doc.satelliteId === input.satelliteId) &&
    (input.ephemerisType === undefined || doc.ephemerisType === input.ephemerisType) &&
    (statuses === undefined || statuses.has(ephemerisStatus(doc, nowMs))) &&
    (doc.expirationTimeMs === undefined || (startMs <= doc.expirationTimeMs && doc.expirationTimeMs <= endMs));

  // The cursor is the seq of the last item returned, as for every other list.
  const afterSeq = decodePageToken(input.nextToken);
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const page: StoredResource<EphemerisRecord>[] = [];
  let more = false;
  for (const stored of storedEphemerides(context.store, context.scope, afterSeq)) {
    if (!matches(stored)) continue;
    if (page.length === limit) {
      more = true;
      break;
    }
    page.push(stored);
  }
  return {
    ephemerides: page.map((stored) => toItem(stored, nowMs)),
    nextToken: more ? encodePageToken(page[page.length - 1]!.seq) : undefined,
  };
};

function toItem({ id, doc }: StoredResource<EphemerisRecord>, nowMs: number): EphemerisItem {
  return {
    ephemerisId: id,
    ephemerisType: doc.ephemerisType,
    status: ephemerisStatus(doc, nowMs),
    priority: doc.priority,
    enabled: doc.enabled,
    creationTime: new Date(doc.creationTimeMs),
    name: doc.name,
    sourceS3Object: 's3Object' in doc.source ? doc.source.s3Object : undefined,
  };
}

import type { OperationContext } from '../api/context.js';
import type { ContactData, ListContactsRequest } from '../api/shapes.js';
import { InvalidParameterException, ResourceNotFoundException } from '../api/errors.js';
import { customerEphemeris } from '../ephemeris/active-ephemeris.js';
import { EPHEMERIS_KIND, ephemerisStatus, type EphemerisRecord } from '../ephemeris/ephemeris-record.js';
import { satelliteArn } from '../satellite/satellites.js';
import type { StoredResource } from '../store/resources.js';
import { knownStation, missionProfileByArn, satelliteByArn } from './contact-lookups.js';
import { availableRow } from './available-contacts.js';
import { contactWindow } from './pass-cache.js';
import { freeAntenna } from './station-antennas.js';

/** The az-el ephemeris a ListContacts `ephemeris` filter names: unknown → 434, of another type → 431. */
export function azElFilterEphemeris(context: OperationContext, ephemerisId: string): StoredResource<EphemerisRecord> {
  const stored = context.store.get<EphemerisRecord>(context.scope, EPHEMERIS_KIND, ephemerisId);
  if (!stored) throw new ResourceNotFoundException(`Ephemeris ${ephemerisId} was not found`);
  if (stored.doc.ephemerisType !== 'AZ_EL') {
    throw new InvalidParameterException(`Ephemeris ${ephemerisId} is not an AZ_EL ephemeris: it holds ${stored.doc.ephemerisType} data`, 'ephemeris.azEl.id');
  }
  return stored;
}

type AzElRequest = ListContactsRequest & { groundStation: string; missionProfileArn: string };

/**
 * Bookable windows pointed by an az-el ephemeris, which stands in for the satellite: the times its
 * interpolated track is above the station's mask, within its data and before it expires, otherwise
 * as for a satellite (SEMANTICS §2.4). Only an ENABLED one offers windows (our choice); it can only
 * be used at its own station, and with the satellite it names, if it names one.
 */
export function availableAzElContacts(context: OperationContext, input: AzElRequest, stored: StoredResource<EphemerisRecord>, nowMs: number): ContactData[] {
  const { id, doc } = stored;
  const station = knownStation(input.groundStation);
  if (doc.groundStation !== station.groundStationName) {
    throw new InvalidParameterException(`Az-el ephemeris ${id} points from ${doc.groundStation}, not ${station.groundStationName}`, 'groundStation');
  }
  const profile = missionProfileByArn(context, input.missionProfileArn).doc;
  const satellite = input.satelliteArn === undefined ? undefined : satelliteByArn(context, input.satelliteArn);
  if (satellite && doc.satelliteId !== undefined && satellite.satelliteId !== doc.satelliteId) {
    throw new InvalidParameterException(`Az-el ephemeris ${id} belongs to satellite ${doc.satelliteId}, not ${satellite.satelliteId}`, 'satelliteArn');
  }
  if (ephemerisStatus(doc, nowMs) !== 'ENABLED') return [];
  const horizonMs = nowMs + context.settings.contacts.horizonMs;
  const fromMs = Math.max(input.startTime.getTime(), nowMs);
  const toMs = Math.min(input.endTime.getTime(), horizonMs, doc.expirationTimeMs!);
  if (fromMs >= toMs) return [];

  const minimumMs = profile.minimumViableContactDurationSeconds * 1000;
  const preMs = (profile.contactPrePassDurationSeconds ?? 0) * 1000;
  const postMs = (profile.contactPostPassDurationSeconds ?? 0) * 1000;
  const satelliteId = satellite?.satelliteId ?? doc.satelliteId;
  const source = customerEphemeris(context, id, doc, fromMs);
  const rows: ContactData[] = [];
  for (const pass of context.caches.passes.between(source, station, fromMs, toMs, profile.minimumViableContactDurationSeconds)) {
    const { startMs, endMs } = contactWindow(pass);
    if (startMs <= nowMs || startMs > horizonMs || endMs > doc.expirationTimeMs! || endMs - startMs < minimumMs) continue;
    if (freeAntenna(context, station, startMs - preMs, endMs + postMs) === undefined) continue;
    rows.push({
      ...availableRow(context, profile.arn, station, { startMs, endMs, preMs, postMs }, pass, pass.maxElevationDeg),
      ...(satelliteId !== undefined ? { satelliteArn: satelliteArn(context.scope.account, satelliteId) } : {}),
      ephemeris: { ephemerisId: id, ephemerisType: 'AZ_EL' },
    });
  }
  return rows;
}

import type { EphemerisContext } from '../ephemeris/active-ephemeris.js';
import { findGroundStation } from '../ground-station/ground-stations.js';
import { findSatelliteByArn } from '../satellite/satellites.js';
import { passContaining, satelliteTrack } from './contact-passes.js';
import type { ContactRecord, ContactVersionRecord } from './contact-record.js';
import { overrideTracking } from './contact-tracking.js';

export type VisibilityWindow = ContactRecord['visibility'];

/**
 * The pass, by the ephemeris the contact tracks with now (the one its overrides name while usable,
 * else the satellite's active one), that contains the contact (else the first that overlaps it):
 * what visibilityStartTime/EndTime show until startTime (SEMANTICS §2.5). The contact's own times
 * never move; undefined when no pass overlaps it any more.
 */
export function currentVisibility(context: EphemerisContext, contact: ContactRecord, version: ContactVersionRecord): VisibilityWindow {
  const satellite = version.satelliteArn === undefined ? undefined : findSatelliteByArn(context, version.satelliteArn);
  const station = findGroundStation(contact.groundStation);
  if (!station) return contact.visibility;
  const tracking = overrideTracking(context, version.trackingOverrides, satellite?.satelliteId, station.groundStationName, contact.startMs, contact.endMs);
  if (!satellite && !tracking.ephemeris) return contact.visibility;
  const track = satelliteTrack(context, satellite, contact.startMs, contact.endMs, tracking.ephemeris);
  // Bounded by the horizon: a failed reservation may ask for a window of years.
  const searchEndMs = Math.min(contact.endMs, contact.startMs + context.settings.contacts.horizonMs);
  const pass = passContaining(context, track, station, contact.startMs, contact.endMs) ?? context.caches.passes.between(track, station, contact.startMs, searchEndMs)[0];
  return pass && { startMs: pass.riseMs, endMs: pass.setMs };
}

/** What the contact shows: followed until it is frozen (once it reaches startTime or ends). */
export const shownVisibility = (context: EphemerisContext, contact: ContactRecord, version: ContactVersionRecord): VisibilityWindow =>
  contact.visibilityFrozen ? contact.visibility : currentVisibility(context, contact, version);

import type { EphemerisContext } from '../ephemeris/active-ephemeris.js';
import { findGroundStation } from '../ground-station/ground-stations.js';
import { findSatelliteByArn } from '../satellite/satellites.js';
import { passContaining, satelliteTrack } from './contact-passes.js';
import type { ContactRecord } from './contact-record.js';
import { passesBetween } from './pass-cache.js';

export type VisibilityWindow = ContactRecord['visibility'];

/**
 * The pass, by the satellite's active ephemeris now, that contains the contact (else the first
 * that overlaps it): what visibilityStartTime/EndTime show until startTime (SEMANTICS §2.5).
 * The contact's own times never move; undefined when no pass overlaps it any more.
 */
export function currentVisibility(context: EphemerisContext, contact: ContactRecord, satelliteArn: string): VisibilityWindow {
  const satellite = findSatelliteByArn(context, satelliteArn);
  const station = findGroundStation(contact.groundStation);
  if (!satellite || !station) return contact.visibility;
  const track = satelliteTrack(context, satellite, contact.startMs);
  const pass = passContaining(track, station, contact.startMs, contact.endMs) ?? passesBetween(track, station, contact.startMs, contact.endMs)[0];
  return pass && { startMs: pass.riseMs, endMs: pass.setMs };
}

/** What the contact shows: followed until it is frozen (once it reaches startTime or ends). */
export const shownVisibility = (context: EphemerisContext, contact: ContactRecord, satelliteArn: string): VisibilityWindow =>
  contact.visibilityFrozen ? contact.visibility : currentVisibility(context, contact, satelliteArn);

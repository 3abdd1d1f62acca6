import type { OperationContext } from '../api/context.js';
import type { ContactData, ListContactsRequest } from '../api/shapes.js';
import { ephemerisChoice } from '../ephemeris/active-ephemeris.js';
import type { GroundStation } from '../ground-station/ground-stations.js';
import type { Pass } from '../orbit/index.js';
import { satelliteArn } from '../satellite/satellites.js';
import { knownStation, missionProfileByArn, satelliteByArn } from './contact-lookups.js';
import { chosenPasses, peakElevation } from './contact-passes.js';
import { contactWindow, roundElevation } from './pass-cache.js';
import { freeAntenna } from './station-antennas.js';

type AvailableRequest = ListContactsRequest & { groundStation: string; missionProfileArn: string; satelliteArn: string };

/**
 * Bookable windows (SEMANTICS §2.4, §7): passes overlapping the query window that start within the
 * horizon, at least the profile's minimum viable duration long (after rounding inward to whole
 * seconds), and not colliding with contacts that hold every antenna of the station. A pass in
 * progress is offered from the next whole second after now plus the pre-pass time; one that outlasts
 * the horizon is clipped to it.
 */
export function availableContacts(context: OperationContext, input: AvailableRequest, nowMs: number): ContactData[] {
  const station = knownStation(input.groundStation);
  const profile = missionProfileByArn(context, input.missionProfileArn).doc;
  const satellite = satelliteByArn(context, input.satelliteArn);
  if (!satellite.groundStations.includes(station.groundStationName)) return [];
  const horizonMs = nowMs + context.settings.contacts.horizonMs;
  const fromMs = Math.max(input.startTime.getTime(), nowMs);
  // ListContacts has refused an endTime beyond the horizon.
  const toMs = input.endTime.getTime();
  if (fromMs >= toMs) return [];

  const minimumMs = profile.minimumViableContactDurationSeconds * 1000;
  const preMs = (profile.contactPrePassDurationSeconds ?? 0) * 1000;
  const postMs = (profile.contactPostPassDurationSeconds ?? 0) * 1000;
  const choice = ephemerisChoice(context, satellite.satelliteId);
  const canonicalArn = satelliteArn(context.scope.account, satellite.satelliteId);
  const rows: ContactData[] = [];
  const earliestStartMs = (Math.floor(nowMs / 1000) + 1) * 1000 + preMs;
  const latestEndMs = Math.floor(horizonMs / 1000) * 1000;
  for (const pass of chosenPasses(context, choice, station, fromMs, toMs, profile.minimumViableContactDurationSeconds)) {
    const visible = contactWindow(pass);
    const startMs = visible.startMs <= nowMs ? earliestStartMs : visible.startMs;
    const endMs = Math.min(visible.endMs, latestEndMs);
    if (startMs > horizonMs || endMs - startMs < minimumMs) continue;
    if (freeAntenna(context, station, startMs - preMs, endMs + postMs) === undefined) continue;
    const maximumElevationDeg = peakElevation(pass.source, station, startMs, endMs, pass);
    rows.push({ ...availableRow(context, profile.arn, station, { startMs, endMs, preMs, postMs }, pass, maximumElevationDeg), satelliteArn: canonicalArn });
  }
  return rows;
}

/** An AVAILABLE row: a bookable window inside a pass, framed by the profile's pre- and post-pass. */
export function availableRow(
  context: OperationContext,
  missionProfileArn: string,
  station: GroundStation,
  window: { startMs: number; endMs: number; preMs: number; postMs: number },
  pass: Pass,
  maximumElevationDeg: number,
): ContactData {
  const { startMs, endMs, preMs, postMs } = window;
  return {
    missionProfileArn,
    startTime: new Date(startMs),
    endTime: new Date(endMs),
    prePassStartTime: new Date(startMs - preMs),
    postPassEndTime: new Date(endMs + postMs),
    groundStation: station.groundStationName,
    contactStatus: 'AVAILABLE',
    maximumElevation: { value: roundElevation(maximumElevationDeg), unit: 'DEGREE_ANGLE' },
    region: context.scope.region,
    visibilityStartTime: new Date(pass.riseMs),
    visibilityEndTime: new Date(pass.setMs),
  };
}

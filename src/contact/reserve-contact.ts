import type { Handler, OperationContext } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import type { GroundStation } from '../ground-station/ground-stations.js';
import { satelliteArn } from '../satellite/satellites.js';
import { CONTACT_KIND, contactArn, type ContactRecord } from './contact-record.js';
import { publishDueChanges } from './contact-events.js';
import { knownStation, missionProfileByArn, satelliteByArn } from './contact-lookups.js';
import { passContaining, peakElevation, satelliteTrack } from './contact-passes.js';
import { holdResources } from './contact-resources.js';
import { overrideEphemerisRef, overrideTracking, trackingRefusal } from './contact-tracking.js';
import { dataflowList, edgeConfigs, snapshotProfile } from './contact-snapshot.js';
import { chooseEndpointGroups } from './endpoint-group-choice.js';
import { roundElevation } from './pass-cache.js';
import { freeAntenna } from './station-antennas.js';
import { widebandDeliveryFailure } from './wideband-delivery.js';

/**
 * Malformed or impossible requests are refused at once and nothing is created (SEMANTICS §2.3).
 * Otherwise the contact is created in SCHEDULING; whether it then becomes SCHEDULED or
 * FAILED_TO_SCHEDULE (and why) is decided now and revealed a moment later on the clock.
 */
export const reserveContact: Handler<'ReserveContact'> = (input, context) => {
  const nowMs = context.clock.nowMs();
  const profile = missionProfileByArn(context, input.missionProfileArn);
  // An az-el ephemeris points the antenna itself, so the satellite may be left out (user guide).
  const pointsWithAzEl = overrideEphemerisRef(input.trackingOverrides)?.ephemerisType === 'AZ_EL';
  if (input.satelliteArn === undefined && !pointsWithAzEl) throw new InvalidParameterException('satelliteArn is required', 'satelliteArn');
  const satellite = input.satelliteArn === undefined ? undefined : satelliteByArn(context, input.satelliteArn);
  const station = knownStation(input.groundStation);
  if (satellite && !satellite.groundStations.includes(station.groundStationName)) {
    throw new InvalidParameterException(`Satellite ${input.satelliteArn} is not onboarded to ${station.groundStationName}`, 'groundStation');
  }
  const startMs = input.startTime.getTime();
  const endMs = input.endTime.getTime();
  if (startMs <= nowMs) throw new InvalidParameterException('startTime must be in the future', 'startTime');
  if (endMs <= startMs) throw new InvalidParameterException('endTime must be after startTime', 'endTime');
  const minimumSeconds = profile.doc.minimumViableContactDurationSeconds;
  if (endMs - startMs < minimumSeconds * 1000) {
    throw new InvalidParameterException(
      `The contact lasts ${(endMs - startMs) / 1000} s, less than the mission profile's minimumViableContactDurationSeconds (${minimumSeconds})`,
      'endTime',
    );
  }
  const tracking = overrideTracking(context, input.trackingOverrides, satellite?.satelliteId, station.groundStationName, startMs, endMs);
  if (tracking.problem) throw trackingRefusal(tracking.problem);

  const snapshot = snapshotProfile(context, profile.doc);
  const prePassStartMs = startMs - (profile.doc.contactPrePassDurationSeconds ?? 0) * 1000;
  const postPassEndMs = endMs + (profile.doc.contactPostPassDurationSeconds ?? 0) * 1000;
  const track = satelliteTrack(context, satellite, startMs, endMs, tracking.ephemeris);
  // A window beyond the horizon fails on that alone: no pass is searched for it.
  const pass = startMs > nowMs + context.settings.contacts.horizonMs ? undefined : passContaining(context, track, station, startMs, endMs);
  const outcome = schedulingOutcome(context, station, { nowMs, startMs, endMs, prePassStartMs, postPassEndMs, hasPass: !!pass }, snapshot);

  const contactId = context.clock.newId();
  // Stored and shown as the satellite's own ARN, whatever region the request's names.
  const canonicalArn = satellite && satelliteArn(context.scope.account, satellite.satelliteId);
  const groups = ('groups' in outcome && outcome.groups) || [];
  const contact: ContactRecord = {
    arn: contactArn(context.scope, contactId),
    missionProfileArn: profile.doc.arn,
    ...(canonicalArn ? { satelliteArn: canonicalArn } : {}),
    groundStation: station.groundStationName,
    prePassStartMs,
    startMs,
    endMs,
    postPassEndMs,
    reservedMs: nowMs,
    ...('failure' in outcome ? { schedulingFailure: outcome.failure } : { antenna: outcome.antenna }),
    // Without a pass the window fails anyway: its elevation is looked for over the horizon's length at most.
    maximumElevationDeg: roundElevation(peakElevation(track, station, startMs, pass ? endMs : Math.min(endMs, startMs + context.settings.contacts.horizonMs), pass)),
    ...(pass ? { visibility: { startMs: pass.riseMs, endMs: pass.setMs } } : {}),
    ephemeris: track.ephemeris,
    heldGroups: groups.map(({ record: _record, ...group }) => group),
    snapshot,
    dataflowList: dataflowList(context, snapshot, groups.map((group) => group.record), station.region),
    versions: [
      {
        versionId: 1,
        status: 'ACTIVE',
        createdMs: nowMs,
        activatedMs: nowMs,
        lastUpdatedMs: nowMs,
        ...(canonicalArn ? { satelliteArn: canonicalArn } : {}),
        ...(input.trackingOverrides ? { trackingOverrides: input.trackingOverrides } : {}),
      },
    ],
    // The one place the current setting is read: later the contact keeps its own.
    schedulingDelayMs: context.settings.contacts.transitionDelayMs,
  };
  context.store.insert(context.scope, CONTACT_KIND, contactId, contact, input.tags);
  context.contactIndex.save(context.scope, contactId, contact);
  if ('groups' in outcome) holdResources(context, context.scope, contactId, contact);
  publishDueChanges(context, context.scope, contactId, contact, [], nowMs);
  return { contactId, versionId: 1 };
};

interface Window {
  nowMs: number;
  startMs: number;
  endMs: number;
  prePassStartMs: number;
  postPassEndMs: number;
  hasPass: boolean;
}

/** Why the reservation fails, checked in the order of SEMANTICS §2.3; or what it will hold. */
function schedulingOutcome(context: OperationContext, station: GroundStation, window: Window, snapshot: ContactRecord['snapshot']) {
  const name = station.groundStationName;
  const { horizonMs } = context.settings.contacts;
  if (window.startMs > window.nowMs + horizonMs) {
    return { failure: `startTime is beyond the scheduling horizon of ${horizonMs / 86_400_000} days` };
  }
  if (!window.hasPass) return { failure: `The satellite is not above the elevation mask at ${name} for the whole of the requested window` };
  const antenna = freeAntenna(context, station, window.prePassStartMs, window.postPassEndMs);
  if (antenna === undefined) return { failure: `${name} is busy: every antenna is reserved during the requested window` };
  const choice = chooseEndpointGroups(context, edgeConfigs(snapshot), station.region, window.startMs, window.endMs);
  if ('failure' in choice) return choice;
  const widebandFailure = widebandDeliveryFailure(snapshot, choice.groups.map((group) => group.record));
  if (widebandFailure) return { failure: widebandFailure };
  return { antenna, groups: choice.groups };
}

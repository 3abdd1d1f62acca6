import type { OperationContext } from '../api/context.js';
import type { EphemerisMetaData, SatelliteListItem } from '../api/shapes.js';
import { activeEphemeris } from '../ephemeris/active-ephemeris.js';
import { satelliteArn, type Satellite } from './satellites.js';

/** A satellite as GetSatellite and ListSatellites show it to the caller's account. */
export function satelliteItem(context: OperationContext, satellite: Satellite): SatelliteListItem {
  return {
    satelliteId: satellite.satelliteId,
    satelliteArn: satelliteArn(context.scope.account, satellite.satelliteId),
    noradSatelliteID: satellite.noradSatelliteID,
    groundStations: satellite.groundStations,
    currentEphemeris: currentEphemeris(context, satellite),
  };
}

// The default ephemeris shows as Space-Track's with its epoch; a customer's by id and name (SEMANTICS §5.1).
function currentEphemeris(context: OperationContext, satellite: Satellite): EphemerisMetaData {
  const active = activeEphemeris(context, satellite.satelliteId, context.clock.nowMs());
  return active.ephemerisId === undefined
    ? { source: 'SPACE_TRACK', epoch: new Date(active.trajectory.epochMs) }
    : { source: 'CUSTOMER_PROVIDED', ephemerisId: active.ephemerisId, name: active.name };
}

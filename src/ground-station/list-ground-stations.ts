import type { Handler } from '../api/context.js';
import { ResourceNotFoundException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { findSatellite } from '../satellite/satellites.js';
import { GROUND_STATIONS } from './ground-stations.js';

// Every station whatever the request region; with a satellite, only those it is onboarded to (SEMANTICS §4).
export const listGroundStations: Handler<'ListGroundStations'> = (input, context) => {
  let stations = GROUND_STATIONS;
  if (input.satelliteId !== undefined) {
    const satellite = findSatellite(context, input.satelliteId);
    if (!satellite) throw new ResourceNotFoundException(`Satellite ${input.satelliteId} was not found`);
    stations = stations.filter((s) => satellite.groundStations.includes(s.groundStationName));
  }
  const page = pageArray(
    stations.map(({ groundStationName, region }) => ({ groundStationId: groundStationName, groundStationName, region })),
    input,
  );
  return { groundStationList: page.items, nextToken: page.nextToken };
};

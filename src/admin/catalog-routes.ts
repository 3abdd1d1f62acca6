import type { FastifyInstance } from 'fastify';
import type { Services } from '../api/context.js';
import { jsonBody, refuse } from './admin-http.js';
import { FixedNow, type UnitClock } from '../clock/clock.js';
import { activeEphemeris } from '../ephemeris/active-ephemeris.js';
import { GROUND_STATIONS } from '../ground-station/ground-stations.js';
import { CatalogError } from '../satellite/catalog-error.js';
import { onboardSatellite } from '../satellite/onboarding.js';
import { allSatellites, type Satellite } from '../satellite/satellites.js';
import type { Scope } from '../store/resources.js';

export interface CatalogRouteOptions {
  services: Services;
  /** Whose customer ephemerides decide the TLE shown: the scope of unsigned requests. */
  defaultScope: Scope;
  /** Runs a write as one durable unit of work, as API operations are run. */
  transaction<T>(work: () => T): Promise<T>;
}

/**
 * The satellite and ground-station catalog under /_local:
 *   GET  /_local/satellites       every satellite, with the TLE its active ephemeris uses now
 *   POST /_local/satellites       onboard {name, noradSatelliteID?, tle: {line1, line2}} or {name, noradSatelliteID, oem}
 *   GET  /_local/ground-stations  the stations, their assumed coordinates, mask and antennas
 */
export function registerCatalogRoutes(app: FastifyInstance, options: CatalogRouteOptions): void {
  const { services, defaultScope } = options;
  // One reading of now per request, however many satellites it shows.
  const view = (satellite: Satellite, clock: UnitClock = new FixedNow(services.clock)) => {
    const active = activeEphemeris({ ...services, clock, scope: defaultScope }, satellite.satelliteId, clock.nowMs());
    return {
      satelliteId: satellite.satelliteId,
      noradSatelliteID: satellite.noradSatelliteID,
      name: satellite.name,
      ...(active.tle ? { tle: active.tle } : {}),
      source: satellite.source,
    };
  };

  app.get('/_local/satellites', async () => {
    const clock = new FixedNow(services.clock);
    return { satellites: allSatellites(services).map((satellite) => view(satellite, clock)) };
  });

  app.post('/_local/satellites', async (request, reply) => {
    const body = jsonBody(request);
    if (!body) return refuse(reply, 400, 'the request body must be JSON');
    try {
      const satellite = await options.transaction(() => onboardSatellite(services.satellites, body.value));
      return view(satellite);
    } catch (error) {
      if (error instanceof CatalogError) return refuse(reply, 400, error.message);
      throw error;
    }
  });

  app.get('/_local/ground-stations', async () => ({
    groundStations: GROUND_STATIONS.map(({ groundStationName, region, site, antennaCount }) => ({
      groundStationName,
      region,
      latitude: site.latitudeDeg,
      longitude: site.longitudeDeg,
      altitudeMeters: site.altitudeMeters,
      elevationMaskDegrees: site.elevationMaskDeg,
      antennaCount,
    })),
  }));
}

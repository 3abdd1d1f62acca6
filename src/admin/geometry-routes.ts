import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../api/context.js';
import { activeEphemeris } from '../ephemeris/active-ephemeris.js';
import { GROUND_STATIONS, type GroundStation } from '../ground-station/ground-stations.js';
import { footprintRadiusDeg, footprintRing, groundTrack, skyTrack } from '../orbit/index.js';
import { keyIdAsAccount, scopeQueryProblem, signedScope, signedScopeConflict, type AccountOfKey } from '../protocol/identity.js';
import { findSatellite } from '../satellite/satellites.js';
import type { Scope } from '../store/resources.js';
import { refuse } from './admin-http.js';

export interface GeometryRouteOptions {
  services: Services;
  defaultScope: Scope;
  /** Who signed a request (strict mode verifies it); the key id's 12 digits otherwise. */
  accountOf?: AccountOfKey;
}

// Bounds that keep one answer small and quick: a ground track of a few orbits, a sky track of a pass.
const MAX_SPAN_SECONDS = 2 * 86_400;
const MAX_POINTS = 5000;
const DEFAULT_TRACK_STEP_SECONDS = 60;
const DEFAULT_SKY_STEP_SECONDS = 10;

type Query = Record<string, string | undefined>;

class GeometryRefusal extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Geometry for pictures, computed by the same orbit code that finds passes, with the ephemeris
 * the API would use for the caller: its SigV4 identity, which `?account=`/`?region=` may not
 * contradict (403), or for an unsigned caller the ones they name. Times are epoch seconds.
 *   GET /_local/geometry/track?satelliteId&start&end[&stepSeconds]               sub-satellite points
 *   GET /_local/geometry/sky?satelliteId&groundStation&start&end[&stepSeconds]   azimuth/elevation
 *   GET /_local/geometry/footprint?groundStation&(satelliteId|altitudeKm)        where the satellite clears the mask
 */
export function registerGeometryRoutes(app: FastifyInstance, options: GeometryRouteOptions): void {
  const { services } = options;
  const scopeOf = (request: FastifyRequest<{ Querystring: Query }>): Scope => {
    const problem = scopeQueryProblem(request.query);
    if (problem) throw new GeometryRefusal(400, problem);
    const signed = signedScope(request.headers.authorization, options.defaultScope, options.accountOf ?? keyIdAsAccount);
    const conflict = signed && signedScopeConflict(signed, request.query);
    if (conflict) throw new GeometryRefusal(403, conflict);
    return signed ?? { account: request.query.account ?? options.defaultScope.account, region: request.query.region ?? options.defaultScope.region };
  };
  const trajectoryOf = (scope: Scope, satelliteId: string, startMs: number, endMs: number) => {
    if (!findSatellite(services, satelliteId)) throw new GeometryRefusal(404, `Satellite ${satelliteId} was not found`);
    return activeEphemeris({ ...services, scope }, satelliteId, startMs, endMs).trajectory;
  };
  const answer = (handler: (request: FastifyRequest<{ Querystring: Query }>) => object) =>
    async (request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) => {
      try {
        return handler(request);
      } catch (error) {
        if (error instanceof GeometryRefusal) return refuse(reply, error.statusCode, error.message);
        throw error;
      }
    };

  app.get<{ Querystring: Query }>('/_local/geometry/track', answer((request) => {
    const scope = scopeOf(request);
    const satelliteId = required(request.query, 'satelliteId');
    const window = timeWindow(request.query, DEFAULT_TRACK_STEP_SECONDS);
    const trajectory = trajectoryOf(scope, satelliteId, window.startMs, window.endMs);
    const points = groundTrack(trajectory, window.startMs, window.endMs, window.stepMs);
    return {
      satelliteId,
      points: points.map((point) => ({ time: point.timeMs / 1000, latitude: point.latitudeDeg, longitude: point.longitudeDeg, altitudeKm: point.altitudeKm })),
    };
  }));

  app.get<{ Querystring: Query }>('/_local/geometry/sky', answer((request) => {
    const scope = scopeOf(request);
    const satelliteId = required(request.query, 'satelliteId');
    const station = groundStation(request.query);
    const window = timeWindow(request.query, DEFAULT_SKY_STEP_SECONDS);
    const trajectory = trajectoryOf(scope, satelliteId, window.startMs, window.endMs);
    const points = skyTrack(trajectory, station.site, window.startMs, window.endMs, window.stepMs);
    return {
      satelliteId,
      groundStation: station.groundStationName,
      points: points.map((point) => ({ time: point.timeMs / 1000, azimuth: point.azimuthDeg, elevation: point.elevationDeg })),
    };
  }));

  app.get<{ Querystring: Query }>('/_local/geometry/footprint', answer((request) => {
    const scope = scopeOf(request);
    const station = groundStation(request.query);
    const { satelliteId, altitudeKm: altitudeText } = request.query;
    if ((satelliteId === undefined) === (altitudeText === undefined)) throw new GeometryRefusal(400, 'Give one of satelliteId or altitudeKm');
    let altitudeKm: number;
    if (altitudeText !== undefined) {
      altitudeKm = Number(altitudeText);
      if (!(Number.isFinite(altitudeKm) && altitudeKm > 0 && altitudeKm <= 400_000)) {
        throw new GeometryRefusal(400, `altitudeKm must be a number of kilometres above 0 and at most 400000, not ${altitudeText}`);
      }
    } else {
      const nowMs = services.clock.nowMs();
      const [here] = groundTrack(trajectoryOf(scope, satelliteId!, nowMs, nowMs), nowMs, nowMs, 1);
      if (!here) throw new GeometryRefusal(404, `Satellite ${satelliteId} has no position now`);
      altitudeKm = here.altitudeKm;
    }
    const radiusDeg = footprintRadiusDeg(station.site, altitudeKm);
    return {
      groundStation: station.groundStationName,
      elevationMaskDegrees: station.site.elevationMaskDeg,
      altitudeKm,
      radiusDegrees: radiusDeg,
      footprint: { type: 'Polygon', coordinates: [footprintRing(station.site, radiusDeg)] },
    };
  }));
}

function required(query: Query, name: string): string {
  const value = query[name];
  if (value === undefined || value === '') throw new GeometryRefusal(400, `${name} is required`);
  return value;
}

function groundStation(query: Query): GroundStation {
  const name = required(query, 'groundStation');
  const station = GROUND_STATIONS.find((candidate) => candidate.groundStationName === name);
  if (!station) throw new GeometryRefusal(404, `Ground station ${name} was not found`);
  return station;
}

function seconds(query: Query, name: string): number {
  const text = required(query, name);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new GeometryRefusal(400, `${name} must be a number of epoch seconds, not ${text}`);
  return value;
}

function timeWindow(query: Query, defaultStepSeconds: number) {
  const start = seconds(query, 'start');
  const end = seconds(query, 'end');
  if (!(start < end)) throw new GeometryRefusal(400, 'start must be before end');
  if (end - start > MAX_SPAN_SECONDS) throw new GeometryRefusal(400, `end may be at most ${MAX_SPAN_SECONDS} seconds after start`);
  const step = query.stepSeconds === undefined ? defaultStepSeconds : seconds(query, 'stepSeconds');
  if (!(step >= 1)) throw new GeometryRefusal(400, 'stepSeconds must be at least 1');
  if ((end - start) / step > MAX_POINTS) throw new GeometryRefusal(400, `at most ${MAX_POINTS} points: raise stepSeconds or narrow the window`);
  return { startMs: start * 1000, endMs: end * 1000, stepMs: step * 1000 };
}

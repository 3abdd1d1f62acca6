import { geoEquirectangular, geoGraticule10, geoPath } from 'd3-geo';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json' with { type: 'json' };
import { geometry, type Scope } from './api.js';

export interface CatalogSatellite {
  satelliteId: string;
  name: string;
  tle?: { line1: string; line2: string };
}

export interface CatalogStation {
  groundStationName: string;
  latitude: number;
  longitude: number;
}

interface TrackPoint {
  time: number;
  latitude: number;
  longitude: number;
}

const WIDTH = 960;
const HEIGHT = 480;
const projection = geoEquirectangular().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
const path = geoPath(projection);
const landShape = feature(land as unknown as Topology, (land as unknown as Topology).objects.land as GeometryCollection);
const TRACK_COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

/** Orbit period in seconds from the TLE's mean motion (revolutions per day); 100 min without one. */
export function orbitPeriodSeconds(satellite: CatalogSatellite): number {
  const meanMotion = satellite.tle ? Number(satellite.tle.line2.slice(52, 63)) : Number.NaN;
  return meanMotion > 0 ? 86_400 / meanMotion : 6000;
}

/** Where the track puts the satellite at `now`, between the two samples around it. */
function positionAt(points: TrackPoint[], now: number): TrackPoint | undefined {
  const after = points.findIndex((point) => point.time >= now);
  if (after <= 0) return after === 0 ? points[0] : undefined;
  const a = points[after - 1]!;
  const b = points[after]!;
  const f = (now - a.time) / (b.time - a.time);
  let longitudeStep = b.longitude - a.longitude;
  if (longitudeStep > 180) longitudeStep -= 360;
  if (longitudeStep < -180) longitudeStep += 360;
  const longitude = ((a.longitude + f * longitudeStep + 540) % 360) - 180;
  return { time: now, latitude: a.latitude + f * (b.latitude - a.latitude), longitude };
}

interface WorldMapProps {
  scope: Scope;
  now: number;
  satellites: CatalogSatellite[];
  stations: CatalogStation[];
  /** Footprints are drawn for this satellite's altitude. */
  footprintSatelliteId: string | undefined;
}

/** Stations with their footprints at the mask, and each satellite's last and next orbit and where it is now. */
export function WorldMap({ scope, now, satellites, stations, footprintSatelliteId }: WorldMapProps) {
  const [tracks, setTracks] = useState<{ centre: number; scopeKey: string; bySatellite: Record<string, TrackPoint[]> } | undefined>(undefined);
  const [footprints, setFootprints] = useState<Record<string, GeoJSON.Polygon>>({});
  const scopeKey = `${scope.account}/${scope.region}`;
  const satelliteKey = satellites.map((satellite) => satellite.satelliteId).join(',');
  // Tracks are centred on a moment near now, and fetched again once the clock is a quarter orbit
  // from it (or has jumped).
  const fresh = tracks !== undefined && tracks.scopeKey === `${scopeKey}|${satelliteKey}` && Math.abs(now - tracks.centre) <= 1500;
  const centre = fresh ? tracks.centre : Math.round(now / 600) * 600;
  useEffect(() => {
    if (fresh || satellites.length === 0) return;
    let current = true;
    const key = `${scopeKey}|${satelliteKey}`;
    void Promise.all(satellites.map(async (satellite) => {
      const period = orbitPeriodSeconds(satellite);
      const answer = await geometry<{ points: TrackPoint[] }>('track', scope, { satelliteId: satellite.satelliteId, start: Math.floor(centre - period), end: Math.ceil(centre + period), stepSeconds: 30 });
      return [satellite.satelliteId, answer.points] as const;
    })).then((entries) => current && setTracks({ centre, scopeKey: key, bySatellite: Object.fromEntries(entries) }), () => undefined);
    return () => { current = false; };
  }, [centre, fresh, scopeKey, satelliteKey]);
  useEffect(() => {
    if (!footprintSatelliteId) return;
    let current = true;
    void Promise.all(stations.map(async (station) => {
      const answer = await geometry<{ footprint: GeoJSON.Polygon }>('footprint', scope, { groundStation: station.groundStationName, satelliteId: footprintSatelliteId });
      return [station.groundStationName, answer.footprint] as const;
    })).then((entries) => current && setFootprints(Object.fromEntries(entries)), () => undefined);
    return () => { current = false; };
  }, [footprintSatelliteId, scopeKey, stations.length]);

  return h('figure', { class: 'world-map', 'data-loaded': fresh ? 'true' : 'false' },
    h('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'World map of ground stations, their footprints and satellite ground tracks' },
      h('path', { d: path({ type: 'Sphere' }) ?? '', fill: '#eaf2fb' }),
      h('path', { d: path(geoGraticule10()) ?? '', fill: 'none', stroke: '#cfdcea', 'stroke-width': 0.5 }),
      h('path', { d: path(landShape) ?? '', fill: '#d5dccf', stroke: '#9aa58f', 'stroke-width': 0.5 }),
      Object.entries(footprints).map(([name, polygon]) => h('path', { key: name, class: 'footprint', d: path(polygon) ?? '', fill: 'rgba(31,119,180,0.10)', stroke: 'rgba(31,119,180,0.6)', 'stroke-width': 0.8 })),
      satellites.map((satellite, index) => {
        const points = tracks?.bySatellite[satellite.satelliteId] ?? [];
        const colour = TRACK_COLOURS[index % TRACK_COLOURS.length];
        const line = (part: TrackPoint[]) => path({ type: 'LineString', coordinates: part.map((point) => [point.longitude, point.latitude]) }) ?? '';
        const here = positionAt(points, now);
        const spot = here && projection([here.longitude, here.latitude]);
        return h('g', { key: satellite.satelliteId, class: 'satellite', 'data-satellite-id': satellite.satelliteId },
          h('path', { class: 'track-past', d: line(points.filter((point) => point.time <= now)), fill: 'none', stroke: colour, 'stroke-width': 1, 'stroke-dasharray': '3 3', opacity: 0.7 }),
          h('path', { class: 'track-next', d: line(points.filter((point) => point.time >= now)), fill: 'none', stroke: colour, 'stroke-width': 1.5 }),
          spot && h('g', { class: 'satellite-now', transform: `translate(${spot[0]},${spot[1]})` },
            h('title', null, `${satellite.name} now: ${here.latitude.toFixed(1)}°, ${here.longitude.toFixed(1)}°`),
            h('rect', { x: -5, y: -5, width: 10, height: 10, fill: colour, stroke: '#fff', 'stroke-width': 1.5 }),
            h('text', { x: 8, y: 4, 'font-size': 11, fill: '#111', stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke' }, satellite.name)));
      }),
      stations.map((station) => {
        const [x, y] = projection([station.longitude, station.latitude]) ?? [0, 0];
        return h('g', { key: station.groundStationName, class: 'station', 'data-station': station.groundStationName, transform: `translate(${x},${y})` },
          h('title', null, station.groundStationName),
          h('circle', { r: 4, fill: '#1d2733', stroke: '#fff', 'stroke-width': 1.5 }),
          h('text', { x: 6, y: -5, 'font-size': 10, fill: '#1d2733', stroke: '#fff', 'stroke-width': 2.5, 'paint-order': 'stroke' }, station.groundStationName));
      }),
    ),
    h('figcaption', null, 'Dashed: the last orbit; solid: the next one. Shaded: where the selected satellite stands above each station\'s mask.'),
  );
}

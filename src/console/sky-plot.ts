import type { ContactData } from '@aws-sdk/client-groundstation';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { arnId, geometry, seconds, type Scope } from './api.js';

interface SkyPoint {
  time: number;
  azimuth: number;
  elevation: number;
}

const SIZE = 260;
const RADIUS = 110;

/** Polar position: the zenith at the centre, the horizon on the rim, north up and east right. */
function polar(azimuth: number, elevation: number): [number, number] {
  const r = (RADIUS * (90 - Math.max(0, elevation))) / 90;
  const angle = (azimuth * Math.PI) / 180;
  return [SIZE / 2 + r * Math.sin(angle), SIZE / 2 - r * Math.cos(angle)];
}

/** Azimuth/elevation of the selected pass or contact, with where the satellite is now. */
export function SkyPlot({ scope, row, now }: { scope: Scope; row: ContactData | undefined; now: number }) {
  const [points, setPoints] = useState<SkyPoint[] | undefined>(undefined);
  const start = seconds(row?.startTime);
  const end = seconds(row?.endTime);
  const satelliteId = row?.satelliteArn ? arnId(row.satelliteArn) : undefined;
  useEffect(() => {
    setPoints(undefined);
    if (!row || !satelliteId || !(start < end)) return;
    let current = true;
    const stepSeconds = Math.max(1, Math.ceil((end - start) / 300));
    geometry<{ points: SkyPoint[] }>('sky', scope, { satelliteId, groundStation: row.groundStation ?? '', start, end, stepSeconds })
      .then((answer) => current && setPoints(answer.points), () => current && setPoints([]));
    return () => { current = false; };
  }, [satelliteId, row?.groundStation, start, end, scope.account, scope.region]);
  const line = (points ?? []).map((point) => polar(point.azimuth, point.elevation).join(',')).join(' ');
  const current = points?.find((point, index) => point.time <= now && (points[index + 1]?.time ?? -Infinity) > now);
  const [first, last] = [points?.[0], points?.[points.length - 1]];
  return h('figure', { class: 'sky-plot' },
    h('svg', { viewBox: `0 0 ${SIZE} ${SIZE}`, width: SIZE, height: SIZE, role: 'img', 'aria-label': row ? `Sky plot of the pass at ${row.groundStation}` : 'Sky plot: select a pass or contact' },
      [0, 30, 60].map((elevation) => h('circle', { key: elevation, cx: SIZE / 2, cy: SIZE / 2, r: (RADIUS * (90 - elevation)) / 90, fill: elevation === 0 ? '#f4f7fb' : 'none', stroke: '#b8c4d2' })),
      h('line', { x1: SIZE / 2, x2: SIZE / 2, y1: SIZE / 2 - RADIUS, y2: SIZE / 2 + RADIUS, stroke: '#d6dde6' }),
      h('line', { y1: SIZE / 2, y2: SIZE / 2, x1: SIZE / 2 - RADIUS, x2: SIZE / 2 + RADIUS, stroke: '#d6dde6' }),
      ([['N', 0], ['E', 90], ['S', 180], ['W', 270]] as const).map(([label, azimuth]) => {
        const [x, y] = polar(azimuth, -8);
        return h('text', { key: label, x, y: y + 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#44505c' }, label);
      }),
      [30, 60].map((elevation) => h('text', { key: `e${elevation}`, x: SIZE / 2 + 2, y: SIZE / 2 - (RADIUS * (90 - elevation)) / 90 - 2, 'font-size': 9, fill: '#7a8794' }, `${elevation}°`)),
      points && points.length > 0 && h('polyline', { class: 'sky-track', points: line, fill: 'none', stroke: '#1f77b4', 'stroke-width': 2 }),
      first && h('circle', { cx: polar(first.azimuth, first.elevation)[0], cy: polar(first.azimuth, first.elevation)[1], r: 3, fill: '#2ca02c' }),
      last && h('circle', { cx: polar(last.azimuth, last.elevation)[0], cy: polar(last.azimuth, last.elevation)[1], r: 3, fill: '#d62728' }),
      current && h('circle', { class: 'sky-now', cx: polar(current.azimuth, current.elevation)[0], cy: polar(current.azimuth, current.elevation)[1], r: 5, fill: '#ff7f0e' }),
    ),
    h('figcaption', null, row ? `${row.groundStation}: rise (green) to set (red)` : 'Select a pass or contact to see its sky track'),
  );
}

import { ContactStatus, ListContactsCommand, type ContactData, type GroundStationClient } from '@aws-sdk/client-groundstation';
import { scaleUtc } from 'd3-scale';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { allPages, seconds } from './api.js';

export type Selection = { kind: 'pass' | 'contact'; row: ContactData };

/** Every status but AVAILABLE: the reserved contacts. */
export const RESERVED_STATUSES = Object.values(ContactStatus).filter((status) => status !== 'AVAILABLE');

export const WINDOW_CHOICES = [
  { label: '6 hours', hours: 6 },
  { label: '12 hours', hours: 12 },
  { label: '1 day', hours: 24 },
  { label: '3 days', hours: 72 },
  { label: '7 days', hours: 168 },
];

/** The timeline's window: from the hour before now, `hours` long, so now sits near the left edge. */
export function timelineWindow(now: number, hours: number) {
  const start = Math.floor(now / 3600) * 3600 - 3600;
  return { start, end: start + hours * 3600 };
}

export interface AvailablePasses {
  rows: ContactData[];
  /** Why ListContacts refused a station (e.g. one used through another region), by station. */
  refusals: Record<string, string>;
}

/** AVAILABLE passes at every station, as ListContacts offers them for the satellite and profile. */
export function useAvailablePasses(client: GroundStationClient, stations: string[], satelliteArn: string | undefined, missionProfileArn: string | undefined, window: { start: number; end: number }, refreshKey: number) {
  const [passes, setPasses] = useState<{ key: string; found: AvailablePasses } | undefined>(undefined);
  const key = JSON.stringify([satelliteArn, missionProfileArn, window, stations, refreshKey]);
  useEffect(() => {
    if (!satelliteArn || !missionProfileArn) return setPasses({ key, found: { rows: [], refusals: {} } });
    let current = true;
    void Promise.allSettled(stations.map((groundStation) => allPages((nextToken) =>
      client.send(new ListContactsCommand({
        statusList: ['AVAILABLE'],
        groundStation,
        satelliteArn,
        missionProfileArn,
        startTime: new Date(window.start * 1000),
        endTime: new Date(window.end * 1000),
        nextToken,
      })).then((page) => ({ items: page.contactList, nextToken: page.nextToken })),
    ))).then((outcomes) => {
      if (!current) return;
      const found: AvailablePasses = { rows: [], refusals: {} };
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') found.rows.push(...outcome.value);
        else found.refusals[stations[index]!] = String(outcome.reason?.message ?? outcome.reason);
      });
      setPasses({ key, found });
    });
    return () => { current = false; };
  }, [key, client]);
  return passes?.key === key ? passes.found : undefined;
}

export const STATUS_COLOURS: Record<string, string> = {
  AVAILABLE: '#9db8d9',
  SCHEDULING: '#c9b458',
  SCHEDULED: '#3d7dd8',
  PREPASS: '#8a5cd0',
  PASS: '#1c9a4a',
  POSTPASS: '#0f7f86',
  COMPLETED: '#5b6470',
  FAILED: '#c0392b',
  AWS_FAILED: '#c0392b',
  FAILED_TO_SCHEDULE: '#c0392b',
  CANCELLING: '#d08a2e',
  CANCELLED: '#8c8c8c',
  AWS_CANCELLED: '#8c8c8c',
};

const LABEL_WIDTH = 120;
const WIDTH = 1200;
const LANE_HEIGHT = 30;
const AXIS_HEIGHT = 22;

interface TimelineProps {
  stations: string[];
  window: { start: number; end: number };
  now: number;
  passes: AvailablePasses | undefined;
  contacts: ContactData[];
  selected: Selection | undefined;
  select(selection: Selection): void;
}

/** One lane per ground station: bookable passes, reserved contacts framed by pre- and post-pass, and now. */
export function Timeline({ stations, window, now, passes, contacts, selected, select }: TimelineProps) {
  const x = scaleUtc().domain([new Date(window.start * 1000), new Date(window.end * 1000)]).range([LABEL_WIDTH, WIDTH - 10]).clamp(true);
  const at = (epochSeconds: number) => x(new Date(epochSeconds * 1000));
  const height = AXIS_HEIGHT + stations.length * LANE_HEIGHT;
  const laneY = (station: string | undefined) => AXIS_HEIGHT + stations.indexOf(station ?? '') * LANE_HEIGHT;
  const activate = (selection: Selection) => ({
    onClick: () => select(selection),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(selection);
      }
    },
  });
  const inWindow = (row: ContactData) => seconds(row.postPassEndTime ?? row.endTime) > window.start && seconds(row.prePassStartTime ?? row.startTime) < window.end && stations.includes(row.groundStation ?? '');
  const isSelected = (row: ContactData) => selected?.row === row || (row.contactId !== undefined && selected?.row.contactId === row.contactId);
  return h('figure', { class: 'timeline', 'data-start': window.start, 'data-end': window.end, 'data-loaded': passes !== undefined ? 'true' : 'false' },
    h('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': 'Contacts timeline, one lane per ground station' },
      x.ticks(8).map((tick) => h('g', { key: tick.getTime(), class: 'tick' },
        h('line', { x1: x(tick), x2: x(tick), y1: AXIS_HEIGHT - 4, y2: height, stroke: '#d6dbe1' }),
        h('text', { x: x(tick) + 3, y: 12, 'font-size': 11, fill: '#44505c' }, x.tickFormat(8, '%b %d %H:%M')(tick)))),
      stations.map((station, index) => h('g', { key: station, class: 'lane' },
        h('rect', { x: 0, y: AXIS_HEIGHT + index * LANE_HEIGHT, width: WIDTH, height: LANE_HEIGHT, fill: index % 2 ? '#f6f8fa' : '#ffffff' }),
        h('text', { x: 6, y: AXIS_HEIGHT + index * LANE_HEIGHT + 19, 'font-size': 12, fill: passes?.refusals[station] ? '#6b7785' : '#1d2733' }, station),
        passes?.refusals[station] && h('text', { class: 'lane-refusal', x: LABEL_WIDTH + 6, y: AXIS_HEIGHT + index * LANE_HEIGHT + 19, 'font-size': 11, fill: '#6b7785' }, passes.refusals[station]))),
      (passes?.rows ?? []).filter(inWindow).map((row) => {
        const y = laneY(row.groundStation);
        const start = seconds(row.startTime);
        const end = seconds(row.endTime);
        return h('rect', {
          key: `${row.groundStation}/${start}`,
          class: `pass-bar${isSelected(row) ? ' selected' : ''}`,
          'data-station': row.groundStation,
          x: at(start), y: y + 8, width: Math.max(2, at(end) - at(start)), height: LANE_HEIGHT - 16,
          fill: STATUS_COLOURS.AVAILABLE,
          tabindex: 0, role: 'button',
          'aria-label': `Available pass at ${row.groundStation}, ${new Date(start * 1000).toISOString()}, ${Math.round(end - start)} s`,
          'data-start': start,
          ...activate({ kind: 'pass', row }),
        });
      }),
      contacts.filter(inWindow).map((row) => {
        const y = laneY(row.groundStation);
        const status = row.contactStatus ?? 'SCHEDULING';
        const colour = STATUS_COLOURS[status] ?? '#444';
        const prePass = seconds(row.prePassStartTime);
        const start = seconds(row.startTime);
        const end = seconds(row.endTime);
        const postPass = seconds(row.postPassEndTime);
        return h('g', {
          key: row.contactId,
          class: `contact-bar${isSelected(row) ? ' selected' : ''}`,
          'data-contact-id': row.contactId,
          'data-status': status,
          tabindex: 0, role: 'button',
          'aria-label': `Contact ${row.contactId} at ${row.groundStation}, ${status}`,
          ...activate({ kind: 'contact', row }),
        },
          h('title', null, `${status} ${row.contactId}`),
          h('rect', { class: 'prepass', x: at(prePass), y: y + 10, width: Math.max(1, at(start) - at(prePass)), height: LANE_HEIGHT - 20, fill: colour, opacity: 0.45 }),
          h('rect', { class: 'pass', x: at(start), y: y + 4, width: Math.max(2, at(end) - at(start)), height: LANE_HEIGHT - 8, fill: colour }),
          h('rect', { class: 'postpass', x: at(end), y: y + 10, width: Math.max(1, at(postPass) - at(end)), height: LANE_HEIGHT - 20, fill: colour, opacity: 0.45 }));
      }),
      now >= window.start && now <= window.end && h('line', { class: 'now-line', x1: at(now), x2: at(now), y1: AXIS_HEIGHT - 6, y2: height, stroke: '#d62728', 'stroke-width': 2 }),
    ),
    h('figcaption', null, passes === undefined ? 'Finding passes…' : `${passes.rows.length} available passes, ${contacts.filter(inWindow).length} contacts`),
    h('ul', { class: 'legend', 'aria-label': 'Status colours' },
      Object.entries(STATUS_COLOURS).filter(([status]) => !status.startsWith('AWS_')).map(([status, colour]) =>
        h('li', { key: status }, h('span', { class: 'swatch', style: { background: colour } }), status))),
  );
}


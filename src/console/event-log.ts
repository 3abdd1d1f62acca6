import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Scope } from './api.js';

interface EventEnvelope {
  id?: string;
  'detail-type'?: string;
  time?: string;
  account?: string;
  region?: string;
  detail?: unknown;
}

const KEPT = 300;

/** The scope's events as they happen (GET /_local/events); `onEvent` lets other views refresh. */
export function useEvents(scope: Scope, onEvent: (event: EventEnvelope) => void) {
  const [events, setEvents] = useState<EventEnvelope[]>([]);
  useEffect(() => {
    setEvents([]);
    const source = new EventSource(`/_local/events?${new URLSearchParams({ account: scope.account, region: scope.region })}`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as EventEnvelope;
      setEvents((list) => [event, ...list].slice(0, KEPT));
      onEvent(event);
    };
    return () => source.close();
  }, [scope.account, scope.region]);
  return events;
}

/** The live event log, newest first, filterable by detail-type. */
export function EventLog({ events }: { events: EventEnvelope[] }) {
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<EventEnvelope | undefined>(undefined);
  const types = [...new Set(events.map((event) => event['detail-type'] ?? ''))].sort();
  const shown = events.filter((event) => !filter || event['detail-type'] === filter);
  return h('div', { class: 'event-log' },
    h('label', null, 'Detail-type ',
      h('select', { value: filter, onChange: (event: Event) => setFilter((event.target as HTMLSelectElement).value) },
        h('option', { value: '' }, 'All'),
        types.map((type) => h('option', { key: type, value: type }, type)))),
    h('div', { class: 'split' },
      h('ol', { class: 'events', 'aria-label': 'Events, newest first', 'aria-live': 'polite' },
        shown.length === 0 ? h('li', null, 'No events yet') : shown.map((event, index) => h('li', { key: event.id ?? index },
          h('button', { type: 'button', class: 'link', onClick: () => setOpen(event) }, `${event.time ?? ''} ${event['detail-type'] ?? ''}`),
          ' ', h('span', { class: 'note' }, summary(event.detail))))),
      h('pre', { class: 'json', tabindex: 0, 'aria-label': 'Event JSON' }, open ? JSON.stringify(open, null, 2) : 'Select an event to see it whole.')),
  );
}

function summary(detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return '';
  const record = detail as Record<string, unknown>;
  return ['contactStatus', 'ephemerisStatus', 'contactId', 'ephemerisId', 'groundStationId'].filter((key) => record[key] !== undefined).map((key) => `${key}=${String(record[key])}`).join(' ');
}

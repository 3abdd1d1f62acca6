import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { admin, isoTime } from './api.js';

export interface ClockState {
  /** Simulated epoch seconds when the server was asked. */
  now: number;
  rate: number;
  /** When the next scheduled change of any record falls due, if one is left. */
  nextChange?: number;
  /** Real time of the answer (ms), to run the clock on between polls. */
  readAtMs: number;
}

const POLL_MS = 1000;

/** The server's clock, polled and run on locally; `moved` takes a new state after a change. */
export function useClock() {
  const [clock, setClock] = useState<ClockState | undefined>(undefined);
  const [, setTick] = useState(0);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const state = await admin<{ now: number; rate: number; nextChange?: number }>('/_local/clock');
        if (!stopped) setClock({ ...state, readAtMs: Date.now() });
      } catch {
        // the server is restarting: the next poll tries again
      }
    };
    void poll();
    const poller = setInterval(poll, POLL_MS);
    // Re-render between polls so a running clock moves smoothly.
    const ticker = setInterval(() => setTick((tick) => tick + 1), 250);
    return () => {
      stopped = true;
      clearInterval(poller);
      clearInterval(ticker);
    };
  }, []);
  const now = clock ? clock.now + ((Date.now() - clock.readAtMs) / 1000) * clock.rate : undefined;
  return { clock, now, moved: (state: { now: number; rate: number; nextChange?: number }) => setClock({ ...state, readAtMs: Date.now() }) };
}

const ADVANCES = [
  { label: '+1 min', seconds: 60 },
  { label: '+10 min', seconds: 600 },
  { label: '+1 h', seconds: 3600 },
];

interface ClockBarProps {
  clock: ClockState | undefined;
  now: number | undefined;
  moved(state: { now: number; rate: number; nextChange?: number }): void;
}

/** Shows the simulated time and rate, and moves the clock. */
export function ClockBar({ clock, now, moved }: ClockBarProps) {
  // Changes already due are being published: only one still ahead is somewhere to go.
  const nextChange = clock?.nextChange !== undefined && now !== undefined && clock.nextChange > now ? clock.nextChange : undefined;
  const [pausedRate, setPausedRate] = useState(1);
  const [timeText, setTimeText] = useState('');
  const [rateText, setRateText] = useState('');
  const [problem, setProblem] = useState('');
  const post = async (body: object) => {
    try {
      moved(await admin<{ now: number; rate: number }>('/_local/clock', { method: 'POST', body }));
      setProblem('');
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  if (!clock || now === undefined) return h('section', { class: 'clock', 'aria-label': 'Clock' }, 'Reading the clock…');
  const paused = clock.rate === 0;
  return h('section', { class: 'clock', 'aria-label': 'Clock' },
    h('output', { class: 'clock-now', 'aria-live': 'off', 'data-now': Math.floor(now) }, isoTime(Math.floor(now))),
    h('span', { class: 'clock-rate' }, `rate ${clock.rate}×`),
    paused
      ? h('button', { type: 'button', onClick: () => post({ rate: pausedRate }) }, 'Resume')
      : h('button', { type: 'button', onClick: () => { setPausedRate(clock.rate); void post({ rate: 0 }); } }, 'Pause'),
    ADVANCES.map(({ label, seconds }) => h('button', { type: 'button', 'aria-label': `Advance ${label.slice(1)}`, onClick: () => post({ advanceSeconds: seconds }) }, label)),
    h('button', {
      type: 'button',
      disabled: nextChange === undefined,
      title: nextChange === undefined ? 'No change scheduled' : `To ${isoTime(nextChange)}`,
      onClick: () => nextChange !== undefined && post({ set: nextChange }),
    }, 'Next change'),
    h('form', { class: 'inline', onSubmit: (event: Event) => { event.preventDefault(); const ms = Date.parse(timeText); if (Number.isFinite(ms)) void post({ set: ms / 1000 }); else setProblem(`Not a time: ${timeText}`); } },
      h('label', null, 'Time ', h('input', { type: 'text', placeholder: '2026-07-21T00:00:00Z', value: timeText, onInput: (event: Event) => setTimeText((event.target as HTMLInputElement).value) })),
      h('button', { type: 'submit' }, 'Set time')),
    h('form', { class: 'inline', onSubmit: (event: Event) => { event.preventDefault(); void post({ rate: Number(rateText) }); } },
      h('label', null, 'Rate ', h('input', { type: 'number', min: 0, step: 'any', size: 5, value: rateText, onInput: (event: Event) => setRateText((event.target as HTMLInputElement).value) })),
      h('button', { type: 'submit' }, 'Set rate')),
    problem && h('span', { role: 'alert', class: 'problem' }, problem),
  );
}

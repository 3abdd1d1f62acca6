import {
  CancelContactCommand,
  DescribeContactCommand,
  ListContactsCommand,
  ListMissionProfilesCommand,
  ListSatellitesCommand,
  ReserveContactCommand,
  type ContactData,
} from '@aws-sdk/client-groundstation';
import { h, render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { admin, allPages, apiClient, isoTime, rawJson, seconds, type Scope } from './api.js';
import { ClockBar, useClock } from './clock.js';
import { EventLog, useEvents } from './event-log.js';
import { ProfileGraph, useProfile } from './profile-graph.js';
import { Resources } from './resources.js';
import { SkyPlot } from './sky-plot.js';
import { RESERVED_STATUSES, Timeline, timelineWindow, useAvailablePasses, WINDOW_CHOICES, type Selection } from './timeline.js';
import { WorldMap, type CatalogSatellite, type CatalogStation } from './world-map.js';

const REGIONS = ['us-east-2', 'us-west-2', 'eu-west-1', 'eu-north-1', 'me-south-1', 'af-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-2', 'sa-east-1'];
const ACCOUNT_ID = /^\d{12}$/;
const TERMINAL = ['COMPLETED', 'FAILED', 'AWS_FAILED', 'CANCELLED', 'AWS_CANCELLED', 'FAILED_TO_SCHEDULE', 'CANCELLING'];
const CONTACT_POLL_MS = 2000;

interface SatelliteChoice extends CatalogSatellite {
  satelliteArn: string;
  noradSatelliteID?: number;
}

function initialScope(): Scope {
  const query = new URLSearchParams(location.search);
  const account = query.get('account') ?? '';
  return { account: ACCOUNT_ID.test(account) ? account : '000000000000', region: query.get('region') ?? 'us-east-2' };
}

/** `?window=HOURS` opens the timeline on one of its window choices. */
function initialWindowHours(): number {
  const hours = Number(new URLSearchParams(location.search).get('window'));
  return WINDOW_CHOICES.some((choice) => choice.hours === hours) ? hours : 24;
}

const select = (label: string, value: string, options: { value: string; label: string }[], onChange: (value: string) => void) =>
  h('label', null, `${label} `,
    h('select', { value, 'aria-label': label, onChange: (event: Event) => onChange((event.target as HTMLSelectElement).value) },
      options.map((option) => h('option', { key: option.value, value: option.value }, option.label))));

function App() {
  const [scope, setScope] = useState<Scope>(initialScope);
  const [accountText, setAccountText] = useState(scope.account);
  const client = useMemo(() => apiClient(scope), [scope.account, scope.region]);
  const { clock, now, moved } = useClock();
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((key) => key + 1);
  const [satellites, setSatellites] = useState<SatelliteChoice[]>([]);
  const [stations, setStations] = useState<CatalogStation[]>([]);
  const [profiles, setProfiles] = useState<{ missionProfileId: string; missionProfileArn: string; name: string }[]>([]);
  const [satelliteId, setSatelliteId] = useState('');
  const [missionProfileId, setMissionProfileId] = useState('');
  const [hours, setHours] = useState(initialWindowHours);
  const [contacts, setContacts] = useState<ContactData[]>([]);
  const [selected, setSelected] = useState<Selection | undefined>(undefined);
  const [described, setDescribed] = useState<Record<string, any> | undefined>(undefined);
  const [openConfig, setOpenConfig] = useState<object | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const [contactsReadKey, setContactsReadKey] = useState(0);
  const events = useEvents(scope, () => setContactsReadKey((key) => key + 1));

  useEffect(() => {
    void admin<{ groundStations: CatalogStation[] }>('/_local/ground-stations').then((answer) => setStations(answer.groundStations));
  }, []);
  useEffect(() => {
    void (async () => {
      const [listed, catalogue] = await Promise.all([
        client.send(new ListSatellitesCommand({})),
        admin<{ satellites: CatalogSatellite[] }>('/_local/satellites'),
      ]);
      const choices = (listed.satellites ?? []).map((satellite) => {
        const known = catalogue.satellites.find((entry) => entry.satelliteId === satellite.satelliteId);
        return { satelliteId: satellite.satelliteId!, satelliteArn: satellite.satelliteArn!, noradSatelliteID: satellite.noradSatelliteID, name: known?.name ?? String(satellite.noradSatelliteID), ...(known?.tle ? { tle: known.tle } : {}) };
      });
      setSatellites(choices);
      setSatelliteId((current) => (choices.some((choice) => choice.satelliteId === current) ? current : (choices[0]?.satelliteId ?? '')));
      const missionProfiles = await allPages(async (nextToken) => {
        const page = await client.send(new ListMissionProfilesCommand({ nextToken }));
        return { items: page.missionProfileList, nextToken: page.nextToken };
      });
      const profileChoices = missionProfiles.map((profile) => ({ missionProfileId: profile.missionProfileId!, missionProfileArn: profile.missionProfileArn!, name: profile.name ?? '' }));
      setProfiles(profileChoices);
      setMissionProfileId((current) => (profileChoices.some((choice) => choice.missionProfileId === current) ? current : (profileChoices[0]?.missionProfileId ?? '')));
    })().catch((error) => setProblem(String(error.message ?? error)));
  }, [client, refreshKey]);

  const window = timelineWindow(now ?? 0, hours);
  const stationNames = useMemo(() => stations.map((station) => station.groundStationName), [stations]);
  const satellite = satellites.find((choice) => choice.satelliteId === satelliteId);
  const profile = profiles.find((choice) => choice.missionProfileId === missionProfileId);
  const passes = useAvailablePasses(client, now === undefined ? [] : stationNames, satellite?.satelliteArn, profile?.missionProfileArn, window, refreshKey);
  const profileView = useProfile(client, missionProfileId || undefined, refreshKey);

  // Reserved contacts: read on every event of the scope, after every clock move, and every few seconds.
  const windowRef = useRef(window);
  windowRef.current = window;
  useEffect(() => {
    if (now === undefined) return;
    let current = true;
    const { start, end } = windowRef.current;
    allPages((nextToken) => client.send(new ListContactsCommand({ statusList: RESERVED_STATUSES, startTime: new Date(start * 1000), endTime: new Date(end * 1000), nextToken }))
      .then((page) => ({ items: page.contactList, nextToken: page.nextToken })))
      .then((rows) => current && setContacts(rows), () => undefined);
    return () => { current = false; };
  }, [client, contactsReadKey, refreshKey, clock?.readAtMs === undefined ? 0 : Math.floor(clock.readAtMs / CONTACT_POLL_MS), window.start, hours]);

  // A selected contact follows its latest state.
  const selectedContactId = selected?.kind === 'contact' ? selected.row.contactId : undefined;
  const selectedStatus = contacts.find((row) => row.contactId === selectedContactId)?.contactStatus;
  useEffect(() => {
    setDescribed(undefined);
    if (!selectedContactId) return;
    client.send(new DescribeContactCommand({ contactId: selectedContactId })).then((answer) => setDescribed(rawJson(answer)), (error) => setProblem(String(error.message)));
  }, [selectedContactId, selectedStatus, client]);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setProblem('');
      refresh();
    } catch (error) {
      setProblem(`${(error as Error).name}: ${(error as Error).message}`);
    }
  };
  const reserve = (row: ContactData) => act(async () => {
    const answer = await client.send(new ReserveContactCommand({
      missionProfileArn: row.missionProfileArn ?? profile?.missionProfileArn,
      satelliteArn: row.satelliteArn ?? satellite?.satelliteArn,
      groundStation: row.groundStation,
      startTime: row.startTime,
      endTime: row.endTime,
    }));
    setSelected({ kind: 'contact', row: { ...row, contactId: answer.contactId, contactStatus: 'SCHEDULING' } });
  });
  const cancel = (contactId: string) => act(() => client.send(new CancelContactCommand({ contactId })));
  const applyAccount = (event: Event) => {
    event.preventDefault();
    if (ACCOUNT_ID.test(accountText)) setScope({ ...scope, account: accountText });
    else setProblem('The account is a 12-digit AWS account id');
  };

  const selectedRow = selected?.kind === 'contact' ? (contacts.find((row) => row.contactId === selectedContactId) ?? selected.row) : selected?.row;
  return h('div', { class: 'console' },
    h('header', null,
      h('h1', null, 'Ground Station Local'),
      h('form', { class: 'inline', onSubmit: applyAccount, 'aria-label': 'Account and region' },
        h('label', null, 'Account ', h('input', { type: 'text', inputMode: 'numeric', pattern: '\\d{12}', size: 13, value: accountText, onInput: (event: Event) => setAccountText((event.target as HTMLInputElement).value) })),
        h('button', { type: 'submit' }, 'Use account'),
        select('Region', scope.region, REGIONS.map((region) => ({ value: region, label: region })), (region) => setScope({ ...scope, region })))),
    h('main', null,
      h(ClockBar, { clock, now, moved: (state) => { moved(state); setContactsReadKey((key) => key + 1); } }),
      problem && h('p', { role: 'alert', class: 'problem' }, problem),
      h('section', { 'aria-labelledby': 'timeline-heading' },
        h('h2', { id: 'timeline-heading' }, 'Contacts'),
        h('div', { class: 'controls' },
          select('Satellite', satelliteId, satellites.map((choice) => ({ value: choice.satelliteId, label: `${choice.name} (${choice.noradSatelliteID ?? ''})` })), setSatelliteId),
          select('Mission profile', missionProfileId, profiles.length ? profiles.map((choice) => ({ value: choice.missionProfileId, label: choice.name })) : [{ value: '', label: 'none: create one to see passes' }], setMissionProfileId),
          select('Window', String(hours), WINDOW_CHOICES.map((choice) => ({ value: String(choice.hours), label: choice.label })), (value) => setHours(Number(value)))),
        now !== undefined && h(Timeline, { stations: stationNames, window, now, passes, contacts, selected, select: setSelected }),
        h('div', { class: 'split' },
          h('div', { class: 'selection', 'aria-live': 'polite' },
            !selected && h('p', null, 'Select a pass or a contact on the timeline.'),
            selected?.kind === 'pass' && h('div', { class: 'pass-detail' },
              h('h3', null, `Pass at ${selected.row.groundStation}`),
              h('dl', null,
                h('dt', null, 'Start'), h('dd', null, isoTime(seconds(selected.row.startTime))),
                h('dt', null, 'End'), h('dd', null, isoTime(seconds(selected.row.endTime))),
                h('dt', null, 'Maximum elevation'), h('dd', null, `${selected.row.maximumElevation?.value?.toFixed(1) ?? '?'}°`),
                h('dt', null, 'Duration'), h('dd', null, `${Math.round(seconds(selected.row.endTime) - seconds(selected.row.startTime))} s`),
                h('dt', null, 'Pre-pass from'), h('dd', null, isoTime(seconds(selected.row.prePassStartTime))),
                h('dt', null, 'Post-pass until'), h('dd', null, isoTime(seconds(selected.row.postPassEndTime)))),
              h('button', { type: 'button', class: 'primary', onClick: () => reserve(selected.row) }, 'Reserve')),
            selected?.kind === 'contact' && h('div', { class: 'contact-detail' },
              h('h3', null, 'Contact ', h('span', { class: 'contact-status', 'data-status': selectedRow?.contactStatus }, selectedRow?.contactStatus ?? '')),
              h('button', { type: 'button', disabled: TERMINAL.includes(selectedRow?.contactStatus ?? ''), onClick: () => selectedContactId && cancel(selectedContactId) }, 'Cancel contact'),
              h('pre', { class: 'json', tabindex: 0, 'aria-label': 'DescribeContact' }, described ? JSON.stringify(described, null, 2) : 'Describing…'))),
          h(SkyPlot, { scope, row: selectedRow, now: now ?? 0 }))),
      h('section', { 'aria-labelledby': 'map-heading' },
        h('h2', { id: 'map-heading' }, 'Map'),
        now !== undefined && h(WorldMap, { scope, now, satellites, stations, footprintSatelliteId: satelliteId || undefined })),
      h('section', { 'aria-labelledby': 'profile-heading' },
        h('h2', { id: 'profile-heading' }, 'Mission profile'),
        h('div', { class: 'split' },
          h(ProfileGraph, { view: profileView, openConfig: setOpenConfig }),
          h('pre', { class: 'json', tabindex: 0, 'aria-label': 'Config JSON' }, openConfig ? JSON.stringify(openConfig, null, 2) : 'Select a config to see its JSON.'))),
      h('section', { 'aria-labelledby': 'resources-heading' },
        h('h2', { id: 'resources-heading' }, 'Resources'),
        h(Resources, { client, refreshKey })),
      h('section', { 'aria-labelledby': 'events-heading' },
        h('h2', { id: 'events-heading' }, 'Events'),
        h(EventLog, { events })),
    ),
  );
}

// The page paints a header before this script runs; the app replaces it.
const root = document.getElementById('console')!;
root.textContent = '';
render(h(App, null), root);

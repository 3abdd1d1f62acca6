import {
  GetConfigCommand,
  GetDataflowEndpointGroupCommand,
  GetMissionProfileCommand,
  GetSatelliteCommand,
  ListConfigsCommand,
  ListDataflowEndpointGroupsCommand,
  ListEphemeridesCommand,
  ListMissionProfilesCommand,
  ListSatellitesCommand,
  DescribeEphemerisCommand,
  type GroundStationClient,
} from '@aws-sdk/client-groundstation';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { allPages, rawJson } from './api.js';

interface Row {
  id: string;
  label: string;
  /** Shown beside the label: a status, a type, a health. */
  note?: string;
  detail(): Promise<object>;
}

type Kind = 'Mission profiles' | 'Configs' | 'Dataflow endpoint groups' | 'Ephemerides' | 'Satellites';
const KINDS: Kind[] = ['Mission profiles', 'Configs', 'Dataflow endpoint groups', 'Ephemerides', 'Satellites'];

// ListEphemerides needs a window: the widest the service's dates can be.
const EPHEMERIS_WINDOW = { startTime: new Date('2000-01-01T00:00:00Z'), endTime: new Date('2100-01-01T00:00:00Z') };

async function listRows(client: GroundStationClient, kind: Kind): Promise<Row[]> {
  const send = async <T>(command: any) => rawJson<T>(await client.send(command));
  switch (kind) {
    case 'Mission profiles':
      return (await allPages(async (nextToken) => {
        const page = await send<any>(new ListMissionProfilesCommand({ nextToken }));
        return { items: page.missionProfileList, nextToken: page.nextToken };
      })).map((item: any) => ({ id: item.missionProfileId, label: item.name, detail: () => send(new GetMissionProfileCommand({ missionProfileId: item.missionProfileId })) }));
    case 'Configs':
      return (await allPages(async (nextToken) => {
        const page = await send<any>(new ListConfigsCommand({ nextToken }));
        return { items: page.configList, nextToken: page.nextToken };
      })).map((item: any) => ({ id: item.configId, label: item.name, note: item.configType, detail: () => send(new GetConfigCommand({ configId: item.configId, configType: item.configType })) }));
    case 'Dataflow endpoint groups': {
      const groups = await allPages(async (nextToken) => {
        const page = await send<any>(new ListDataflowEndpointGroupsCommand({ nextToken }));
        return { items: page.dataflowEndpointGroupList, nextToken: page.nextToken };
      });
      return Promise.all(groups.map(async (item: any) => {
        const group = await send<any>(new GetDataflowEndpointGroupCommand({ dataflowEndpointGroupId: item.dataflowEndpointGroupId }));
        const health = (group.endpointsDetails ?? []).map((details: any) => details.healthStatus ?? 'UNKNOWN');
        return { id: item.dataflowEndpointGroupId, label: item.dataflowEndpointGroupId, note: `health ${[...new Set(health)].join(', ') || 'none'}`, detail: async () => group };
      }));
    }
    case 'Ephemerides': {
      const satellites = await send<any>(new ListSatellitesCommand({}));
      const perSatellite = await Promise.all((satellites.satellites ?? []).map((satellite: any) => allPages(async (nextToken) => {
        const page = await send<any>(new ListEphemeridesCommand({ satelliteId: satellite.satelliteId, ...EPHEMERIS_WINDOW, nextToken }));
        return { items: page.ephemerides, nextToken: page.nextToken };
      })));
      return perSatellite.flat().map((item: any) => ({ id: item.ephemerisId, label: item.name ?? item.ephemerisId, note: `${item.status}, priority ${item.priority}`, detail: () => send(new DescribeEphemerisCommand({ ephemerisId: item.ephemerisId })) }));
    }
    case 'Satellites': {
      const page = await send<any>(new ListSatellitesCommand({}));
      return (page.satellites ?? []).map((item: any) => ({ id: item.satelliteId, label: `${item.noradSatelliteID}`, note: item.currentEphemeris?.ephemerisType ?? '', detail: () => send(new GetSatelliteCommand({ satelliteId: item.satelliteId })) }));
    }
  }
}

/** Read-only lists of the scope's resources, each with its detail JSON. */
export function Resources({ client, refreshKey }: { client: GroundStationClient; refreshKey: number }) {
  const [kind, setKind] = useState<Kind>('Mission profiles');
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const [detail, setDetail] = useState<{ id: string; json: object } | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setRows(undefined);
    setDetail(undefined);
    listRows(client, kind).then((list) => { if (current) { setRows(list); setProblem(''); } }, (error) => current && setProblem(String(error.message ?? error)));
    return () => { current = false; };
  }, [client, kind, refreshKey]);
  return h('div', { class: 'resources' },
    h('div', { role: 'tablist', 'aria-label': 'Resource kind' },
      KINDS.map((name) => h('button', { key: name, type: 'button', role: 'tab', 'aria-selected': name === kind ? 'true' : 'false', onClick: () => setKind(name) }, name))),
    problem && h('p', { role: 'alert', class: 'problem' }, problem),
    h('div', { class: 'split' },
      h('ul', { class: 'resource-list', 'aria-label': kind },
        rows === undefined ? h('li', null, 'Loading…') : rows.length === 0 ? h('li', null, 'None') :
          rows.map((row) => h('li', { key: row.id },
            h('button', { type: 'button', class: detail?.id === row.id ? 'link selected' : 'link', onClick: () => row.detail().then((json) => setDetail({ id: row.id, json }), (error) => setProblem(String(error.message))) }, row.label),
            row.note && h('span', { class: 'note' }, ` ${row.note}`)))),
      h('pre', { class: 'json', tabindex: 0, 'aria-label': 'Detail JSON' }, detail ? JSON.stringify(detail.json, null, 2) : 'Select an item to see its JSON.')),
  );
}

import { GetConfigCommand, GetMissionProfileCommand, type GroundStationClient } from '@aws-sdk/client-groundstation';
import dagre from '@dagrejs/dagre';
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { rawJson } from './api.js';

interface ConfigView {
  configArn: string;
  configType: string;
  name: string;
  configData: Record<string, any>;
}

interface ProfileView {
  profile: Record<string, any>;
  /** By config ARN without any output-node suffix. */
  configs: Record<string, ConfigView>;
}

const NODE_WIDTH = 250;
// Longer names are cut to fit the node; the whole config is one click away.
const fit = (text: string) => (text.length > 38 ? `${text.slice(0, 37)}…` : text);
const NODE_HEIGHT = 62;

/** config/<type>/<id>[/<outputNode>]: the ARN of the config itself, and the suffix if any. */
export function splitConfigArn(arn: string): { configArn: string; outputNode?: string } {
  const match = /^(arn:[^:]*:[^:]*:[^:]*:[^:]*:config\/[^/]+\/[^/]+)(?:\/(.+))?$/.exec(arn);
  return match ? { configArn: match[1]!, ...(match[2] ? { outputNode: match[2] } : {}) } : { configArn: arn };
}

const frequency = (spectrum: any) =>
  spectrum ? [spectrum.centerFrequency && `${spectrum.centerFrequency.value} ${spectrum.centerFrequency.units}`, spectrum.bandwidth && `bw ${spectrum.bandwidth.value} ${spectrum.bandwidth.units}`].filter(Boolean).join(', ') : '';

/** The parameters a person looks for first in a config of each type. */
export function keyParameters(config: ConfigView): string {
  const data = config.configData;
  switch (config.configType) {
    case 'antenna-downlink': return frequency(data.antennaDownlinkConfig?.spectrumConfig);
    case 'antenna-downlink-demod-decode': return frequency(data.antennaDownlinkDemodDecodeConfig?.spectrumConfig);
    case 'antenna-uplink': return [frequency(data.antennaUplinkConfig?.spectrumConfig), data.antennaUplinkConfig?.targetEirp && `${data.antennaUplinkConfig.targetEirp.value} ${data.antennaUplinkConfig.targetEirp.units}`].filter(Boolean).join(', ');
    case 's3-recording': return `bucket ${String(data.s3RecordingConfig?.bucketArn ?? '').split(':').pop()}`;
    case 'dataflow-endpoint': return `endpoint ${data.dataflowEndpointConfig?.dataflowEndpointName ?? ''}`;
    case 'tracking': return `autotrack ${data.trackingConfig?.autotrack ?? ''}`;
    case 'uplink-echo': return `echo ${data.uplinkEchoConfig?.enabled ? 'enabled' : 'disabled'}`;
    case 'telemetry-sink': return data.telemetrySinkConfig?.telemetrySinkType ?? '';
    default: return '';
  }
}

/** A mission profile and every config it names, as the server sent them. */
export function useProfile(client: GroundStationClient, missionProfileId: string | undefined, refreshKey: number) {
  const [view, setView] = useState<ProfileView | undefined>(undefined);
  useEffect(() => {
    setView(undefined);
    if (!missionProfileId) return;
    let current = true;
    void (async () => {
      const profile = rawJson(await client.send(new GetMissionProfileCommand({ missionProfileId })));
      const arns = new Set<string>([
        ...((profile.dataflowEdges ?? []) as string[][]).flat().map((arn) => splitConfigArn(arn).configArn),
        ...[profile.trackingConfigArn, profile.telemetrySinkConfigArn].filter(Boolean),
      ]);
      const configs: Record<string, ConfigView> = {};
      await Promise.all([...arns].map(async (configArn) => {
        const [, configType, configId] = configArn.split('/') as [string, string, string];
        try {
          configs[configArn] = rawJson<ConfigView>(await client.send(new GetConfigCommand({ configId, configType: configType as never })));
        } catch {
          configs[configArn] = { configArn, configType, name: '(not found)', configData: {} };
        }
      }));
      if (current) setView({ profile, configs });
    })().catch(() => current && setView(undefined));
    return () => { current = false; };
  }, [missionProfileId, client, refreshKey]);
  return view;
}

/** Configs as nodes, dataflow edges as arrows, tracking and telemetry sink attached to the profile. */
export function ProfileGraph({ view, openConfig }: { view: ProfileView | undefined; openConfig(config: ConfigView): void }) {
  if (!view) return h('p', null, 'Choose a mission profile to see its dataflow.');
  const { profile, configs } = view;
  const edges = (profile.dataflowEdges ?? []) as [string, string][];
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 130, marginx: 10, marginy: 10 });
  graph.setDefaultEdgeLabel(() => ({}));
  graph.setNode('profile', { width: NODE_WIDTH, height: 78 });
  for (const arn of Object.keys(configs)) graph.setNode(arn, { width: NODE_WIDTH, height: NODE_HEIGHT });
  edges.forEach(([from, to], index) => graph.setEdge(splitConfigArn(from).configArn, splitConfigArn(to).configArn, { index }, `edge${index}`));
  const attached = [profile.trackingConfigArn, profile.telemetrySinkConfigArn].filter(Boolean) as string[];
  for (const arn of attached) graph.setEdge('profile', arn, {}, `attached-${arn}`);
  dagre.layout(graph);
  const size = graph.graph();
  const edgePoints = (from: string, to: string, name: string) => (graph.edge(from, to, name)?.points ?? []) as { x: number; y: number }[];
  const polyline = (list: { x: number; y: number }[]) => list.map((point) => `${point.x},${point.y}`).join(' ');
  const profileNode = graph.node('profile');
  return h('figure', { class: 'profile-graph' },
    h('svg', { viewBox: `0 0 ${(size.width ?? 400) + 10} ${(size.height ?? 200) + 10}`, role: 'group', 'aria-label': `Dataflow of mission profile ${profile.name}` },
      h('defs', null, h('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, h('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#34495e' }))),
      attached.map((arn) => h('polyline', { key: `attached-${arn}`, class: 'graph-link', points: polyline(edgePoints('profile', arn, `attached-${arn}`)), fill: 'none', stroke: '#9aa6b2', 'stroke-dasharray': '4 3' })),
      edges.map(([from, to], index) => {
        const list = edgePoints(splitConfigArn(from).configArn, splitConfigArn(to).configArn, `edge${index}`);
        const suffix = splitConfigArn(from).outputNode;
        const middle = list[Math.floor(list.length / 2)];
        return h('g', { key: `edge${index}`, class: 'graph-edge', 'data-from': from, 'data-to': to },
          h('polyline', { points: polyline(list), fill: 'none', stroke: '#34495e', 'stroke-width': 1.5, 'marker-end': 'url(#arrow)' }),
          suffix && middle && h('text', { class: 'edge-suffix', x: middle.x, y: middle.y - 6, 'text-anchor': 'middle', 'font-size': 10, fill: '#8e44ad' }, `/${suffix}`));
      }),
      h('g', { class: 'graph-profile', transform: `translate(${profileNode.x - NODE_WIDTH / 2},${profileNode.y - 39})` },
        h('rect', { width: NODE_WIDTH, height: 78, rx: 8, fill: '#fdf6e3', stroke: '#b58900' }),
        h('text', { x: 8, y: 16, 'font-size': 12, 'font-weight': 600 }, `profile ${profile.name ?? ''}`),
        h('text', { x: 8, y: 33, 'font-size': 10.5 }, `pre-pass ${profile.contactPrePassDurationSeconds ?? 0} s, post-pass ${profile.contactPostPassDurationSeconds ?? 0} s`),
        h('text', { x: 8, y: 49, 'font-size': 10.5 }, `minimum viable ${profile.minimumViableContactDurationSeconds} s`),
        h('text', { x: 8, y: 65, 'font-size': 10.5 }, profile.streamsKmsKey ? 'KMS-encrypted streams' : 'tracking and telemetry attached')),
      Object.values(configs).map((config) => {
        const node = graph.node(config.configArn);
        const open = () => openConfig(config);
        return h('g', {
          key: config.configArn,
          class: 'graph-node',
          'data-config-arn': config.configArn,
          'data-config-type': config.configType,
          transform: `translate(${node.x - NODE_WIDTH / 2},${node.y - NODE_HEIGHT / 2})`,
          tabindex: 0, role: 'button',
          onClick: open,
          onKeyDown: (event: KeyboardEvent) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); open(); } },
        },
          h('rect', { width: NODE_WIDTH, height: NODE_HEIGHT, rx: 6, fill: '#ffffff', stroke: '#34495e' }),
          h('text', { x: 8, y: 17, 'font-size': 11, fill: '#2c3e50', 'font-weight': 600 }, config.configType),
          h('text', { x: 8, y: 34, 'font-size': 11 }, fit(config.name)),
          h('text', { x: 8, y: 51, 'font-size': 10.5, fill: '#34495e' }, fit(keyParameters(config))));
      }),
    ),
  );
}

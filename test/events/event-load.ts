import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { agentEndpointDetails, registerAgentRequest } from '../agent/agent-fixtures.js';
import { groundStationArn, raw } from '../support/clients.js';
import { HookServer } from './event-sinks.js';

const UNSIGNED = { account: '000000000000' };
const AT_ONCE = 64;
const GROUPS_PER_AGENT = 20;

async function inWaves<T>(count: number, call: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += AT_ONCE) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(AT_ONCE, count - start) }, (_, offset) => call(start + offset)))));
  }
  return results;
}

/** Dataflow endpoint groups of one agent endpoint each, made unsigned (the default account); their ARNs. */
export async function createGroupsUnsigned(url: string, count: number): Promise<string[]> {
  return inWaves(count, async () => {
    const created = await raw(url, 'POST', '/dataflowEndpointGroup', { body: { endpointDetails: [agentEndpointDetails()] } });
    if (created.status !== 200) throw new Error(`CreateDataflowEndpointGroup failed: ${created.text}`);
    return groundStationArn(`dataflow-endpoint-group/${created.json.dataflowEndpointGroupId}`, UNSIGNED);
  });
}

/** Registers agents for the groups: each group's first health change is one event. */
export async function registerAgentsFor(url: string, groupArns: readonly string[]): Promise<void> {
  await inWaves(Math.ceil(groupArns.length / GROUPS_PER_AGENT), async (index) => {
    const arns = groupArns.slice(index * GROUPS_PER_AGENT, (index + 1) * GROUPS_PER_AGENT);
    const registered = await raw(url, 'POST', '/agent', { body: registerAgentRequest(arns) });
    if (registered.status !== 200) throw new Error(`RegisterAgent failed: ${registered.text}`);
  });
}

/** Resident memory of a process, from /proc. */
export function residentBytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) * 1024;
}

/** Opens GET /_local/events on raw sockets that never read what comes back. */
export async function stalledStreams(port: number, count: number, headers: Record<string, string> = {}): Promise<Socket[]> {
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return inWaves(count, () => new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /_local/events HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`);
      socket.once('data', () => {
        socket.pause();
        resolve(socket);
      });
    });
    socket.once('error', reject);
  }));
}

/** A webhook receiver that answers 200 and then sends a body that never ends; counts the events it was sent. */
export class EndlessAnswerReceiver extends HookServer {
  readonly received: string[] = [];

  private readonly chunk = Buffer.alloc(64 * 1024, 'x');

  protected answer(request: IncomingMessage, response: ServerResponse): void {
    let body = '';
    request.on('data', (data) => (body += data));
    request.on('end', () => {
      this.received.push((JSON.parse(body) as { id: string }).id);
      response.writeHead(200, { 'content-type': 'text/plain' });
      const pour = () => {
        while (!response.destroyed && response.write(this.chunk));
      };
      response.on('drain', pour);
      pour();
    });
  }
}

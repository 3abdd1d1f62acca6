import { GroundStationClient } from '@aws-sdk/client-groundstation';

/** Whose resources the console shows: the access key id is the 12-digit account, as for every client. */
export interface Scope {
  account: string;
  region: string;
}

/** The AWS API of this server, signed as the chosen account in the chosen region. */
export function apiClient(scope: Scope): GroundStationClient {
  return keepRawJson(new GroundStationClient({
    endpoint: location.origin,
    region: scope.region,
    credentials: { accessKeyId: scope.account, secretAccessKey: 'local' },
    maxAttempts: 1,
  }));
}

/** Every item of a paginated list: `fetchPage` takes a nextToken and gives a page. */
export async function allPages<T>(fetchPage: (nextToken?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...(page.items ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

/** An admin route of this server (outside the AWS API), as JSON; throws its message on refusal. */
export async function admin<T>(path: string, init?: { method: 'POST'; body: object }): Promise<T> {
  const response = await fetch(path, init && { method: init.method, body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error((body as { message?: string }).message ?? `${path}: ${response.status}`);
  return body as T;
}

/** An admin geometry route, computed with the ephemerides of the chosen scope. */
export function geometry<T>(route: 'track' | 'sky' | 'footprint', scope: Scope, query: Record<string, string | number>): Promise<T> {
  const parameters = new URLSearchParams({ account: scope.account, region: scope.region });
  for (const [name, value] of Object.entries(query)) parameters.set(name, String(value));
  return admin<T>(`/_local/geometry/${route}?${parameters}`);
}

/** The last segment of an ARN: a satellite's id, a config's id. */
export const arnId = (arn: string) => arn.split('/').pop() ?? arn;

export const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : Number.NaN);

export const isoTime = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

const RAW = Symbol('raw JSON');

/**
 * Keeps each answer's JSON as the server sent it, beside what the SDK made of it: this SDK
 * release predates some fields (telemetry sinks, endpoint health) and drops them.
 */
export function keepRawJson(client: GroundStationClient): GroundStationClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      (result.output as unknown as Record<symbol, unknown>)[RAW] = (context as Record<symbol, unknown>)[RAW];
      return result;
    },
    { step: 'initialize', name: 'consoleAttachRawJson' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as { body?: BodyInit | null };
      const bytes = new Uint8Array(await new Response(response.body ?? null).arrayBuffer());
      response.body = bytes as unknown as BodyInit;
      try {
        (context as Record<symbol, unknown>)[RAW] = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        // not JSON: nothing to keep
      }
      return result;
    },
    { step: 'deserialize', name: 'consoleKeepRawJson', priority: 'low' },
  );
  return client;
}

/** The JSON the server sent for an SDK answer (see keepRawJson), or the SDK's own view of it. */
export function rawJson<T = Record<string, any>>(output: object): T {
  const raw = (output as Record<symbol, unknown>)[RAW];
  if (raw !== undefined) return raw as T;
  const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
  return rest as T;
}

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { model, type OperationModel, type Shape } from '../../src/api/model.js';
import { agentEndpointDetails, registerAgentRequest } from '../agent/agent-fixtures.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, noaa20Arn } from '../contact/contact-support.js';
import { NOAA20_NORAD, tleData } from '../ephemeris/ephemeris-data.js';
import { ACCOUNT, boto3Ok, groundStationArn, OTHER_ACCOUNT, raw, REGION } from '../support/clients.js';
import { configData, endpointDetails, uplinkEchoData, ZERO_UUID } from '../support/fixtures.js';
import { createConfigs } from '../support/setup.js';

// Requests built from the model, many of them wrong in some way, for the model fuzz test and the
// fuzz runner (npm run fuzz): the accounts they run as, what those hold, and the generators.

export interface Caller {
  account: string;
  region: string;
}
export const FUZZED: Caller = { account: ACCOUNT, region: REGION };
// Another account, and the same account in another region: nothing sent to FUZZED may show there.
export const NEIGHBOURS: Caller[] = [
  { account: OTHER_ACCOUNT, region: REGION },
  { account: ACCOUNT, region: 'us-west-2' },
];
// Signed as far as the server reads a signature: the credential scope names account and region.
const authorization = (caller: Caller) =>
  `AWS4-HMAC-SHA256 Credential=${caller.account}/20260721/${caller.region}/groundstation/aws4_request, SignedHeaders=host, Signature=0`;
const FAR_PAST = 0;
const FAR_FUTURE = 4_102_444_800;
const ALL_EPHEMERIS_STATUSES = model.shapes.EphemerisStatus!.enum!;
// Every status a reserved contact can have: AVAILABLE ones are passes, not state.
const BOOKED_CONTACT_STATUSES = model.shapes.ContactStatus!.enum!.filter((status) => status !== 'AVAILABLE');

// A member or query value left out of a request (null is a value a request may carry).
const ABSENT = Symbol('absent');

/** Values the account really has, by `Shape.member`, member or shape name, so that references resolve. */
export type Pools = Record<string, unknown[]>;

export interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  body?: string;
}

/** Sends a request as the caller, signed as far as the server reads a signature. */
export const send = (url: string, request: { method: string; path: string; body?: string; headers?: Record<string, string> }, caller = FUZZED) =>
  raw(url, request.method, request.path, {
    ...(request.body !== undefined ? { body: request.body } : {}),
    headers: { authorization: authorization(caller), ...request.headers },
  });

/** What the caller's account holds in its region, read through the API: every list, every item, its tags and versions. */
export async function snapshot(url: string, caller: Caller, agentIds: unknown[] = []): Promise<string> {
  const pages = async (method: string, path: string, listKey: string, body?: object): Promise<any[]> => {
    const items: any[] = [];
    for (let token: string | undefined; ; ) {
      const query = token ? `?nextToken=${encodeURIComponent(token)}` : '';
      const response = await send(url, { method, path: path + query, ...(body ? { body: JSON.stringify({ ...body, nextToken: token }) } : {}) }, caller);
      assert.equal(response.status, 200, response.text);
      items.push(...response.json[listKey]);
      token = response.json.nextToken;
      if (!token) return items;
    }
  };
  const [configs, profiles, groups, ephemerides, contacts, satellites] = await Promise.all([
    pages('GET', '/config', 'configList'),
    pages('GET', '/missionprofile', 'missionProfileList'),
    pages('GET', '/dataflowEndpointGroup', 'dataflowEndpointGroupList'),
    pages('POST', '/ephemerides', 'ephemerides', { startTime: FAR_PAST, endTime: FAR_FUTURE, statusList: ALL_EPHEMERIS_STATUSES }),
    pages('POST', '/contacts', 'contactList', { startTime: FAR_PAST, endTime: FAR_FUTURE, statusList: BOOKED_CONTACT_STATUSES }),
    pages('GET', '/satellite', 'satellites'),
  ]);
  const arns = [
    ...configs.map((c) => c.configArn),
    ...profiles.map((p) => p.missionProfileArn),
    ...groups.map((g) => g.dataflowEndpointGroupArn),
    ...contacts.map((c) => groundStationArn(`contact/${c.contactId}`, caller)),
  ];
  const reads = [
    ...configs.map((c) => `/config/${c.configType}/${c.configId}`),
    ...profiles.map((p) => `/missionprofile/${p.missionProfileId}`),
    ...groups.map((g) => `/dataflowEndpointGroup/${g.dataflowEndpointGroupId}`),
    ...ephemerides.map((e) => `/ephemeris/${e.ephemerisId}`),
    ...contacts.flatMap((c) => [`/contact/${c.contactId}`, `/contact/${c.contactId}/versions`]),
    ...satellites.map((s) => `/satellite/${s.satelliteId}`),
    ...agentIds.map((id) => `/agent/${id}/configuration`),
    ...arns.map((arn) => `/tags/${encodeURIComponent(arn)}`),
  ];
  const answers = await Promise.all([
    ...reads.map((path) => send(url, { method: 'GET', path }, caller)),
    send(url, { method: 'POST', path: '/minute-usage', body: JSON.stringify({ month: 7, year: 2026 }) }, caller),
  ]);
  const items = answers.map((answer, index) => [reads[index] ?? '/minute-usage', answer.status, answer.json]);
  return JSON.stringify({ configs, profiles, groups, ephemerides, contacts, satellites, items });
}

/** Ids, ARNs and names the account really has, so that generated references sometimes resolve. */
export async function seed(url: string): Promise<Pools> {
  const server = { url };
  // Two of what a delete may take, so that later requests still find one.
  const profiles = [await createDownlinkProfile(server.url), await createDownlinkProfile(server.url)];
  const parts = profiles[0]!.parts;
  const configs = await createConfigs(server.url, ['antenna-downlink-demod-decode', 'antenna-uplink', 'dataflow-endpoint']);
  const echo = await boto3Ok(server.url, { op: 'create_config', params: { name: 'echo', configData: uplinkEchoData(configs['antenna-uplink']) } });
  const group = await boto3Ok(server.url, { op: 'create_dataflow_endpoint_group', params: { endpointDetails: [endpointDetails()] } });
  const agentGroup = await boto3Ok(server.url, {
    op: 'create_dataflow_endpoint_group',
    params: { endpointDetails: [agentEndpointDetails()], tags: { team: 'fuzz' } },
  });
  const groupIds: string[] = [group.dataflowEndpointGroupId, agentGroup.dataflowEndpointGroupId];
  const [groupArn, agentGroupArn] = groupIds.map((id) => groundStationArn(`dataflow-endpoint-group/${id}`)) as [string, string];
  const { agentId } = await boto3Ok(server.url, { op: 'register_agent', params: registerAgentRequest([agentGroupArn]) });
  const satelliteArn = await noaa20Arn(server.url);
  const satelliteId = satelliteArn.split('/').pop()!;
  const ephemerisIds: string[] = [];
  for (const name of ['tle-1', 'tle-2']) {
    const ephemeris = { tle: { tleData: [tleData(CLOCK_START_SECONDS, CLOCK_START_SECONDS + 86400)] } };
    ephemerisIds.push((await boto3Ok(server.url, { op: 'create_ephemeris', params: { name, satelliteId, ephemeris } })).ephemerisId);
  }
  const contactId = await (await firstOhioWindow(server.url, profiles[0]!.missionProfileArn, satelliteArn)).reserve();
  const contactArn = groundStationArn(`contact/${contactId}`);
  const configArns = [...profiles.flatMap((profile) => Object.values(profile.parts)), ...Object.values(configs), echo.configArn];
  const addresses = ['10.0.0.5', '203.0.113.10'];
  return {
    missionProfileId: profiles.map((profile) => profile.missionProfileId),
    missionProfileArn: profiles.map((profile) => profile.missionProfileArn),
    ConfigArn: configArns,
    configId: configArns.map((arn) => arn.split('/')[2]!),
    configType: [...Object.keys(configData), 'uplink-echo'],
    trackingConfigArn: [parts.tracking],
    telemetrySinkConfigArn: [parts.sink],
    dataflowEdges: [[[parts.downlink, parts.s3]], [[parts.downlink, configs['dataflow-endpoint']]]],
    antennaUplinkConfigArn: [configs['antenna-uplink']],
    dataflowEndpointGroupId: groupIds,
    DataflowEndpointGroupArn: [groupArn, agentGroupArn],
    CapabilityArn: [agentGroupArn, ...configArns],
    agentId: [agentId],
    contactId: [contactId],
    ephemerisId: ephemerisIds,
    satelliteId: [satelliteId],
    satelliteArn: [satelliteArn],
    noradSatelliteID: [String(NOAA20_NORAD)],
    groundStation: ['Ohio 1', 'Oregon 1'],
    groundStationId: ['Ohio 1', 'Oregon 1'],
    resourceArn: [...profiles.map((profile) => profile.missionProfileArn), ...configArns, groupArn, agentGroupArn, contactArn],
    versionId: ['1', '2'],
    RoleArn: ['arn:aws:iam::111122223333:role/GroundStation'],
    KeyArn: ['arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    KeyAliasArn: ['arn:aws:kms:us-east-2:111122223333:alias/groundstation'],
    IpV4Address: addresses,
    'SocketAddress.name': addresses,
    SafeName: ['fuzz', 'fuzz_2'],
    agentDetails: [registerAgentRequest([agentGroupArn]).agentDetails],
    Uuid: [ZERO_UUID, contactId],
  };
}

/**
 * A well-typed choice, or in a dirty request now and then a wrong one. Clean requests carry only
 * well-typed values, so they get past the shape checks to the operation's own rules and writes.
 */
const mostly = <T>(clean: boolean, typed: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>, odds = 6): fc.Arbitrary<T> =>
  clean ? typed : fc.oneof({ weight: odds, arbitrary: typed }, { weight: 1, arbitrary: wrong });

/**
 * Strings of a shape's pattern (anchored, as the service reads it) and length: a fixed sample per
 * shape, drawn once for all operations, since drawing from a pattern is slow.
 */
const patternSamples = new Map<Shape, fc.Arbitrary<string>>();
function stringOf(shape: Shape): fc.Arbitrary<string> {
  const min = shape.min ?? 0;
  const max = shape.max ?? 64;
  if (!shape.pattern) return fc.string({ minLength: min, maxLength: Math.min(max, 64) });
  let sample = patternSamples.get(shape);
  if (!sample) {
    const matching = fc.stringMatching(new RegExp(`^(?:${shape.pattern})$`)).filter((text) => text.length >= min && text.length <= max);
    patternSamples.set(shape, (sample = fc.constantFrom(...fc.sample(matching, { numRuns: 8, seed: 1 }))));
  }
  return sample;
}


/**
 * Text spliced into a request body as it is, where JSON.stringify could not make it: a value nested
 * thousands deep (stringifying it would overflow the client's stack) or a number literal no double
 * holds (1e999 parses as Infinity). The placeholder is a string no generator makes.
 */
const RAW_MARK = '\u0000raw\u0000';
const rawJson = (text: string) => `${RAW_MARK}${text}`;
/** The text a raw value stands for, where it goes into a query rather than a body. */
export const withoutRawMark = (text: string) => (text.startsWith(RAW_MARK) ? text.slice(RAW_MARK.length) : text);
const RAW_PLACEHOLDER = /"\\u0000raw\\u0000((?:[^"\\]|\\.)*)"/g;

/** Percent-encoded text; a lone surrogate (which encodeURIComponent refuses) becomes the bytes UTF-8 would give it. */
export const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.split('').map((unit) => (/[\ud800-\udfff]/.test(unit) ? '%ED%A0%80' : encodeURIComponent(unit))).join('');
  }
};

/** JSON text of a generated body, with raw placeholders replaced by their text. */
export function bodyText(value: unknown): string {
  return JSON.stringify(value).replace(RAW_PLACEHOLDER, (_, text: string) => JSON.parse(`"${text}"`) as string);
}

/** Values no client would send: deep nesting, numbers past a double, huge or odd timestamps, long or strange text. */
export const hostile = {
  nesting: fc
    .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom<[string, string]>(['[', ']'], ['{"a":', '}']))
    .map(([depth, [open, close]]) => rawJson(open.repeat(depth) + '1' + close.repeat(depth))),
  number: fc.oneof(
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324, 1e21, 2 ** 63),
    fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '0.1e-999').map(rawJson),
  ),
  timestamp: fc.oneof(
    fc.constantFrom(8.64e12 + 1, 1e15, 1e308, -1, -8.64e12, 253_402_300_800, 0.5, Number.MAX_SAFE_INTEGER),
    fc.constantFrom('NaN', 'Infinity', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '1e999'),
    fc.constantFrom('1e999', 'NaN').map((text) => rawJson(text === 'NaN' ? '"NaN"' : text)),
  ),
  text: fc.oneof(
    fc.integer({ min: 257, max: 100_000 }).map((length) => 'x'.repeat(length)),
    fc.string({ maxLength: 40, unit: 'binary' }),
    fc.string({ maxLength: 40, unit: 'grapheme' }),
    fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '🛰️📡', '‮', 'aws:reserved', '__proto__', 'constructor', '../../etc', '%00', ' '),
  ),
  wrongType: fc.oneof(fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant([[[]]]), fc.constant(JSON.parse('{"__proto__":{"a":1}}'))),
};

/** Values for shapes: of their type (known strings, bounds), and in dirty requests bound neighbours and junk. */
function valuesFor(pools: Pools, clean: boolean) {
  const junk = fc.oneof(
    { weight: 4, arbitrary: fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({})) },
    { weight: 1, arbitrary: fc.oneof(hostile.nesting, hostile.number, hostile.text, hostile.wrongType) },
  );
  const anyKnown = fc.constantFrom(...new Set(Object.values(pools).flat().filter((value) => typeof value === 'string')));
  const memo = new Map<string, fc.Arbitrary<unknown>>();
  /** Mostly what `pool` (the member's known values) or the shape's own pool holds, when there is one. */
  const valueOf = (shapeName: string, depth: number, pool?: string): fc.Arbitrary<unknown> => {
    const key = `${shapeName}@${depth}#${pool}`;
    let arbitrary = memo.get(key);
    if (!arbitrary) {
      const known = pools[pool ?? shapeName] ?? pools[shapeName];
      const built = known ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: typed(shapeName, depth) }) : typed(shapeName, depth);
      memo.set(key, (arbitrary = mostly(clean, built, junk, 8)));
    }
    return arbitrary;
  };
  const typed = (shapeName: string, depth: number): fc.Arbitrary<unknown> => {
    const shape = model.shapes[shapeName]!;
    const bounds = (fallbackMin: number, fallbackMax: number) => {
      const min = shape.min ?? fallbackMin;
      const max = Math.min(shape.max ?? fallbackMax, Number.MAX_SAFE_INTEGER - 1);
      return mostly(clean, fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max)), fc.constantFrom(min - 1, max + 1), 3);
    };
    switch (shape.type) {
      case 'string': {
        if (shape.enum) return mostly(clean, fc.constantFrom(...shape.enum), fc.string({ maxLength: 12 }));
        return fc.oneof(
          { weight: 2, arbitrary: anyKnown },
          { weight: 4, arbitrary: stringOf(shape) },
          ...(clean ? [] : [{ weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 24, unit: 'binary' }), fc.constant('x'.repeat((shape.max ?? 256) + 1)), hostile.text) }]),
        );
      }
      case 'integer':
      case 'long':
        return mostly(clean, bounds(0, 100_000), fc.oneof(fc.constantFrom(1.5, 1e21, -1e21), hostile.number));
      case 'double':
      case 'float':
        return mostly(clean, bounds(-2, 100_000), fc.oneof(fc.double({ noNaN: true }), hostile.number));
      case 'boolean':
        return fc.boolean();
      case 'timestamp':
        return mostly(
          clean,
          fc.integer({ min: CLOCK_START_SECONDS - 86400, max: CLOCK_START_SECONDS + 10 * 86400 }),
          fc.oneof(fc.constantFrom(CLOCK_START, '2026-07-21T00:00:00.5Z'), hostile.timestamp),
        );
      case 'list':
        return fc.array(valueOf(shape.member!.shape, depth + 1), { maxLength: Math.min(shape.max ?? 3, 3) + (clean ? 0 : 1) });
      case 'map':
        return fc.dictionary(
          clean ? fc.oneof(anyKnown, fc.string({ minLength: 1, maxLength: 8 })) : fc.oneof(anyKnown, fc.string({ maxLength: 8 }), hostile.text),
          valueOf(shape.value!.shape, depth + 1),
          { maxKeys: clean ? 3 : 60 },
        );
      case 'structure':
        return structureOf(shapeName, shape, depth);
      default:
        throw new Error(`no values for shape ${shapeName} of type ${shape.type}`);
    }
  };
  const poolOf = (shapeName: string, member: string) =>
    [`${shapeName}.${member}`, member].find((name) => pools[name]);
  // Required members are nearly always there (always, in clean requests), optional ones half the time.
  const structureOf = (shapeName: string, shape: Pick<Shape, 'members' | 'required' | 'union'>, depth: number): fc.Arbitrary<unknown> => {
    if (depth > 8) return fc.constant({});
    const members = Object.entries(shape.members ?? {});
    const memberValue = (name: string, ref: { shape: string }) => valueOf(ref.shape, depth + 1, poolOf(shapeName, name));
    if (shape.union) {
      const one = fc.oneof(...members.map(([name, ref]) => fc.record({ [name]: memberValue(name, ref) })));
      return mostly(clean, one, fc.constant({}));
    }
    const present = members.map(([name, ref]) => {
      const required = shape.required?.includes(name);
      const value = memberValue(name, ref);
      return required && clean ? value : fc.option(value, { freq: required ? 12 : 2, nil: ABSENT });
    });
    return fc
      .tuple(...present)
      .map((values) => Object.fromEntries(members.flatMap(([name], index) => (values[index] === ABSENT ? [] : [[name, values[index]]]))));
  };
  return { valueOf, structureOf, poolOf };
}

/** Requests for one operation: labels, query values and a body built from its input shape. */
export function requestsFor(name: string, operation: OperationModel, pools: Pools, clean: boolean): fc.Arbitrary<FuzzRequest> {
  const { valueOf, structureOf, poolOf } = valuesFor(pools, clean);
  const inputName = operation.input!.shape;
  const input = model.shapes[inputName]!;
  const members = Object.entries(input.members ?? {});
  const label = (member: string, shapeName: string) =>
    mostly(
      clean,
      valueOf(shapeName, 1, poolOf(inputName, member)).map((value) => encode(typeof value === 'string' ? value : bodyText(value))),
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 16, unit: 'binary' }).map(encode),
        fc.constantFrom('%E0%A4%A', '%', '..', '%00'),
      ),
      3,
    );
  const labels = fc.record(
    Object.fromEntries(members.filter(([, ref]) => ref.location === 'uri').map(([member, ref]) => [ref.locationName!, label(member, ref.shape)])),
  );
  const queryMembers = members.filter(([, ref]) => ref.location === 'querystring');
  const query = fc.tuple(
    ...queryMembers.map(([member, ref]) =>
      fc.option(
        valueOf(ref.shape, 1, poolOf(inputName, member)).map((value) =>
          (Array.isArray(value) ? value : [value]).map((item) => `${ref.locationName}=${encode(typeof item === 'string' ? item : bodyText(item))}`),
        ),
        { freq: 2, nil: ABSENT },
      ),
    ),
  );
  const bodyMembers = members.filter(([, ref]) => !ref.location);
  const bodyShape = { required: input.required, members: Object.fromEntries(bodyMembers) };
  const body = bodyMembers.length === 0
    ? fc.constant(undefined)
    : mostly(
        clean,
        structureOf(inputName, bodyShape, 0).map(bodyText),
        fc.constantFrom('not json', '[]', 'null', '"text"', '{"name":', '{"name":"a","name":"b"}', ''),
        12,
      );
  return fc.record({ labels, query, body }).map(({ labels: values, query: pairs, body: text }) => {
    const path = operation.http.requestUri.replace(/\{(\w+)\+?\}/g, (_, labelName: string) => values[labelName]!);
    const queryText = pairs.flatMap((pair) => (typeof pair === 'symbol' ? [] : pair)).join('&');
    return { operation: name, method: operation.http.method, path: queryText ? `${path}?${queryText}` : path, ...(text !== undefined ? { body: text } : {}) };
  });
}


import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { model, type OperationModel, type Shape } from '../../src/api/model.js';
import { agentEndpointDetails, registerAgentRequest } from '../agent/agent-fixtures.js';
import { CLOCK_START, CLOCK_START_SECONDS, createDownlinkProfile, firstOhioWindow, noaa20Arn } from '../contact/contact-support.js';
import { NOAA20_NORAD, tleData } from '../ephemeris/ephemeris-data.js';
import { ACCOUNT, boto3Ok, groundStationArn, OTHER_ACCOUNT, raw, REGION } from '../support/clients.js';
import { configData, endpointDetails, uplinkEchoData, ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfigs } from '../support/setup.js';

// Requests built from the model, many of them wrong in some way, sent as raw HTTP (no client checks
// anything first). Whatever arrives: never a 5xx (a 501 for what is not implemented aside), every
// refusal a well-formed error the operation may raise, nothing a refusal or a read changes, and
// nothing at all changes in another account or region.
// GSL_FUZZ_RUNS sets how many requests (a deeper run by hand: GSL_FUZZ_RUNS=5000).
const RUNS = Number(process.env.GSL_FUZZ_RUNS ?? 500);

interface Caller {
  account: string;
  region: string;
}
const FUZZED: Caller = { account: ACCOUNT, region: REGION };
// Another account, and the same account in another region: nothing sent to FUZZED may show there.
const NEIGHBOURS: Caller[] = [
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
type Pools = Record<string, unknown[]>;

interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  body?: string;
}

const send = (request: { method: string; path: string; body?: string }, caller = FUZZED) =>
  raw(server.url, request.method, request.path, {
    ...(request.body !== undefined ? { body: request.body } : {}),
    headers: { authorization: authorization(caller) },
  });

const server = useServer({ clock: { start: CLOCK_START, rate: 0 } });

/** What the caller's account holds in its region, read through the API: every list, every item, its tags and versions. */
async function snapshot(caller: Caller, agentIds: unknown[] = []): Promise<string> {
  const pages = async (method: string, path: string, listKey: string, body?: object): Promise<any[]> => {
    const items: any[] = [];
    for (let token: string | undefined; ; ) {
      const query = token ? `?nextToken=${encodeURIComponent(token)}` : '';
      const response = await send({ method, path: path + query, ...(body ? { body: JSON.stringify({ ...body, nextToken: token }) } : {}) }, caller);
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
    ...reads.map((path) => send({ method: 'GET', path }, caller)),
    send({ method: 'POST', path: '/minute-usage', body: JSON.stringify({ month: 7, year: 2026 }) }, caller),
  ]);
  const items = answers.map((answer, index) => [reads[index] ?? '/minute-usage', answer.status, answer.json]);
  return JSON.stringify({ configs, profiles, groups, ephemerides, contacts, satellites, items });
}

/** Ids, ARNs and names the account really has, so that generated references sometimes resolve. */
async function seed(): Promise<Pools> {
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
 * shape, drawn once per test file, since drawing from a pattern is slow.
 */
function stringOf(shape: Shape): fc.Arbitrary<string> {
  let arbitrary = stringsByShape.get(shape);
  if (!arbitrary) {
    const min = shape.min ?? 0;
    const max = shape.max ?? 64;
    if (!shape.pattern) {
      arbitrary = fc.string({ minLength: min, maxLength: Math.min(max, 64) });
    } else {
      const matching = fc.stringMatching(new RegExp(`^(?:${shape.pattern})$`)).filter((text) => text.length >= min && text.length <= max);
      arbitrary = fc.constantFrom(...fc.sample(matching, { numRuns: 8, seed: 1 }));
    }
    stringsByShape.set(shape, arbitrary);
  }
  return arbitrary;
}
// Every operation's requests, clean and dirty, use the same shapes: each shape's sample is drawn once.
const stringsByShape = new Map<Shape, fc.Arbitrary<string>>();

/** Values for shapes: of their type (known strings, bounds), and in dirty requests bound neighbours and junk. */
function valuesFor(pools: Pools, clean: boolean) {
  const junk = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}));
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
          ...(clean ? [] : [{ weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 24, unit: 'binary' }), fc.constant('x'.repeat((shape.max ?? 256) + 1))) }]),
        );
      }
      case 'integer':
      case 'long':
        return mostly(clean, bounds(0, 100_000), fc.constantFrom(1.5, 1e21, -1e21));
      case 'double':
      case 'float':
        return mostly(clean, bounds(-2, 100_000), fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(1e308, -0)));
      case 'boolean':
        return fc.boolean();
      case 'timestamp':
        return mostly(
          clean,
          fc.integer({ min: CLOCK_START_SECONDS - 86400, max: CLOCK_START_SECONDS + 10 * 86400 }),
          fc.constantFrom(CLOCK_START, '2026-07-21T00:00:00.5Z', 1e15, -1, 0.5),
        );
      case 'list':
        return fc.array(valueOf(shape.member!.shape, depth + 1), { maxLength: Math.min(shape.max ?? 3, 3) + (clean ? 0 : 1) });
      case 'map':
        return fc.dictionary(fc.oneof(anyKnown, fc.string({ maxLength: 8 })), valueOf(shape.value!.shape, depth + 1), { maxKeys: 3 });
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
function requestsFor(name: string, operation: OperationModel, pools: Pools, clean: boolean): fc.Arbitrary<FuzzRequest> {
  const { valueOf, structureOf, poolOf } = valuesFor(pools, clean);
  const inputName = operation.input!.shape;
  const input = model.shapes[inputName]!;
  const members = Object.entries(input.members ?? {});
  const label = (member: string, shapeName: string) =>
    mostly(
      clean,
      valueOf(shapeName, 1, poolOf(inputName, member)).map((value) => encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))),
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 16, unit: 'binary' }).map(encodeURIComponent),
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
          (Array.isArray(value) ? value : [value]).map((item) => `${ref.locationName}=${encodeURIComponent(typeof item === 'string' ? item : JSON.stringify(item))}`),
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
        structureOf(inputName, bodyShape, 0).map((value) => JSON.stringify(value)),
        fc.constantFrom('not json', '[]', 'null', '"text"', '{"name":', '{"name":"a","name":"b"}', ''),
        12,
      );
  return fc.record({ labels, query, body }).map(({ labels: values, query: pairs, body: text }) => {
    const path = operation.http.requestUri.replace(/\{(\w+)\+?\}/g, (_, labelName: string) => values[labelName]!);
    const queryText = pairs.flatMap((pair) => (typeof pair === 'symbol' ? [] : pair)).join('&');
    return { operation: name, method: operation.http.method, path: queryText ? `${path}?${queryText}` : path, ...(text !== undefined ? { body: text } : {}) };
  });
}

const READS = /^(Get|List|Describe)/;

describe('Requests built from the model, valid or not, sent as raw HTTP', () => {
  let pools: Pools;
  before(async () => {
    pools = await seed();
  });

  it('never answer 5xx, refuse only with errors their operation models, change nothing when refused or read, and nothing in another account or region', async () => {
    // Deletes come up less often, so that what they take stays around for the requests after them.
    const requests = fc.oneof(
      ...Object.entries(model.operations).flatMap(([name, operation]) =>
        [true, false].map((clean) => ({ weight: name.startsWith('Delete') ? 1 : 4, arbitrary: requestsFor(name, operation, pools, clean) })),
      ),
    );
    for (const neighbour of NEIGHBOURS) await createDownlinkProfile(server.url, 60, neighbour);
    const neighbours = await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(neighbour)));
    let current = await snapshot(FUZZED, pools.agentId);
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await send(request);
        const errorType = response.headers.get('x-amzn-errortype');
        const where = `${request.operation} ${request.method} ${request.path} ${request.body ?? ''} -> ${response.status} ${response.text}`;
        if (response.status >= 200 && response.status < 300) {
          assert.equal(response.status, model.operations[request.operation]!.http.responseCode, where);
          assert.equal(typeof response.json, 'object', where);
        } else {
          assert.ok(response.status < 500 || (response.status === 501 && errorType === 'NotImplementedException'), where);
          assert.ok(errorType, where);
          assert.equal(typeof response.json?.message, 'string', where);
          const modelled = model.shapes[errorType!];
          if (modelled?.exception) {
            const allowed = (model.operations[request.operation]!.errors ?? []).map((error) => error.shape);
            assert.ok(allowed.includes(errorType!), `${errorType} is not an error of ${request.operation}: ${where}`);
            assert.equal(response.status, modelled.error!.httpStatusCode, where);
          }
        }
        const now = await snapshot(FUZZED, pools.agentId);
        if (READS.test(request.operation) || response.status >= 300) assert.equal(now, current, `state changed: ${where}`);
        current = now;
      }),
      // Each request runs on what the ones before it left, so shrinking would replay it on other
      // state: the first failing request is reported as it was.
      { numRuns: RUNS, endOnFailure: true },
    );
    assert.deepEqual(await Promise.all(NEIGHBOURS.map((neighbour) => snapshot(neighbour))), neighbours);
    assert.doesNotMatch(server.output(), /"level":(50|60)/, 'the server logged an error');
  });
});

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { assertBoto3Error, type ExpectedError } from '../support/assertions.js';
import { ACCOUNT, boto3, OTHER_ACCOUNT, type Boto3Outcome } from '../support/clients.js';
import { PLAIN_CONFIG_TYPES, ZERO_UUID } from '../support/fixtures.js';
import { useServer } from '../support/server.js';
import { createConfig, createConfigs, createUplinkEcho } from '../support/setup.js';

// SEMANTICS §1.2 checks 2–7, through boto3 (every case here passes its client-side validation).
type Arns = Awaited<ReturnType<typeof createArns>>;

async function createArns(url: string) {
  const arns = await createConfigs(url, PLAIN_CONFIG_TYPES);
  return {
    tracking: arns.tracking,
    downlink: arns['antenna-downlink'],
    demod: arns['antenna-downlink-demod-decode'],
    uplink: arns['antenna-uplink'],
    endpoint: arns['dataflow-endpoint'],
    s3: arns['s3-recording'],
    sink: arns['telemetry-sink'],
    echo: await createUplinkEcho(url, arns['antenna-uplink']),
    otherAccountTracking: await createConfig(url, 'tracking', { account: OTHER_ACCOUNT }),
    otherRegionTracking: await createConfig(url, 'tracking', { region: 'us-west-2' }),
    missingTracking: `arn:aws:groundstation:us-east-2:${ACCOUNT}:config/tracking/${ZERO_UUID}`,
    missingS3: `arn:aws:groundstation:us-east-2:${ACCOUNT}:config/s3-recording/${ZERO_UUID}`,
  };
}

const profile = (a: Arns, changes: Record<string, unknown> = {}) => ({
  name: 'rules',
  minimumViableContactDurationSeconds: 60,
  trackingConfigArn: a.tracking,
  dataflowEdges: [[a.downlink, a.s3]],
  ...changes,
});

const invalidEdges = (message: RegExp): ExpectedError => ({
  code: 'InvalidParameterException',
  status: 431,
  parameterName: 'dataflowEdges',
  message,
});
const notFound = (message: RegExp): ExpectedError => ({ code: 'ResourceNotFoundException', status: 434, message });

const refusals: { title: string; changes: (a: Arns) => Record<string, unknown>; expected: ExpectedError }[] = [
  {
    title: 'a tracking config that does not exist is refused with 434',
    changes: (a) => ({ trackingConfigArn: a.missingTracking }),
    expected: notFound(/was not found/),
  },
  {
    title: "another account's tracking config is refused with 434",
    changes: (a) => ({ trackingConfigArn: a.otherAccountTracking }),
    expected: notFound(/was not found/),
  },
  {
    title: "another region's tracking config is refused with 434",
    changes: (a) => ({ trackingConfigArn: a.otherRegionTracking }),
    expected: notFound(/was not found/),
  },
  {
    title: 'a tracking ARN whose id belongs to a config of another type is refused with 434',
    changes: (a) => ({ trackingConfigArn: a.downlink.replace('/antenna-downlink/', '/tracking/') }),
    expected: notFound(/was not found/),
  },
  {
    title: 'a tracking config of the wrong type is refused with 431 trackingConfigArn',
    changes: (a) => ({ trackingConfigArn: a.downlink }),
    expected: {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'trackingConfigArn',
      message: /must name a tracking config, not antenna-downlink/,
    },
  },
  {
    title: 'a telemetry sink that does not exist is refused with 434',
    changes: (a) => ({ telemetrySinkConfigArn: a.missingTracking.replace('/tracking/', '/telemetry-sink/') }),
    expected: notFound(/was not found/),
  },
  {
    title: 'a telemetry sink of the wrong type is refused with 431 telemetrySinkConfigArn',
    changes: (a) => ({ telemetrySinkConfigArn: a.tracking }),
    expected: {
      code: 'InvalidParameterException',
      status: 431,
      parameterName: 'telemetrySinkConfigArn',
      message: /must name a telemetry-sink config/,
    },
  },
  { title: 'empty dataflowEdges are refused with 431', changes: () => ({ dataflowEdges: [] }), expected: invalidEdges(/at least one/) },
  {
    title: 'an edge to a config that does not exist is refused with 434',
    changes: (a) => ({ dataflowEdges: [[a.downlink, a.missingS3]] }),
    expected: notFound(/was not found/),
  },
  {
    title: 'a tracking config in an edge is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.tracking, a.s3]] }),
    expected: invalidEdges(/tracking is never a dataflow source/),
  },
  {
    title: 'a downlink as destination is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.endpoint, a.downlink]] }),
    expected: invalidEdges(/dataflow-endpoint source may only feed antenna-uplink/),
  },
  {
    title: 'an uplink as source is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.uplink, a.endpoint]] }),
    expected: invalidEdges(/antenna-uplink is never a dataflow source/),
  },
  {
    title: 'an S3 recording as source is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.s3, a.endpoint]] }),
    expected: invalidEdges(/s3-recording is never a dataflow source/),
  },
  {
    title: 'an output-node suffix on a downlink source is refused with 431',
    changes: (a) => ({ dataflowEdges: [[`${a.downlink}/Egress`, a.s3]] }),
    expected: invalidEdges(/only an antenna-downlink-demod-decode source may name an output node/),
  },
  {
    title: 'an output-node suffix on a destination is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.demod, `${a.s3}/Egress`]] }),
    expected: invalidEdges(/destination ARN may not carry a suffix/),
  },
  {
    title: 'a duplicate edge is refused with 431',
    changes: (a) => ({
      dataflowEdges: [
        [a.downlink, a.s3],
        [a.downlink, a.s3],
      ],
    }),
    expected: invalidEdges(/dataflowEdges\[1\].*repeats an earlier edge/),
  },
  {
    title: 'an uplink-echo whose antenna-uplink is not a destination is refused with 431',
    changes: (a) => ({ dataflowEdges: [[a.echo, a.s3]] }),
    expected: invalidEdges(/echoes .* which is not a destination in this profile/),
  },
  // Order: the tracking check (2) comes before the edge checks (4), existence (5) before pair rules (6).
  {
    title: 'a missing tracking config is reported before empty dataflowEdges',
    changes: (a) => ({ trackingConfigArn: a.missingTracking, dataflowEdges: [] }),
    expected: notFound(/config\/tracking/),
  },
  {
    title: 'a missing edge config is reported before a disallowed pair',
    changes: (a) => ({
      dataflowEdges: [
        [a.tracking, a.s3],
        [a.downlink, a.missingS3],
      ],
    }),
    expected: notFound(/config\/s3-recording/),
  },
];

const accepted: { title: string; changes: (a: Arns) => Record<string, unknown> }[] = [
  { title: 'a dataflow-endpoint feeding an antenna-uplink is accepted', changes: (a) => ({ dataflowEdges: [[a.endpoint, a.uplink]] }) },
  {
    title: 'a demod-decode source with an output-node suffix is accepted',
    changes: (a) => ({ dataflowEdges: [[`${a.demod}/UncodedFramesEgress`, a.s3]] }),
  },
  {
    title: 'an uplink-echo whose antenna-uplink is a destination is accepted',
    changes: (a) => ({
      dataflowEdges: [
        [a.endpoint, a.uplink],
        [a.echo, a.endpoint],
      ],
    }),
  },
];

describe('mission profile reference rules', () => {
  const server = useServer();
  let arns: Arns;
  let created: Boto3Outcome[];
  let listed: Boto3Outcome;
  before(async () => {
    arns = await createArns(server.url);
    const calls = [...refusals, ...accepted].map(({ changes }) => ({ op: 'create_mission_profile', params: profile(arns, changes(arns)) }));
    const outcomes = await boto3(server.url, [...calls, { op: 'list_mission_profiles' }]);
    listed = outcomes.pop()!;
    created = outcomes;
  });

  refusals.forEach(({ title, expected }, index) => {
    it(`CreateMissionProfile: ${title}`, () => assertBoto3Error(created[index], expected));
  });

  accepted.forEach(({ title }, index) => {
    it(`CreateMissionProfile: ${title}`, () =>
      assert.ok(created[refusals.length + index]?.result?.missionProfileId, JSON.stringify(created[refusals.length + index])));
  });

  it('CreateMissionProfile refused by a rule stores nothing', () => {
    const ids = created
      .slice(refusals.length)
      .map((outcome) => outcome.result.missionProfileId)
      .sort();
    assert.deepEqual(listed.result.missionProfileList.map((item: { missionProfileId: string }) => item.missionProfileId).sort(), ids);
  });

  it('GetMissionProfile returns an edge with an output-node suffix as it was given', async () => {
    const missionProfileId = created[refusals.length + 1]!.result.missionProfileId;
    const [got] = await boto3(server.url, [{ op: 'get_mission_profile', params: { missionProfileId } }]);
    assert.deepEqual(got!.result.dataflowEdges, [[`${arns.demod}/UncodedFramesEgress`, arns.s3]]);
  });

  it('UpdateMissionProfile that breaks a rule is refused and changes nothing', async () => {
    const [create] = await boto3(server.url, [{ op: 'create_mission_profile', params: profile(arns, { name: 'kept' }) }]);
    const missionProfileId = create!.result.missionProfileId;
    const [before, wrongTracking, emptyEdges, badPair, missing, afterwards] = await boto3(server.url, [
      { op: 'get_mission_profile', params: { missionProfileId } },
      { op: 'update_mission_profile', params: { missionProfileId, name: 'changed', trackingConfigArn: arns.s3 } },
      { op: 'update_mission_profile', params: { missionProfileId, minimumViableContactDurationSeconds: 5, dataflowEdges: [] } },
      { op: 'update_mission_profile', params: { missionProfileId, dataflowEdges: [[arns.uplink, arns.s3]] } },
      {
        op: 'update_mission_profile',
        params: { missionProfileId, telemetrySinkConfigArn: arns.missingTracking.replace('/tracking/', '/telemetry-sink/') },
      },
      { op: 'get_mission_profile', params: { missionProfileId } },
    ]);
    assertBoto3Error(wrongTracking, { code: 'InvalidParameterException', status: 431, parameterName: 'trackingConfigArn' });
    assertBoto3Error(emptyEdges, invalidEdges(/at least one/));
    assertBoto3Error(badPair, invalidEdges(/antenna-uplink is never a dataflow source/));
    assertBoto3Error(missing, notFound(/was not found/));
    assert.deepEqual(afterwards!.result, before!.result);
  });
});

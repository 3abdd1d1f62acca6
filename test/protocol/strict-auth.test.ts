import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ListConfigsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-groundstation';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { awsCli, boto3, jsClient, jsError, raw, REGION } from '../support/clients.js';
import { configData } from '../support/fixtures.js';
import { startServer, temporaryDataDir, type RunningServer } from '../support/server.js';
import { eventually, openEventStream } from '../events/event-sinks.js';

// Keys as the server knows them: one with an account of its own, one whose 12-digit id is the account.
const ALICE = { id: 'AKIAGSLSTRICTALICE01', secret: 'alice-secret-access-key', account: '210987654321' };
const BOB = { id: '123456789012', secret: 'bob-secret-access-key' };
// Temporary credentials: requests must carry the session token too.
const CAROL = { id: 'ASIAGSLSTRICTCAROL01', secret: 'carol-secret-access-key', token: 'carol-session-token' };
const SERVER_CREDENTIALS = `# keys the server accepts
[alice]
aws_access_key_id = ${ALICE.id}
aws_secret_access_key = ${ALICE.secret}
aws_account_id = ${ALICE.account}

[bob]
aws_access_key_id = ${BOB.id}
aws_secret_access_key = ${BOB.secret}

[carol]
aws_access_key_id = ${CAROL.id}
aws_secret_access_key = ${CAROL.secret}
aws_session_token = ${CAROL.token}
`;
// What the clients have: the right keys, a wrong secret, and a key the server does not know.
const CLIENT_CREDENTIALS = `${SERVER_CREDENTIALS}
[wrong-secret]
aws_access_key_id = ${ALICE.id}
aws_secret_access_key = not-alice-secret

[unknown]
aws_access_key_id = AKIAGSLSTRICTNOBODY1
aws_secret_access_key = whatever
`;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

describe('strict mode: every request SigV4-verified against a shared-credentials file', () => {
  const dir = temporaryDataDir();
  const serverFile = join(dir, 'server-credentials');
  const clientFile = join(dir, 'client-credentials');
  const profile = (name: string) => ({ profile: { name, credentialsFile: clientFile } });
  let server: RunningServer;

  /** A request signed by `key` with @smithy/signature-v4, as an SDK signs it; `tamper` changes it after signing. */
  const signedFetch = async (
    path: string,
    options: { method?: string; body?: string; key?: { id: string; secret: string }; at?: number; tamper?: (request: { body?: string; headers: Record<string, string> }) => void } = {},
  ) => {
    const key = options.key ?? ALICE;
    const signer = new SignatureV4({ service: 'groundstation', region: REGION, credentials: { accessKeyId: key.id, secretAccessKey: key.secret }, sha256: Hash.bind(null, 'sha256') });
    const [pathname, queryText = ''] = path.split('?', 2) as [string, string?];
    const query = Object.fromEntries(new URLSearchParams(queryText));
    const headers: Record<string, string> = { host: `127.0.0.1:${server.port}`, ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) };
    const signed = await signer.sign(
      { method: options.method ?? 'GET', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: pathname, query, headers, body: options.body },
      { signingDate: new Date(options.at ?? Date.now()) },
    );
    const request = { body: options.body, headers: signed.headers as Record<string, string> };
    options.tamper?.(request);
    const { host: _host, ...sent } = request.headers;
    return raw(server.url, options.method ?? 'GET', path, { body: request.body, headers: sent });
  };

  before(async () => {
    writeFileSync(serverFile, SERVER_CREDENTIALS);
    writeFileSync(clientFile, CLIENT_CREDENTIALS);
    server = await startServer({ dataDir: dir, args: ['--auth', 'strict', '--credentials-file', serverFile] });
  });
  after(async () => {
    await server.stop();
  });

  it('boto3, the AWS CLI and the JS SDK signing with a key of the file are answered, as the account the file gives the key', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_config', params: { name: 'alice-tracking', configData: configData.tracking } }], profile('alice'));
    assert.match(created!.result.configArn, new RegExp(`^arn:aws:groundstation:${REGION}:${ALICE.account}:config/tracking/`));
    const [bobs] = await boto3(server.url, [{ op: 'create_config', params: { name: 'bob-tracking', configData: configData.tracking } }], profile('bob'));
    assert.match(bobs!.result.configArn, new RegExp(`^arn:aws:groundstation:${REGION}:${BOB.id}:config/tracking/`));

    const cli = await awsCli(server.url, ['list-configs'], profile('alice'));
    assert.equal(cli.code, 0, cli.stderr);
    assert.deepEqual(cli.json.configList.map((config: any) => config.configArn), [created!.result.configArn]);
    const listed = await jsClient(server.url, { account: BOB.id, secretAccessKey: BOB.secret }).send(new ListConfigsCommand({}));
    assert.deepEqual(listed.configList!.map((config) => config.configArn), [bobs!.result.configArn]);
  });

  it('percent-encoded paths and query strings verify: tags on an ARN (colons and slashes in the path) with keys that need encoding', async () => {
    const [created] = await boto3(server.url, [{ op: 'create_config', params: { name: 'tagged', configData: configData.tracking } }], profile('alice'));
    const resourceArn = created!.result.configArn as string;
    const tags = { 'a b': 'x y', 'ü/+=&?': 'v=1&w', plain: 'p' };
    const outcomes = await boto3(
      server.url,
      [
        { op: 'tag_resource', params: { resourceArn, tags } },
        { op: 'untag_resource', params: { resourceArn, tagKeys: ['a b', 'ü/+=&?'] } },
        { op: 'list_tags_for_resource', params: { resourceArn } },
      ],
      profile('alice'),
    );
    assert.deepEqual(outcomes.map((outcome) => outcome.error), [undefined, undefined, undefined]);
    assert.deepEqual(outcomes[2]!.result.tags, { plain: 'p' });
    const cli = await awsCli(server.url, ['untag-resource', '--resource-arn', resourceArn, '--tag-keys', 'plain'], profile('alice'));
    assert.equal(cli.code, 0, cli.stderr);
    const listed = await jsClient(server.url, { account: ALICE.id, secretAccessKey: ALICE.secret }).send(new ListTagsForResourceCommand({ resourceArn }));
    assert.deepEqual(listed.tags, {});
    const paged = await signedFetch('/config?maxResults=2&nextToken=a%2Bb%2Fc%3D%20d');
    assert.notEqual(paged.status, 403, paged.text);
  });

  it('a wrong secret is refused with InvalidSignatureException (403) by boto3, the AWS CLI and the JS SDK, and changes nothing', async () => {
    const before = await boto3(server.url, [{ op: 'list_configs' }], profile('alice'));
    const [refused] = await boto3(server.url, [{ op: 'create_config', params: { name: 'never', configData: configData.tracking } }], profile('wrong-secret'));
    assert.deepEqual(refused!.error && [refused!.error.code, refused!.error.status, refused!.error.message], ['InvalidSignatureException', 403, SIGNATURE_MISMATCH]);
    const cli = await awsCli(server.url, ['list-configs'], profile('wrong-secret'));
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /An error occurred \(InvalidSignatureException\) when calling the ListConfigs operation( \(reached max retries: 0\))?: The request signature we calculated does not match/);
    const js = await jsError(jsClient(server.url, { account: ALICE.id, secretAccessKey: 'not-alice-secret' }).send(new ListConfigsCommand({})));
    assert.deepEqual([js.name, js.status, js.message], ['InvalidSignatureException', 403, SIGNATURE_MISMATCH]);
    const after = await boto3(server.url, [{ op: 'list_configs' }], profile('alice'));
    assert.deepEqual(after[0]!.result, before[0]!.result);
  });

  it('temporary credentials pass with their session token, and are refused with UnrecognizedClientException (403) without it', async () => {
    const [listed] = await boto3(server.url, [{ op: 'list_configs' }], profile('carol'));
    assert.equal(listed!.error, undefined);
    const tokenless = await signedFetch('/config', { key: CAROL });
    assert.equal(tokenless.status, 403);
    assert.equal(tokenless.headers.get('x-amzn-errortype'), 'UnrecognizedClientException');
    assert.deepEqual(tokenless.json, { message: INVALID_TOKEN });
  });

  it('an unknown key is refused with UnrecognizedClientException (403) by boto3, the AWS CLI and the JS SDK', async () => {
    const [refused] = await boto3(server.url, [{ op: 'list_configs' }], profile('unknown'));
    assert.deepEqual(refused!.error && [refused!.error.code, refused!.error.status, refused!.error.message], ['UnrecognizedClientException', 403, INVALID_TOKEN]);
    const cli = await awsCli(server.url, ['list-configs'], profile('unknown'));
    assert.notEqual(cli.code, 0);
    assert.match(cli.stderr, /An error occurred \(UnrecognizedClientException\) when calling the ListConfigs operation( \(reached max retries: 0\))?: The security token included in the request is invalid\./);
    const js = await jsError(jsClient(server.url, { account: 'AKIAGSLSTRICTNOBODY1', secretAccessKey: 'whatever' }).send(new ListConfigsCommand({})));
    assert.deepEqual([js.name, js.status, js.message], ['UnrecognizedClientException', 403, INVALID_TOKEN]);
  });

  it('an unsigned request is refused with MissingAuthenticationTokenException (403), on the API and on /_local/* but the health check', async () => {
    for (const [method, path, body] of [
      ['GET', '/config', undefined],
      ['POST', '/config', { name: 'unsigned', configData: configData.tracking }],
      ['GET', '/_local/clock', undefined],
      ['POST', '/_local/clock', { advanceSeconds: 60 }],
      ['GET', '/_local/events?account=*', undefined],
      ['GET', '/_local/satellites', undefined],
      ['GET', '/no/such/route', undefined],
    ] as const) {
      const response = await raw(server.url, method, path, { body });
      assert.equal(response.status, 403, `${method} ${path}`);
      assert.equal(response.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
      assert.deepEqual(response.json, { message: 'Missing Authentication Token' });
    }
    assert.equal((await raw(server.url, 'GET', '/_local/health')).status, 200);
    assert.equal((await signedFetch('/_local/clock')).status, 200);
    const configs = await signedFetch('/config');
    assert.ok(!configs.json.configList.some((config: any) => config.name === 'unsigned'));
  });

  it('a malformed Authorization header is refused with IncompleteSignatureException (400), naming what is missing', async () => {
    const body = { name: 'malformed', configData: configData.tracking };
    const outcomes = await Promise.all([
      raw(server.url, 'POST', '/config', { body, headers: { authorization: 'Bearer some-token' } }),
      raw(server.url, 'POST', '/config', { body, headers: { authorization: `AWS4-HMAC-SHA256 Credential=${ALICE.id}/20260721/${REGION}/groundstation/aws4_request` } }),
      raw(server.url, 'POST', '/config', {
        body,
        headers: { authorization: `AWS4-HMAC-SHA256 Credential=${ALICE.id}/20260721/${REGION}/groundstation/aws4_request, SignedHeaders=host, Signature=00` },
      }),
    ]);
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 400, outcome.text);
      assert.equal(outcome.headers.get('x-amzn-errortype'), 'IncompleteSignatureException');
    }
    assert.match(outcomes[0]!.json.message, /^Authorization header requires 'Credential' parameter\. Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\./);
    assert.match(outcomes[1]!.json.message, /^Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\./);
    assert.equal(outcomes[2]!.json.message, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    const configs = await signedFetch('/config');
    assert.ok(!configs.json.configList.some((config: any) => config.name === 'malformed'));
  });

  it('a request signed more than 5 minutes from real time is refused with InvalidSignatureException (403), saying how far', async () => {
    const now = Date.now();
    const old = await signedFetch('/config', { at: now - 10 * 60_000 });
    assert.equal(old.status, 403);
    assert.equal(old.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    assert.match(old.json.message, new RegExp(`^Signature expired: ${amzDate(now - 10 * 60_000)} is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)$`));
    const early = await signedFetch('/config', { at: now + 10 * 60_000 });
    assert.equal(early.status, 403);
    assert.match(early.json.message, new RegExp(`^Signature not yet current: ${amzDate(now + 10 * 60_000)} is still later than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z \\+ 5 min\\.\\)$`));
    assert.equal((await signedFetch('/config', { at: now - 2 * 60_000 })).status, 200);
  });

  it('a body or query changed after signing, or a body that does not match its signed hash, is refused with InvalidSignatureException and stores nothing', async () => {
    const body = JSON.stringify({ name: 'signed-name', configData: configData.tracking });
    const outcomes = [
      await signedFetch('/config', { method: 'POST', body, tamper: (request) => (request.body = body.replace('signed-name', 'forged-name')) }),
      await signedFetch('/config', { method: 'POST', body, tamper: (request) => (request.headers['x-amz-content-sha256'] = '0'.repeat(64)) }),
      await signedFetch('/config?maxResults=1', { tamper: (request) => (request.headers['x-amz-date'] = amzDate(Date.now() - 1000)) }),
    ];
    for (const outcome of outcomes) {
      assert.equal(outcome.status, 403, outcome.text);
      assert.equal(outcome.headers.get('x-amzn-errortype'), 'InvalidSignatureException');
    }
    const configs = await signedFetch('/config');
    assert.ok(!configs.json.configList.some((config: any) => ['signed-name', 'forged-name'].includes(config.name)));
  });

  it('the event stream takes a signed caller and shows it only its own account', async () => {
    const signer = new SignatureV4({ service: 'groundstation', region: REGION, credentials: { accessKeyId: BOB.id, secretAccessKey: BOB.secret }, sha256: Hash.bind(null, 'sha256') });
    const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: server.port, path: '/_local/events', query: {}, headers: { host: `127.0.0.1:${server.port}` } });
    const { host: _host, ...headers } = signed.headers as Record<string, string>;
    const stream = await openEventStream(server.url, undefined, '', headers);
    assert.equal(stream.response.status, 200);
    await stream.close();
    const forAlice = await signedFetch(`/_local/events?account=${ALICE.account}`, { key: BOB });
    assert.equal(forAlice.status, 403);
    await eventually('nothing', () => stream.events, (events) => events.length === 0);
  });
});

import { GroundStationClient } from '@aws-sdk/client-groundstation';
import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './paths.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const REGION = 'us-east-2';

export interface Identity {
  account?: string;
  region?: string;
  /** Sign with this secret instead of a placeholder (JS SDK). */
  secretAccessKey?: string;
  /** Sign with this profile of an AWS shared-credentials file instead (boto3, AWS CLI). */
  profile?: { name: string; credentialsFile: string };
}

/** The ARN the service gives a resource (`contact/<id>`, `agent/<id>`, …) of this identity; not every answer carries it. */
export const groundStationArn = (resource: string, identity: Identity = {}) =>
  `arn:aws:groundstation:${identity.region ?? REGION}:${identity.account ?? ACCOUNT}:${resource}`;

/** The JS SDK v3 pointed at the server; one attempt, so refusals surface at once. */
export function jsClient(url: string, identity: Identity = {}): GroundStationClient {
  return new GroundStationClient({
    endpoint: url,
    region: identity.region ?? REGION,
    credentials: { accessKeyId: identity.account ?? ACCOUNT, secretAccessKey: identity.secretAccessKey ?? 'local' },
    maxAttempts: 1,
  });
}

export type Boto3Call =
  | { op: string; params?: Record<string, unknown> }
  | { paginate: string; params?: Record<string, unknown> }
  | { wait: string; params?: Record<string, unknown>; delay?: number; maxAttempts?: number };

export interface Boto3Error {
  code: string;
  message: string;
  status: number;
  parameterName?: string;
  exceptionClass: string;
}

export interface Boto3Outcome {
  result?: any;
  requestId?: string;
  error?: Boto3Error;
  clientError?: string;
}

const bridge = resolve(projectRoot, 'test/support/boto3_bridge.py');

/** Runs calls through real boto3 (one Python process per batch) and returns each outcome. */
export async function boto3(url: string, calls: Boto3Call[], identity: Identity = {}): Promise<Boto3Outcome[]> {
  const { profile } = identity;
  const request = JSON.stringify({ endpoint: url, region: identity.region ?? REGION, account: identity.account ?? ACCOUNT, profile: profile?.name, calls });
  const env = profile ? { ...process.env, AWS_SHARED_CREDENTIALS_FILE: profile.credentialsFile } : process.env;
  return new Promise((resolveOutcomes, reject) => {
    const child = spawn('python3', [bridge], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`boto3 bridge failed (${code}): ${stderr}`));
      else resolveOutcomes(JSON.parse(stdout) as Boto3Outcome[]);
    });
    child.stdin.end(request);
  });
}

/** One boto3 call that must succeed; returns its result. */
export async function boto3Ok(url: string, call: Boto3Call, identity: Identity = {}): Promise<any> {
  const [outcome] = await boto3(url, [call], identity);
  if (!outcome || outcome.result === undefined) throw new Error(`boto3 call failed: ${JSON.stringify(outcome)}`);
  return outcome.result;
}

/** The AWS CLI (v1), as a user would run it; resolves with exit code and output. */
export async function awsCli(url: string, args: string[], identity: Identity = {}) {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...inherited } = process.env;
  const credentials = identity.profile
    ? { AWS_SHARED_CREDENTIALS_FILE: identity.profile.credentialsFile, AWS_PROFILE: identity.profile.name }
    : { AWS_ACCESS_KEY_ID: identity.account ?? ACCOUNT, AWS_SECRET_ACCESS_KEY: 'local' };
  const env = {
    ...inherited,
    ...credentials,
    AWS_DEFAULT_REGION: identity.region ?? REGION,
    AWS_ENDPOINT_URL_GROUNDSTATION: url,
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)('aws', ['groundstation', ...args, '--output', 'json'], { env });
    return { code: 0, stdout, stderr, json: stdout.trim() ? JSON.parse(stdout) : undefined };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr, json: undefined };
  }
}

/** Raw HTTP, for input no SDK would send. */
export async function raw(
  url: string,
  method: string,
  path: string,
  options: { body?: string | object; headers?: Record<string, string> } = {},
) {
  const body = typeof options.body === 'object' ? JSON.stringify(options.body) : options.body;
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body,
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface JsError {
  name: string;
  status?: number;
  message: string;
  parameterName?: string;
  requestId?: string;
}

/** What a failing JS SDK call throws, in the fields tests compare; fails the test if the call succeeds. */
export async function jsError(call: Promise<unknown>): Promise<JsError> {
  try {
    await call;
  } catch (error) {
    const thrown = error as Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; parameterName?: string };
    return {
      name: thrown.name,
      status: thrown.$metadata?.httpStatusCode,
      message: thrown.message,
      parameterName: thrown.parameterName,
      requestId: thrown.$metadata?.requestId,
    };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

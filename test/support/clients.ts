import { GroundStationClient } from '@aws-sdk/client-groundstation';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
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

const bridgeScript = resolve(projectRoot, 'test/support/boto3_bridge.py');

interface PendingBatch {
  resolve(outcomes: Boto3Outcome[]): void;
  reject(error: Error): void;
}

/**
 * One Python process per test file answers every batch (importing boto3 costs more than most
 * calls). It keeps the test process alive only while a batch is outstanding.
 */
class Boto3Bridge {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, PendingBatch>();
  private nextId = 1;
  private stderr = '';

  constructor() {
    this.child = spawn('python3', [bridgeScript], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk) => (this.stderr += chunk));
    createInterface({ input: this.child.stdout! }).on('line', (line) => this.settle(JSON.parse(line)));
    this.child.once('exit', (code) => {
      bridge = undefined;
      for (const batch of this.pending.values()) batch.reject(new Error(`boto3 bridge exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
    this.idle();
  }

  send(request: object): Promise<Boto3Outcome[]> {
    const id = this.nextId++;
    if (this.pending.size === 0) this.busy();
    return new Promise((resolveOutcomes, reject) => {
      this.pending.set(id, { resolve: resolveOutcomes, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }

  private settle(answer: { id: number; outcomes?: Boto3Outcome[]; failure?: string }) {
    const batch = this.pending.get(answer.id);
    if (!batch) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.idle();
    if (answer.outcomes) batch.resolve(answer.outcomes);
    else batch.reject(new Error(`boto3 bridge failed: ${answer.failure}`));
  }

  private busy() {
    this.child.ref();
    (this.child.stdout as Socket).ref();
  }

  private idle() {
    this.child.unref();
    (this.child.stdout as Socket).unref();
    (this.child.stdin as Socket).unref();
    (this.child.stderr as Socket).unref();
  }
}

let bridge: Boto3Bridge | undefined;

/** Runs calls through real boto3 and returns each outcome. */
export async function boto3(url: string, calls: Boto3Call[], identity: Identity = {}): Promise<Boto3Outcome[]> {
  bridge ??= new Boto3Bridge();
  const { profile } = identity;
  return bridge.send({
    endpoint: url,
    region: identity.region ?? REGION,
    account: identity.account ?? ACCOUNT,
    ...(profile ? { profile: profile.name, credentialsFile: profile.credentialsFile } : {}),
    calls,
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

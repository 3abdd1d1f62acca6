import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { randomUUID } from 'node:crypto';

/** A request ready to send as is: SigV4-signed with the headers the JS SDK v3 sends. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

// A 12-digit access key id is the account the server scopes everything to.
export const BENCH_ACCOUNT = '111122223333';
export const BENCH_REGION = 'us-east-2';

const signers = new Map<string, SignatureV4>();

function signerFor(region: string): SignatureV4 {
  let signer = signers.get(region);
  if (!signer) {
    signer = new SignatureV4({
      service: 'groundstation',
      region,
      credentials: { accessKeyId: BENCH_ACCOUNT, secretAccessKey: 'bench-secret-access-key' },
      sha256: Hash.bind(null, 'sha256'),
    });
    signers.set(region, signer);
  }
  return signer;
}

/** Signs one request for `host` (host:port); `path` may carry a query string. The region is the scope. */
export async function signRequest(host: string, method: string, path: string, body?: unknown, region = BENCH_REGION): Promise<SignedRequest> {
  const [pathname, queryText = ''] = path.split('?', 2) as [string, string?];
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(queryText)) query[key] = value;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const [hostname, port] = host.split(':') as [string, string];
  const headers: Record<string, string> = {
    host,
    'x-amz-user-agent': 'aws-sdk-js/3.523.0',
    'user-agent': 'aws-sdk-js/3.523.0 ua/2.0 os/linux lang/js md/nodejs#20 api/groundstation#3.523.0',
    'amz-sdk-invocation-id': randomUUID(),
    'amz-sdk-request': 'attempt=1; max=3',
  };
  if (text !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(text));
  }
  const signed = await signerFor(region).sign({
    method,
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: pathname,
    query,
    headers,
    body: text,
  });
  return { method, path, headers: signed.headers as Record<string, string>, body: text };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { ProtocolError } from '../api/errors.js';
import type { AccessKey } from './credentials-file.js';
import { keyIdAsAccount, type AccountOfKey } from './identity.js';

/** What a request brings to be verified: the method, the URL as sent, its headers and body. */
export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

const SERVICE = 'groundstation';
/** How far a request's X-Amz-Date may be from real time, as AWS allows. */
const ALLOWED_SKEW_MS = 5 * 60 * 1000;
const AUTHORIZATION = /^AWS4-HMAC-SHA256 (.*)$/;
const CREDENTIAL_SCOPE = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const refused = (code: string, message: string) => new ProtocolError(403, code, message);
// A malformed Authorization header is a bad request (400), as AWS's common errors list it.
const incomplete = (message: string) => new ProtocolError(400, 'IncompleteSignatureException', message);
const invalidToken = () => refused('UnrecognizedClientException', 'The security token included in the request is invalid.');
const invalidSignature = (message = SIGNATURE_MISMATCH) => refused('InvalidSignatureException', message);

/** `20260721T120000Z`, as X-Amz-Date writes an instant. */
const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * Strict mode: every request must carry a valid SigV4 signature by a key of the credentials file.
 * The signature is recomputed with @smithy/signature-v4 over the request as received (path as
 * sent, query decoded, the headers the client signed, the body's hash) and refused as AWS refuses.
 */
export class SignatureVerifier {
  private readonly keys: Map<string, AccessKey>;
  private readonly signers = new Map<string, SignatureV4>();

  constructor(keys: readonly AccessKey[], private readonly realNowMs: () => number) {
    this.keys = new Map(keys.map((key) => [key.accessKeyId, key]));
  }

  /** The account a key signs for: its aws_account_id, else as in open mode. */
  readonly accountOf: AccountOfKey = (accessKeyId) => this.keys.get(accessKeyId)?.accountId ?? keyIdAsAccount(accessKeyId);

  /** Resolves if the request is signed by a known key; else rejects with AWS's refusal. */
  async verify(request: SignedRequest): Promise<void> {
    const authorization = single(request.headers.authorization);
    if (authorization === undefined) throw refused('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const parts = parseAuthorization(authorization);
    const key = this.keys.get(parts.accessKeyId);
    if (!key) throw invalidToken();
    if ((key.sessionToken ?? '') !== (single(request.headers['x-amz-security-token']) ?? '')) throw invalidToken();

    const dateText = single(request.headers['x-amz-date'])!;
    const signedAt = parseAmzDate(dateText);
    const now = this.realNowMs();
    if (signedAt < now - ALLOWED_SKEW_MS) {
      throw invalidSignature(`Signature expired: ${dateText} is now earlier than ${amzDate(now - ALLOWED_SKEW_MS)} (${amzDate(now)} - 5 min.)`);
    }
    if (signedAt > now + ALLOWED_SKEW_MS) {
      throw invalidSignature(`Signature not yet current: ${dateText} is still later than ${amzDate(now + ALLOWED_SKEW_MS)} (${amzDate(now)} + 5 min.)`);
    }
    if (parts.date !== dateText.slice(0, 8)) {
      throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.date}' != '${dateText.slice(0, 8)}', from '${dateText}'.`);
    }
    if (parts.service !== SERVICE) throw invalidSignature(`Credential should be scoped to correct service: '${SERVICE}'. `);

    const body = request.body ?? Buffer.alloc(0);
    const claimedHash = single(request.headers['x-amz-content-sha256']);
    if (claimedHash !== undefined && claimedHash !== createHash('sha256').update(body).digest('hex')) {
      throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    const expected = await this.signatureFor(key, parts, request, body, signedAt);
    if (!sameText(expected, parts.signature)) throw invalidSignature();
  }

  private async signatureFor(key: AccessKey, parts: AuthorizationParts, request: SignedRequest, body: Buffer, signedAt: number): Promise<string> {
    const signerKey = `${key.accessKeyId}\n${parts.region}`;
    let signer = this.signers.get(signerKey);
    if (!signer) {
      signer = new SignatureV4({
        credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
        region: parts.region,
        service: SERVICE,
        sha256: Hash.bind(null, 'sha256'),
        // The client's x-amz-content-sha256, if signed, is among the headers already.
        applyChecksum: false,
      });
      this.signers.set(signerKey, signer);
    }
    const mark = request.url.indexOf('?');
    const headers: Record<string, string> = {};
    for (const name of parts.signedHeaders) {
      const value = request.headers[name];
      if (value === undefined) throw invalidSignature();
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const signed = await signer.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: '',
        path: mark < 0 ? request.url : request.url.slice(0, mark),
        query: mark < 0 ? {} : parseQuery(request.url.slice(mark + 1)),
        headers,
        body,
      },
      { signingDate: new Date(signedAt), signableHeaders: new Set(parts.signedHeaders) },
    );
    return /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1] ?? '';
  }
}

interface AuthorizationParts {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** The Authorization header's parts; what is missing is named, as AWS names it. */
function parseAuthorization(authorization: string): AuthorizationParts {
  const fields = new Map<string, string>();
  for (const field of AUTHORIZATION.exec(authorization)?.[1]?.split(',') ?? []) {
    const equals = field.indexOf('=');
    if (equals > 0) fields.set(field.slice(0, equals).trim(), field.slice(equals + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    throw incomplete(`${missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ')} Authorization=${authorization}`);
  }
  const scope = CREDENTIAL_SCOPE.exec(fields.get('Credential')!);
  if (!scope) throw incomplete(`Authorization header requires a Credential of the form AccessKeyId/YYYYMMDD/region/service/aws4_request, not ${fields.get('Credential')}`);
  const [, accessKeyId, date, region, service] = scope;
  return { accessKeyId: accessKeyId!, date: date!, region: region!, service: service!, signedHeaders: fields.get('SignedHeaders')!.split(';'), signature: fields.get('Signature')! };
}

function parseAmzDate(text: string | undefined): number {
  const match = text === undefined ? null : AMZ_DATE.exec(text);
  const ms = match ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!) : NaN;
  if (!Number.isFinite(ms)) throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  return ms;
}

/** The query as the signer wants it: decoded names and values; `+` is a plus, as SigV4 encodes. */
function parseQuery(query: string): Record<string, string | string[]> {
  const decoded: Record<string, string | string[]> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1));
    const held = decoded[name];
    decoded[name] = held === undefined ? value : Array.isArray(held) ? [...held, value] : [held, value];
  }
  return decoded;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidSignature();
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

import type { Scope } from '../store/resources.js';

// Credential=AKID/20260101/us-east-2/groundstation/aws4_request
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;
/** An AWS account id: twelve digits. */
const ACCOUNT_ID = /^\d{12}$/;
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** What `?account=` of the event stream takes to show every account (unsigned callers in open mode). */
export const EVERY_ACCOUNT = '*';

/** The account an access key id belongs to, if known. */
export type AccountOfKey = (accessKeyId: string) => string | undefined;

/** Without a credentials file, a 12-digit access key id is taken as the account. */
export const keyIdAsAccount: AccountOfKey = (accessKeyId) => (ACCOUNT_ID.test(accessKeyId) ? accessKeyId : undefined);

/**
 * The signed caller's account and region, read from the SigV4 credential scope: the scope names the
 * region, and the access key's account (else the default one) is the account. Undefined when the
 * request carries no SigV4 credential.
 */
export function signedScope(authorization: string | undefined, defaults: Scope, accountOf: AccountOfKey = keyIdAsAccount): Scope | undefined {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return undefined;
  const [, accessKeyId, region] = match;
  return { account: accountOf(accessKeyId!) ?? defaults.account, region: region! };
}

/** The caller's account and region: the signed ones, or the defaults for an unsigned request. */
export function scopeFromAuthorization(authorization: string | undefined, defaults: Scope, accountOf: AccountOfKey = keyIdAsAccount): Scope {
  return signedScope(authorization, defaults, accountOf) ?? defaults;
}

/** What is wrong with the `?account=` and `?region=` an admin route takes, if anything. */
export function scopeQueryProblem(
  { account, region }: { account?: string; region?: string },
  { everyAccount = false }: { everyAccount?: boolean } = {},
): string | undefined {
  if (account !== undefined && !ACCOUNT_ID.test(account) && !(everyAccount && account === EVERY_ACCOUNT)) {
    return `account must be a 12-digit AWS account id${everyAccount ? ` or ${EVERY_ACCOUNT}` : ''}, not ${account}`;
  }
  if (region !== undefined && !REGION_NAME.test(region)) return `region must be an AWS region name such as us-east-2, not ${region}`;
  return undefined;
}

/**
 * Why a signed caller may not name the `?account=` or `?region=` it did, if it may not: the
 * signed identity wins, and naming another is refused rather than quietly ignored.
 */
export function signedScopeConflict(signed: Scope, named: { account?: string; region?: string }, { regionIsFilter = false } = {}): string | undefined {
  if (named.account !== undefined && named.account !== signed.account) {
    return `The request is signed for account ${signed.account}; it cannot act as or see account ${named.account}`;
  }
  if (!regionIsFilter && named.region !== undefined && named.region !== signed.region) {
    return `The request is signed for region ${signed.region}; it cannot act in region ${named.region}`;
  }
  return undefined;
}

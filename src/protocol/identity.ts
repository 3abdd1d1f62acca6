import type { Scope } from '../store/resources.js';

// Credential=AKID/20260101/us-east-2/groundstation/aws4_request
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;
/** An AWS account id: twelve digits. */
const ACCOUNT_ID = /^\d{12}$/;
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * The caller's account and region, read from the SigV4 credential scope: the scope names the region,
 * and a 12-digit access key id is taken as the account. Anything else falls back to the defaults.
 */
export function scopeFromAuthorization(authorization: string | undefined, defaults: Scope): Scope {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return defaults;
  const [, accessKeyId, region] = match;
  return {
    account: ACCOUNT_ID.test(accessKeyId!) ? accessKeyId! : defaults.account,
    region: region!,
  };
}

/** What is wrong with the `?account=` and `?region=` an admin route takes, if anything. */
export function scopeQueryProblem({ account, region }: { account?: string; region?: string }): string | undefined {
  if (account !== undefined && !ACCOUNT_ID.test(account)) return `account must be a 12-digit AWS account id, not ${account}`;
  if (region !== undefined && !REGION_NAME.test(region)) return `region must be an AWS region name such as us-east-2, not ${region}`;
  return undefined;
}

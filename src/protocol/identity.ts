import type { Scope } from '../store/resources.js';

// Credential=AKID/20260101/us-east-2/groundstation/aws4_request
const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;
/** An AWS account id: twelve digits. */
export const ACCOUNT_ID = /^\d{12}$/;

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

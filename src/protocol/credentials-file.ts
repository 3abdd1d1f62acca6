import { access, constants } from 'node:fs/promises';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** One access key strict mode accepts, and the account it signs for. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it as X-Amz-Security-Token. */
  sessionToken?: string;
  /** Without it, a 12-digit key id is the account (else the default account), as in open mode. */
  accountId?: string;
}

/** A credentials file that cannot be used: the server cannot start. */
export class CredentialsFileError extends Error {}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Reads an AWS shared-credentials file (as ~/.aws/credentials): one section per key, with
 * aws_access_key_id, aws_secret_access_key, and optionally aws_session_token and aws_account_id.
 * Parsed by the AWS SDK's own reader, so a file the SDKs accept reads the same here.
 */
export async function readCredentialsFile(path: string): Promise<AccessKey[]> {
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new CredentialsFileError(`cannot read the credentials file ${path}: ${(error as Error).message}`);
  }
  const { credentialsFile } = await loadSharedConfigFiles({ filepath: path, configFilepath: path, ignoreCache: true });
  const keys: AccessKey[] = [];
  for (const [section, values] of Object.entries(credentialsFile)) {
    const { aws_access_key_id: accessKeyId, aws_secret_access_key: secretAccessKey, aws_session_token: sessionToken, aws_account_id: accountId } = values;
    if (!accessKeyId || !secretAccessKey) {
      throw new CredentialsFileError(`credentials file ${path}, [${section}]: aws_access_key_id and aws_secret_access_key are both required`);
    }
    if (accountId !== undefined && !ACCOUNT_ID.test(accountId)) {
      throw new CredentialsFileError(`credentials file ${path}, [${section}]: aws_account_id must be 12 digits, not ${accountId}`);
    }
    if (keys.some((key) => key.accessKeyId === accessKeyId)) {
      throw new CredentialsFileError(`credentials file ${path}, [${section}]: access key ${accessKeyId} appears twice`);
    }
    keys.push({ accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), ...(accountId ? { accountId } : {}) });
  }
  if (keys.length === 0) throw new CredentialsFileError(`credentials file ${path} holds no access keys`);
  return keys;
}

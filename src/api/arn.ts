import type { Scope } from '../store/resources.js';

export interface ParsedArn {
  region: string;
  account: string;
  /** The resource part split on '/', e.g. ['config', 'tracking', '<uuid>']. */
  resource: string[];
}

const ARN = /^arn:aws:groundstation:([^:]*):([^:]*):(.+)$/;

export function arnFor(scope: Scope, resource: string): string {
  return `arn:aws:groundstation:${scope.region}:${scope.account}:${resource}`;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const match = ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, account: match[2]!, resource: match[3]!.split('/') };
}

export interface ParsedConfigArn {
  region: string;
  account: string;
  type: string;
  id: string;
  /** The `/<outputNode>` suffix a demod-decode config's ARN may carry in a dataflow edge. */
  outputNode?: string;
}

// config/<type>/<id>[/<outputNode>]; like parseArn's `.`, the segments hold no line breaks.
const CONFIG_ARN = /^arn:aws:groundstation:([^:]*):([^:]*):config\/([^/\n\r\u2028\u2029]+)\/([^/\n\r\u2028\u2029]+)(?:\/(.*))?$/;

/** A config ARN in one match, not parseArn's match and split: a profile's checks read several per write. */
export function parseConfigArn(arn: string): ParsedConfigArn | undefined {
  const match = CONFIG_ARN.exec(arn);
  if (!match) return undefined;
  const [, region, account, type, id, outputNode] = match as unknown as [string, string, string, string, string, string | undefined];
  return outputNode === undefined ? { region, account, type, id } : { region, account, type, id, outputNode };
}

/** Whether an ARN names something the caller can see: its own account, and its region. */
export function inScope(arn: Pick<ParsedArn, 'region' | 'account'>, scope: Scope): boolean {
  return arn.account === scope.account && arn.region === scope.region;
}

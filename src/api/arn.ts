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

/** Whether an ARN names something the caller can see: its own account, and its region. */
export function inScope(arn: ParsedArn, scope: Scope): boolean {
  return arn.account === scope.account && arn.region === scope.region;
}

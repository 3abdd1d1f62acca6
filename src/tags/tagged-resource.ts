import type { OperationContext } from '../api/context.js';
import { inScope, parseArn } from '../api/arn.js';
import { ResourceNotFoundException } from '../api/errors.js';
import type { StoredResource } from '../store/resources.js';

/**
 * The stored resource an ARN names. The kind is the ARN's resource type and the id its last part;
 * the stored resource's own ARN must match exactly (so a config ARN with the wrong type is unknown).
 */
export function findTaggedResource(context: OperationContext, resourceArn: string): StoredResource<{ arn: string }> & { kind: string } {
  const parsed = parseArn(resourceArn);
  const kind = parsed?.resource[0];
  const id = parsed?.resource[parsed.resource.length - 1];
  const resource =
    parsed && kind && id && inScope(parsed, context.scope) ? context.store.get<{ arn: string }>(context.scope, kind, id) : undefined;
  if (!resource || resource.doc.arn !== resourceArn) {
    throw new ResourceNotFoundException(`Resource ${resourceArn} was not found`);
  }
  return { ...resource, kind: kind! };
}

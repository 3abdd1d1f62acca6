import type { OperationContext } from '../api/context.js';
import { inScope, parseArn } from '../api/arn.js';
import { ResourceNotFoundException } from '../api/errors.js';
import { findSatelliteByArn } from '../satellite/satellites.js';

/** The tags of the resource an ARN names, and how to replace them. */
export interface TaggedResource {
  tags: Record<string, string>;
  saveTags(tags: Record<string, string>): void;
}

/**
 * The resource an ARN names. A stored resource's kind is the ARN's resource type and its id the
 * last part; its own ARN must match exactly (so a config ARN with the wrong type is unknown). A
 * satellite is no regional resource: its ARN names it with or without a region part, and its tags
 * are the caller account's own.
 */
export function findTaggedResource(context: OperationContext, resourceArn: string): TaggedResource {
  const parsed = parseArn(resourceArn);
  const kind = parsed?.resource[0];
  if (kind === 'satellite') {
    const satellite = findSatelliteByArn(context, resourceArn);
    if (!satellite) throw notFound(resourceArn);
    const tags = context.satelliteTags;
    return {
      tags: tags.get(context.scope.account, satellite.satelliteId),
      saveTags: (updated) => tags.set(context.scope.account, satellite.satelliteId, updated),
    };
  }
  const id = parsed?.resource[parsed.resource.length - 1];
  const resource =
    parsed && kind && id && inScope(parsed, context.scope) ? context.store.get<{ arn: string }>(context.scope, kind, id) : undefined;
  if (!resource || resource.doc.arn !== resourceArn) throw notFound(resourceArn);
  return {
    tags: resource.tags,
    saveTags: (updated) => context.store.setTags(context.scope, kind!, resource.id, updated),
  };
}

const notFound = (resourceArn: string) => new ResourceNotFoundException(`Resource ${resourceArn} was not found`);

import type { Handler } from '../api/context.js';
import { findTaggedResource } from './tagged-resource.js';

export const untagResource: Handler<'UntagResource'> = (input, context) => {
  const resource = findTaggedResource(context, input.resourceArn);
  const remove = new Set(input.tagKeys);
  const tags = Object.fromEntries(Object.entries(resource.tags).filter(([key]) => !remove.has(key)));
  resource.saveTags(tags);
  return {};
};

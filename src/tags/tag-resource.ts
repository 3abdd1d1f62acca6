import type { Handler } from '../api/context.js';
import { findTaggedResource } from './tagged-resource.js';

export const tagResource: Handler<'TagResource'> = (input, context) => {
  const resource = findTaggedResource(context, input.resourceArn);
  resource.saveTags({ ...resource.tags, ...input.tags });
  return {};
};

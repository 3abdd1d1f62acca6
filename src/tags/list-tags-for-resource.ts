import type { Handler } from '../api/context.js';
import { findTaggedResource } from './tagged-resource.js';

export const listTagsForResource: Handler<'ListTagsForResource'> = (input, context) => ({
  tags: findTaggedResource(context, input.resourceArn).tags,
});

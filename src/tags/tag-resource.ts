import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { TAG_LIMITS } from '../api/tag-limits.js';
import { findTaggedResource } from './tagged-resource.js';

export const tagResource: Handler<'TagResource'> = (input, context) => {
  const resource = findTaggedResource(context, input.resourceArn);
  const tags = { ...resource.tags, ...input.tags };
  const count = Object.keys(tags).length;
  if (count > TAG_LIMITS.maxTags) {
    throw new InvalidParameterException(`A resource can have at most ${TAG_LIMITS.maxTags} tags; with these ${input.resourceArn} would have ${count}`, 'tags');
  }
  resource.saveTags(tags);
  return {};
};

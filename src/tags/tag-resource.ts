import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { model } from '../api/model.js';
import { findTaggedResource } from './tagged-resource.js';

// The model (as model/corrections.json patches it) bounds one request's tags; the bound holds for the resource's too.
const MAX_TAGS = model.shapes.TagsMap!.max!;

export const tagResource: Handler<'TagResource'> = (input, context) => {
  const resource = findTaggedResource(context, input.resourceArn);
  const tags = { ...resource.tags, ...input.tags };
  const count = Object.keys(tags).length;
  if (count > MAX_TAGS) {
    throw new InvalidParameterException(`A resource can have at most ${MAX_TAGS} tags; with these ${input.resourceArn} would have ${count}`, 'tags');
  }
  resource.saveTags(tags);
  return {};
};

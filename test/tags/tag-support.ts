import { assertBoto3Error } from '../support/assertions.js';
import { boto3, type Identity } from '../support/clients.js';

/** TagResource, UntagResource and ListTagsForResource on each ARN, through boto3: each is refused with 434 naming the ARN. */
export async function assertTagOperationsNotFound(url: string, resourceArns: string[], identity?: Identity): Promise<void> {
  const outcomes = await boto3(
    url,
    resourceArns.flatMap((resourceArn) => [
      { op: 'tag_resource', params: { resourceArn, tags: { Name: 'x' } } },
      { op: 'untag_resource', params: { resourceArn, tagKeys: ['Name'] } },
      { op: 'list_tags_for_resource', params: { resourceArn } },
    ]),
    identity,
  );
  outcomes.forEach((outcome, index) => {
    const arn = resourceArns[Math.floor(index / 3)]!;
    assertBoto3Error(outcome, { code: 'ResourceNotFoundException', status: 434, message: new RegExp(`Resource ${arn.replace(/[/.]/g, '\\$&')} was not found`) });
  });
}

/**
 * What AWS documents for tags and the model leaves out (the tagging guide, and the CloudFormation
 * Tag types of Ground Station): at most 50 a resource, keys of 1 to 128 characters, values of at
 * most 256, and keys beginning with aws: (any case) reserved for AWS.
 */
export const TAG_LIMITS = { maxTags: 50, maxKeyLength: 128, maxValueLength: 256, reservedPrefix: /^aws:/i };

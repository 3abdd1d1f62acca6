import type { Handler } from '../api/context.js';
import { ResourceNotFoundException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { getContactRecord } from './contact-record.js';
import { describeContactData, versionView } from './contact-view.js';

export const describeContactVersion: Handler<'DescribeContactVersion'> = (input, context) => {
  const contact = getContactRecord(context, input.contactId);
  const version = contact.doc.versions.find((candidate) => candidate.versionId === input.versionId);
  if (!version) throw new ResourceNotFoundException(`Contact ${input.contactId} has no version ${input.versionId}`);
  return describeContactData(context, contact, context.clock.nowMs(), version);
};

export const listContactVersions: Handler<'ListContactVersions'> = (input, context) => {
  const { doc } = getContactRecord(context, input.contactId);
  const page = pageArray(doc.versions.map(versionView), input);
  return { contactVersionsList: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

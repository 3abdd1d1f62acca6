import type { Handler } from '../api/context.js';
import { getContactRecord } from './contact-record.js';
import { describeContactData } from './contact-view.js';

export const describeContact: Handler<'DescribeContact'> = (input, context) =>
  describeContactData(context, getContactRecord(context, input.contactId), context.clock.nowMs());

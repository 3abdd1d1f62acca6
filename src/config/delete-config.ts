import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { CONFIG_KIND, getConfigRecord } from './config-record.js';

export const deleteConfig: Handler<'DeleteConfig'> = (input, context) => {
  const { id, doc } = getConfigRecord(context, input.configType, input.configId);
  const users = context.store.referrers(context.scope, { kind: CONFIG_KIND, id });
  if (users.length > 0) {
    const names = users.map((user) => `${user.kind} ${user.id}`).join(', ');
    throw new InvalidParameterException(`Config ${doc.arn} is in use by ${names}; remove it from them first`, 'configId');
  }
  context.store.delete(context.scope, CONFIG_KIND, id);
  return { configId: id, configType: doc.configType, configArn: doc.arn };
};

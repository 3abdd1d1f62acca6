import type { Handler, OperationContext } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import type { ResourceKey } from '../store/resources.js';
import { CONFIG_KIND, getConfigRecord } from './config-record.js';

// A config still referred to (by a profile, or an uplink-echo config) cannot go (SEMANTICS §1.4).
export const deleteConfig: Handler<'DeleteConfig'> = (input, context) => {
  const { id, doc } = getConfigRecord(context, input.configType, input.configId);
  const users = context.store.referrers(context.scope, { kind: CONFIG_KIND, id });
  if (users.length > 0) {
    const names = users.map((user) => describeUser(context, user)).join(', ');
    throw new InvalidParameterException(`Config ${doc.arn} is in use by ${names}; remove it from them first`, 'configId');
  }
  context.store.delete(context.scope, CONFIG_KIND, id);
  return { configId: id, configType: doc.configType, configArn: doc.arn };
};

/** A referrer by kind, name and ARN, so the caller knows exactly what to change. */
function describeUser(context: OperationContext, user: ResourceKey): string {
  const doc = context.store.get<{ arn?: string; name?: string }>(context.scope, user.kind, user.id)?.doc;
  const name = doc?.name !== undefined ? ` '${doc.name}'` : '';
  return `${user.kind}${name} (${doc?.arn ?? user.id})`;
}

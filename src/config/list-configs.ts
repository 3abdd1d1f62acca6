import type { Handler } from '../api/context.js';
import type { ConfigListItem } from '../api/shapes.js';
import { pageResources } from '../api/pagination.js';
import { CONFIG_KIND, type ConfigRecord } from './config-record.js';

export const listConfigs: Handler<'ListConfigs'> = (input, context) => {
  const page = pageResources<ConfigRecord, ConfigListItem>(context.store, context.scope, CONFIG_KIND, input, ({ id, doc }) => ({
    configId: id,
    configType: doc.configType,
    configArn: doc.arn,
    name: doc.name,
  }));
  return { configList: page.items, nextToken: page.nextToken };
};

import type { Handler } from '../api/context.js';
import type { StoredResource } from '../store/resources.js';
import { getConfigRecord, type ConfigRecord } from './config-record.js';

export const getConfig: Handler<'GetConfig'> = (input, context) =>
  context.store.view(getConfigRecord(context, input.configType, input.configId), configView);

function configView({ id, doc, tags }: StoredResource<ConfigRecord>) {
  return { configId: id, configArn: doc.arn, name: doc.name, configType: doc.configType, configData: doc.configData, tags };
}

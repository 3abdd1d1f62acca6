import type { Handler } from '../api/context.js';
import { getConfigRecord } from './config-record.js';

export const getConfig: Handler<'GetConfig'> = (input, context) => {
  const { id, doc, tags } = getConfigRecord(context, input.configType, input.configId);
  return { configId: id, configArn: doc.arn, name: doc.name, configType: doc.configType, configData: doc.configData, tags };
};

import type { Handler } from '../api/context.js';
import { CONFIG_KIND, configArn, typeOfConfigData, type ConfigRecord } from './config-record.js';
import { checkConfigData } from './config-rules.js';

export const createConfig: Handler<'CreateConfig'> = (input, context) => {
  const configType = typeOfConfigData(input.configData);
  const references = checkConfigData(context, input.configData);
  const configId = context.clock.newId();
  const arn = configArn(context.scope, configType, configId);
  const record: ConfigRecord = { arn, name: input.name, configType, configData: input.configData };
  context.store.insert(context.scope, CONFIG_KIND, configId, record, input.tags, references);
  return { configId, configType, configArn: arn };
};

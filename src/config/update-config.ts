import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { recheckProfilesUsing } from '../mission-profile/mission-profile-rules.js';
import { CONFIG_KIND, getConfigRecord, typeOfConfigData, type ConfigRecord } from './config-record.js';
import { checkConfigData } from './config-rules.js';

export const updateConfig: Handler<'UpdateConfig'> = (input, context) => {
  // The request alone shows a type change, so it is refused before the config is looked up.
  const newType = typeOfConfigData(input.configData);
  if (newType !== input.configType) {
    throw new InvalidParameterException(
      `configData holds a ${newType} config but the path names configType ${input.configType}; a config's type never changes`,
      'configData',
    );
  }
  const existing = getConfigRecord(context, input.configType, input.configId);
  const references = checkConfigData(context, input.configData);
  const record: ConfigRecord = { ...existing.doc, name: input.name, configData: input.configData };
  context.store.replace(context.scope, CONFIG_KIND, existing.id, record);
  context.store.setReferences(context.scope, { kind: CONFIG_KIND, id: existing.id }, references);
  // Only an uplink-echo config's data takes part in profile rules.
  if (record.configType === 'uplink-echo') recheckProfilesUsing(context, existing.id);
  return { configId: existing.id, configType: record.configType, configArn: record.arn };
};

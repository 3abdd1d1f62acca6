import type { ConfigRecord } from '../config/config-record.js';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The key template of the objects a contact delivers to one s3-recording config: the config's
 * prefix with its placeholders filled from the contact, then the file name, whose index stays a
 * placeholder. The file name starts with the contact id: AWS's S3 data delivery sample cuts
 * keyFormat after the contact id, then reads the last path part of that as the contact id and the
 * rest as the folder. What follows the contact id is our choice.
 */
export function s3KeyFormat(config: ConfigRecord, contact: { contactId: string; satelliteArn?: string; startMs: number }): string {
  const start = new Date(contact.startMs);
  const [year, month, day] = [String(start.getUTCFullYear()), pad(start.getUTCMonth() + 1), pad(start.getUTCDate())];
  // A contact pointed by an az-el ephemeris may name no satellite.
  const satelliteId = contact.satelliteArn?.split('/').pop() ?? '';
  const configId = config.arn.split('/')[2] ?? '';
  const prefix = (config.configData.s3RecordingConfig?.prefix ?? '')
    .replaceAll('{satellite_id}', satelliteId)
    .replaceAll('{config-name}', config.name)
    .replaceAll('{s3-config-id}', configId)
    .replaceAll('{year}', year)
    .replaceAll('{month}', month)
    .replaceAll('{day}', day);
  const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  const startedAt = `${year}_${month}_${day}_${pad(start.getUTCHours())}_${pad(start.getUTCMinutes())}_${pad(start.getUTCSeconds())}`;
  return `${folder}${contact.contactId}_${config.name}_${satelliteId}_${startedAt}_{fileIndex}.pcap`;
}

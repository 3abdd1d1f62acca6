import type { EventEnvelope, GroundStationEvent } from './types.js';

/** ISO-8601 in whole seconds (`2025-01-01T12:00:00Z`), as EventBridge writes `time`. */
export function isoSeconds(time: Date): string {
  return new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function toEnvelope(event: GroundStationEvent, id: string): EventEnvelope {
  return {
    version: '0',
    id,
    'detail-type': event.detailType,
    source: 'aws.groundstation',
    account: event.account,
    time: isoSeconds(event.time),
    region: event.region,
    resources: event.resources,
    detail: event.detail,
  };
}

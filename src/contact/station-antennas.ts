import type { WorkServices } from '../api/context.js';
import type { GroundStation } from '../ground-station/ground-stations.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';

/**
 * The first of the station's antennas that no scheduled contact holds at any moment of
 * (fromMs, toMs), a contact holding its antenna from prePassStartTime to postPassEndTime.
 * Antennas are physical, so contacts of every account count; only the antenna number is read,
 * nothing of another account's contact reaches the caller. Undefined when all are busy.
 */
export function freeAntenna(services: WorkServices, station: GroundStation, fromMs: number, toMs: number): number | undefined {
  const busy = new Set<number>();
  for (const holder of services.contactIndex.holdingAntennas(station.groundStationName, fromMs, toMs)) {
    const contact = services.store.get<ContactRecord>(holder, CONTACT_KIND, holder.contactId)?.doc;
    if (contact?.antenna !== undefined) busy.add(contact.antenna);
  }
  for (let antenna = 1; antenna <= station.antennaCount; antenna++) if (!busy.has(antenna)) return antenna;
  return undefined;
}

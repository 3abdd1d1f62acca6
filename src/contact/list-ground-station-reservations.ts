import type { Handler } from '../api/context.js';
import type { GroundStationReservationListItem } from '../api/shapes.js';
import { InvalidParameterException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { antennaNames, findGroundStation } from '../ground-station/ground-stations.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';

/**
 * The caller's scheduled contacts at a station whose antenna time [prePassStartTime,
 * postPassEndTime] overlaps the window, as CONTACT reservations. There is no maintenance.
 */
export const listGroundStationReservations: Handler<'ListGroundStationReservations'> = (input, context) => {
  const station = findGroundStation(input.groundStationId);
  if (!station) throw new InvalidParameterException(`Ground station ${input.groundStationId} was not found`, 'groundStationId');
  const fromMs = input.startTime.getTime();
  const toMs = input.endTime.getTime();
  if (fromMs >= toMs) throw new InvalidParameterException('startTime must be before endTime', 'startTime');
  const types = new Set(input.reservationTypes ?? ['CONTACT', 'MAINTENANCE']);
  const names = antennaNames(station);
  const reservations: GroundStationReservationListItem[] = [];
  if (types.has('CONTACT')) {
    for (const holder of context.contactIndex.holdingStation(context.scope.account, station.groundStationName, fromMs, toMs)) {
      const contact = context.store.get<ContactRecord>(holder, CONTACT_KIND, holder.contactId)?.doc;
      if (contact?.antenna === undefined) continue;
      reservations.push({
        reservationType: 'CONTACT',
        groundStationId: station.groundStationName,
        antennaName: names[contact.antenna - 1] ?? names[0]!,
        startTime: new Date(contact.prePassStartMs),
        endTime: new Date(contact.postPassEndMs),
        reservationDetails: { contact: { contactId: holder.contactId } },
      });
    }
  }
  const page = pageArray(reservations, input);
  return { reservationList: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

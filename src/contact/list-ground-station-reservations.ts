import type { Handler } from '../api/context.js';
import type { GroundStationReservationListItem } from '../api/shapes.js';
import { InvalidParameterException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { antennaNames, findGroundStation } from '../ground-station/ground-stations.js';
import { CONTACT_KIND, type ContactRecord } from './contact-record.js';

/**
 * Every scheduled contact holding an antenna of the station during the window [prePassStartTime,
 * postPassEndTime], whoever booked it from wherever, as CONTACT reservations: the antennas are
 * shared. The model makes `contactId` optional; it is shown only where the caller could
 * DescribeContact it (same account and region). There is no maintenance.
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
    for (const holder of context.contactIndex.holdingAntennas(station.groundStationName, fromMs, toMs)) {
      const contact = context.store.get<ContactRecord>(holder, CONTACT_KIND, holder.contactId)?.doc;
      if (contact?.antenna === undefined) continue;
      const describable = holder.account === context.scope.account && holder.region === context.scope.region;
      reservations.push({
        reservationType: 'CONTACT',
        groundStationId: station.groundStationName,
        antennaName: names[contact.antenna - 1] ?? names[0]!,
        startTime: new Date(contact.prePassStartMs),
        endTime: new Date(contact.postPassEndMs),
        reservationDetails: { contact: describable ? { contactId: holder.contactId } : {} },
      });
    }
  }
  const page = pageArray(reservations, input);
  return { reservationList: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

import type { Handler } from '../api/context.js';
import { InvalidParameterException } from '../api/errors.js';
import { pageArray } from '../api/pagination.js';
import { antennaNames, findGroundStation } from './ground-stations.js';

// The model gives ListAntennas no ResourceNotFoundException, so an unknown station is a bad parameter.
export const listAntennas: Handler<'ListAntennas'> = (input) => {
  const groundStation = findGroundStation(input.groundStationId);
  if (!groundStation) {
    throw new InvalidParameterException(`Ground station ${input.groundStationId} does not exist`, 'groundStationId');
  }
  const antennas = antennaNames(groundStation).map((antennaName) => ({
    groundStationName: groundStation.groundStationName,
    antennaName,
    region: groundStation.region,
  }));
  const page = pageArray(antennas, input);
  return { antennaList: page.items, nextToken: page.nextToken };
};

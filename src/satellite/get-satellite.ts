import type { Handler } from '../api/context.js';
import { ResourceNotFoundException } from '../api/errors.js';
import { satelliteItem } from './satellite-item.js';
import { findSatellite } from './satellites.js';

export const getSatellite: Handler<'GetSatellite'> = (input, context) => {
  const satellite = findSatellite(context, input.satelliteId);
  if (!satellite) throw new ResourceNotFoundException(`Satellite ${input.satelliteId} was not found`);
  return satelliteItem(context, satellite);
};

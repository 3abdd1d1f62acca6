import type { Handler } from '../api/context.js';
import { pageArray } from '../api/pagination.js';
import { satelliteItem } from './satellite-item.js';
import { allSatellites } from './satellites.js';

// The catalog is the same for every account and region (SEMANTICS §5.1); only the ARNs carry the account.
export const listSatellites: Handler<'ListSatellites'> = (input, context) => {
  const page = pageArray(allSatellites(context), input);
  return { satellites: page.items.map((satellite) => satelliteItem(context, satellite)), nextToken: page.nextToken };
};

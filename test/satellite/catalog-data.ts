// Satellite ids are name-based UUIDs of the NORAD id: they must never change between runs or versions.
export const AQUA_ID = '73a41b1e-6a2a-5568-98a3-f467b0fb212a';
export const BUNDLED = [
  { satelliteId: '4431c630-1a1e-5782-ae82-b8f3fb20a90a', noradSatelliteID: 43013, name: 'NOAA-20 (JPSS-1)' },
  { satelliteId: '30bdee95-30e5-5c57-bc55-20763df0220e', noradSatelliteID: 37849, name: 'Suomi NPP' },
  { satelliteId: 'f3b092f5-2df0-54c4-88f0-0075dc0ecb75', noradSatelliteID: 25994, name: 'Terra' },
  { satelliteId: 'ff1f7fb8-091e-5134-bf27-c9434ede90eb', noradSatelliteID: 54234, name: 'NOAA-21 (JPSS-2)' },
];

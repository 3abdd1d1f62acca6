import type { Site } from '../orbit/index.js';

export interface GroundStation {
  /** Also its `groundStationId`. */
  groundStationName: string;
  /**
   * The location's own region (not necessarily where it stands). Every region may use the station
   * (SEMANTICS §4); this one is where its data goes by default and cross-region delivery is measured from.
   */
  region: string;
  site: Site;
  /** Contacts the station can carry at once (SEMANTICS §2.3: capacity 1). */
  antennaCount: number;
}

// Receive and transmit mask for every station (SEMANTICS §4, our choice: real masks are under NDA).
export const ELEVATION_MASK_DEG = 10;
const ANTENNAS_PER_STATION = 1;

const station = (groundStationName: string, region: string, latitudeDeg: number, longitudeDeg: number, altitudeMeters: number): GroundStation => ({
  groundStationName,
  region,
  site: { latitudeDeg, longitudeDeg, altitudeMeters, elevationMaskDeg: ELEVATION_MASK_DEG },
  antennaCount: ANTENNAS_PER_STATION,
});

/**
 * The stations AWS lists (names and regions from the antenna-locations guide). AWS publishes no
 * coordinates: these are approximate, city-level guesses (SEMANTICS §4), good enough for passes.
 * Seoul 1 is not offered: the guide says it has had no antenna resources since 2026-06-16.
 */
export const GROUND_STATIONS: readonly GroundStation[] = [
  station('Alaska 1', 'us-west-2', 64.84, -147.72, 150),
  station('Bahrain 1', 'me-south-1', 26.07, 50.56, 10),
  station('Cape Town 1', 'af-south-1', -33.93, 18.6, 50),
  station('Dubbo 1', 'ap-southeast-2', -32.25, 148.6, 275),
  station('Hawaii 1', 'us-west-2', 21.4, -157.95, 20),
  station('Ireland 1', 'eu-west-1', 53.35, -6.26, 20),
  station('Ohio 1', 'us-east-2', 40.1, -83.11, 270),
  station('Oregon 1', 'us-west-2', 45.84, -119.7, 90),
  station('Punta Arenas 1', 'sa-east-1', -53.16, -70.91, 30),
  station('Singapore 1', 'ap-southeast-1', 1.35, 103.82, 20),
  station('Stockholm 1', 'eu-north-1', 59.33, 18.07, 30),
];

export const GROUND_STATION_NAMES: readonly string[] = GROUND_STATIONS.map((s) => s.groundStationName);

export function findGroundStation(name: string): GroundStation | undefined {
  return GROUND_STATIONS.find((s) => s.groundStationName === name);
}

/**
 * Antenna names, our choice: "<station> Antenna <n>", so a name alone says where it is
 * (e.g. "Ohio 1 Antenna 1"); they fit the model's AntennaName pattern.
 */
export function antennaNames(groundStation: GroundStation): string[] {
  return Array.from({ length: groundStation.antennaCount }, (_, index) => `${groundStation.groundStationName} Antenna ${index + 1}`);
}

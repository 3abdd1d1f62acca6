/** A Cartesian vector in km or km/s; structurally the same as satellite.js's EciVec3/EcfVec3. */
export interface Vector3 {
  x: number;
  y: number;
  z: number;
}

export const norm = (v: Vector3): number => Math.sqrt(v.x * v.x + v.y * v.y + v.z * v.z);

export const dot = (a: Vector3, b: Vector3): number => a.x * b.x + a.y * b.y + a.z * b.z;

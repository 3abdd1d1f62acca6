import type { Vector3 } from './vector.js';

export type OemInterpolation = 'LAGRANGE' | 'HERMITE';

/** Samples an interpolation of `degree` uses: Hermite fits position and velocity at each. */
export const samplesNeeded = (method: OemInterpolation, degree: number): number =>
  method === 'LAGRANGE' ? degree + 1 : Math.ceil((degree + 1) / 2);

export interface Samples {
  /** Seconds, relative to any origin shared with the evaluation time. */
  times: number[];
  positions: Vector3[];
  velocities: Vector3[];
}

export function interpolate(method: OemInterpolation, samples: Samples, time: number): Vector3 {
  return method === 'LAGRANGE' ? lagrange(samples, time) : hermite(samples, time);
}

function lagrange({ times, positions }: Samples, time: number): Vector3 {
  const result = { x: 0, y: 0, z: 0 };
  for (let i = 0; i < times.length; i++) {
    let weight = 1;
    for (let j = 0; j < times.length; j++) {
      if (j !== i) weight *= (time - times[j]!) / (times[i]! - times[j]!);
    }
    result.x += weight * positions[i]!.x;
    result.y += weight * positions[i]!.y;
    result.z += weight * positions[i]!.z;
  }
  return result;
}

function hermite(samples: Samples, time: number): Vector3 {
  return {
    x: hermiteAxis(samples, time, 'x'),
    y: hermiteAxis(samples, time, 'y'),
    z: hermiteAxis(samples, time, 'z'),
  };
}

/** Newton divided differences on doubled nodes, where f[t_i, t_i] is the velocity. */
function hermiteAxis({ times, positions, velocities }: Samples, time: number, axis: keyof Vector3): number {
  const count = 2 * times.length;
  const nodes: number[] = [];
  const coefficients: number[] = [];
  for (let i = 0; i < times.length; i++) {
    nodes.push(times[i]!, times[i]!);
    coefficients.push(positions[i]![axis], positions[i]![axis]);
  }
  for (let level = 1; level < count; level++) {
    for (let i = count - 1; i >= level; i--) {
      const span = nodes[i]! - nodes[i - level]!;
      coefficients[i] =
        span === 0 ? velocities[i >> 1]![axis] : (coefficients[i]! - coefficients[i - 1]!) / span;
    }
  }
  let value = coefficients[count - 1]!;
  for (let i = count - 2; i >= 0; i--) value = value * (time - nodes[i]!) + coefficients[i]!;
  return value;
}

import * as satellite from 'satellite.js';
import { julianDateFromMs } from './time.js';
import type { Vector3 } from './vector.js';

// Row-major 3×3 rotation matrices.
type Matrix3 = [number, number, number, number, number, number, number, number, number];

const ARCSEC = Math.PI / (180 * 3600);
const DEG = Math.PI / 180;
const J2000_JULIAN_DATE = 2451545.0;
// TT − UTC since 2017 (32.184 s + 37 leap seconds); precession is insensitive to its exact value.
const TT_MINUS_UTC_DAYS = 69.184 / 86_400;

/**
 * EME2000 (mean equator and equinox of J2000) to Earth-fixed, by the classical FK5 chain:
 * IAU-1976 precession, the leading IAU-1980 nutation terms (≈0.5″) and apparent sidereal
 * time (GMST-82 + equation of the equinoxes), with UT1 = UTC and no polar motion.
 */
export function eme2000ToEcf(position: Vector3, timeMs: number): Vector3 {
  const julianDate = julianDateFromMs(timeMs);
  const centuries = (julianDate + TT_MINUS_UTC_DAYS - J2000_JULIAN_DATE) / 36525;
  const { longitude, obliquity, meanObliquity } = nutation(centuries);
  const siderealAngle = satellite.gstime(julianDate) + longitude * Math.cos(meanObliquity);
  const rotation = multiply(
    rotateZ(siderealAngle),
    multiply(
      multiply(rotateX(-obliquity), multiply(rotateZ(-longitude), rotateX(meanObliquity))),
      precession(centuries),
    ),
  );
  return apply(rotation, position);
}

/** IAU-1976 (Lieske) precession from J2000 to the mean equator and equinox of date. */
function precession(t: number): Matrix3 {
  const zeta = (2306.2181 * t + 0.30188 * t * t + 0.017998 * t * t * t) * ARCSEC;
  const z = (2306.2181 * t + 1.09468 * t * t + 0.018203 * t * t * t) * ARCSEC;
  const theta = (2004.3109 * t - 0.42665 * t * t - 0.041833 * t * t * t) * ARCSEC;
  return multiply(rotateZ(-z), multiply(rotateY(theta), rotateZ(-zeta)));
}

/** The four largest IAU-1980 nutation terms (Meeus, Astronomical Algorithms ch. 22). */
function nutation(t: number) {
  const moonNode = (125.04452 - 1934.136261 * t) * DEG;
  const sunLongitude = (280.4665 + 36000.7698 * t) * DEG;
  const moonLongitude = (218.3165 + 481267.8813 * t) * DEG;
  const longitude =
    (-17.2 * Math.sin(moonNode) -
      1.32 * Math.sin(2 * sunLongitude) -
      0.23 * Math.sin(2 * moonLongitude) +
      0.21 * Math.sin(2 * moonNode)) *
    ARCSEC;
  const obliquityChange =
    (9.2 * Math.cos(moonNode) +
      0.57 * Math.cos(2 * sunLongitude) +
      0.1 * Math.cos(2 * moonLongitude) -
      0.09 * Math.cos(2 * moonNode)) *
    ARCSEC;
  const meanObliquity = (84381.448 - 46.815 * t - 0.00059 * t * t + 0.001813 * t * t * t) * ARCSEC;
  return { longitude, meanObliquity, obliquity: meanObliquity + obliquityChange };
}

// Frame rotations (the vector stays, the axes turn by `angle`).
function rotateX(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [1, 0, 0, 0, c, s, 0, -s, c];
}

function rotateY(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, 0, -s, 0, 1, 0, s, 0, c];
}

function rotateZ(angle: number): Matrix3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, s, 0, -s, c, 0, 0, 0, 1];
}

function multiply(a: Matrix3, b: Matrix3): Matrix3 {
  const product = new Array<number>(9) as Matrix3;
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) {
      product[row * 3 + column] =
        a[row * 3]! * b[column]! + a[row * 3 + 1]! * b[3 + column]! + a[row * 3 + 2]! * b[6 + column]!;
    }
  }
  return product;
}

function apply(m: Matrix3, v: Vector3): Vector3 {
  return {
    x: m[0] * v.x + m[1] * v.y + m[2] * v.z,
    y: m[3] * v.x + m[4] * v.y + m[5] * v.z,
    z: m[6] * v.x + m[7] * v.y + m[8] * v.z,
  };
}

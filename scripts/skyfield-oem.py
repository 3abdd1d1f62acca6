#!/usr/bin/python3
"""Write two CCSDS OEM (KVN) fixtures of NOAA-20 for the orbit tests, sampled
by skyfield from the bundled TLE so that src/orbit's frame conversion is
checked against an independent implementation:

  test/fixtures/orbit/noaa20-itrf2000.oem  ITRF2000, LAGRANGE degree 7
  test/fixtures/orbit/noaa20-eme2000.oem   EME2000 (skyfield GCRS), HERMITE degree 5

Run with the system interpreter (Debian python3-skyfield, offline):
    /usr/bin/python3 scripts/skyfield-oem.py

UT1 is pinned to UTC, the convention of src/orbit (see skyfield-passes.py).
"""
import os

from skyfield.api import EarthSatellite, load
from skyfield.framelib import itrs

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A copy of data/tle/public-broadcast-2026-07-21.tle, pinned for the tests.
TLE_FILE = os.path.join(ROOT, 'test', 'fixtures', 'orbit', 'public-broadcast-2026-07-21.tle')
OUT_DIR = os.path.join(ROOT, 'test', 'fixtures', 'orbit')

START_HOUR = 6  # 06:00-14:00 UTC holds passes over Ohio 1 and Alaska 1
HOURS = 8
STEP_SECONDS = 60
TT_MINUS_UTC = 32.184 + 37


def kvn(frame, interpolation, degree, epochs, states):
    start, stop = epochs[0], epochs[-1]
    lines = [
        'CCSDS_OEM_VERS = 2.0',
        'COMMENT NOAA-20 sampled from the bundled 2026-07-21 TLE by scripts/skyfield-oem.py',
        'CREATION_DATE = 2026-07-21T00:00:00.000',
        'ORIGINATOR = GROUND STATION LOCAL TESTS',
        '',
        'META_START',
        'OBJECT_NAME = NOAA 20',
        'OBJECT_ID = 2017-073A',
        'CENTER_NAME = EARTH',
        'REF_FRAME = %s' % frame,
        'TIME_SYSTEM = UTC',
        'START_TIME = %s' % start,
        'STOP_TIME = %s' % stop,
        'INTERPOLATION = %s' % interpolation,
        'INTERPOLATION_DEGREE = %d' % degree,
        'META_STOP',
        '',
    ]
    for epoch, (r, v) in zip(epochs, states):
        lines.append('%s %.6f %.6f %.6f %.9f %.9f %.9f' % ((epoch,) + tuple(r) + tuple(v)))
    return '\n'.join(lines) + '\n'


def main():
    ts = load.timescale(builtin=True, delta_t=TT_MINUS_UTC)
    with open(TLE_FILE) as f:
        name, line1, line2 = [line.strip() for line in f][:3]
    satellite = EarthSatellite(line1, line2, name, ts)

    seconds = list(range(START_HOUR * 3600, (START_HOUR + HOURS) * 3600 + 1, STEP_SECONDS))
    epochs = ['2026-07-21T%02d:%02d:%02d.000' % (s // 3600, s // 60 % 60, s % 60) for s in seconds]
    t = ts.utc(2026, 7, 21, 0, 0, seconds)
    geocentric = satellite.at(t)

    position, velocity = geocentric.frame_xyz_and_velocity(itrs)
    fixed = list(zip(position.km.T, velocity.km_per_s.T))
    inertial = list(zip(geocentric.position.km.T, geocentric.velocity.km_per_s.T))

    files = [
        ('noaa20-itrf2000.oem', kvn('ITRF2000', 'LAGRANGE', 7, epochs, fixed)),
        ('noaa20-eme2000.oem', kvn('EME2000', 'HERMITE', 5, epochs, inertial)),
    ]
    for file_name, text in files:
        with open(os.path.join(OUT_DIR, file_name), 'w') as f:
            f.write(text)
        print('wrote', file_name)


if __name__ == '__main__':
    main()

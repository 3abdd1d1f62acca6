#!/usr/bin/python3
"""Write test/fixtures/orbit/skyfield-long-passes.json: passes that last hours,
days or never end, as skyfield computes them, for the orbit and contact tests.

Run with the system interpreter (Debian python3-skyfield, offline):
    /usr/bin/python3 scripts/skyfield-long-passes.py

The TLEs are constructed here (valid checksums, catalog numbers 90001-90003):
a Molniya orbit (e = 0.72, 12 h) whose passes over Ohio have two elevation
peaks, a geostationary satellite that never leaves Ohio's sky, and a drifting
near-geostationary one whose pass over Ohio lasts 4.7 days. Conventions as in
scripts/skyfield-passes.py (UT1 = UTC, events refined by bisection to 0.1 ms).
"""
import json
import os
from datetime import datetime, timedelta, timezone

from skyfield.api import EarthSatellite, load, wgs84

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_FILE = os.path.join(ROOT, 'test', 'fixtures', 'orbit', 'skyfield-long-passes.json')

WINDOW_START = datetime(2026, 7, 21, tzinfo=timezone.utc)
WINDOW_DAYS = 7
# Events are searched this far beyond both window edges; a pass without a rise
# or a set there is recorded with null for it (above the mask all along).
MARGIN_DAYS = 10
MASK_DEG = 10.0
TT_MINUS_UTC = 32.184 + 37
EPOCH = 26202.5  # 2026-07-21 12:00 UTC

SITE = ('Ohio 1', 40.10, -83.11, 270)

# name, catalog number, inclination, RAAN, eccentricity, argument of perigee, mean anomaly, revs/day
ORBITS = [
    ('MOLNIYA TEST', 90001, 63.4, 200.0, 0.72, 270.0, 0.0, 2.00561),
    ('GEO TEST', 90002, 0.05, 90.0, 0.0002, 0.0, 309.3, 1.00273791),
    ('DRIFT TEST', 90003, 0.1, 90.0, 0.0005, 0.0, 206.0, 1.08),
]


def checksum(line):
    return str(sum(int(c) if c.isdigit() else (1 if c == '-' else 0) for c in line) % 10)


def tle(number, inclination, raan, eccentricity, perigee, anomaly, motion):
    line1 = '1 %05dU 26900A   %014.8f  .00000000  00000+0  00000+0 0  999' % (number, EPOCH)
    line2 = '2 %05d %8.4f %8.4f %07d %8.4f %8.4f %11.8f    1' % (
        number, inclination, raan, round(eccentricity * 1e7), perigee, anomaly, motion)
    return line1 + checksum(line1), line2 + checksum(line2)


def iso(seconds):
    moment = WINDOW_START + timedelta(seconds=round(seconds, 3))
    return moment.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z'


def main():
    ts = load.timescale(builtin=True, delta_t=TT_MINUS_UTC)
    site_name, lat, lon, alt = SITE
    site = wgs84.latlon(lat, lon, elevation_m=alt)

    def at(seconds):
        return ts.utc(2026, 7, 21, 0, 0, seconds)

    satellites, passes = [], []
    for name, number, *elements in ORBITS:
        line1, line2 = tle(number, *elements)
        satellites.append({'name': name, 'line1': line1, 'line2': line2})
        satellite = EarthSatellite(line1, line2, name, ts)

        def altitude(seconds):
            return (satellite - site).at(at(seconds)).altaz()[0].degrees

        def refine(seconds, rising):
            width = 1.0
            while (altitude(seconds - width) >= MASK_DEG) == rising or (altitude(seconds + width) >= MASK_DEG) != rising:
                width *= 2
                assert width < 4000, 'event not bracketed near %.3f s' % seconds
            lo, hi = seconds - width, seconds + width
            while hi - lo > 1e-4:
                mid = (lo + hi) / 2
                if (altitude(mid) >= MASK_DEG) == rising:
                    hi = mid
                else:
                    lo = mid
            return (lo + hi) / 2

        first, last = -MARGIN_DAYS * 86400, (WINDOW_DAYS + MARGIN_DAYS) * 86400
        reference = at(0)
        times, events = satellite.find_events(site, at(first), at(last), altitude_degrees=MASK_DEG)
        seconds = [(t - reference.tt) * 86400.0 for t in times.tt]
        # Walk the events; a pass open at the search start has no rise.
        rise = None if altitude(first) < MASK_DEG else 'before'
        culminations = []
        found = []
        for s, event in zip(seconds, events):
            if event == 0:
                rise, culminations = refine(s, True), []
            elif event == 1 and rise is not None:
                culminations.append([iso(s), round(altitude(s), 5)])
            elif event == 2 and rise is not None:
                found.append((rise, refine(s, False), culminations))
                rise = None
        if rise is not None:
            found.append((rise, 'after', culminations))
        window_end = WINDOW_DAYS * 86400
        rows = []
        for r, s, peaks in found:
            if s != 'after' and s < 0 or r != 'before' and r > window_end:
                continue
            rows.append({
                'rise': None if r == 'before' else iso(r),
                'set': None if s == 'after' else iso(s),
                # Each culmination skyfield reports: [time, elevation in degrees].
                'culminations': peaks,
            })
        passes.append({'satellite': name, 'site': site_name, 'passes': rows})

    end = WINDOW_START + timedelta(days=WINDOW_DAYS)
    out = {
        'generator': 'scripts/skyfield-long-passes.py (skyfield EarthSatellite.find_events,'
                     ' rise and set refined by bisection to 0.1 ms; UT1 = UTC)',
        'window': {'start': iso(0), 'end': end.strftime('%Y-%m-%dT%H:%M:%S.000Z'), 'marginDays': MARGIN_DAYS},
        'elevationMaskDeg': MASK_DEG,
        'satellites': satellites,
        'sites': [{'name': site_name, 'latitudeDeg': lat, 'longitudeDeg': lon, 'altitudeMeters': alt}],
        'passes': passes,
    }
    with open(OUT_FILE, 'w') as f:
        f.write(json.dumps(out, indent=1) + '\n')
    print('wrote %d passes to %s' % (sum(len(p['passes']) for p in passes), OUT_FILE))


if __name__ == '__main__':
    main()

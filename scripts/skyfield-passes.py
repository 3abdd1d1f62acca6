#!/usr/bin/python3
"""Write test/fixtures/orbit/skyfield-passes.json: every pass of the bundled
TLEs over a few ground stations, as computed by skyfield, for the orbit tests.

Run with the system interpreter (Debian python3-skyfield, offline):
    /usr/bin/python3 scripts/skyfield-passes.py

UT1 is pinned to UTC (constant delta T = TT - UTC) because that is the frame
convention of src/orbit (GMST from UTC); skyfield's builtin extrapolation
puts UT1 - UTC at ~0.4 s in 2026, which would shift times by a few tens of ms.

find_events stops at a half-second bracket (and is sometimes seconds off), so
each rise and set is refined here by bisection on skyfield's own altitude to
0.1 ms.
"""
import json
import os
from datetime import datetime, timedelta, timezone

from skyfield.api import EarthSatellite, load, wgs84

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A copy of data/tle/public-broadcast-2026-07-21.tle, pinned for the tests.
TLE_FILE = os.path.join(ROOT, 'test', 'fixtures', 'orbit', 'public-broadcast-2026-07-21.tle')
OUT_FILE = os.path.join(ROOT, 'test', 'fixtures', 'orbit', 'skyfield-passes.json')

WINDOW_START = datetime(2026, 7, 21, tzinfo=timezone.utc)
WINDOW_DAYS = 7
# Passes are searched this far beyond both window edges, so that every pass
# overlapping the window is recorded with its true rise and set.
MARGIN_SECONDS = 7200
MASK_DEG = 10.0
TT_MINUS_UTC = 32.184 + 37  # seconds; TAI - UTC is 37 s since 2017

SITES = [  # SEMANTICS section 4
    ('Ohio 1', 40.10, -83.11, 270),
    ('Alaska 1', 64.84, -147.72, 150),
    ('Punta Arenas 1', -53.16, -70.91, 30),
    ('Singapore 1', 1.35, 103.82, 20),
]


def read_tles(path):
    with open(path) as f:
        lines = [line.rstrip('\n') for line in f if line.strip()]
    return [tuple(lines[i:i + 3]) for i in range(0, len(lines), 3)]


def iso(seconds):
    moment = WINDOW_START + timedelta(seconds=round(seconds, 3))
    return moment.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3] + 'Z'


def refine(ts, satellite, site, seconds, rising):
    """Bisect each event (seconds after WINDOW_START) to 0.1 ms.

    find_events can be several seconds off when its search intervals differ
    in length, so each bracket is widened until it holds the crossing.
    """
    def above(s):
        t = ts.utc(2026, 7, 21, 0, 0, s)
        return (satellite - site).at(t).altaz()[0].degrees >= MASK_DEG

    refined = []
    for s in seconds:
        width = 1.0
        while above(s - width) == rising or above(s + width) != rising:
            width *= 2
            assert width < 300, 'event not bracketed near %.3f s' % s
        lo, hi = s - width, s + width
        while hi - lo > 1e-4:
            mid = (lo + hi) / 2
            if above(mid) == rising:
                hi = mid
            else:
                lo = mid
        refined.append((lo + hi) / 2)
    return refined


def passes_for(ts, satellite, site):
    reference = ts.utc(2026, 7, 21)
    t0 = ts.utc(2026, 7, 21, 0, 0, -MARGIN_SECONDS)
    t1 = ts.utc(2026, 7, 21, 0, 0, WINDOW_DAYS * 86400 + MARGIN_SECONDS)
    times, events = satellite.find_events(site, t0, t1, altitude_degrees=MASK_DEG)
    seconds = [(t - reference.tt) * 86400.0 for t in times.tt]
    pairs, rise = [], None
    for s, event in zip(seconds, events):
        if event == 0:
            rise = s
        elif event == 2 and rise is not None:  # a set without a rise is clipped
            pairs.append((rise, s))
            rise = None
    rises = refine(ts, satellite, site, [p[0] for p in pairs], True)
    sets = refine(ts, satellite, site, [p[1] for p in pairs], False)
    return [[iso(r), iso(s)] for r, s in zip(rises, sets)]


def main():
    ts = load.timescale(builtin=True, delta_t=TT_MINUS_UTC)
    tles = read_tles(TLE_FILE)
    results = []
    for name, line1, line2 in tles:
        satellite = EarthSatellite(line1, line2, name, ts)
        for site_name, lat, lon, alt in SITES:
            site = wgs84.latlon(lat, lon, elevation_m=alt)
            results.append((name, site_name, passes_for(ts, satellite, site)))

    end = WINDOW_START + timedelta(days=WINDOW_DAYS)
    header = {
        'generator': 'scripts/skyfield-passes.py (skyfield EarthSatellite.find_events,'
                     ' refined by bisection to 0.1 ms; UT1 = UTC)',
        'window': {'start': iso(0), 'end': end.strftime('%Y-%m-%dT%H:%M:%S.000Z'),
                   'marginSeconds': MARGIN_SECONDS},
        'elevationMaskDeg': MASK_DEG,
        'satellites': [{'name': n, 'line1': l1, 'line2': l2} for n, l1, l2 in tles],
        'sites': [{'name': n, 'latitudeDeg': la, 'longitudeDeg': lo, 'altitudeMeters': al}
                  for n, la, lo, al in SITES],
    }
    # One pass per line: compact, and diffs stay readable.
    out = ['{']
    for key, value in header.items():
        out.append('  %s: %s,' % (json.dumps(key), json.dumps(value)))
    out.append('  "passes": [')
    for i, (name, site_name, pairs) in enumerate(results):
        out.append('    {"satellite": %s, "site": %s, "riseSet": [' % (json.dumps(name), json.dumps(site_name)))
        out.append(',\n'.join('      %s' % json.dumps(p) for p in pairs))
        out.append('    ]}' + (',' if i < len(results) - 1 else ''))
    out.append('  ]')
    out.append('}')
    os.makedirs(os.path.dirname(OUT_FILE), exist_ok=True)
    with open(OUT_FILE, 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('wrote %d passes to %s' % (sum(len(r[2]) for r in results), OUT_FILE))


if __name__ == '__main__':
    main()

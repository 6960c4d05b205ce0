"""Builds network/data/europe_map.json, the country outlines behind the partner directory's map.

Source: Natural Earth (public domain, https://www.naturalearthdata.com/) as packaged in the npm
package ``world-atlas`` (TopoJSON, ISC licence, https://github.com/topojson/world-atlas). The
generated file is committed; node_modules is not. To rebuild::

    cd /tmp && npm install world-atlas@2.0.2
    .venv/bin/python -m network.tools.build_europe_map /tmp/node_modules/world-atlas/countries-50m.json

The projection is Lambert azimuthal equal-area centred on 10° E 52° N (the centre of the EU's
ETRS89-LAEA grid), so areas are comparable across the continent. It is ``network.map.laea``,
which projects the markers with the parameters written into the file. Shared borders are
simplified once, as arcs, so neighbouring countries keep meeting exactly.
"""

import argparse
import json
import math
import sys
from pathlib import Path

from django_countries.data import ALT_CODES

from network.map import laea, to_svg

OUTPUT = Path(__file__).resolve().parent.parent / "data" / "europe_map.json"

LON0, LAT0 = 10.0, 52.0
# Countries whose bounding box meets this window are drawn (and then cut to the frame).
WINDOW = (-32.0, 28.0, 60.0, 78.0)  # lon min, lat min, lon max, lat max
# The frame: points that must be inside it (Iceland, Portugal, Crete, Cyprus, the North Cape,
# the Volga at 45° E), with a margin around them.
ANCHORS = [(-24.6, 63.3), (-9.6, 36.9), (24.0, 34.8), (34.6, 34.6), (25.8, 71.3), (45.0, 49.0), (45.0, 61.0)]
MARGIN = 0.03
WIDTH = 1000
TOLERANCE = 0.6  # simplification, in output units
MIN_AREA = 4.0  # rings smaller than this (output units squared) are dropped


def frame():
    points = [laea(lon, lat, LON0, LAT0) for lon, lat in ANCHORS]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x_min, x_max, y_min, y_max = min(xs), max(xs), min(ys), max(ys)
    pad_x, pad_y = (x_max - x_min) * MARGIN, (y_max - y_min) * MARGIN
    x_min, x_max, y_min, y_max = x_min - pad_x, x_max + pad_x, y_min - pad_y, y_max + pad_y
    scale = WIDTH / (x_max - x_min)
    return {
        "projection": "laea",
        "lon0": LON0,
        "lat0": LAT0,
        "x_min": round(x_min, 8),
        "y_max": round(y_max, 8),
        "scale": round(scale, 6),
        "width": WIDTH,
        "height": round((y_max - y_min) * scale),
    }


def decode_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def simplify(points, tolerance):
    """Douglas–Peucker, iterative; keeps both ends so arcs still join."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = math.hypot(px - ax, py - ay)
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring_points(indexes, arcs):
    ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def clip(ring, x_min, y_min, x_max, y_max):
    """Sutherland–Hodgman against the frame. Concave rings come out with zero-width edges
    along the frame, which is harmless for a filled shape drawn inside a slightly smaller view."""
    edges = [
        (lambda p: p[0] >= x_min, lambda a, b: _at_x(a, b, x_min)),
        (lambda p: p[0] <= x_max, lambda a, b: _at_x(a, b, x_max)),
        (lambda p: p[1] >= y_min, lambda a, b: _at_y(a, b, y_min)),
        (lambda p: p[1] <= y_max, lambda a, b: _at_y(a, b, y_max)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        result = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        ring = result
    return ring


def _at_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def area(ring):
    return (
        abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2
    )


def path_data(rings):
    """Absolute start, then relative moves between points rounded to whole units, so rounding
    errors never add up along a ring."""
    parts = []
    for ring in rings:
        rounded = [(round(x), round(y)) for x, y in ring]
        deduped = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if deduped[0] == deduped[-1]:
            deduped.pop()
        if len(deduped) < 3:
            continue
        (x, y), moves = deduped[0], []
        for px, py in deduped[1:]:
            moves.append(f"{px - x} {py - y}")
            x, y = px, py
        parts.append(f"M{deduped[0][0]} {deduped[0][1]}l" + " ".join(moves) + "z")
    # "l" then negative numbers still needs the separating space; SVG accepts "1-2" for "1 -2".
    return "".join(parts).replace(" -", "-")


def build(topology):
    params = frame()
    alpha2 = {numeric: code for code, (_alpha3, numeric) in ALT_CODES.items()}
    arcs = decode_arcs(topology)
    lon_min, lat_min, lon_max, lat_max = WINDOW
    chosen = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = polygons_of(geometry)
        used = {index if index >= 0 else ~index for polygon in polygons for ring in polygon for index in ring}
        points = [p for index in used for p in arcs[index]]
        if not points:
            continue
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        if max(lons) < lon_min or min(lons) > lon_max or max(lats) < lat_min or min(lats) > lat_max:
            continue
        chosen.append((geometry, polygons, used))
    needed = set().union(*(used for _g, _p, used in chosen))
    projected = {
        index: simplify([to_svg(lon, lat, params) for lon, lat in arcs[index]], TOLERANCE) for index in needed
    }
    # Cut a little outside the view so the cut edges never show.
    bounds = (-5, -5, params["width"] + 5, params["height"] + 5)
    countries = []
    for geometry, polygons, _used in chosen:
        rings = []
        for polygon in polygons:
            for ring_indexes in polygon:
                ring = clip(ring_points(ring_indexes, projected), *bounds)
                if len(ring) >= 3 and area(ring) >= MIN_AREA:
                    rings.append(ring)
        d = path_data(rings)
        if d:
            code = alpha2.get(int(geometry["id"])) if str(geometry.get("id", "")).isdigit() else None
            countries.append({"code": code or "", "d": d})
    countries.sort(key=lambda c: c["code"])
    return {
        "source": "Natural Earth (public domain) via the npm package world-atlas (ISC); "
        "built by network/tools/build_europe_map.py",
        **params,
        "countries": countries,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "topojson", type=Path, help="countries-50m.json or countries-110m.json from world-atlas"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build(json.loads(args.topojson.read_text(encoding="utf-8")))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['countries'])} countries, {len(text) // 1024} KB", file=sys.stderr)


if __name__ == "__main__":
    main()

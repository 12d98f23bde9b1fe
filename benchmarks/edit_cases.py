"""Single-edit generators for ``benchmarks.edits``: each turns a real article into edited copies by a general rule.

Every generator finds its sites in the article text by a rule (regular expressions, spaCy entities and parts of
speech), never by a hand-picked sentence, so the benchmark measures the checker on text it was never tuned to.
Each :class:`Edit` records the exact character span of the new words in the edited text (and of the old words in
the original), because detection is judged by evidence offsets overlapping that span.

Generators take ``(art, k, rng)`` and return at most ``k`` edits; ``art`` is an :class:`Article` (the text plus
its spaCy parse, computed once). Sites in the title line are skipped: titles are not body claims.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Edit:
    """One edit of one article; ``start:end`` is the new text in ``text``, ``orig_start:orig_end`` the old text."""

    type: str
    old: str
    new: str
    text: str
    start: int
    end: int
    orig_start: int
    orig_end: int


@dataclass
class Article:
    """An article's text and the parse the entity- and POS-based generators need (parsed once per article)."""

    name: str
    text: str
    doc: Any = None
    body_start: int = 0
    _tok_at: dict[int, Any] = field(default_factory=dict)
    kept: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.body_start = self.text.find("\n") + 1 if "\n" in self.text else 0
        if self.doc is not None:
            self._tok_at = {t.idx: t for t in self.doc}
        # What the loader keeps as the article (site chrome, bylines such as "X contributed to this story" and
        # disclaimers are stripped before any comparison: an edit there is no edit of the article).
        from factcheck.load import build_article

        _, blocks = build_article(self.name, "", self.text, kind="text")
        self.kept = sorted((b.start, b.end) for b in blocks if b.kind != "title")

    def in_kept(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.kept)

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation: a rewrite there would change the quoted words themselves."""
        if not hasattr(self, "_quotes"):
            # A quotation ends at its closing mark, or at the paragraph's end when it runs on unclosed.
            self._quotes = [(m.start(), m.end())
                            for m in re.finditer(r"[“\"][^“”\"\n]*(?:[”\"]|$)|(?<!')''(?:(?!'')[^\n])*(?:''|$)",
                                                 self.text, re.MULTILINE)]
        return any(s <= pos < e for s, e in self._quotes)

    def token_at(self, char: int) -> Any:
        """The spaCy token starting at ``char`` (None without a parse or off a token boundary)."""
        return self._tok_at.get(char)

    def ents(self, *labels: str) -> list[Any]:
        if self.doc is None:
            return []
        return [e for e in self.doc.ents if e.label_ in labels and e.start_char >= self.body_start]


def replace(kind: str, text: str, start: int, end: int, new: str) -> Edit:
    """Replace ``text[start:end]`` by ``new`` and record both spans."""
    return Edit(kind, text[start:end], new, text[:start] + new + text[end:], start, start + len(new), start, end)


def _pick(cands: list[Any], k: int, rng: random.Random) -> list[Any]:
    """Up to ``k`` sites, drawn with the seeded rng and returned in text order, so runs are reproducible."""
    if len(cands) <= k:
        return cands
    idx = sorted(rng.sample(range(len(cands)), k))
    return [cands[i] for i in idx]


def _nonoverlap(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    last = -1
    for s, e, n in sorted(spans):
        if s >= last:
            out.append((s, e, n))
            last = e
    return out


# ---------------------------------------------------------------------------------------------------------------
# Word lists (fixed, so edits are reproducible)

STATES = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
          "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
          "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
          "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
          "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
          "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin",
          "Wyoming"]
COUNTRIES = ["Afghanistan", "Argentina", "Australia", "Brazil", "Burma", "Canada", "Chile", "China", "Colombia",
             "Cuba", "Egypt", "France", "Germany", "Greece", "India", "Indonesia", "Iran", "Iraq", "Ireland",
             "Israel", "Italy", "Japan", "Jordan", "Kenya", "Libya", "Mexico", "Nigeria", "North Korea", "Norway",
             "Pakistan", "Peru", "Poland", "Russia", "Saudi Arabia", "South Africa", "South Korea", "Spain",
             "Sweden", "Syria", "Turkey", "Ukraine", "Venezuela", "Vietnam", "Yemen", "Britain", "Mongolia"]
CITIES = ["Anchorage", "Boise", "Honolulu", "Tulsa", "Omaha", "Spokane", "Fresno", "Tucson", "Duluth", "Savannah",
          "Reykjavik", "Nairobi", "Lima", "Oslo", "Manila", "Hanoi", "Perth", "Lisbon"]
_FAR_CITY = CITIES
FIRST = ["Harriet", "Desmond", "Lorena", "Tobias", "Marisol", "Everett", "Ingrid", "Cornelius", "Priya", "Thaddeus"]
LAST = ["Okonkwo", "Vasquez-Lind", "Thorburn", "Kallistrat", "Abernathy", "Quillen", "Mbeki-Shaw", "Fairweather",
        "Lindqvist", "Ransome"]
ORG_GROUPS = [
    ["FBI", "CIA", "NSA", "Pentagon", "State Department", "Justice Department", "Treasury Department",
     "Department of Homeland Security", "Department of Justice", "Department of Defense", "Department of State",
     "Federal Reserve", "Environmental Protection Agency", "EPA", "IRS", "Secret Service"],
    ["CNN", "Fox News", "MSNBC", "NBC", "ABC", "CBS", "NPR", "The New York Times", "New York Times",
     "The Washington Post", "Washington Post", "Politico", "Breitbart", "Associated Press", "Reuters",
     "USA Today", "The Wall Street Journal", "Wall Street Journal", "Bloomberg", "The Huffington Post",
     "BuzzFeed", "ABC News", "CBS News", "NBC News"],
    ["Democratic National Committee", "Republican National Committee", "DNC", "RNC", "Clinton Foundation",
     "NRA", "ACLU", "Planned Parenthood", "Heritage Foundation", "Chamber of Commerce", "AFL-CIO",
     "Black Lives Matter", "NAACP"],
    ["Apple", "Google", "Facebook", "Twitter", "Microsoft", "Amazon", "Wells Fargo", "Goldman Sachs", "Exxon",
     "Ford", "General Motors", "Boeing", "Walmart", "Trump Organization", "Trump University", "Comcast"],
    ["Senate", "House", "Supreme Court", "Congress", "White House"],
    ["Harvard", "Yale", "Stanford", "Princeton", "Quinnipiac University", "Monmouth University",
     "Marist College", "Gallup", "Pew Research Center", "Harvard University", "Georgetown University"],
]
TITLES = {
    "Sen.": "Rep.", "Rep.": "Sen.", "Gov.": "Sen.", "Sens.": "Reps.", "Reps.": "Sens.", "Senator": "Governor",
    "Governor": "Mayor", "Mayor": "Governor", "Congressman": "Senator", "Congresswoman": "Senator",
    "Secretary of State": "Secretary of Defense", "Attorney General": "Solicitor General",
    "Deputy Attorney General": "Solicitor General", "Vice President": "Secretary of State", "Judge": "Mayor",
    "Gen.": "Adm.", "Speaker": "Senator", "Lt. Gov.": "Attorney General", "Chief Justice": "Attorney General",
    "Ambassador": "Senator", "Dr.": "Sen.", "Sheriff": "Mayor", "Commissioner": "Mayor",
    "senator": "governor", "governor": "mayor", "mayor": "governor", "congressman": "senator",
    "congresswoman": "senator", "secretary of state": "secretary of defense", "attorney general": "solicitor general",
    "deputy attorney general": "solicitor general", "spokesman": "lawyer", "spokeswoman": "lawyer",
    "chairman": "treasurer", "chairwoman": "treasurer", "director": "treasurer", "adviser": "lawyer",
    "professor": "student", "ambassador": "senator", "judge": "mayor", "sheriff": "mayor", "president": "treasurer",
    "campaign manager": "pollster", "pollster": "campaign manager", "press secretary": "chief of staff",
    "chief of staff": "press secretary",
}
KIN = {"son": "brother", "daughter": "sister", "wife": "sister", "husband": "brother", "brother": "son",
       "sister": "daughter", "father": "uncle", "mother": "aunt", "uncle": "father", "aunt": "mother",
       "grandson": "nephew", "granddaughter": "niece", "nephew": "grandson", "niece": "granddaughter",
       "cousin": "brother", "sons": "brothers", "daughters": "sisters", "parents": "grandparents",
       "children": "grandchildren", "grandchildren": "children", "grandparents": "parents"}
STATE_ABBR = ["Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
              "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
              "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Va.", "Vt.",
              "Wash.", "Wis.", "W.Va.", "Wyo.", "Texas", "Ohio", "Iowa", "Utah", "Idaho", "Maine", "Alaska",
              "Hawaii"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "thirty", "forty", "fifty", "hundred"]
_NW_NEXT = {w: NUMBER_WORDS[(i + 1) % len(NUMBER_WORDS)] for i, w in enumerate(NUMBER_WORDS)}
_NW_NEXT["one"] = "three"  # "one" -> "two" is often idiomatic ("one of"); three keeps it a clear count
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec."]
ANTONYMS_BASE = {
    "rose": "fell", "won": "lost", "approved": "rejected", "supports": "opposes", "support": "oppose",
    "supported": "opposed", "supporting": "opposing", "increased": "decreased", "increase": "decrease",
    "accepted": "rejected", "raised": "lowered", "gained": "lost", "wins": "loses", "win": "lose",
    "agreed": "refused", "praised": "criticized", "allowed": "banned", "likely": "unlikely", "legal": "illegal",
    "higher": "lower", "strong": "weak", "stronger": "weaker", "ahead": "behind", "rising": "falling",
    "grew": "shrank", "confirmed": "denied", "admitted": "denied", "passed": "failed", "endorsed": "denounced",
    "expanded": "reduced", "true": "false", "increases": "decreases", "approve": "reject", "accept": "reject",
    "popular": "unpopular", "successful": "unsuccessful", "possible": "impossible", "fair": "unfair",
    "best": "worst", "better": "worse", "good": "bad", "positive": "negative", "guilty": "innocent",
}
ANTONYMS = {**ANTONYMS_BASE, **{v: k for k, v in ANTONYMS_BASE.items() if v not in ANTONYMS_BASE}}
QUOTE_NOUNS = ["weather", "furniture", "bicycle", "orchestra", "volcano", "sandwich", "glacier", "lighthouse"]
QUOTE_ADJS = ["purple", "wooden", "tropical", "frozen", "noisy", "ancient", "salty", "velvet"]
SYNONYMS = {"said": "stated", "says": "states", "buy": "purchase", "bought": "purchased", "began": "started",
            "begin": "start", "nearly": "almost", "big": "large", "because of": "due to", "in order to": "to",
            "roughly": "approximately", "quickly": "rapidly", "help": "aid", "shows": "indicates"}
_STOP = {"the", "that", "this", "with", "have", "from", "they", "what", "about", "there", "their", "would", "could",
         "should", "which", "those", "these", "been", "were", "will", "just", "more", "than", "when", "where",
         "because", "going", "really", "think", "people", "very", "want", "know", "being"}


def _other(options: list[str], old: str, rng: random.Random) -> str:
    """A different option than ``old`` (compared case-insensitively)."""
    pool = [o for o in options if o.lower() != old.lower() and old.lower() not in o.lower()
            and o.lower() not in old.lower()]
    return rng.choice(pool)


def _bump(value: float) -> float:
    """A clearly different number of the same magnitude (x1.5, small counts +3), so no rounding can merge them."""
    if value != int(value):
        return value + 1.0
    n = int(value)
    if n <= 4:
        return n + 3
    new = (n * 3 + 1) // 2
    return new if new != n else n + 1


def _fmt(value: float, like: str) -> str:
    if value != int(value):
        decimals = len(like.split(".")[1]) if "." in like else 1
        return f"{value:.{decimals}f}"
    return f"{int(value):,}" if "," in like else str(int(value))


def _match_case(new: str, old: str) -> str:
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _in_body(art: Article, pos: int) -> bool:
    return pos >= art.body_start and art.in_kept(pos)


def _regex_sites(art: Article, kind: str, pattern: re.Pattern[str], make: Callable[[re.Match[str]], Any],
                 k: int, rng: random.Random) -> list[Edit]:
    """Edits from every body match of ``pattern``; ``make`` returns ``(start, end, new)`` or None to skip."""
    cands = []
    for m in pattern.finditer(art.text):
        if not _in_body(art, m.start()):
            continue
        got = make(m)
        if got is not None:
            cands.append(got)
    return [replace(kind, art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


# ---------------------------------------------------------------------------------------------------------------
# Numbers

_DIGITS = re.compile(r"(?<![\d$.,:/#-])(\d{1,3}(?:,\d{3})+|\d+)(?![\d%]|\.\d|,\d|-| ?percent| to \d| and \d)"
                     r"(?= ([a-z][a-z-]+))")
_SKIP_AFTER = {"to", "and", "or", "percent", "of", "a", "p", "am", "pm", "th", "st", "nd", "rd", "in", "on", "at",
               "for", "points"}


def number_digits(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A count followed by a lowercase word ("300 residents"), not a year, money, percent, range or date."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        s = m.group(1)
        n = int(s.replace(",", ""))
        before = art.text[max(0, m.start() - 12):m.start()]
        if m.group(2) in _SKIP_AFTER or (1900 <= n <= 2030 and "," not in s) or any(mo in before for mo in MONTHS):
            return None
        return m.start(1), m.end(1), _fmt(_bump(n), s)
    return _regex_sites(art, "number_digits", _DIGITS, make, k, rng)


_NUMWORD = re.compile(r"(?<![-\w])(" + "|".join(NUMBER_WORDS) + r")\b (?=([a-z]+))", re.IGNORECASE)


def number_words(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A number word followed by a noun ("seven states"), so the edit is a count, not "one of" or "one day"."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        tok = art.token_at(m.end())
        if tok is None or tok.pos_ != "NOUN" or m.group(2) in {"of", "time", "day", "another", "other"}:
            return None
        old = m.group(1)
        if old.lower() == "one":
            return None
        return m.start(1), m.end(1), _match_case(_NW_NEXT[old.lower()], old)
    return _regex_sites(art, "number_words", _NUMWORD, make, k, rng)


_MONEY = re.compile(r"\$(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: ?(million|billion|trillion))?\b")


def money(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"$600" -> "$900", "$5 million" -> "$8 million": the amount changes, the unit stays."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        s = m.group(1)
        return m.start(1), m.end(1), _fmt(_bump(float(s.replace(",", ""))), s)
    return _regex_sites(art, "money", _MONEY, make, k, rng)


_AGE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z'-]+)+, (\d{2}),")


def age(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """An age in apposition ("Name, 41,") -> three years older."""
    return _regex_sites(art, "age", _AGE, lambda m: (m.start(1), m.end(1), str(int(m.group(1)) + 3)), k, rng)


_YEAR = re.compile(r"\b(?:in|since|by|from|until|of|before|after) ((?:19|20)\d\d)\b(?![-–]\d)")


def year(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"in 2008" -> 2010 (two years earlier when that would pass the articles' 2016)."""
    def make(m: re.Match[str]) -> tuple[int, int, str]:
        y = int(m.group(1))
        return m.start(1), m.end(1), str(y + 2 if y + 2 <= 2016 else y - 2)
    return _regex_sites(art, "year", _YEAR, make, k, rng)


_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=%| percent\b)")


def percent(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"20%" / "20 percent" -> 35 (15 points away, down when near 100)."""
    def make(m: re.Match[str]) -> tuple[int, int, str]:
        s = m.group(1)
        v = float(s)
        nv = v + 15 if v <= 80 else v - 15
        return m.start(1), m.end(1), _fmt(nv if "." in s else int(nv), s)
    return _regex_sites(art, "percent", _PERCENT, make, k, rng)


_RANGE = re.compile(r"(?<![\d$.,])(\d{1,3})( to |-|–| and )(\d{1,3})(?![\d,.]\d)")


def range_(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"30 to 50" -> "60 to 80": both ends move by the same step (the width of the range, at least 30)."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        a, b = int(m.group(1)), int(m.group(3))
        if b <= a or (m.group(2) == " and " and "between" not in art.text[max(0, m.start() - 9):m.start()]):
            return None
        if m.group(2) == "-" and re.match(r"\s*(vote|margin|decision)", art.text[m.end():m.end() + 10]):
            return None
        step = max(30, b - a) if a >= 10 else b - a + 2
        return m.start(), m.end(), f"{a + step}{m.group(2)}{b + step}"
    return _regex_sites(art, "range", _RANGE, make, k, rng)


# ---------------------------------------------------------------------------------------------------------------
# Dates

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")


def weekday(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Tuesday -> Thursday: two days on."""
    return _regex_sites(art, "weekday", _WEEKDAY,
                        lambda m: (m.start(), m.end(), WEEKDAYS[(WEEKDAYS.index(m.group(1)) + 2) % 7]), k, rng)


_DATE = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in MONTHS) + r") (\d{1,2})\b(?!,\d|\d)")


def date(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"December 2" / "Dec. 2" -> another day of the same month (five days on, or seven back late in a month)."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        d = int(m.group(1))
        if not 1 <= d <= 31:
            return None
        return m.start(1), m.end(1), str(d + 5 if d <= 23 else d - 7)
    return _regex_sites(art, "date", _DATE, make, k, rng)


# ---------------------------------------------------------------------------------------------------------------
# Entities


def _place_for(old: str, rng: random.Random) -> str:
    """A far-away place of the same kind: state -> state, country -> country, anything else -> city."""
    if old in STATES:
        return _other(STATES, old, rng)
    if old in COUNTRIES or old in {"United States", "America", "the United States"}:
        return _other(COUNTRIES, old, rng)
    return _other(_FAR_CITY, old, rng)


def _good_gpe(e: Any) -> bool:
    """A place name worth changing: capitalised, no abbreviation, and a real place (spaCy calls some surnames GPE,
    "Nervo wrote": changing those is a speaker edit, not a place edit)."""
    from factcheck.places import is_place

    t = e.text
    return t[:1].isupper() and "." not in t and "\n" not in t and len(t) > 2 and not t.isupper() \
        and not t.endswith("'s") and is_place(t)


def place(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A GPE entity (not an abbreviation like "U.S.") -> a far-away place of the same kind."""
    cands = [(e.start_char, e.end_char, _place_for(e.text, rng)) for e in art.ents("GPE") if _good_gpe(e)]
    return [replace("place", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


def place_in_list(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """One place of a list "X and Y" / "X, Y and Z" of GPE entities."""
    gpes = [e for e in art.ents("GPE") if _good_gpe(e)]
    members: set[int] = set()
    for a, b in zip(gpes, gpes[1:], strict=False):
        if art.text[a.end_char:b.start_char] in {" and ", ", ", ", and ", " or ", ", or "}:
            members.update({id(a), id(b)})
    cands = [(e.start_char, e.end_char, _place_for(e.text, rng)) for e in gpes if id(e) in members]
    return [replace("place_in_list", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


def _full_names(art: Article) -> list[Any]:
    return [e for e in art.ents("PERSON") if len(e.text.split()) >= 2 and "\n" not in e.text
            and all(w[:1].isupper() for w in e.text.split()) and not e.text.endswith(("'s", "’s"))]


def person(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A PERSON full name mentioned once (in full and by surname) -> an invented full name."""
    cands = []
    for e in _full_names(art):
        last = e.text.split()[-1]
        if art.text.count(e.text) == 1 and len(re.findall(rf"\b{re.escape(last)}\b", art.text)) == 1:
            cands.append((e.start_char, e.end_char, f"{rng.choice(FIRST)} {rng.choice(LAST)}"))
    return [replace("person", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


def organisation(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """An ORG of a known kind (agency, outlet, party body, company, chamber, pollster) -> another of that kind."""
    cands = []
    for e in art.ents("ORG"):
        t = e.text[4:] if e.text.startswith("the ") else e.text
        off = e.start_char + (len(e.text) - len(t))
        for group in ORG_GROUPS:
            if t in group:
                cands.append((off, e.end_char, _other(group, t, rng)))
                break
        else:
            if re.fullmatch(r"[A-Z][a-z]+ (University|College)", t):
                cands.append((off, e.end_char, _other(ORG_GROUPS[5], t, rng)))
    return [replace("organisation", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


_TITLE_CAP = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted((t for t in TITLES if t[0].isupper()),
                                                                          key=len, reverse=True))
                        + r") (?=[A-Z][a-z]+)")
_TITLE_APPOS = re.compile(r", (?:the |a |an |his |her |)(?:former |deputy |then-|senior |longtime |)?("
                          + "|".join(re.escape(t) for t in sorted((t for t in TITLES if t[0].islower()),
                                                                  key=len, reverse=True)) + r")\b")


def title(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A title before a name ("Sen. X") or in an apposition (", the governor of") -> another office."""
    cands = []
    for pat in (_TITLE_CAP, _TITLE_APPOS):
        for m in pat.finditer(art.text):
            if _in_body(art, m.start()) and not (pat is _TITLE_CAP and m.start() == 0):
                if pat is _TITLE_CAP and m.group(1) == "President" and art.text[m.end():].startswith("Obama") \
                        and rng.random() < 0.5:
                    continue  # keep "President Obama" from flooding the sites
                cands.append((m.start(1), m.end(1), TITLES[m.group(1)]))
    return [replace("title", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


_KIN = re.compile(r"\b(?:his|her|their|my|our|whose) (" + "|".join(KIN) + r")\b")


def kinship(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"his son" -> "his brother", "her wife" -> "her sister": the relation changes, the person stays."""
    return _regex_sites(art, "kinship", _KIN, lambda m: (m.start(1), m.end(1), KIN[m.group(1)]), k, rng)


_PARTY_OF = re.compile(r"\b(?:Republican|Democrat) (?:from|of) (" + "|".join(re.escape(s) for s in STATES) + r")\b")
_PARTY_ABBR = re.compile(r"\b[RD]-(" + "|".join(re.escape(s) for s in sorted(STATE_ABBR, key=len, reverse=True))
                         + r")")
_PARTY_LABEL = re.compile(r"\b(Republican|Democratic|Democrat)(?= (?:Sen\.|Rep\.|Gov\.|senator|congressman|"
                          r"congresswoman|candidate|nominee|presidential nominee|presidential candidate|lawmaker|"
                          r"governor|leader|leaders|lawmakers|senators|strategist|operative|[A-Z][a-z]+ [A-Z][a-z]+))")


def party_state(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"Republican of New York" -> "of New Jersey", "R-N.Y." -> "R-N.J.", or a party label Democrat <-> Republican."""
    cands = []
    for m in _PARTY_OF.finditer(art.text):
        cands.append((m.start(1), m.end(1), _other(STATES, m.group(1), rng)))
    for m in _PARTY_ABBR.finditer(art.text):
        cands.append((m.start(1), m.end(1), _other(STATE_ABBR, m.group(1), rng)))
    swap = {"Republican": "Democratic", "Democratic": "Republican", "Democrat": "Republican"}
    for m in _PARTY_LABEL.finditer(art.text):
        cands.append((m.start(1), m.end(1), swap[m.group(1)]))
    cands = [c for c in cands if c[0] >= art.body_start]
    return [replace("party_state", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


# ---------------------------------------------------------------------------------------------------------------
# Polarity

_AUX = re.compile(r"\b(is|was|will|would|can|could|did|has|had|are|were|does|should)( not)? (?=([a-z]+))")


def negation(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Insert "not" after an auxiliary followed by a verb or adjective, or remove an existing "not"."""
    cands = []
    for m in _AUX.finditer(art.text):
        if not _in_body(art, m.start()):
            continue
        if m.group(2):  # remove " not": the edited span is the auxiliary and the next word, now adjacent
            nxt = m.end() + len(m.group(3))
            cands.append((m.start(1), nxt, m.group(1) + " " + m.group(3)))
            continue
        tok = art.token_at(m.end())
        if tok is not None and tok.pos_ in {"VERB", "ADJ"} and tok.text not in {"been", "being"}:
            cands.append((m.end(1), m.end(1), " not"))
    out = []
    for s, e, n in _pick(_nonoverlap(cands), k, rng):
        ed = replace("negation", art.text, s, e, n)
        if n == " not":  # record just the word "not"
            ed = Edit("negation", "", "not", ed.text, s + 1, s + 4, s, s)
        out.append(ed)
    return out


_ANT = re.compile(r"\b(" + "|".join(sorted(ANTONYMS, key=len, reverse=True)) + r")\b")


def antonym(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A verb or adjective -> its opposite from a small fixed list (rose/fell, won/lost, supports/opposes ...)."""
    def make(m: re.Match[str]) -> tuple[int, int, str] | None:
        tok = art.token_at(m.start())
        if art.doc is not None and (tok is None or tok.pos_ not in {"VERB", "ADJ", "ADV"}):
            return None
        return m.start(), m.end(), ANTONYMS[m.group(1)]
    return _regex_sites(art, "antonym", _ANT, make, k, rng)


# ---------------------------------------------------------------------------------------------------------------
# Quotations

_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?:[ -][A-Z][a-z'-]+)*(?! [A-Z]\.)"
_VERBS = r"(?:said|says|told|added|wrote|explained|asked|continued)"
_SPEAKER_AFTER = re.compile(rf"[,?!.][”\"] ({_NAME}) {_VERBS}\b")
_SPEAKER_SAID = re.compile(rf"[,?!.][”\"] {_VERBS} ({_NAME})\b")
_PRONOUNS = {"He", "She", "They", "It", "We", "I", "You", "The", "This", "That", "But", "And", "Mr", "Mrs", "Ms"}


def speaker(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """The named speaker right after a quotation -> another person of the article, or an invented one."""
    persons = sorted({e.text for e in _full_names(art)})
    cands = []
    for pat in (_SPEAKER_AFTER, _SPEAKER_SAID):
        for m in pat.finditer(art.text):
            old = m.group(1)
            if not _in_body(art, m.start()) or old.split()[0] in _PRONOUNS:
                continue
            if re.match(r"\. [A-Z]", art.text[m.end(1):m.end(1) + 3]):
                continue  # "said Rep. Jim Clyburn": "Rep" is a title, not the speaker's name
            if re.match(r"(?: [a-z][\w-]*){1,3} [A-Z][a-z]", art.text[m.end(1):m.end(1) + 60]):
                continue  # "said Judicial Watch president Tom Fitton": the name qualifies the speaker's role
            others = [p for p in persons if p.split()[-1] not in old and old.split()[-1] not in p]
            if others:
                new = rng.choice(others)
                new = new if len(old.split()) > 1 else new.split()[-1]
            else:
                new = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if len(old.split()) > 1 else rng.choice(LAST)
            cands.append((m.start(1), m.end(1), new))
    return [replace("speaker", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


_QUOTE = re.compile(r"[“\"]([^“”\"\n]*)[”\"]")  # pairs in order, so a closing mark never opens one


def quote_word(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """One content noun or adjective inside a quotation -> an unrelated word of the same part of speech."""
    cands = []
    for m in _QUOTE.finditer(art.text):
        if not _in_body(art, m.start()) or len(m.group(1)) < 25:
            continue
        words = []
        for w in re.finditer(r"\b[a-z]{5,}\b", m.group(1)):
            pos = m.start(1) + w.start()
            tok = art.token_at(pos)
            if w.group() in _STOP or tok is None or tok.pos_ not in {"NOUN", "ADJ"} or tok.text != w.group():
                continue
            words.append((pos, pos + len(w.group()), tok.pos_))
        if words:
            s, e, pos_ = rng.choice(words)
            pool = QUOTE_NOUNS if pos_ == "NOUN" else QUOTE_ADJS
            cands.append((s, e, _other(pool, art.text[s:e], rng)))
    return [replace("quote_word", art.text, s, e, n) for s, e, n in _pick(_nonoverlap(cands), k, rng)]


# ---------------------------------------------------------------------------------------------------------------
# Structure

_SENT_SPLIT = re.compile(r"(?<=[a-z0-9)][.!?])(?:[”\"’])?\s+(?=[A-Z“\"])|(?<=[a-z0-9)][.!?][”\"])\s+(?=[A-Z“\"])")


def paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """Body paragraph spans (blank-line separated), without their surrounding white space."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        if m.start() >= body_start and m.group().strip():
            out.append((m.start(), m.end()))
    return out


_ABBR = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Jr|Sr|No|Sept|[A-Z])\.[”\"’]?$")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (a simple rule: end punctuation, space, capital)."""
    spans, cur = [], start
    for m in _SENT_SPLIT.finditer(text, start, end):
        if _ABBR.search(text, max(start, m.start() - 6), m.start()):
            continue  # "Mr. Obama": an abbreviation, not a sentence end
        spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _is_story_para(text: str, s: int, e: int) -> bool:
    """Long enough to carry facts, and not a section label like "FULL TEXT." or "ABSTRACT."."""
    return e - s >= 80 and not text[s:e].isupper()


def drop_paragraph(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Remove one whole paragraph (with the blank line after it)."""
    paras = [(s, e) for s, e in paragraphs(art.text, art.body_start) if _is_story_para(art.text, s, e)]
    out = []
    for s, e in _pick(paras[1:], k, rng):  # keep the lead paragraph
        cut_end = e
        while cut_end < len(art.text) and art.text[cut_end] == "\n":
            cut_end += 1
        new = art.text[:s] + art.text[cut_end:]
        out.append(Edit("drop_paragraph", art.text[s:e], "", new, s, s, s, e))
    return out


def drop_sentence(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Remove one sentence from a paragraph of several sentences."""
    cands = []
    for ps, pe in paragraphs(art.text, art.body_start):
        sents = sentences(art.text, ps, pe)
        if len(sents) >= 2:
            cands.extend(s for s in sents if s[1] - s[0] >= 40)
    out = []
    for s, e in _pick(cands, k, rng):
        cut_end = e
        while cut_end < len(art.text) and art.text[cut_end] == " ":
            cut_end += 1
        if cut_end == e and s > 0 and art.text[s - 1] == " ":
            s2 = s - 1  # last sentence of its paragraph: drop the space before it instead
            out.append(Edit("drop_sentence", art.text[s:e], "", art.text[:s2] + art.text[e:], s2, s2, s, e))
        else:
            out.append(Edit("drop_sentence", art.text[s:e], "", art.text[:s] + art.text[cut_end:], s, s, s, e))
    return out


_ADD_TEMPLATES = [
    "Police closed two roads near the venue in {place} on Monday.",
    "{person} is expected to travel to {place} next week to meet local officials.",
    "About 40 protesters gathered outside a hotel in {place} on Wednesday evening.",
    "A spokesman for {person} declined to comment on the matter on Friday.",
    "Officials in {place} said the city would spend $3 million on extra security.",
]


def add_sentence(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Insert one invented factual sentence, as its own paragraph, built from the article's own names."""
    places = sorted({e.text for e in art.ents("GPE") if _good_gpe(e)}) or ["Des Moines"]
    people = sorted({e.text for e in _full_names(art)}) or [f"{FIRST[0]} {LAST[0]}"]
    paras = [(s, e) for s, e in paragraphs(art.text, art.body_start) if _is_story_para(art.text, s, e)]
    out = []
    for i, (s, _e) in enumerate(_pick(paras[1:], k, rng)):
        sent = _ADD_TEMPLATES[(i + rng.randrange(len(_ADD_TEMPLATES))) % len(_ADD_TEMPLATES)].format(
            place=rng.choice(places), person=rng.choice(people))
        new = art.text[:s] + sent + "\n\n" + art.text[s:]
        out.append(Edit("add_sentence", "", sent, new, s, s + len(sent), s, s))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Meaning-preserving rewrites (must stay silent)

_SYN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b|"
                  r"\b(about)(?= \$?\d)")


def _synonym_sites(art: Article) -> list[tuple[int, int, str]]:
    out = []
    for m in _SYN.finditer(art.text):
        if not _in_body(art, m.start()) or art.in_quote(m.start()):
            continue
        if m.group(2):
            out.append((m.start(2), m.end(2), "around"))
        else:
            w = m.group(1)
            if w == "help":
                tok = art.token_at(m.start())
                if tok is None or tok.pos_ != "VERB":
                    continue
            out.append((m.start(1), m.end(1), SYNONYMS[w]))
    return out


def rewrite_synonym(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A safe lowercase swap: "said" -> "stated", "about 40" -> "around 40", "buy" -> "purchase" ..."""
    return [replace("rewrite_synonym", art.text, s, e, n) for s, e, n in _pick(_synonym_sites(art), k, rng)]


_LEAD_WORDS = {"the", "a", "an", "his", "her", "their", "it", "he", "she", "they", "this", "that", "there", "we",
               "i", "its", "our", "some", "many", "most", "no", "all"}
_REORDER = re.compile(r"^((?:He|She|They|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})) said (?:that )?([^\"“”]+?)\.$")


def _reorder_sites(art: Article) -> list[tuple[int, int, str]]:
    out = []
    for ps, pe in paragraphs(art.text, art.body_start):
        for s, e in sentences(art.text, ps, pe):
            m = _REORDER.match(art.text[s:e])
            if not m:
                continue
            who, what = m.group(1), m.group(2)
            first = what.split()[0]
            if len(what.split()) < 4 or not (first[:1].isupper() or first.lower() in _LEAD_WORDS):
                continue
            if first.lower() in _LEAD_WORDS and first != "I":
                what = what[:1].upper() + what[1:]
            who = who.lower() if who in {"He", "She", "They"} else who
            out.append((s, e, f"{what}, {who} said."))
    return out


def rewrite_reorder(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """"X said Y." -> "Y, X said." for simple sentences (no quotation marks)."""
    return [replace("rewrite_reorder", art.text, s, e, n) for s, e, n in _pick(_reorder_sites(art), k, rng)]


def _reflow_sites(art: Article, rng: random.Random) -> list[tuple[int, int, str]]:
    out = []
    for ps, pe in paragraphs(art.text, art.body_start):
        sents = sentences(art.text, ps, pe)
        for (_s1, e1), (s2, _e2) in zip(sents, sents[1:], strict=False):
            if art.text[e1:s2] == " ":
                out.append((e1, s2, rng.choice(["\n", "  "])))
    return out


def rewrite_reflow(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """Re-wrap white space between sentences of a paragraph: a newline inside the paragraph, or a double space."""
    return [replace("rewrite_reflow", art.text, s, e, n) for s, e, n in _pick(_reflow_sites(art, rng), k, rng)]


def _short_name_sites(art: Article) -> list[tuple[int, int, str]]:
    out = []
    seen: set[str] = set()
    for e in _full_names(art):
        possessive = art.text[e.end_char:e.end_char + 2].startswith(("'", "’"))
        if e.text in seen and not art.in_quote(e.start_char) and not possessive:
            out.append((e.start_char, e.end_char, e.text.split()[-1]))
        seen.add(e.text)
    return out


def rewrite_short_name(art: Article, k: int, rng: random.Random) -> list[Edit]:
    """A later full mention "Marco Rubio" -> "Rubio" (never the first mention)."""
    return [replace("rewrite_short_name", art.text, s, e, n) for s, e, n in _pick(_short_name_sites(art), k, rng)]


def reword(art: Article, kinds: Iterable[str], rng: random.Random, rate: float = 0.5) -> str:
    """An untouched copy reworded all over by a mix of rewrites: each site kept with probability ``rate``."""
    sites: list[tuple[int, int, str]] = []
    for kind in kinds:
        if kind == "rewrite_synonym":
            sites += _synonym_sites(art)
        elif kind == "rewrite_reorder":
            sites += _reorder_sites(art)
        elif kind == "rewrite_reflow":
            sites += _reflow_sites(art, rng)
        elif kind == "rewrite_short_name":
            sites += _short_name_sites(art)
    chosen = [s for s in sites if rng.random() < rate]
    text = art.text
    for s, e, n in reversed(_nonoverlap(chosen)):
        text = text[:s] + n + text[e:]
    return text


# ---------------------------------------------------------------------------------------------------------------
# Registry

Generator = Callable[[Article, int, random.Random], list[Edit]]
GENERATORS: dict[str, Generator] = {
    "number_digits": number_digits, "number_words": number_words, "money": money, "age": age, "year": year,
    "percent": percent, "range": range_, "weekday": weekday, "date": date, "place": place,
    "place_in_list": place_in_list, "person": person, "organisation": organisation, "title": title,
    "kinship": kinship, "party_state": party_state, "negation": negation, "antonym": antonym, "speaker": speaker,
    "quote_word": quote_word, "drop_paragraph": drop_paragraph, "drop_sentence": drop_sentence,
    "add_sentence": add_sentence, "rewrite_synonym": rewrite_synonym, "rewrite_reorder": rewrite_reorder,
    "rewrite_reflow": rewrite_reflow, "rewrite_short_name": rewrite_short_name,
}
REWRITES = ("rewrite_synonym", "rewrite_reorder", "rewrite_reflow", "rewrite_short_name")
# The three reworded copies of the five-source setting: each a different mix of the rewrites.
MIXES: tuple[tuple[str, ...], ...] = (("rewrite_synonym", "rewrite_reorder"), ("rewrite_reflow", "rewrite_short_name"),
                                      REWRITES)
_NUM = ("number_conflict",)
EXPECTED: dict[str, frozenset[str]] = {
    **{t: frozenset(_NUM) for t in ("number_digits", "number_words", "money", "age", "percent")},
    "range": frozenset({"number_conflict", "date_conflict"}),  # "Nov. 6 to 10" is a range of days
    "year": frozenset({"number_conflict", "date_conflict"}),
    "weekday": frozenset({"date_conflict"}), "date": frozenset({"date_conflict"}),
    **{t: frozenset({"entity_conflict"}) for t in ("place", "place_in_list", "kinship", "party_state")},
    # A person, an organisation or a title that does the act ("White House officials portray ..." / "Supreme Court
    # officials portray ...", "a judge sentenced" / "a mayor sentenced"): who does it is the right finding too.
    **{t: frozenset({"entity_conflict", "attribution_conflict"}) for t in ("person", "organisation", "title")},
    "negation": frozenset({"contradiction"}), "antonym": frozenset({"contradiction"}),
    "speaker": frozenset({"attribution_conflict"}), "quote_word": frozenset({"quote_divergence"}),
    "drop_paragraph": frozenset({"omission", "unique_claim"}), "drop_sentence": frozenset({"omission", "unique_claim"}),
    "add_sentence": frozenset({"unique_claim"}),
    **{t: frozenset() for t in REWRITES},
}


def changed_words(old: str, new: str) -> Counter[str]:
    """Words of ``new`` not in ``old`` (a multiset), for reports."""
    return Counter(new.split()) - Counter(old.split())

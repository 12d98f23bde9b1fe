"""Roles compared: two titles for one person that cannot both be right ("envoy" / "aide", "Interior Minister" /
"Defence Minister"), read from the title lists in ``factcheck/data/``. Used by the word diff (``difference``) and
by the entity check, so it sits below both."""

from __future__ import annotations

import re

from factcheck.lexicon import word_classes, word_set, words
from factcheck.tokenize import letter_words


def _role_classes() -> dict[str, str]:
    """Title words that name the same role, each mapped to its class (``factcheck/data/role_synonyms.txt``)."""
    return word_classes("role_synonyms")


def _title_words(role: str) -> list[str]:
    titles = words("titles")
    classes = _role_classes()
    toks = []
    for t in letter_words(role.lower()):
        t = t if (t in titles or t in classes or not t.endswith("s")) else t[:-1]
        toks.append(t if (t in titles or t in classes) else "")
    # A title word right before another one modifies it (chief negotiator, deputy director): keep the head.
    return [classes.get(t, t) for i, t in enumerate(toks) if t and not (i + 1 < len(toks) and toks[i + 1])]


def _compound(role: str) -> tuple[str, ...]:
    """The role's own title: its last run of title words in order, each by its class, without descriptive ones
    ("chief negotiator" has none; "the deputy attorney general" is ``(deputy, attorney, general)``)."""
    titles, classes, functional = words("titles"), _role_classes(), words("functional_roles")
    runs: list[list[str]] = [[]]
    for t in re.findall(r"[a-z-]+", role.lower()):
        t = t if (t in titles or t in classes or not t.endswith("s")) else t[:-1]
        if t in titles or t in classes:
            runs[-1].append(t)
        elif runs[-1]:
            runs.append([])
    # The last run of title words is the role's own title ("President Donald Trump's special envoy" -> envoy).
    head = next((r for r in reversed(runs) if r), [])
    return tuple(classes.get(t, t) for t in head if t not in functional and t not in ("chief", "head", "leader"))


def _qualifiers(role: str, title: str) -> set[str]:
    """Office words right before the title word ("Interior" in "Interior Minister") or after it ("State" in
    "Secretary of State")."""
    toks = [t.lower() for t in letter_words(role)]
    classes, portfolios = _role_classes(), words("portfolios")
    out = set()
    for i, t in enumerate(toks):
        base = t[:-1] if t.endswith("s") and classes.get(t[:-1], t[:-1]) == title else t
        if classes.get(base, base) != title:
            continue
        if i > 0 and toks[i - 1] in portfolios:
            out.add(toks[i - 1])
        # "Secretary of State" / "Secretary of Defense": the office named after the title.
        if i + 2 < len(toks) and toks[i + 1] == "of":
            k = i + 2 + (toks[i + 2] == "the")
            if k < len(toks) and (toks[k] in portfolios or toks[k] in word_set("office_nouns")):
                out.add(toks[k])
    return out


def roles_conflict(a: str, b: str) -> bool:
    """Two roles for one person that cannot both be right: no title word in common (envoy / aide), or the same
    title for a different office (Interior Minister / Defence Minister). Nationality or institution words
    (Russian aide / Kremlin Assistant) and ranks (top, senior) are descriptions, not different offices."""
    functional = words("functional_roles")
    ta = [t for t in _title_words(a) if t not in functional]
    tb = [t for t in _title_words(b) if t not in functional]
    if not ta or not tb:
        return False
    if not set(ta) & set(tb):
        return True
    ca, cb = _compound(a), _compound(b)
    if ca and cb and ca != cb:
        return True  # "deputy attorney general" / "solicitor general", "Vice President" / "President"
    for title in set(ta) & set(tb):
        qa, qb = _qualifiers(a, title), _qualifiers(b, title)
        if qa and qb and not qa & qb:
            return True
    return False

"""Which language a text appears to be in (scripts, stop words, letters with marks): the pipeline is English, and
an article in another language is named and left out of comparison."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.models import LoadedArticle

_NON_ENGLISH_HINT = re.compile(r"\b(?:the|and|of|to|in|is|that|was|for|on|with|said)\b", re.IGNORECASE)

ENGLISH = "English"

# Letters of a script: (first, last) code point ranges. Latin is everything below U+0250 plus Latin Extended Additional.
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("Latin", ((0x0041, 0x024F), (0x1E00, 0x1EFF))),
    ("Greek", ((0x0370, 0x03FF), (0x1F00, 0x1FFF))),
    ("Cyrillic", ((0x0400, 0x052F),)),
    ("Armenian", ((0x0530, 0x058F),)),
    ("Hebrew", ((0x0590, 0x05FF),)),
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Devanagari", ((0x0900, 0x097F),)),
    ("Bengali", ((0x0980, 0x09FF),)),
    ("Tamil", ((0x0B80, 0x0BFF),)),
    ("Thai", ((0x0E00, 0x0E7F),)),
    ("Georgian", ((0x10A0, 0x10FF),)),
    ("Hangul", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("Kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF))),
    ("Han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))),
)
_SCRIPT_LANGUAGE = {"Greek": "Greek", "Armenian": "Armenian", "Hebrew": "Hebrew", "Arabic": "Arabic",
                    "Devanagari": "Hindi", "Bengali": "Bengali", "Tamil": "Tamil", "Thai": "Thai",
                    "Georgian": "Georgian", "Hangul": "Korean", "Kana": "Japanese", "Han": "Chinese"}

# Frequent function words of news prose. Words shared by several languages count for each; the others decide.
_STOP_WORDS = {
    ENGLISH: "the and of to in is that was for on with said he it as at by from his her have has had were been are "
             "this which who will would an but not they their after about",
    "French": "le la les des du de et est une un dans pour qui que sur pas au aux avec il elle ont été cette ce sont "
              "par plus mais ses leur selon ne",
    "German": "der die das und ist nicht ein eine einen dem den des mit von zu auf sich für im auch wurde wird nach "
              "bei sind hat haben dass aus werden einem einer noch sagte",
    "Spanish": "el la los las de del y que en un una es por con para se su sus al lo como más pero fue han este esta "
               "según dijo sobre también",
    "Italian": "il lo la gli le di del della che e è un una per con non sono ha nel nella dei delle alla anche più "
               "ma come stato dopo secondo",
    "Portuguese": "o a os as de do da dos das e que em um uma para com não no na por se mais foi ao seu sua como mas "
                  "também disse são",
    "Dutch": "de het een en van is dat op te in niet met voor zijn er aan ook werd door bij naar om heeft hij ze "
             "maar nog wordt deze als",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
# Letters that mark a Latin-script language with no stop-word profile here.
_LATIN_MARKS = (("Polish", "łąęśżźćń"), ("Czech", "řěů"), ("Turkish", "ğşı"), ("Romanian", "șțăş"),
                ("Vietnamese", "ơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỵỷỹđ"), ("Hungarian", "őű"),
                ("Scandinavian", "åøæ"))
_MIN_LETTERS = 12  # fewer letters than this: nothing to tell, take the text as English
_MIN_WORDS = 12  # Latin-script text shorter than this (a headline) is taken as English


def _script_of(ch: str) -> str | None:
    code = ord(ch)
    for name, ranges in _SCRIPTS:
        for first, last in ranges:
            if first <= code <= last:
                return name
    return None


def _cyrillic_language(text: str) -> str:
    letters = set(text.lower())
    if letters & set("іїєґ"):
        return "Ukrainian"
    if letters & set("ў"):
        return "Belarusian"
    if letters & set("ђћљњџјѓќѕ"):
        return "Serbian or Macedonian"
    if letters & set("ыэё"):
        return "Russian"
    if "ъ" in letters:
        return "Bulgarian"
    return "a Cyrillic-script language (Russian?)"


def _latin_language(text: str) -> str:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < _MIN_WORDS:
        return ENGLISH
    scores = {lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _STOP_SETS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    english = scores[ENGLISH]
    if best != ENGLISH and scores[best] >= 0.12 and english < 0.6 * scores[best]:
        return best
    if english >= 0.05:
        return ENGLISH
    # Hardly any English function words, and no profile fits: a mark letter may still name the language.
    lower = text.lower()
    marked = max(_LATIN_MARKS, key=lambda m: sum(lower.count(ch) for ch in m[1]))
    if sum(lower.count(ch) for ch in marked[1]) >= 3:
        return marked[0] if marked[0] != "Scandinavian" else "a Scandinavian language"
    if scores[best] >= 0.08 and best != ENGLISH:
        return best
    if max(v for lang, v in scores.items() if lang != ENGLISH) < 0.02:
        # No other language's words either (terse, headline-like text: "Mayor Jane Ortiz lost power affecting 1,200
        # people last week."): nothing says it is another language, so it is read as the pipeline's own (the
        # warnings still say when a text does not look English).
        return ENGLISH
    return "a Latin-script language other than English"


@lru_cache(maxsize=4096)  # a batch asks once per article and again per story
def guess_language(text: str) -> str:
    """The language ``text`` appears to be in, offline: its script, and for Latin script its function words.

    Returns ``"English"`` (:data:`ENGLISH`) when the text reads as English or is too short to tell (a headline),
    else a name such as ``"Russian"``, ``"German"`` or ``"Chinese"`` (a description when no name fits, such as
    ``"a Latin-script language other than English"``).
    """
    sample = text[:20000]
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            script = _script_of(ch) or "other"
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if total < _MIN_LETTERS:
        return ENGLISH
    if counts.get("Kana", 0) >= 0.05 * total:
        return "Japanese"
    script = max(counts, key=lambda s: counts[s])
    if counts[script] < 0.5 * total and script != "Latin":
        script = "Latin" if counts.get("Latin", 0) >= 0.3 * total else script
    if script == "Latin":
        return _latin_language(sample)
    if script == "Cyrillic":
        return _cyrillic_language(sample)
    if script == "other":
        return "a language in a script other than Latin"
    return _SCRIPT_LANGUAGE[script]


def article_language(item: LoadedArticle) -> str:
    """The language a loaded article's kept text appears to be in (see :func:`guess_language`)."""
    return guess_language(" ".join(b.text for b in item.blocks))


def _language_warnings(text: str) -> tuple[str, ...]:
    language = guess_language(text)
    if language != ENGLISH:
        return (f"the text appears to be in {language}; the embedding model and extractors are English-only",)
    words = re.findall(r"\w+", text[:20000])
    if len(words) < 30:
        return ()
    english = len(_NON_ENGLISH_HINT.findall(text[:20000]))
    if english / len(words) < 0.04:
        return ("the text does not look English; the embedding model and extractors are English-only, so alignment "
                "and findings for it are unreliable",)
    return ()

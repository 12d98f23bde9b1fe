"""Articles in another language: guessed offline, named in a note, left out of the comparison; an audit with no
English article at all is refused with one line (exit 2)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from factcheck.load import ENGLISH, guess_language
from tests.clirun import run_cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_3a9e80a2e789515b.txt"

ENGLISH_NEWS = (
    "Storm Hits Coast Town\n"
    "The storm hit the coastal town on Monday, officials said, leaving about 200 homes without power overnight. "
    "The mayor said schools would stay closed until Friday while crews cleared fallen trees from the main roads. "
    "Forecasters have warned that a second band of heavy rain could reach the region by the weekend."
)
RUSSIAN_NEWS = (
    "Шторм обрушился на прибрежный город\n"
    "В понедельник шторм обрушился на прибрежный город, сообщили местные власти. Около двухсот домов остались без "
    "электричества на всю ночь. Мэр города заявил, что школы будут закрыты до пятницы, пока ремонтные бригады "
    "расчищают дороги от упавших деревьев. Синоптики предупреждают, что к выходным в регион может прийти новая "
    "волна сильных дождей."
)
RUSSIAN_NEWS_B = (
    "Переговоры в Москве завершились без прорыва\n"
    "Специальный посланник США провёл во вторник пятичасовую встречу с президентом России в Кремле. По словам "
    "помощника президента, стороны обсудили возможные условия мирного урегулирования, однако компромисса по "
    "территориальному вопросу пока не найдено. Следующий раунд консультаций может состояться уже в декабре."
)
GERMAN_NEWS = (
    "Sturm trifft Küstenstadt\n"
    "Der Sturm hat die Küstenstadt am Montag schwer getroffen, wie die Behörden mitteilten. Rund zweihundert Häuser "
    "waren die ganze Nacht ohne Strom. Der Bürgermeister sagte, die Schulen würden bis Freitag geschlossen bleiben, "
    "während Einsatzkräfte umgestürzte Bäume von den Straßen räumen. Meteorologen warnen, dass am Wochenende eine "
    "weitere Regenfront die Region erreichen könnte."
)
FRENCH_NEWS = (
    "La tempête frappe une ville côtière\n"
    "La tempête a frappé la ville côtière lundi, selon les autorités locales. Environ deux cents maisons ont été "
    "privées d'électricité pendant toute la nuit. Le maire a déclaré que les écoles resteront fermées jusqu'à "
    "vendredi, le temps que les équipes dégagent les arbres tombés sur les routes."
)
SPANISH_NEWS = (
    "Tormenta golpea la costa\n"
    "La tormenta golpeó el pueblo costero el lunes, según las autoridades locales. Unas doscientas casas se quedaron "
    "sin electricidad durante toda la noche. El alcalde dijo que las escuelas permanecerán cerradas hasta el viernes "
    "mientras los equipos retiran los árboles caídos de las carreteras."
)
ITALIAN_NEWS = (
    "La tempesta colpisce la costa\n"
    "La tempesta ha colpito la città costiera lunedì, secondo le autorità locali. Circa duecento case sono rimaste "
    "senza elettricità per tutta la notte. Il sindaco ha detto che le scuole resteranno chiuse fino a venerdì, "
    "mentre le squadre rimuovono gli alberi caduti dalle strade."
)
PORTUGUESE_NEWS = (
    "Tempestade atinge cidade costeira\n"
    "A tempestade atingiu a cidade costeira na segunda-feira, segundo as autoridades locais. Cerca de duzentas casas "
    "ficaram sem energia durante toda a noite. O prefeito disse que as escolas vão permanecer fechadas até "
    "sexta-feira, enquanto as equipes retiram as árvores caídas das estradas."
)
DUTCH_NEWS = (
    "Storm treft kustplaats\n"
    "De storm heeft de kustplaats maandag zwaar getroffen, zo meldden de autoriteiten. Ongeveer tweehonderd huizen "
    "zaten de hele nacht zonder stroom. De burgemeester zei dat de scholen tot vrijdag dicht blijven, terwijl "
    "hulpdiensten omgevallen bomen van de wegen halen."
)
GREEK_NEWS = (
    "Καταιγίδα χτυπά παραθαλάσσια πόλη\n"
    "Η καταιγίδα έπληξε τη παραθαλάσσια πόλη τη Δευτέρα, σύμφωνα με τις τοπικές αρχές. Περίπου διακόσια σπίτια "
    "έμειναν χωρίς ρεύμα όλη τη νύχτα. Ο δήμαρχος δήλωσε ότι τα σχολεία θα παραμείνουν κλειστά έως την Παρασκευή."
)
CHINESE_NEWS = (
    "风暴袭击沿海小镇\n"
    "当地官员表示，周一一场风暴袭击了这座沿海小镇，约两百户家庭整夜断电。镇长说，学校将停课至周五，"
    "工作人员正在清理道路上倒下的树木。气象部门警告说，周末可能还有一轮强降雨。"
)
JAPANESE_NEWS = (
    "嵐が沿岸の町を直撃\n"
    "月曜日、嵐が沿岸の町を直撃し、約二百世帯が一晩中停電したと地元当局が発表した。町長によると、学校は金曜日まで"
    "休校となる見通しだ。"
)
ARABIC_NEWS = (
    "عاصفة تضرب بلدة ساحلية\n"
    "ضربت عاصفة البلدة الساحلية يوم الاثنين، وفقا للسلطات المحلية. وبقي نحو مئتي منزل بلا كهرباء طوال الليل."
)
ENGLISH_QUOTING = (
    "Chancellor Visits Flood Zone\n"
    "The chancellor toured the flooded villages on Tuesday and promised rapid help. \"Wir schaffen das,\" she told "
    "residents, repeating the phrase she has used before. Officials said the damage ran into the hundreds of "
    "millions and that the army would stay in the region for at least another week to help with the clean-up. "
    "Local councils have asked the government for a dedicated reconstruction fund."
)
ENGLISH_HEADLINE = "Fire Destroys Warehouse in Leeds"


@pytest.mark.parametrize(("text", "language"), [
    (ENGLISH_NEWS, ENGLISH),
    (RUSSIAN_NEWS, "Russian"),
    (RUSSIAN_NEWS_B, "Russian"),
    (GERMAN_NEWS, "German"),
    (FRENCH_NEWS, "French"),
    (SPANISH_NEWS, "Spanish"),
    (ITALIAN_NEWS, "Italian"),
    (PORTUGUESE_NEWS, "Portuguese"),
    (DUTCH_NEWS, "Dutch"),
    (GREEK_NEWS, "Greek"),
    (CHINESE_NEWS, "Chinese"),
    (JAPANESE_NEWS, "Japanese"),
    (ARABIC_NEWS, "Arabic"),
    (ENGLISH_QUOTING, ENGLISH),
    (ENGLISH_HEADLINE, ENGLISH),
    (ENGLISH_NEWS + "\n«Мы справимся», — сказал мэр.", ENGLISH),
    ("", ENGLISH),
    ("12 345 — 67", ENGLISH),
    # terse English with hardly a function word, and no other language's words either
    ("Storm Hits Coast Town\nThe storm lost power affecting 1,200 people last week.\nMayor Jane Ortiz lost power "
     "affecting 1,200 people last week.\n", ENGLISH),
], ids=["english", "russian", "russian-b", "german", "french", "spanish", "italian", "portuguese", "dutch", "greek",
        "chinese", "japanese", "arabic", "english-quoting-german", "english-headline", "english-quoting-russian",
        "empty", "digits", "english-terse"])
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


def test_seed_articles_are_english() -> None:
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        assert guess_language(path.read_text(encoding="utf-8")) == ENGLISH, path.name


# --------------------------------------------------------------------------------------------------------------
# through the command


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(["audit", *args, "--no-cache", "--no-markdown"], cwd,
                   env={"FACTCHECK_EMBEDDER": "hashing", "FACTCHECK_DEBUG": None})


def _write(d: Path, name: str, text: str) -> str:
    (d / name).write_text(text, encoding="utf-8")
    return name


def test_no_english_article_exits_2_with_one_line(tmp_path: Path) -> None:
    a = _write(tmp_path, "ru_storm.txt", RUSSIAN_NEWS)
    b = _write(tmp_path, "ru_talks.txt", RUSSIAN_NEWS_B)
    result = run([a, b, "--format", "json"], tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message.startswith("factcheck: error:"), message
    assert "no article in English" in message and "ru_storm.txt" in message and "ru_talks.txt" in message
    assert "Russian" in message
    assert result.stdout == ""


def test_no_english_names_each_language(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", RUSSIAN_NEWS)
    b = _write(tmp_path, "b.txt", GERMAN_NEWS)
    result = run([a, b], tmp_path)
    assert result.returncode == 2
    assert "no article in English to audit: a.txt appears to be in Russian, b.txt in German" in result.stderr


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    d = tmp_path_factory.mktemp("mixed")
    _write(d, SEED.name, SEED.read_text(encoding="utf-8"))
    _write(d, "002_ru.txt", RUSSIAN_NEWS)
    return d, [SEED.name, "002_ru.txt"]


def test_english_and_russian_audits_the_english_one(mixed: tuple[Path, list[str]]) -> None:
    d, args = mixed
    result = run([*args, "--format", "json"], d)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert "stories" not in data  # one story
    notes = "\n".join(data["notes"])
    assert "002_ru: appears to be in Russian; left out of the comparison" in notes
    assert "only one article" in notes
    assert [s["id"] for s in data["sources"]] == [SEED.stem]
    assert all(c["source"] == SEED.stem for c in data["claims"])


@pytest.mark.parametrize("fmt", ["markdown", "rich", "github", "junit"])
def test_note_in_other_formats(mixed: tuple[Path, list[str]], fmt: str) -> None:
    d, args = mixed
    result = run([*args, "--format", fmt], d)
    assert result.returncode in (0, 1), result.stderr
    out = result.stdout.replace("\\_", "_")  # Markdown escapes the underscore
    assert "002_ru" in out and "Russian" in out  # the rich panel may wrap the note's line
    if fmt != "rich":
        assert "002_ru: appears to be in Russian" in " ".join(out.split())

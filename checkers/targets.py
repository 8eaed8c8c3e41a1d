"""Two effect targets that cannot both hold: the same indicator given different
figures by two provisions ("minska med minst 30 procent" in § 3 and "minska med
minst 12 procent" in the appendix), or moved in opposite directions ("minska
energianvändningen med 15 procent" / "framgångsrikt om energianvändningen har
ökat med högst 15 procent"). Pure functions over sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import combinations

from checkers.conflicts import Sentence, Span, _same_things
from checkers.lexicon import Lexicon

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_SHARED_WORDS = 3  # an indicator is named by a few words ("andel bokade resor")
_SHARED_SHARE = 0.5


def target_conflict(
    targets: Sequence[Sentence],
    lex: Lexicon,
    *,
    others: Sequence[Sentence] = (),
    section: Callable[[Span], tuple[str, ...]] = lambda span: (),
) -> tuple[Span, ...]:
    """The first pair of target sentences, in different sections, that speak of
    the same indicator in the same unit with no figure in common. Targets listed
    in one section are sub-targets ("(a) ... 12 per cent", "(b) ... 10 per
    cent"); a background section describes how things are ("har ökat med 35
    procent sedan 2019") and sets no target."""
    measured = [
        (s, figures)
        for s in targets
        if not any(lex.background_section.search(h) for h in section(s.span))
        and (figures := _figures(s.text, lex))
    ]
    for (a, fa), (b, fb) in combinations(measured, 2):
        if section(a.span) == section(b.span):
            continue
        units = fa.keys() & fb.keys()
        opposite = _direction(a.text, lex) * _direction(b.text, lex) < 0
        if not units or (any(fa[u] & fb[u] for u in units) and not opposite):
            continue
        wa, wb = _indicator(a.text, lex), _indicator(b.text, lex)
        shared = wa & wb
        if len(shared) >= _SHARED_WORDS and len(shared) >= _SHARED_SHARE * min(
            len(wa), len(wb)
        ):
            return (a.span, b.span)
    return (
        _negated_target(measured, others, lex, section)
        or _excluded_scope(measured, others, lex)
        or _beyond_ceiling(targets, others, lex)
        or _redefined_target(measured, others, lex)
        or _other_baseline(measured, others, lex)
        or _baseline_in_trial(measured, others, lex)
        or _baseline_disagrees(measured, others, lex)
        or _miscounted(targets, lex)
        or _measured_once(others, lex)
    )


def _measured_once(sentences: Sequence[Sentence], lex: Lexicon) -> tuple[Span, ...]:
    """The effect measured over and over in one provision ("Effekten mäts varje
    termin") and once in another ("Effekten mäts vid ett enda tillfälle, i juni
    2028")."""
    recurring = [
        s
        for s in sentences
        if lex.measuring.search(s.text)
        and (m := lex.recurring.search(s.text))
        and not lex.is_negated(s.text, m.start())
    ]
    if not recurring:
        return ()
    for s in sentences:
        m = lex.once.search(s.text)
        if m and lex.measuring.search(s.text) and not lex.is_negated(s.text, m.start()):
            if all(r.span != s.span for r in recurring):
                return (recurring[0].span, s.span)
    return ()


_SHARE_UNIT = re.compile(r"\s*(%|procent|per ?cent|percent)", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DIGIT = re.compile(r"\d")
# The change a target asks for: "med minst 30 %", "by 20 per cent"
_CHANGE = re.compile(
    r"\b(med|by|with)\s+(\w+\s+){0,2}?(\d+(?:[,.]\d+)?)\s*"
    r"(%|procent|per ?cent|percent)",
    re.IGNORECASE,
)


_LONG_WORD = 9  # one shared word this long names the same thing ("hjärtsvikt")


def _excluded_scope(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A target on something another provision puts outside the project
    ("... återinläggningar bland patienter med hjärtsvikt ska minska med 20
    procent" / "Patienter med hjärtsvikt ingår inte i testgruppen"): what is
    excluded is what the target measures (two of its words, or one long one)."""
    measured_spans = {a.span for a, _ in measured}
    for b in others:
        out = lex.out_of_scope.search(b.text)
        if out is None or b.span in measured_spans:
            continue
        wb = _indicator(b.text, lex)
        for a, _ in measured:
            wa = _indicator(a.text, lex)
            shared = _same_things(wa, wb)  # seven-letter stems
            if len(shared) >= 2 or (
                _long(wa, shared) and _long(wb, _same_things(wb, wa))
            ):
                return (a.span, b.span)
    return ()


def _counts(
    pattern: re.Pattern[str], sentence: str, lex: Lexicon
) -> list[tuple[float, str]]:
    """(number, thing) for every count the pattern finds ("minst 500 hushåll")."""
    out = []
    for match in pattern.finditer(sentence):
        digits = match.group("n")
        if _YEAR.fullmatch(digits) or lex.measure.match(sentence, match.start("n")):
            continue  # a year, or a figure with a unit ("10 per cent", "5 ton")
        try:
            number = float(re.sub(r"[\s.,]", "", digits))
        except ValueError:
            continue
        out.append((number, match.group("thing").casefold()))
    return out


def _beyond_ceiling(
    targets: Sequence[Sentence], others: Sequence[Sentence], lex: Lexicon
) -> tuple[Span, ...]:
    """A target that asks for more of something than another provision allows
    there to be ("minst 500 hushåll ska ansluta sig" / "Testperioden omfattar
    högst 120 hushåll"; "at least 60,000 patients" / "a combined population of
    about 14,000 patients")."""
    for a in targets:
        wanted = _counts(lex.at_least, a.text, lex)
        if not wanted:
            continue
        for b in others:
            if b.span == a.span:
                continue
            for ceiling, thing in _counts(lex.at_most, b.text, lex):
                for number, asked in wanted:
                    same = lex.lemma(thing)[:6] == lex.lemma(asked)[:6]
                    if same and ceiling < number:
                        return (a.span, b.span)
    return ()


def _long(words: set[str], stems: set[str]) -> bool:
    """Whether one of `words` among `stems` is a long word (not "använda" found
    inside "energianvändningen")."""
    return any(len(w) >= _LONG_WORD and w[:7] in stems for w in words)


def _redefined_target(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A clause that counts a target as reached on other figures than the
    target's own ("Effektmålet ska anses uppnått när appen har förskrivits till
    200 patienter", "... om antalet inte har ökat med mer än 5 %"). Restating the
    target's figure ("anses uppnått vid en minskning om minst 30 %") is none."""
    for b in others:
        if not lex.deemed_met.search(b.text) or not _DIGIT.search(b.text):
            continue
        fb = _figures(b.text, lex)
        for a, fa in measured:
            if a.span == b.span:
                continue
            if any(fa[u] & fb.get(u, set()) for u in fa):
                continue
            return (a.span, b.span)
    return ()


def _baseline_years(sentence: str, lex: Lexicon) -> set[str]:
    """The years a sentence names as the baseline: those right after 'jämfört
    med', 'basvärde', 'baseline' ('... jämfört med förbrukningen under 2025')."""
    years: set[str] = set()
    for match in lex.baseline.finditer(sentence):
        for year in _YEAR.finditer(sentence, match.end(), match.end() + 80):
            if lex.deadline.search(
                sentence, max(match.end(), year.start() - 25), year.start()
            ):
                break  # "from the baseline of 71 grams ... by the summer term 2027"
            years.add(year.group(0))
    return years


def _other_baseline(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A target measured against one year, and a baseline clause on the same
    indicator that takes another ("jämfört med ... 2025" / "Som basvärde för
    effektmålet ska användas förbrukningen år 2018")."""
    measured_spans = {a.span for a, _ in measured}
    # the sentences that name a baseline year at all, read once
    baselines = [
        (b, years)
        for b in others
        if lex.baseline.search(b.text) and (years := _baseline_years(b.text, lex))
    ]
    for a, _ in measured:
        years_a = _baseline_years(a.text, lex)
        if not years_a:
            continue
        wa = _indicator(a.text, lex)
        for b, years_b in baselines:
            if b.span == a.span or years_a & years_b:
                continue
            shared = wa & _indicator(b.text, lex)
            # a clause that only sets the baseline ("Som utgångsläge för
            # minskningen används mätningar från läsåret 2023/24") needs less
            # in common than another target with its own figures
            needed = 2 if b.span in measured_spans or _figures(b.text, lex) else 1
            if len(shared) >= needed:
                return (a.span, b.span)
    return ()


def _baseline_in_trial(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A target measured against a year before the project, and a clause that
    takes the comparison from inside the trial: the first weeks after the
    sensors are installed, the first term of the pilot, other sites measured
    in the same year as the trial."""
    before = [a for a, _ in measured if _baseline_years(a.text, lex)]
    if not before:
        return ()
    for b in others:
        if b.span == before[0].span or not lex.after_start.search(b.text):
            continue
        if lex.comparison.search(b.text) or lex.baseline.search(b.text):
            return (before[0].span, b.span)
    return ()


def _unit_at(sentence: str, at: int, lex: Lexicon) -> str | None:
    """The unit of the figure that starts at `at` ("6,1 %" -> "%")."""
    match = lex.measure.match(sentence, at)
    if match is None:
        return None
    unit = match.group(2).lower()
    return "%" if unit in lex.percent_words else unit


def _baseline_disagrees(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A target that starts from one level, and a baseline clause on the same
    indicator that gives another ("fraværet skal falde fra 6,1 % til 5,0 %" /
    "skoleåret 2020/21, hvor fraværet var 9,8 %"), or that is already below the
    level the target shall bring it under ("to below 20%" / "Baseline: ... 18%
    of patients")."""
    for a, _ in measured:
        start: float | None = None
        level: float | None = None
        unit: str | None = None
        ft = lex.from_to.search(a.text)
        below = lex.below.search(a.text)
        stated = _stated_baseline(a.text, lex)
        try:
            if ft is not None:
                unit = _unit_at(a.text, ft.start(1), lex) or _unit_at(
                    a.text, ft.start(2), lex
                )
                start = _number(ft.group(1))
            elif below is not None:
                unit = _unit_at(a.text, below.start(2), lex)
                level = _number(below.group(2))
            elif stated is not None:
                unit = _unit_at(a.text, stated.start(), lex)
                start = _number(stated.group(1))
        except ValueError:
            continue
        if unit is None:
            continue
        wa = _indicator(a.text, lex)
        for b in others:
            # A baseline clause may itself read as a target ("Baseline: ...").
            if b.span == a.span or lex.target_verbs.search(b.text):
                continue
            if not (lex.baseline.search(b.text) or lex.at_start.search(b.text)):
                continue
            values = [float(v) for v in _figures(b.text, lex).get(unit, set())]
            if not values or len(_same_things(wa, _indicator(b.text, lex))) < 2:
                continue
            if start is not None and all(abs(v - start) > 0.01 for v in values):
                return (a.span, b.span)
            if level is not None and all(v <= level for v in values):
                return (a.span, b.span)
    return ()


_BASELINE_FIGURE = 40  # characters from "jämfört med utgångsvärdet" to "412 kronor"


def _stated_baseline(sentence: str, lex: Lexicon) -> re.Match[str] | None:
    """The figure a target names as its baseline ("minska med 30 procent
    jämfört med utgångsvärdet 412 kronor per resa"): the first measure within a
    few words after a baseline word."""
    for match in lex.baseline.finditer(sentence):
        figure = lex.measure.search(
            sentence, match.end(), match.end() + _BASELINE_FIGURE
        )
        if figure is not None:
            return figure
    return None


def _number(text: str) -> float:
    return float(re.sub(r"[\s.,](?=\d{3}\b)", "", text.strip()).replace(",", "."))


def _miscounted(targets: Sequence[Sentence], lex: Lexicon) -> tuple[Span, ...]:
    """A target whose own figures disagree: 'halvera ... från 240 till 180', or
    'minska med 30 % från 200 till 180'. Shares ('från 40 % till 60 %') and
    years ('från 2025 till 2027') are no counts."""
    for s in targets:
        match = lex.from_to.search(s.text)
        if match is None:
            continue
        if _SHARE_UNIT.match(s.text, match.end()):
            continue
        try:
            before, after = _number(match.group(1)), _number(match.group(2))
        except ValueError:
            continue
        if before <= 0 or all(_YEAR.fullmatch(g.strip()) for g in match.groups()):
            continue
        change = abs(before - after) / before * 100
        if lex.halve.search(s.text) and abs(change - 50) > 5:
            return (s.span,)
        # the change asked for in the same breath ("med 30 % från 200 till 140"),
        # not another indicator's ("... och att andelen ... minskar med 30 %")
        asked = [
            float(m.group(3).replace(",", "."))
            for m in _CHANGE.finditer(s.text)
            if m.end() > match.start() - 30 and m.start() < match.end() + 30
        ]
        if asked and all(abs(change - p) > 2 for p in asked):
            return (s.span,)
    return ()


def _negated_target(
    measured: Sequence[tuple[Sentence, dict[str, set[str]]]],
    others: Sequence[Sentence],
    lex: Lexicon,
    section: Callable[[Span], tuple[str, ...]],
) -> tuple[Span, ...]:
    """A target, and another provision that the same indicator shall not change
    that way ("ska minska med 40 procent" / "Under testperioden ska antalet
    tillsynsbesök inte minska"). A guard in the target itself ("utan att
    fallolyckorna ökar") moves the other way and fits "ska inte öka"."""
    for b in others:
        verb = lex.target_verbs.search(b.text)
        if verb is None or not lex.governs(b.text, verb.start(), verb.end()):
            continue
        if not lex.commitment.search(b.text):
            continue  # a description ("has not decreased"), not a provision
        wb = _indicator(b.text, lex)
        denied = lex.lemma(verb.group(0))
        for a, _ in measured:
            if a.span == b.span or section(a.span) == section(b.span):
                continue
            if denied not in _aimed(a.text, lex):
                continue
            wa = _indicator(a.text, lex)
            shared = wa & wb
            if len(shared) >= _SHARED_WORDS and len(shared) >= _SHARED_SHARE * min(
                len(wa), len(wb)
            ):
                return (a.span, b.span)
    return ()


def _direction(sentence: str, lex: Lexicon) -> int:
    """-1 when a target only lowers its indicator, 1 when it only raises it, 0
    when it does both or neither ("minska restiden och öka tiden hos brukaren")."""
    down = any(
        not lex.is_negated(sentence, m.start()) for m in lex.decrease.finditer(sentence)
    )
    up = any(
        not lex.is_negated(sentence, m.start()) for m in lex.increase.finditer(sentence)
    )
    return (1 if up else 0) - (1 if down else 0)


def _aimed(sentence: str, lex: Lexicon) -> set[str]:
    """The lemmas of the changes a target aims at (not those it rules out)."""
    return {
        lex.lemma(m.group(0))
        for m in lex.target_verbs.finditer(sentence)
        if not lex.is_negated(sentence, m.start())
    }


def _figures(sentence: str, lex: Lexicon) -> dict[str, set[str]]:
    """Figures with a unit, by unit ("procent" and "%" are one unit)."""
    out: dict[str, set[str]] = {}
    for match in lex.measure.finditer(sentence):
        value = match.group(1).replace(",", ".")
        unit = match.group(2).lower()
        unit = "%" if unit in lex.percent_words else unit
        out.setdefault(unit, set()).add(value)
    return out


def _indicator(sentence: str, lex: Lexicon) -> set[str]:
    """What the target measures: its content-word lemmas, without the words
    every target uses (minska, minst, procent, effektmål)."""
    words = {
        lex.lemma(w)
        for w in _WORD.findall(sentence.casefold())
        if w not in lex.stop_words
    }
    return {
        w
        for w in words
        if w not in lex.stop_words
        and not any(w.startswith(x) for x in lex.target_stopwords)
    }

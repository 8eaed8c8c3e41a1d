"""Two provisions that settle the same thing incompatibly: results given to
different owners, the same responsibility to different parties. Pure functions
over sentences; no spaCy needed."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from checkers.lexicon import Lexicon
from checkers.parties import party_positions

Span = tuple[int, int]

# "assigns ... the copyright": assigning or transferring is ownership only when
# rights are what passes (not "assigns staff to the project")
_ASSIGNS = (
    r"(assigns?|transfers?)\b(?=[^.]{0,80}\b(rights?|title|intellectual property|"
    r"ip|results|ownership|copyright)\b)"
)
_PASSIVE_OWNER = re.compile(
    r"\b(ägs av|tillfaller|tillhör|tillkommer|övergår till|belong(?:s|ing)? to|"
    r"owned by|"
    r"vest(?:s|ed)?(?: exclusively)? in|shall vest(?: exclusively)? in|"
    r"ejes af|tilhører|"
    r"tilfalder|tilkommer|ligger hos|overgår til|överlåter (\w+\s+){0,8}?till|"
    r"överlåts till|transfers? (\w+\s+){0,8}?to|assigns? (\w+\s+){0,8}?to|"
    r"overdrager (\w+\s+){0,8}?til|i namn av|in the name of|"
    r"(?:assigned|transferred) (?:\w+\s+){0,3}?to|overdrages til)\b",
    re.IGNORECASE,
)
_OWNERSHIP_VERB = re.compile(
    r"\b(äger(?!\s+(\w+\s+)?rätt(en)?\s+att)|ägs|ägas|äga|ägare|äganderätt\w*|"
    r"egendom|förvärvar|tillfaller|tillhör|"
    r"tillkommer|övergår|överlåts|överlåtas|behåller|owns|owned|owner|ownership|"
    r"property|vest(?:s|ed)?|belong(?:s|ing)?|upphovsman|accrue|retains?|acquires?|ejer|ejes|ejendom\w*|"
    r"tilhører|tilfalder|erhverver|inneha|innehar|innehas|innehavare|indehaver|"
    r"eneindehaver|"
    r"förfogar\s+(ensamt?\s+)?över|överlåter|overdrager)\b"
    r"|\b"
    + _ASSIGNS
    + r"|\b(are|is|be) (hereby )?(assigned|transferred) (\w+\s+){0,3}?to\b"
    r"|(?<!its )(?<!their )(?<!'s )(?<!’s )(?<!our )(?<!his )(?<!her )\bown\b",
    re.IGNORECASE,
)
# Owning as a predicate, for statements outside the results clauses: not
# "building owner" or "property" as nouns.
_OWNING = re.compile(
    r"\b(äger(?!\s+(\w+\s+)?rätt(en)?\s+att)|ägs|ägas|tillhör|tillfaller|"
    r"tillkommer|övergår till|överlåter|owns|inneha|innehar|förfogar\s+(ensamt?\s+)?"
    r"över|(will|shall|to|should|must)( not)? own|"
    r"(ska|skall|får|kommer att)\s+(inte\s+|ej\s+)?(äga|inneha)|"
    r"(skal|må)\s+(ikke\s+)?eje|owned by|vests? in|belong(?:s|ing)? to|"
    r"(anses|är|blir) (som )?upphovsman|ejer|ejes af|tilhører|tilfalder|overdrager|"
    r"(blir|bliver|är|er) (ensam |ene)?(innehavare|indehaver)|eneindehaver|"
    r"(are|is|be) (hereby )?(assigned|transferred) to|"
    r"(är|blir|förblir|er|bliver|forbliver|are|is|be|become|becomes|remains?) "
    r"(\w+s |the (\w+ )?)?(egendom|ejendom|property of)|"
    r"(is|are|be|becomes?) (the )?(sole |exclusive |only )?owners? of|"
    r"(är|blir) (ensam |enda )?ägare (till|av)|(er|bliver) (ene)?ejer af|"
    + _ASSIGNS
    + r"|"
    r"(förvärvar|erhåller|acquires?|obtains?|erhverver) (\w+ )?"
    r"(äganderätten|ownership|ejendomsretten))\b",
    re.IGNORECASE,
)
# "All other results" / "Övriga resultat" are what is left, not everything; "maps
# and other results" still lists everything.
_RESIDUAL = re.compile(
    r"(^|\b(all|any|alla|samtliga|alle|samtlige)\s+)(övriga|other|remaining|øvrige|"
    r"resterande|the remaining)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{7,}", re.UNICODE)
_TASK_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_SUBORDINATE = re.compile(
    r"\b(som|att|vilka?|vilket|that|which|who|der|som|at)\b", re.IGNORECASE
)
_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w{3,}\b", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    text: str


# An ownership statement as the detectors compare it: the sentence, its owner
# (a party, '*each' or '*joint...'), what it is about, whether it speaks of the
# results, and whether it stands in the results clauses.
Owned = tuple[Sentence, str, set[str], bool, bool]


def owner(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> str | None:
    """Who a results-ownership sentence gives the results to: a party, '*each' or
    '*joint'; None when it does not say (or speaks of background IP)."""
    # background IP that takes in what is made in the project claims results
    claims_results = lex.any_creator.search(sentence) or lex.project_result.search(
        sentence
    )
    background = lex.background.search(sentence)
    each = lex.each_own.search(sentence)
    if each and background and each.start() < background.start():
        background = None  # "Each party owns its results and keeps its background"
    if _DEFINITION.search(sentence) or (background and not claims_results):
        return None  # background IP, unless it takes in what either party makes
    verb = _OWNERSHIP_VERB.search(sentence)
    if verb is None:
        return None  # a right to use is not ownership
    grant = lex.grants_licence.search(sentence)
    if grant is not None and grant.start() < verb.start():
        return None  # "grants ... a licence to use all Pilot Results owned by X"
    if lex.is_negated(sentence, verb.start()):
        return None  # "the Results do not accrue exclusively to the Municipality"
    if lex.each_own.search(sentence):
        return "*each"
    mentions = party_positions(sentence, parties)
    if lex.joint.search(sentence):
        # "jointly owned by the Executive and the University": those two
        named = sorted({name for _, name in mentions})
        return "*joint:" + "+".join(named) if len(named) >= 2 else "*joint"
    passive = _PASSIVE_OWNER.search(sentence)
    if passive:
        # "a right to use all Results, including those owned by the other
        # Parties": a passive owner that names no party names no owner.
        after = [name for pos, name in mentions if pos >= passive.end()]
        return after[0] if after else None
    return mentions[0][1] if mentions else None


# "all Foreground IP in the co-designed exercise plans": the results in one
# named thing only. "all Results created in the Project" is everything.
_NARROWED = re.compile(
    r"\s*([\w-]+\s+)?(in|i|till|to|of|av|relating to|concerning|rörande|avseende|"
    r"til|af|vedrørende)\s+((the|de|den|det)\s+)?([\w-]+)",
    re.IGNORECASE,
)
_PROJECT_WORD = re.compile(r"(projekt|project|pilot|samarbe|collabor|agreement|avtal)")


def _universal(sentence: str, lex: Lexicon) -> bool:
    """Everything goes to one owner: "all Results", "samtliga resultat", "all
    rights in the Results" - not what is left ("all other results") and not
    the results in one named thing."""
    return _scope(sentence, lex) == "all"


def _scope(sentence: str, lex: Lexicon) -> str | None:
    """'all' for all the results, 'part' for all the results in one named thing
    ("all Foreground IP relating to wound measurement"), else None."""
    match = lex.universal.search(sentence)
    if match is None or _RESIDUAL.search(sentence):
        return None
    tail = sentence[match.end() : match.end() + 50]
    results = lex.results_in_general.search(tail)
    if results is None:
        return "all"
    narrowed = _NARROWED.match(tail, results.end())
    if narrowed is None:
        return "all"
    thing = narrowed.group(5)
    general = lex.results_in_general.match(thing) or _PROJECT_WORD.match(thing.lower())
    return "all" if general else "part"


def ownership_conflict(
    sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
    others: Sequence[Sentence] = (),
    everything: Sequence[Sentence] = (),
) -> tuple[Span, ...]:
    """Two ownership statements give the same results to different owners, or
    the owner of the results is barred from using them. Two statements: one
    of them gives all the results, or both speak of the same things (the
    forecast model, the image symbols) and one of them gives them exclusively.
    `others` are ownership statements outside the results clauses: they count
    only by what they are about."""
    seen = {s.span for s in sentences}
    owned = [
        (s, o, _objects(s.text, parties, lex), _about_results(s.text, lex), True)
        for s in sentences
        if (o := owner(s.text, parties, lex)) is not None
    ] + [
        (s, o, _objects(s.text, parties, lex), _all_results(s.text, lex), False)
        for s in others
        if s.span not in seen and (o := owner(s.text, parties, lex)) is not None
    ]
    pairs = combinations(owned, 2)
    for (a, oa, obj_a, res_a, in_a), (b, ob, obj_b, res_b, in_b) in pairs:
        if not (in_a or in_b) or not _incompatible(oa, ob):
            continue  # two recitals about land are no results clause
        kind_a = _own_kind(a.text, oa, parties, lex)
        kind_b = _own_kind(b.text, ob, parties, lex)
        scope_a = None if oa.startswith("*") else _scope(a.text, lex)
        scope_b = None if ob.startswith("*") else _scope(b.text, lex)
        a_all, b_all = scope_a == "all", scope_b == "all"
        shared = _same_things(obj_a, obj_b)
        sole = bool(lex.sole_owner.search(a.text) or lex.sole_owner.search(b.text))
        sole = sole or "part" in (scope_a, scope_b)
        both_joint = oa.startswith("*joint:") and ob.startswith("*joint:")
        # "each party owns what it makes" and one party given what any party makes
        if (in_a or in_b) and _whoever_made(a.text, oa, b.text, ob, parties, lex):
            return (a.span, b.span)
        if res_a and res_b and (a_all or b_all or both_joint):
            return (a.span, b.span)
        # All results owned jointly, and all of one kind by one party alone.
        if (
            res_a
            and res_b
            and (
                (scope_a == "part" and ob.startswith("*joint"))
                or (scope_b == "part" and oa.startswith("*joint"))
            )
        ):
            return (a.span, b.span)
        if kind_a and kind_b or not (_comparable(a.text) and _comparable(b.text)):
            continue  # "Xencor owns Xencor Inventions", "Aimmune owns Aimmune ..."
        if len(shared) >= 2 or (shared and sole):
            return (a.span, b.span)
        # "Till Bolagets bakgrundsinformation räknas även förbättringar ... som
        # tas fram under projektet" against joint results or another owner
        for (x, ox), (y, oy) in (((a, oa), (b, ob)), ((b, ob), (a, oa))):
            if (
                not ox.startswith("*")
                and not oy.startswith("*each")
                and lex.background.search(x.text)
                and lex.project_result.search(x.text)
                and not lex.background.search(y.text)
            ):
                return (y.span, x.span)
        # "Dentalyze blir ensam innehavare av patentet" on "gemensamma Resultat"
        for (j, oj), (x, ox) in (((a, oa), (b, ob)), ((b, ob), (a, oa))):
            if (
                oj.startswith("*joint")
                and not ox.startswith("*")
                and lex.sole_owner.search(x.text)
                and lex.joint_results.search(x.text)
            ):
                return (j.span, x.span)
    return (
        _owner_barred(owned, everything, parties, lex)
        or _unequal_shares(owned, everything, lex)
        or _improvements_kept(owned, everything, parties, lex)
        or _share_taken(owned, everything, parties, lex)
        or _use_terms(everything, parties, lex)
    )


def _use_terms(
    everything: Sequence[Sentence], parties: tuple[str, ...], lex: Lexicon
) -> tuple[Span, ...]:
    """A party's right to use the results given free in one provision and
    against a fee in another ("en kostnadsfri ... nyttjanderätt" / "betalar
    Kommunen Leverantören en årlig licensavgift"), or for ever in one and only
    for a time in another ("a free, perpetual licence" / "may use the project
    results only during the term")."""
    terms: dict[str, list[tuple[Span, set[str]]]] = {}
    for s in everything:
        right = lex.right_of_use.search(s.text)
        restricted = lex.restricted_use.search(s.text)
        if not (right or restricted):
            continue
        named = party_positions(s.text, parties)
        if not named:
            continue
        # whose right: "återkalla Kommunens nyttjanderätt" names its holder
        holder = next(
            (
                n
                for pos, n in named
                if right
                and 0 < right.start() - pos - len(n) <= 3
                and s.text[pos + len(n)] in "s'’"
            ),
            named[0][1],
        )
        found = set()
        if lex.free_use.search(s.text):
            found.add("free")
        elif (m := lex.paid_use.search(s.text)) and not lex.no_fee.search(
            s.text[max(0, m.start() - 12) : m.start()]
        ):
            found.add("paid")
        if (
            restricted
            and (right or _about_results(s.text, lex))
            and not _OWNERSHIP_VERB.search(s.text)
        ):
            # not "may not use material that belongs to the authority without
            # its consent": a limit on using another's property
            found.add("restricted")
        if lex.lasting_use.search(s.text):
            found.add("lasting")
        elif (m := lex.ending_use.search(s.text)) and not lex.is_negated(
            s.text,
            min(len(s.text), m.end() + _NEGATOR_REACH),  # "upphör inte"
        ):
            found.add("ending")
        if found:
            terms.setdefault(holder, []).append((s.span, found))
    for stated in terms.values():
        for (a, ta), (b, tb) in combinations(stated, 2):
            for one, other in (
                ("free", "paid"),
                ("lasting", "ending"),
                ("free", "restricted"),
            ):
                if (one in ta and other in tb) or (other in ta and one in tb):
                    return (a, b)
    return ()


_PERCENT = re.compile(
    r"(\d+(?:[,.]\d+)?)\s*(%|procent|per ?cent|pct\.?)", re.IGNORECASE
)


def _unequal_shares(
    owned: Sequence[Owned],
    everything: Sequence[Sentence],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """Joint ownership 'med lika andelar' in one clause, other shares ('30 % för
    Regionen och 70 % för Carrybot') in another."""
    equal = [
        s
        for s, o, _, res, in_clause in owned
        if in_clause
        and res
        and o.startswith("*joint")
        and lex.equal_shares.search(s.text)
    ]
    if not equal:
        return ()
    for d in everything:
        if d.span == equal[0].span:
            continue
        figures = [
            float(m.group(1).replace(",", ".")) for m in _PERCENT.finditer(d.text)
        ]
        if len(figures) < 2 or all(abs(f - 50) <= 0.5 for f in figures):
            continue
        if lex.share_word.search(d.text) and (
            abs(sum(figures[:2]) - 100) < 0.5 or len(figures) > 2
        ):
            return (equal[0].span, d.span)
        # figures held in what is made jointly: "Gemensamt framtagna resultat
        # fördelas så att Leverantören innehar 70 procent och Kommunen och
        # Högskolan 15 procent vardera"
        if (
            (lex.joint.search(d.text) or lex.joint_results.search(d.text))
            and lex.holding.search(d.text)
            and max(figures) - min(figures) > 0.5
        ):
            return (equal[0].span, d.span)
    return ()


def _improvements_kept(
    owned: Sequence[Owned],
    everything: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """The results given to one owner (or jointly), and what is improved or
    developed further in the project given to one party by another provision:
    "Improvements ... made during the Project belong to X", or a defined term
    that takes in such improvements ("'Background IP' means ... together with
    all improvements ... made during the Project", "uanset om de er udviklet
    før eller under projektet") kept by X. Improvements of one's own platform
    with no word of the project ("improvements to its software") are not
    meant: those are commonly the owner's own."""
    whole = [
        (s, o)
        for s, o, _, res, in_clause in owned
        if in_clause
        and res
        and not o.startswith("*each")
        and lex.results_in_general.search(s.text)
        and _scope(s.text, lex) != "part"
        # not only what one party or the parties together make
        and not lex.made_by.search(s.text)
        and not lex.joint_results.search(s.text)
    ]
    if not whole:
        return ()

    def in_project(text: str) -> bool:
        return bool(lex.project_result.search(text) or lex.any_time.search(text))

    definitions = {
        d.span: m for d in everything if (m := lex.term_definition.search(d.text))
    }
    terms = [
        m.group("term").casefold()
        for d in everything
        if (m := definitions.get(d.span))
        and lex.improvements.search(d.text, m.end())
        and in_project(d.text)
    ]
    for d in everything:
        if d.span in definitions:
            continue
        direct = lex.improvements.search(d.text) and in_project(d.text)
        if not direct and not any(t in d.text.casefold() for t in terms):
            continue
        holder = _holder(d.text, parties, lex)
        if holder is None:
            continue
        for w, o in whole:
            if w.span != d.span and _incompatible(o, holder):
                return (w.span, d.span)
    return ()


_NEAR_OWNER = 60  # characters between an ownership verb and its owner
_NEAR_SUBJECT = 40  # characters between a party and the verb it is subject of


def _share_taken(
    owned: Sequence[Owned],
    everything: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """Joint or each-its-own ownership in the results clause, and a provision
    that takes a party's share: what is made together given to one of them by
    a later event ("den Part som först ansöker om patent", "whichever of them
    first files"), joint shares by contribution against equal shares, a party
    said to hold no rights in the results, or one party's exclusive licence of
    the results against another's right to use them."""
    clause = [
        (s, o) for s, o, _, res, in_clause in owned if in_clause and res and o[0] == "*"
    ]
    if not clause:
        return ()
    seen = {s.span for s, _ in clause}
    base, kind = clause[0][0], clause[0][1]
    users = [
        (s, named[0][1])
        for s in everything
        if (m := lex.right_of_use.search(s.text))
        and not lex.is_negated(s.text, m.start())
        and (named := party_positions(s.text, parties))
    ]
    for d in everything:
        text = d.text
        verb = _OWNERSHIP_VERB.search(text)
        # what is made together owned by one of them: "tillfaller den Part
        # som tog initiativ", "blir den Part som först ansöker ... ensam
        # innehavare" (read as each its own by its words, so before `seen`)
        if (
            verb
            and lex.together.search(text)
            and not lex.is_negated(text, verb.start())
        ):
            one = any(
                abs(m.start() - verb.start()) < _NEAR_OWNER
                and ";"
                not in text[min(m.start(), verb.start()) : max(m.end(), verb.end())]
                for m in lex.one_of_them.finditer(text)
            )
            other = next((s for s, o in clause if s.span != d.span), None)
            if one and other is not None:
                return (other.span, d.span)
        if d.span in seen:
            continue
        if (
            verb
            and lex.together.search(text)
            and lex.proportional.search(text)
            and any(o.startswith("*joint") for _, o in clause)
            and any(lex.equal_shares.search(s.text) for s, _ in clause)
        ):
            return (base.span, d.span)
        named = party_positions(text, parties)
        owning = _OWNING.search(text)
        if (
            owning
            and named
            and lex.is_negated(text, owning.end())
            and _about_results(text, lex)
            and not lex.background.search(text)
            and not lex.sole_owner.search(text)
            and 0 <= owning.start() - named[0][0] < _NEAR_SUBJECT
            and (kind == "*each" or named[0][1].casefold() in kind.casefold())
        ):
            return (base.span, d.span)  # "Högskolan ska inte inneha några rättigheter"
        excl = lex.exclusive_licence.search(text)
        if (
            excl
            and _about_results(text, lex)
            and not lex.is_negated(text, excl.start())
        ):
            grant = lex.grants_licence.search(text)
            after = [n for at, n in named if grant and at >= grant.start()]
            licensee = after[0] if after else (named[0][1] if named else None)
            for s, user in users:
                if s.span != d.span and licensee and user != licensee:
                    return (s.span, d.span)
    return ()


def _holder(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> str | None:
    """The one party a sentence says owns something: the party after a passive
    owner ("vests in X"), else the party before the verb ("X retains ...")."""
    verb = _OWNERSHIP_VERB.search(sentence)
    if verb is None or lex.is_negated(sentence, verb.start()):
        return None
    if lex.joint.search(sentence) or lex.each_own.search(sentence):
        return None
    use = lex.right_of_use.search(sentence)
    if use is not None and use.start() < verb.start():
        return None  # "X har rätt att använda de Resultat som Y äger": a use
    mentions = party_positions(sentence, parties)
    passive = _PASSIVE_OWNER.search(sentence)
    if passive:
        after = [name for pos, name in mentions if pos >= passive.end()]
        return after[0] if after else None
    before = [name for pos, name in mentions if pos < verb.start()]
    return before[0] if before else None


def _whoever_made(
    a: str, oa: str, b: str, ob: str, parties: tuple[str, ...], lex: Lexicon
) -> bool:
    """One statement gives each party its own results, the other gives one
    party the results whoever made them ("oavsett vilken part som har utfört
    arbetet", "även uppfinningar som görs av Högskolans forskare") or what
    another party makes ("förvärvar Regionen äganderätten till den modell som
    Vitalis utvecklar i projektet")."""
    for each, (text, who) in ((oa, (b, ob)), (ob, (a, oa))):
        if each != "*each" or who.startswith("*"):
            continue
        if lex.any_creator.search(text):
            return True
        # Each part of a split by subject matter has its own owner: "... shall
        # belong to the Supplier; Foreground IP ... developed by Council staff
        # shall belong to the Council."
        for part in text.split(";"):
            part_owner = owner(part, parties, lex) or who
            if any(maker != part_owner for maker in _makers(part, parties, lex)):
                return True
    return False


def _makers(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> list[str]:
    """The parties a sentence says made something ("som Vitalis utvecklar",
    "utvecklad av Bolaget", "made by the Company"): the first party named in
    or right after each 'made by' phrase ("the Company's staff")."""
    mentions = party_positions(sentence, parties)
    out = []
    for match in lex.made_by.finditer(sentence):
        # inside the phrase ("som Vitalis utvecklar") or right after it ("av Vitalis")
        near = [n for at, n in mentions if match.start() <= at <= match.end() + 1]
        if near:
            out.append(near[0])
        elif mentions and lex.pronoun.search(match.group(0)):
            out.append(mentions[0][1])  # "every analysis it produces": the subject
    return out


def _owner_barred(
    owned: Sequence[Owned],
    everything: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """The party that owns the results may not use them: the sole owner of all
    the results barred from using or licensing them ("så att Kommunen inte
    självt får använda resultaten"), or a joint owner barred from using them in
    its own activity. Limits on licensing to others are not meant: a joint
    owner's exploitation is commonly subject to the other's consent."""
    sole = {
        o: s.span
        for s, o, _, res, in_clause in owned
        if in_clause and res and not o.startswith("*") and _universal(s.text, lex)
    }
    joint: dict[str, Span] = {}
    for s, o, _, res, in_clause in owned:
        if in_clause and res and o.startswith("*joint:"):
            for name in o.split(":", 1)[1].split("+"):
                joint.setdefault(name, s.span)
    if not sole and not joint:
        return ()
    for d in everything:
        denial = lex.use_denial.search(d.text)
        if denial is None or not _about_results(d.text, lex):
            continue
        before = [n for at, n in party_positions(d.text, parties) if at < denial.end()]
        if not before:
            continue
        who = before[-1]
        if who in sole and sole[who] != d.span:
            return (sole[who], d.span)
        if who in joint and joint[who] != d.span and lex.own_activity.search(d.text):
            return (joint[who], d.span)
    return ()


_MAX_WORDS = 70  # longer legal sentences say too much to be compared by their words
_DEFINITION = re.compile(
    r"^\W*((section|clause|article|artikel|punkt|§)\s*)?(\d+(\.\d+)*\.?\s+)?[\"“”'‘’]?[^\"“”'‘’.]{1,80}[\"“”'‘’]?\s+"
    r"(means|shall mean|has the meaning|avses|betyder|innebär|betyder|betegner)\b",
    re.IGNORECASE,
)


def _comparable(sentence: str) -> bool:
    """A sentence short enough to compare by its words, and not a definition."""
    return len(sentence.split()) <= _MAX_WORDS and not _DEFINITION.search(sentence)


def _reciprocal(a: str, pa: str, b: str, pb: str, parties: tuple[str, ...]) -> bool:
    """Mirror duties: "DIALOG will notify ENERGOUS ..." and "ENERGOUS will notify
    DIALOG ..." - each names the other party as the one it acts towards."""
    in_a = {name for _, name in party_positions(a, parties)}
    in_b = {name for _, name in party_positions(b, parties)}
    return pb in in_a and pa in in_b


def _own_kind(
    sentence: str,
    owner_: str,
    parties: tuple[str, ...],
    lex: Lexicon,
    anchor: re.Pattern[str] = _OWNERSHIP_VERB,
) -> bool:
    """The owner is named again in what the clause gives it, after the verb
    ("Xencor owns Patents Covering any Xencor Invention", "ENERGOUS retains ...
    ENERGOUS' Marks"): each party's own kind of thing, not all of it. A mention
    before the verb or in another clause ("..., eftersom projektet genomförs i
    Kommunens skolor") is not."""
    if owner_.startswith("*"):
        return False
    verb = anchor.search(sentence)
    if verb is None:
        return False
    brk = lex.clause_breaks.search(sentence, verb.end())
    hi = brk.start() if brk else len(sentence)
    after = [
        name
        for pos, name in party_positions(sentence[verb.end() : hi], parties)
        if name == owner_
    ]
    slot = 1 if after and _PASSIVE_OWNER.match(sentence, verb.start()) else 0
    if anchor is not _OWNERSHIP_VERB:
        slot = 1 if after and lex.task_passive.match(sentence, verb.start()) else 0
    return len(after) - slot >= 1


def _incompatible(a: str, b: str) -> bool:
    """Two owners that cannot both hold the same results. Each party its own fits
    joint ownership of what is made together, and joint ownership by unnamed
    co-creators fits joint ownership by named ones."""
    if a == b:
        return False
    kind_a, kind_b = a.split(":")[0], b.split(":")[0]
    if {kind_a, kind_b} == {"*each", "*joint"}:
        return False
    if kind_a == kind_b == "*joint":
        return ":" in a and ":" in b
    return True


def ownership_statements(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Sentences outside the results clauses that may still give something to an
    owner ("Eftersom Textilcirkeln äger sorteringsmetoden ..."): the conflict
    detector keeps those that name an owner and compares them by what they are
    about."""
    return [s for s in sentences if _OWNING.search(s.text)]


def _all_results(sentence: str, lex: Lexicon) -> bool:
    """Outside the results clauses, only "all Project IP", "samtliga resultat"
    speaks of the results as such."""
    return _about_results(sentence, lex) and _universal(sentence, lex)


def _about_results(sentence: str, lex: Lexicon) -> bool:
    """The project's results as such, or something said to be made in it."""
    return bool(
        lex.results_in_general.search(sentence) or lex.project_result.search(sentence)
    )


def _names(parties: tuple[str, ...]) -> set[str]:
    """Party names as words: 'the Supplier' is also 'supplier' and 'suppliers'."""
    names = {p.casefold() for p in parties}
    bare = {re.sub(r"^the\s+", "", n) for n in names}
    return names | bare | {n + "s" for n in bare}


def _objects(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> set[str]:
    """What an ownership statement is about: its content words (lower case)."""
    names = _names(parties)
    words = {w.casefold() for w in _WORD.findall(sentence)} - names
    stop = lex.object_stopwords | lex.role_stopwords
    return {
        w
        for w in words
        if not any(w[:7].startswith(x) or x.startswith(w[:7]) for x in stop)
    }


def _same_things(a: set[str], b: set[str]) -> set[str]:
    """The things two statements both speak of, by the words of `a`: the same
    seven-letter stem ("modellerna"/"modeller"), or a compound whose last part
    is the other word ("läckagemodellerna"/"modeller", "styrsystemet"/"systemet")."""

    def same(w: str, v: str) -> bool:
        if w[:7] == v[:7]:
            return True
        short, long_ = (w, v) if len(w) <= len(v) else (v, w)
        return long_.find(short[:6], 3) >= 0

    return {w[:7] for w in a if any(same(w, v) for v in b)}


def _subject(sentence: str, parties: tuple[str, ...]) -> str | None:
    mentions = party_positions(sentence, parties)
    return mentions[0][1] if mentions else None


def _stems(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> set[str]:
    """Task words (lemmas): content words of four letters or more, without
    party names, function words and the words every clause on roles uses."""
    return set(_task_words(sentence, parties, lex))


def _task_words(sentence: str, parties: tuple[str, ...], lex: Lexicon) -> list[str]:
    """The lemmas of `_stems` in the order of the sentence, each once."""
    names = _names(parties)
    out: list[str] = []
    for word in _TASK_WORD.findall(sentence):
        w = word.casefold()
        if (
            w in lex.stop_words
            or w in names
            or w.rstrip("s") in names
            or any(
                w[:6].startswith(x) or x.startswith(w[:6]) for x in lex.role_stopwords
            )
        ):
            continue
        lemma = lex.lemma(w)
        if lemma in lex.stop_words or lex.reflexive.fullmatch(w):
            continue  # "sådan" -> "sån"; "egen personal" is each party's own
        if lemma not in out:
            out.append(lemma)
    return out


def _codes(sentence: str) -> set[str]:
    """Identifiers with digits ("DCB0129", "AP2") that name one thing exactly."""
    return {c.casefold() for c in _CODE.findall(sentence)}


def _shared(a: set[str], b: set[str]) -> set[str]:
    """Words of `a` that `b` also speaks of: the same six-letter stem
    ("rekrutterer"/"rekruttere"), or a compound ending in the other word
    ("referensdata"/"data")."""
    return {w for w in a if any(w == v or v.endswith(w) or w.endswith(v) for v in b)}


def role_conflict(
    responsibilities: Sequence[Sentence],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
    *,
    section: Callable[[Span], tuple[str, ...]] = lambda span: (),
) -> tuple[Span, ...]:
    """The project led, or the steering group chaired, by two parties; a task
    given to one party 'alone' (or denied to it) and also to another party; the
    same task given twice; own costs and a payment between the parties."""
    for unique in (lex.lead, lex.chair, lex.unique_role, lex.appoints_lead):
        holders = [
            (s, _subject(s.text, parties), m.group(0).split()[-1].casefold())
            for s in all_sentences
            if (m := unique.search(s.text))
            and not (unique is lex.unique_role and _own_or_denied(s.text, m, lex))
        ]
        for (a, pa, ra), (b, pb, rb) in combinations(holders, 2):
            if not (pa and pb and pa != pb):
                continue
            if unique is lex.unique_role and not (
                ra == rb or any(ra in g and rb in g for g in lex.same_roles)
            ):
                continue  # a coordinator and a data controller are two roles
            if section(a.span) == section(b.span) and lex.lead_label.search(
                a.text.lstrip()
            ):
                continue  # a contact list: "Projektledare: ... (Kommunen)" per party
            return (a.span, b.span)
    # Each sentence's task, read once (the responsibilities are among them).
    task_of = {
        s.span: task
        for s in [*all_sentences, *responsibilities]
        if _comparable(s.text) and (task := _task(s.text, parties, lex)) is not None
    }
    found = [(s, *task_of[s.span]) for s in responsibilities if s.span in task_of]
    tasks = [(s, party, set(words)) for s, party, words in found]
    everywhere = [(s, *task_of[s.span]) for s in all_sentences if s.span in task_of]
    # Against a provision that gives a task to one party alone, any duty of
    # another party counts, also one by a bare modal verb ("will select").
    wide = [
        (s, task[0], set(task[1]))
        for s in all_sentences
        if _comparable(s.text)
        and (task := task_of.get(s.span) or _modal_task(s.text, parties, lex))
        is not None
    ]
    for a, pa, ta in wide:
        if not lex.exclusive.search(a.text):
            continue
        for b, pb, tb in wide:
            if b is a or pa == pb or _unrelated(a.text, pa, b.text, pb, parties, lex):
                continue
            shared = {w for w in ta if any(_one_action(w, v, lex) for v in tb)}
            shared |= _shared(ta, tb)
            if len(shared) >= 2 or (shared and len(shared) >= 0.5 * len(ta)):
                return (b.span, a.span)
    for (a, pa, ta), (b, pb, tb) in combinations(tasks, 2):
        if pa == pb or _unrelated(a.text, pa, b.text, pb, parties, lex):
            continue
        if lex.reflexive.search(a.text) or lex.reflexive.search(b.text):
            continue  # "X develops its solution": each party its own, in parallel
        codes_a, codes_b = _codes(a.text), _codes(b.text)
        if codes_a and codes_b and not codes_a & codes_b:
            continue  # "safety case (DCB0160)" and "(DCB0129)" are two things
        shared = _shared(ta, tb)
        if pa != pb and len(shared) >= 3 and len(shared) >= 0.6 * min(len(ta), len(tb)):
            return (a.span, b.span)
    same = _same_action(everywhere, parties, lex, section)
    if same:
        return same
    denied = _denied_task(
        [(s, party, set(words), words) for s, party, words in found],
        all_sentences,
        parties,
        lex,
    )
    if denied:
        return denied
    bounded = _no_duties_or_confined(found, all_sentences, parties, lex)
    if bounded:
        return bounded
    zero = _zero_contribution(
        [(s, party, words) for s, party, words in found], all_sentences, parties, lex
    )
    if zero:
        return zero
    own = [
        s
        for s in all_sentences
        if lex.own_costs.search(s.text) and not lex.exception.search(s.text)
    ]
    pays = [
        s
        for s in all_sentences
        if (m := lex.reimburse.search(s.text))
        and not lex.is_negated(s.text, m.start())
        # "Parterne betaler ikke vederlag ..., og hver Part afholder egne omkostninger"
        and not lex.own_costs.search(s.text)
    ]
    if own and pays:
        return (own[0].span, pays[0].span)
    return ()


_DENIED_HEAD = 4  # "får inte montera, ansluta eller installera": what is forbidden
_HEAD = 6  # an action and what it is done to: the first task words of a clause
_ACTION_STEM = 5  # "rekrytera"/"rekrytering", "install"/"installation"
_LONG_STEM = 7  # "installera"/"installationen": a long stem, a longer ending


def _same_action(
    found: Sequence[tuple[Sentence, str, list[str]]],
    parties: tuple[str, ...],
    lex: Lexicon,
    section: Callable[[Span], tuple[str, ...]],
) -> tuple[Span, ...]:
    """One action on the same thing given to two parties by two provisions
    ("Kommunen ansvarar för rekrytering av testpersoner" in § 4 / "Leverantören
    åtar sig att rekrytera ... testpersoner" in § 5): the first task word of each
    clause is the same action (a verb and its noun count as one), and another of
    the first words is shared. Within one section the parties' duties are listed
    side by side ("Sensorbolaget testar lösningen. Svensson testar lösningen."):
    work in parallel, not an inconsistency. So are two provisions where one of
    them lists the same action for the other party too (a responsibility table
    that gives "att testa lösningen" to each supplier)."""

    for (a, pa, wa), (b, pb, wb) in combinations(found, 2):
        if pa == pb or not wa or not wb or section(a.span) == section(b.span):
            continue
        if _parallel(a, pa, wa, b, pb, wb, found, section, lex):
            continue
        if _unrelated(a.text, pa, b.text, pb, parties, lex):
            continue
        if lex.reflexive.search(a.text) and lex.reflexive.search(b.text):
            continue  # "X utbildar sin personal" / "Y utbildar sin personal"
        codes_a, codes_b = _codes(a.text), _codes(b.text)
        if codes_a and codes_b and not codes_a & codes_b:
            continue
        # The action is the first task word, or the second ("identifying and
        # recruiting"); what it is done to follows.
        for i, j in ((0, 0), (0, 1), (1, 0)):
            if len(wa) > i and len(wb) > j and _one_action(wa[i], wb[j], lex):
                rest_a = set(wa[:_HEAD]) - {wa[i]}
                rest_b = set(wb[:_HEAD]) - {wb[j]}
                if _shared(rest_a, rest_b):
                    return (a.span, b.span)
    return ()


def _parallel(
    a: Sentence,
    pa: str,
    wa: list[str],
    b: Sentence,
    pb: str,
    wb: list[str],
    found: Sequence[tuple[Sentence, str, list[str]]],
    section: Callable[[Span], tuple[str, ...]],
    lex: Lexicon,
) -> bool:
    """Whether the section of one of two provisions also gives its action to the
    other party (a responsibility table that gives "att testa lösningen" to each
    supplier, against the body's "Kommunen ansvarar för att testa lösningen"):
    the parties do it side by side."""

    def listed(c: Sentence, party: str, action: str) -> bool:
        return any(
            p == party
            and w
            and d is not c
            and section(d.span) == section(c.span)
            and _one_action(w[0], action, lex)
            for d, p, w in found
        )

    return bool(wa and wb) and (listed(b, pa, wa[0]) or listed(a, pb, wb[0]))


def _one_action(a: str, b: str, lex: Lexicon) -> bool:
    """The same lemma, a verb and its noun (a long common beginning), or two
    words the language data groups as one action ("driva"/"drift"; each word
    may be any form of a group member: the lookup gives "tolkar" as "tolkare")."""
    if a == b or _same_stem(a, b):
        return True
    return any(
        any(_same_stem(a, m) for m in group) and any(_same_stem(b, m) for m in group)
        for group in lex.action_groups
    )


def _action_pair(a: str, b: str, lex: Lexicon) -> bool:
    """Two forms of one action that are not two forms of one noun: a verb and
    its noun ("maintain"/"maintenance") or words grouped as one action; not
    "planeringssystem"/"planeringssystemets", which is one thing twice."""
    if a == b:
        return False
    if any(a in group and b in group for group in lex.action_groups):
        return True
    return _same_stem(a, b, loose=True) and not (a.startswith(b) or b.startswith(a))


def _same_stem(a: str, b: str, *, loose: bool = False) -> bool:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    shorter = min(len(a), len(b))
    # "rekrytera"/"rekrytering"; "installera"/"installation" differ in one more
    return (
        a == b
        or (n >= _ACTION_STEM and n >= shorter - 2)
        or (loose and n >= _LONG_STEM and n >= shorter - 3)
    )


def _unrelated(
    a: str, pa: str, b: str, pb: str, parties: tuple[str, ...], lex: Lexicon
) -> bool:
    """Two parties' duties that cannot clash: mirror duties towards each other, or
    each about its own kind of thing ("Theravance Patents", "GSK Trademarks")."""
    if _reciprocal(a, pa, b, pb, parties):
        return True
    return _own_kind(a, pa, parties, lex, lex.task_verbs) and _own_kind(
        b, pb, parties, lex, lex.task_verbs
    )


def _own_or_denied(sentence: str, match: re.Match[str], lex: Lexicon) -> bool:
    """A role held for one's own part ("för sin egen behandling") or denied
    ("är inte personuppgiftsansvarig") is no claim to the one role."""
    return bool(lex.reflexive.search(sentence)) or lex.governs(
        sentence, match.start(), match.end()
    )


def _task(
    sentence: str, parties: tuple[str, ...], lex: Lexicon
) -> tuple[str, list[str]] | None:
    """Who a sentence gives a task to and what the task is (its word stems): the
    party before an active task verb and what follows it ("Kommunen ansvarar för
    X"), the party after a passive one ("X bekostas av Kommunen"), or a table row
    ("X | Kommunen", "Kommunen | X"). None when no party is the subject of a
    task."""
    if " | " in sentence:
        cells = sentence.split(" | ")
        for cell in cells[1:]:
            named = party_positions(cell, parties)
            if named and named[0][0] < 3:  # the cell names the party first
                return named[0][1], _task_words(cells[0], parties, lex)
        named = party_positions(cells[0], parties)
        if named and named[0][0] < 3 and _TASK_WORD.search(cells[1]):
            # the party's own row: "SvinnData | Testmiljö: fyra skolrestauranger"
            return named[0][1], _task_words(cells[1], parties, lex)
        return None
    mentions = party_positions(sentence, parties)
    active = lex.task_verbs.search(sentence)
    if active:
        before = [name for pos, name in mentions if pos < active.start()]
        if before and not lex.is_negated(sentence, active.end()):
            # A verb that is the task itself ("driver", "rekrytterer") leads.
            clause = _clause(sentence, active.end(), lex)
            return before[-1], _task_words(clause, parties, lex)
    passive = lex.task_passive.search(sentence)
    if passive:
        after = [name for pos, name in mentions if pos >= passive.end()]
        if after:
            # what comes before the agent: "X bekostas av", "ska X driftas av"
            done = sentence[: passive.end()].rsplit(None, 1)[0]
            return after[0], _task_words(done, parties, lex)
    return None


def _modal_task(
    sentence: str, parties: tuple[str, ...], lex: Lexicon
) -> tuple[str, list[str]] | None:
    """Any other duty by a modal verb ("The Corporation will select the
    districts"), where the party names its subject, not its beneficiary (nor
    two parties one subject). A table row has no such duty."""
    verb = None if " | " in sentence else lex.task_modal.search(sentence)
    if verb:
        mentions = party_positions(sentence, parties)
        subjects = [
            name
            for pos, name in mentions
            if pos < verb.start()
            and not lex.for_whom.search(sentence, max(0, pos - 12), pos)
            and ":" not in sentence[pos : verb.start()]
        ]
        if (
            subjects
            and not _joint(sentence, mentions, verb.start(), lex)
            and not lex.is_negated(sentence, verb.end() + _NEGATOR_REACH)
        ):
            return subjects[-1], _task_words(
                _clause(sentence, verb.end(), lex), parties, lex
            )
        return None
    if " | " in sentence:
        return None
    # no modal verb: a present-tense verb right after a party's name
    for pos, name in party_positions(sentence, parties):
        word = re.match(rf"(?:the\s+)?{re.escape(name)}\S*", sentence[pos:], re.I)
        if word is None:
            continue
        finite = lex.finite_verb.match(sentence, pos + word.end())
        if finite and not lex.is_negated(sentence, finite.end() + _NEGATOR_REACH):
            return name, _task_words(_clause(sentence, finite.end(), lex), parties, lex)
    return None


_NEGATOR_REACH = 12  # characters after a modal verb: "ska inte", "shall not"


def _joint(
    sentence: str, mentions: list[tuple[int, str]], end: int, lex: Lexicon
) -> bool:
    """Two parties joined as one subject before `end` ("The City and Roadsight
    will trial ..."): a shared duty, no one party's task."""
    before = [(pos, name) for pos, name in mentions if pos < end]
    for (p, a), (q, b) in zip(before, before[1:], strict=False):
        name = re.match(rf"(?:the\s+)?{re.escape(a)}\S*", sentence[p:q], re.I)
        between = sentence[p + (name.end() if name else 0) : q]
        if a != b and lex.conjunction.fullmatch(between):
            return True
    return False


def _clause(sentence: str, start: int, lex: Lexicon) -> str:
    """The sentence from `start` to the next clause break."""
    rest = sentence[start:]
    brk = lex.clause_breaks.search(rest)
    return rest[: brk.start()] if brk else rest


def _denied_task(
    tasks: Sequence[tuple[Sentence, str, set[str], list[str]]],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A party said not to do something ("Kommunen åtar sig inga markarbeten")
    that another provision gives it ("Kommunen ansvarar för ... markarbeten")."""
    for d in all_sentences:
        for part in re.split(r" \| |;\s", d.text):
            for pattern in (lex.task_denial, lex.task_prohibition):
                found = _denial(part, parties, lex, pattern)
                if found is None:
                    continue
                who, order_denied = found
                denied = set(order_denied)
                for r, party, given, order in tasks:
                    if r.span == d.span or party != who:
                        continue
                    if pattern is lex.task_prohibition and lex.only_for.search(r.text):
                        continue  # "shall use such data only for the Pilot": a limit
                    # the given task's action among the first things denied
                    head = set(order_denied[:_DENIED_HEAD])
                    if _shared(set(order[:2]), head):
                        return (r.span, d.span)
                    # or a verb and its noun, one given and one denied: an action,
                    # wherever it stands in a list ("installera och underhålla
                    # sensorerna" / "får inte utföra underhåll av sensorerna")
                    if any(
                        _action_pair(w, v, lex) for w in head for v in order[:_HEAD]
                    ):
                        return (r.span, d.span)
                    if pattern is lex.task_prohibition:
                        continue  # "får inte nyttja resultatet": another matter
                    shared = _shared(denied, given)
                    if len(shared) >= 2 or (shared and shared == denied):
                        return (r.span, d.span)
    return ()


def _no_duties_or_confined(
    tasks: Sequence[tuple[Sentence, str, list[str]]],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A party said to have no duties at all ("har inga egna åtaganden i
    projektet", "has no further obligations") or whose part is confined to one
    thing ("Leverantörens insats avser enbart sensorerna", "the University's
    contribution being limited to a statistical annex"), while a provision
    gives it a task outside that: the thing the task ends on is not in what
    the part is confined to. A confinement by figures ("begränsad till 400
    timmar") is a budget, not a task."""
    for d in all_sentences:
        text = d.text
        none = lex.no_duties.search(text)
        if none:
            named = [n for at, n in party_positions(text, parties) if at < none.end()]
            for r, party, _ in tasks:
                if named and party == named[-1] and r.span != d.span:
                    return (r.span, d.span)
        confined = lex.confined.search(text)
        if confined is None:
            continue
        named = [
            n
            for at, n in party_positions(text, parties)
            if 0 <= confined.start() - at < 40
        ]
        scope = _clause(text, confined.end(), lex)
        if not named or re.search(r"\d", scope):
            continue
        within = _task_words(scope, parties, lex)
        for r, party, words in tasks:
            if party != named[-1] or r.span == d.span or not words:
                continue
            last = words[:_HEAD][-1]
            if not within or not (
                _shared({last}, set(within))
                or any(_one_action(last, w, lex) for w in within)
            ):
                return (r.span, d.span)
    return ()


def _zero_contribution(
    tasks: Sequence[tuple[Sentence, str, list[str]]],
    all_sentences: Sequence[Sentence],
    parties: tuple[str, ...],
    lex: Lexicon,
) -> tuple[Span, ...]:
    """A resource plan that puts a party's contribution at nothing
    ("Räddningstjänstens personalinsats i form av drönarpiloter: 0 timmar",
    "Systemutveckling | Solgrid | 0") while a provision gives the party that task."""
    for d in all_sentences:
        zero = lex.nothing.search(d.text)
        if zero is None:
            continue
        before = d.text[: zero.start()]
        named = party_positions(before, parties)
        if not named:
            continue
        who = named[0][1]
        denied = _task_words(before, parties, lex)[:_DENIED_HEAD]
        for r, party, order in tasks:
            if (
                r.span != d.span
                and party == who
                and _shared(set(order[:2]), set(denied))
            ):
                return (r.span, d.span)
    return ()


def _another_party(mentions: list[tuple[int, str]], before: int) -> bool:
    """Whether a second party is named before `before` (then the first is not
    the one denied)."""
    return any(at < before and name != mentions[0][1] for at, name in mentions[1:])


def _denial(
    text: str, parties: tuple[str, ...], lex: Lexicon, pattern: re.Pattern[str]
) -> tuple[str, list[str]] | None:
    """The party a clause denies a task to (by `pattern`: a disclaimer or a
    prohibition), and the task's words in order. The party may stand before
    the denial ("Kommunen åtar sig inga markarbeten", "Andas personal får inte
    installera") or inside it, after a fronted phrase ("Av sekretesskäl lämnar
    Regionen inte ut journaldata")."""
    mentions = party_positions(text, parties)
    if not mentions:
        return None
    pos, who = mentions[0]
    name_end = pos + len(re.match(r"[\w'’-]*\s*", text[pos:]).group())  # type: ignore[union-attr]
    neg = pattern.search(text, pos)
    if neg is None or neg.start() - pos > 80 or _another_party(mentions, neg.start()):
        # the inverted order: the party's name between the verb and its negator
        closed = text[:pos] + text[name_end:]
        neg = pattern.search(closed, max(0, pos - 25))
        if neg is None or not neg.start() <= pos <= neg.end():
            return None
        text, pos = closed, neg.start()
    if lex.not_yet.search(text):
        return None
    if _SUBORDINATE.search(text, pos, neg.start()):
        return None  # "tjänster som leverantören tillhandahåller inte innebär ..."
    denied = _task_words(_clause(text, neg.start(), lex), parties, lex)
    return (who, denied) if denied else None

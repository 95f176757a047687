"""The page's main condition: the condition it names most, the title counting extra."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from ..fastmatch import find_any
from ..knowledge import KnowledgeBase
from ..limits import checkpoint
from ..models import Mention, Page
from .expansions import ends_in_condition_head
from .mentions import PAGE_CONCEPT

__all__ = [
    "main_condition",
    "condition_weights",
    "title_end",
    "title_is_question",
    "TITLE_WEIGHT",
    "LetterReading",
    "read_letters",
    "letters_on_page",
    "animal_subject",
    "asks_from_animals",
    "OPENING_CHARS",
]

_QUESTION_TITLE = re.compile(r"^(is|are|can|could|does|do|should|what|why|how)\b", re.I)

TITLE_WEIGHT = 3  # a title mention counts as this many body mentions...
QUESTION_TITLE_WEIGHT = (
    0.5  # ...unless the title is a question: it says what was asked, not what the page is about
)


CLAIM_WEIGHT = (
    1  # being the subject of a claim about the question's property counts one mention more
)
# the claims that count so: said of the condition outright, not through an example or a subtype
WEIGHTED_BASES = frozenset({"copula", "pronoun", "answer", "other"})


def condition_weights(
    mentions: list[Mention], title_end: int, title_is_question: bool = False, claims=()
) -> Counter:
    weights: Counter[str] = Counter()
    title_weight = QUESTION_TITLE_WEIGHT if title_is_question else TITLE_WEIGHT
    for m in mentions:
        # a float weight in a Counter: typeshed types its counts int, Python adds any number
        weights[m.concept_id] += title_weight if m.start < title_end else 1  # type: ignore[assignment]
    for c in claims:
        if c.basis in WEIGHTED_BASES:
            weights[c.concept_id] += CLAIM_WEIGHT
    return weights


def main_condition(
    mentions: list[Mention], title_end: int, title_is_question: bool = False, claims=()
) -> str | None:
    """The most-weighted condition; ties go to the one named first. None when nothing is named twice."""
    weights = condition_weights(mentions, title_end, title_is_question, claims)
    if not weights:
        return None
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.concept_id, m.start)
    best = max(weights, key=lambda c: (weights[c], -first.get(c, len(first) + 10**9)))
    return best if weights[best] >= 2 else None


# -- a page about the condition in animals ------------------------------------------------------

OPENING_CHARS = 600  # the title and lede: where a page says whose condition it is about
# words that make animals the subject of a page: the condition "in dogs", "your cat", "canine",
# "equine", a veterinary source. Bare species names are not enough: a page on a person's allergy
# to dogs or a bite names the animal without being about its health, nor is a possessive
# ("proteins in a dog's saliva")
_ANIMAL_SUBJECT = re.compile(
    r"\b(?:(?:in|of|for|with|affects?|affecting)\s+(?:your\s+|our\s+|the\s+|a\s+|older\s+|"
    r"young\s+|adult\s+|senior\s+|affected\s+|some\s+)?(?:dogs?|cats?|puppies|puppy|kittens?|horses?|ponies|pets?|cattle|"
    r"livestock|poultry|chickens|canines?|felines?|reptiles?|lizards?|tortoises?)|(?:your|my)\s+(?:dog|cat|pet|horse|puppy|"
    r"kitten)s?|canine|feline|equine|veterinar(?:y|ians?)|vets?)\b(?!['’]s)",
    re.I,
)


# the page's patients, counted over the whole page: animals ("a dog has low levels of", "the dog
# or cat's own immune system", "affected dogs") against people
_ANIMAL_WORD = re.compile(
    r"\b(?:dogs?|cats?|pupp(?:y|ies)|kittens?|horses?|ponies|pony|chickens?|hens|roosters?|"
    r"flocks?|poultry|cattle|livestock|canines?|felines?|equine|veterinar(?:y|ians?)|"
    # kept animals by their kind: people have no breeds
    r"reptiles?|lizards?|tortoises?|breeds)\b",
    re.I,
)
_HUMAN_WORD = re.compile(
    r"\b(?:people|persons?|patients?|humans?|children|child|adults?|women|woman|men|man)\b", re.I
)
_PET = re.compile(r"\b(?:pets?|animals?)\b", re.I)  # "pet allergy", "animal allergy"
_ANIMALS_ASKED = r"dogs?|cats?|pets?|pupp(?:y|ies)|kittens?|horses?|animals?"
ANIMAL_WORDS_MIN = 3  # animal words a page must write, more than words for people

# animals as the patients: "in dogs", "in the cat", "affects older horses"; not a bare singular
# that qualifies a noun ("a protein in cat saliva") nor a possessive ("in pets' skin")
_PLURAL = (
    r"(?:dogs|cats|puppies|kittens|horses|ponies|pets|cattle|livestock|poultry|chickens|reptiles|"
    r"lizards|tortoises)"
)
_SINGULAR = r"(?:dog|cat|puppy|kitten|horse|pony|pet)"
_IN_ANIMALS = (
    r"(?:in|affects?|affecting)\s+(?:(?:(?:your|our|the|a|an|older|young|adult|senior|affected|"
    r"some)\s+)?" + _PLURAL + r"|(?:your|our|the|a|an|older|young)\s+" + _SINGULAR + r")(?![\w'’-])"
)
# where the condition is named after animals ("cat allergy", "pet allergy"), a page on people's
# reaction to them writes "people with pet allergies", "proteins of the cat", "allergic to dogs":
# only words that make the animal the patient count ("allergies in dogs", "your dog",
# "veterinary")
_ANIMAL_PATIENT = re.compile(
    r"\b(?:" + _IN_ANIMALS + r"|(?:your|my)\s+(?:dog|cat|pet|horse|puppy|kitten)s?\b(?!['’])|"
    r"(?:canine|feline|equine|veterinary|veterinarians?)\b(?!['’]))",
    re.I,
)
# whether a condition is contagious, animals are often how people catch it ("toxoplasmosis in
# your pet", "ringworm from a cat", "ask your vet"): only the condition in the animals, said in
# the opening, makes them the subject ("hives in horses", "vitiligo in cats", "can dogs get
# lupus?", "canine pemphigus")
_ANIMAL_HAS_IT = re.compile(
    r"\b(?:"
    + _IN_ANIMALS.replace("your|our|", "")
    + r"|(?:can|do|does|will)\s+(?:dogs|cats|horses|pets)\s+(?:get|catch|have|develop|contract)\b"
    r"|(?:canine|feline|equine)\b(?!['’]))",
    re.I,
)

# a question whether the reader catches the condition from an animal ("can my dog give me
# ringworm", "can you catch it from a cat?"): the animal is where it comes from, not who has it
_FROM_ANIMAL = re.compile(
    r"\b(?:from|off)\s+(?:(?:a|an|the|my|your|our|his|her|their)\s+)?(?:" + _ANIMALS_ASKED + r")\b"
    r"|\b(?:my|your|our|a|the)\s+(?:" + _ANIMALS_ASKED + r")\s+(?:give|gave|pass|passed|spread)\b",
    re.I,
)
# a page that says the condition passes from animals to people: "zoonotic", "contagious to
# humans", "from pets to people", "can infect humans"; not that both can have it ("a human or
# animal with this condition")
_PASSES_TO_PEOPLE = re.compile(
    r"\bzoono(?:tic|sis|ses)\b"
    r"|\b(?:to|infects?|infecting)\s+(?:both\s+)?(?:humans?|people|(?:their|its|your)\s+owners?)\b",
    re.I,
)


def asks_from_animals(question: str) -> bool:
    """Whether the question asks about catching the condition from an animal (``_FROM_ANIMAL``)."""
    return bool(question) and _FROM_ANIMAL.search(question) is not None


def animal_subject(
    text: str, asked_name: str = "", contagious: bool = False, from_animals: bool = False
) -> re.Match[str] | None:
    """Where the page makes animals its subject, or None: a page about a condition in dogs, cats
    or horses does not answer a question about people. Its opening (title and lede,
    ``OPENING_CHARS``) says so ("in dogs", "your cat"), or the page names animals at least
    ``ANIMAL_WORDS_MIN`` times and more often than people (the first animal word is returned), or
    names no people at all and animals twice, once as the patient anywhere ("affects dogs").
    A condition named after animals ("dog allergy", "pet allergy", "cat scratch disease") is no
    sign by itself: the animals are what causes it, so only an opening that makes them the
    patient counts. For whether a condition is ``contagious``, animals are a way of catching it:
    only an opening that says the animals have it counts ("hives in horses"). When the question
    asks whether the reader catches it ``from_animals`` ("can my dog give me ringworm?"), a page on
    the condition in animals that says it passes to people answers it: no sign counts then."""
    if from_animals and _PASSES_TO_PEOPLE.search(text):
        return None
    if contagious:
        return _ANIMAL_HAS_IT.search(text, 0, OPENING_CHARS)
    if _ANIMAL_WORD.search(asked_name) or _PET.search(asked_name):
        return _ANIMAL_PATIENT.search(text, 0, OPENING_CHARS)
    found = _ANIMAL_SUBJECT.search(text, 0, OPENING_CHARS)
    if found is not None:
        return found
    animals = list(_ANIMAL_WORD.finditer(text))
    people = len(_HUMAN_WORD.findall(text))
    if len(animals) >= ANIMAL_WORDS_MIN and len(animals) > people:
        return animals[0]
    # a page that never writes a word for people, whose animal words include one that makes
    # them the patient ("it affects dogs from six months of age"), later than the opening
    if people == 0 and len(animals) >= 2:
        return _ANIMAL_SUBJECT.search(text)
    return None


def title_end(page: Page) -> int:
    """End offset of the title when the text starts with it, else 0."""
    if page.title and page.text.startswith(page.title):
        return len(page.title)
    first = page.text.find("\n")
    return first if first > 0 and page.title and page.title in page.text[:first] else 0


def title_is_question(page: Page) -> bool:
    t = (page.title or "").strip()
    return t.endswith("?") or bool(_QUESTION_TITLE.match(t))


# -- which reading of the question's letters the page uses ----------------------------------------


@dataclass(frozen=True, slots=True)
class LetterReading:
    """What the page makes the question's letters mean, and what decided it.

    ``concept_id``: the reading the page uses (the asked condition, another knowledge-base
    condition, or ``page:<name>`` for a reading the knowledge base has no record of); ``how``:
    ``definition`` (the page spells the letters out), ``named`` (the page names one reading in
    full more often than the others) or ``vocabulary`` (neither: the page's words fit one
    reading's); ``start``/``end``: the deciding definition or name in the text (the first of the
    vocabulary words for ``vocabulary``); ``words``: the page's words that decided it, each
    where it first appears, in order."""

    letters: str
    concept_id: str
    name: str
    asked: bool
    how: str
    start: int | None = None
    end: int | None = None
    words: tuple[str, ...] = ()


_WORD = re.compile(r"[a-z][a-z'-]{3,}")
# words every condition's description uses: they say nothing about which condition is meant
_GENERIC = frozenset(
    """
    about also after against among another areas associated autoimmune body bodies cause caused
    causes causing cells chronic common commonly condition conditions damage disease diseases
    disorder disorders during each either especially form forms from group have health however
    immune include includes including inflammation inflammatory into known less like long-term
    made many
    mainly more most much often other over people person rather reaction reactions rare same
    seen severe some such symptoms syndrome system than that their them then there these they
    this those through tissue tissues treatment type types typically under usually very what when
    where which while with within without years young
    """.split()
)
VOCABULARY_MIN = 3  # distinct words of a reading's description a page must use to be read by them
# ...or of the asked reading's, when the page uses no word of any other reading's: nothing on the
# page points elsewhere
VOCABULARY_ALONE = 2


def _stem(word: str) -> str:
    """A word's key for comparing descriptions with pages: its first five letters, so the forms
    of a word meet ("spherocytosis", "spherocytes"; "removes", "removing")."""
    return word.strip("'-")[:5]


def _vocabulary(texts: Iterable[str], exclude: Iterable[str] = ()) -> frozenset[str]:
    skip = {_stem(w) for t in exclude for w in _WORD.findall(t.lower())}
    return frozenset(
        s
        for t in texts
        for w in _WORD.findall(t.lower())
        if (s := _stem(w)) not in skip and w not in _GENERIC
    )


_DISTINCTIVE: dict[int, tuple[KnowledgeBase, Counter]] = {}
# a word in more than this share of the records' descriptions says little; at 1% (4 of 461
# records) a condition's own name words fell out ("myelitis", "cystitis", "spinal cord"), leaving
# the page's letters undecided
DISTINCTIVE_SHARE = 0.03


def _record_words(rec) -> frozenset[str]:
    return _vocabulary([*rec.names, rec.reason, *rec.markers, rec.caution or ""])


def _record_vocabulary(kb: KnowledgeBase, concept_id: str) -> frozenset[str]:
    """The distinctive words of a condition's record: its names, description and markers, less
    the words that more than ``DISTINCTIVE_SHARE`` of all records use."""
    rec = kb.record(concept_id)
    if rec is None:
        return _vocabulary(kb.long_forms(concept_id))
    cached = _DISTINCTIVE.get(id(kb))
    if cached is None or cached[0] is not kb:
        df: Counter[str] = Counter()
        for r in kb.records.values():
            df.update(_record_words(r))
        cached = _DISTINCTIVE[id(kb)] = (kb, df)
    df = cached[1]
    limit = max(2, int(DISTINCTIVE_SHARE * len(kb.records)))
    return frozenset(w for w in _record_words(rec) if df[w] <= limit)


def _prefixes(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in ("with", "from", "that")}


def _resembles(long: str, names: Iterable[str]) -> bool:
    """A definition that spells the asked condition out in other words or with a typo
    ("neuropyschiatric syndrome associated with strep"): most of its words start as the words of
    one of the condition's names do."""
    return resembles_prefixes(long, name_prefixes(names))


def name_prefixes(names: Iterable[str]) -> frozenset[str]:
    """How the words of the names start, as ``_resembles`` compares them: a caller that tries
    many definitions against the same names reads them once."""
    return frozenset().union(*(_prefixes(n) for n in names))


def resembles_prefixes(long: str, theirs: frozenset[str] | set[str]) -> bool:
    """``_resembles`` against the names' word starts already read (``name_prefixes``)."""
    mine = _prefixes(long)
    return bool(mine) and len(mine & theirs) >= 0.6 * len(mine)


def letters_on_page(text: str, letters: str, written: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where the letters stand alone in the text, written in capitals (or as the knowledge base
    writes them, "EoE"): "AS" counts, the word "as" does not."""
    # only the exact forms count, so they are found as literals and their ends checked: a
    # case-blind regex scan of the whole page for every reading of the letters cost more than
    # the rest of the topic stage
    global _RECENT_LETTERS
    forms = frozenset(f for f in (letters, *written) if f and f.lower() == letters.lower())
    # the answer depends on the text and the forms alone, and a page is asked for the same
    # letters by several stages (the question's reading, the letters' reading, the topic): the
    # last few answers are kept, with their texts (so ``is`` cannot meet a new text at an old
    # address), in one tuple replaced whole (threads read it as it was or as it is)
    recent = _RECENT_LETTERS
    for seen, seen_forms, kept in recent:
        if seen is text and seen_forms == forms:
            return list(kept)
    found = []
    for i in find_any(text, forms):
        for form in forms:
            if not text.startswith(form, i):
                continue
            j = i + len(form)
            if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
                found.append((i, j))
    spans = sorted(set(found))
    _RECENT_LETTERS = ((text, forms, tuple(spans)), *recent[: _KEEP_LETTERS - 1])
    return spans


# a page asks for one or two sets of forms; the texts are held while kept (as _PAGES holds four)
_KEEP_LETTERS = 4
_RECENT_LETTERS: tuple[tuple[str, frozenset[str], tuple[tuple[int, int], ...]], ...] = ()


def _joins(ch: str) -> bool:
    """A character that makes letters part of a longer word (as the regex class [\\w-])."""
    return ch.isalnum() or ch in "_-"


def _other_readings(
    kb: KnowledgeBase, asked: str, letters: str
) -> list[tuple[str, str, list[str]]]:
    """(concept id, name, names to look for) of every other reading of the letters: the other
    knowledge-base conditions behind them, and the common readings the asked record lists
    (``also``), linked to a terminology concept where one has that name."""
    out: list[tuple[str, str, list[str]]] = []
    for cid in kb.terms.readings(letters):
        if cid != asked:
            out.append((cid, kb.name(cid), kb.long_forms(cid)))
    rec = kb.record(asked)
    for entry in rec.abbreviations if rec else ():
        if entry.short.upper() != letters:
            continue
        for also in entry.also:
            name = re.sub(r"\s*\(.*?\)\s*", " ", also).strip()
            ids = [i for i in kb.lookup(name) if i != asked]
            cid = ids[0] if ids else PAGE_CONCEPT + name
            if all(cid != o[0] for o in out):
                out.append((cid, name, [name, *(kb.long_forms(cid) if ids else [])]))
    return out


def _named(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for name in names:
        if len(name) < 4:
            continue
        # a long word of a name of several words may be shortened or inflected ("group B
        # strep", "pelvic inflammatory diseases"): its first five letters stand for it
        parts = name.split()
        words = [
            re.escape(w[:5]) + r"\w*"
            if len(w) > 5 and w.isalpha() and len(parts) > 1
            else re.escape(w)
            for w in parts
        ]
        pattern = r"(?<![\w-])" + r"\s+".join(words) + r"s?(?![\w-])"
        spans.update((m.start(), m.end()) for m in re.finditer(pattern, text, re.I))
    return sorted(spans)


def read_letters(
    page: Page, asked: str, letters: Iterable[str], kb: KnowledgeBase
) -> LetterReading | None:
    """Which reading of the question's letters the page uses, when it uses them (see
    docs/topic.md, "Letters with several readings"): its own definition of them first; else
    the reading it names in full more often; else the reading whose description its words fit.
    None when the page does not write the letters, or nothing settles them."""
    rec = kb.record(asked)
    written = [a.short for a in rec.abbreviations] if rec else []
    asked_name = kb.name(asked)
    for short in sorted(letters):
        spans = letters_on_page(page.text, short, written)
        if not spans:
            continue
        checkpoint()  # each step below reads the whole page (healthlens.limits)
        others = _other_readings(kb, asked, short)
        asked_spans = [
            (m.start, m.end) for m in page.mentions if m.concept_id == asked and m.via == "name"
        ]
        # 1. the page's own definition of the letters: the asked condition when it spells it out
        # (in other words, or with a typo), another reading when it spells that out; a meaning
        # of its own ("muscular sclerosis") only when the page never names the asked condition
        # a definition in a title that asks the question restates the question; the page's own
        # comes first ("Is Guillain-Barré syndrome (GBS) autoimmune?" / "GBS stands for group B
        # Streptococcus")
        end = title_end(page) if title_is_question(page) else 0
        for ab in sorted(page.abbreviations, key=lambda a: (a.start < end, a.start)):
            if ab.short.upper() != short:
                continue
            long = " ".join(ab.long.split())
            meaning = ab.long_concept
            if meaning != asked and _resembles(long, kb.long_forms(asked)):
                meaning = asked
            elif meaning != asked:
                # another reading of the letters, or a wrong expansion of the page's own
                reading = next(
                    (cid for cid, _, names in others if cid == meaning or _resembles(long, names)),
                    None,
                )
                if reading is None and asked_spans:
                    break  # a wrong expansion on a page that names the asked condition: step 2
                if reading is not None and reading.startswith(PAGE_CONCEPT):
                    reading = PAGE_CONCEPT + long  # a reading the knowledge base has no record of
                meaning = reading or meaning
            meaning = meaning or PAGE_CONCEPT + long
            return LetterReading(
                short,
                meaning,
                meaning[len(PAGE_CONCEPT) :]
                if meaning.startswith(PAGE_CONCEPT)
                else kb.name(meaning),
                meaning == asked,
                "definition",
                ab.long_start,
                ab.long_end,
            )
        # 2. the reading the page names in full most often
        best: tuple[int, str, str, list[tuple[int, int]]] | None = None
        for cid, name, names in others:
            found = _named(page.text, names)
            found += [
                (m.start, m.end)
                for m in page.mentions
                if m.concept_id == cid and m.via == "name" and (m.start, m.end) not in found
            ]
            if found and (best is None or len(found) > best[0]):
                best = (len(found), cid, name, sorted(found))
        if best is not None and best[0] > len(asked_spans):
            _, cid, name, found = best
            return LetterReading(short, cid, name, False, "named", *found[0])
        if asked_spans:
            return LetterReading(short, asked, asked_name, True, "named", *asked_spans[0])
        # 2b. words whose initials spell the letters out as something that is no condition
        # ("JDM, an acronym for Japanese Domestic Market", "“JDM” - Joint Design Manufacturers")
        spelled = _spelled_out(page.text, short, kb, [*kb.long_forms(asked), asked_name])
        if spelled is not None:
            start, end = spelled
            long = " ".join(page.text[start:end].split())
            return LetterReading(short, PAGE_CONCEPT + long, long, False, "definition", start, end)
        # 3. the page's words: the asked condition's description against the other readings'
        seen: dict[str, tuple[int, int]] = {}
        for m in _WORD.finditer(page.text.lower()):
            seen.setdefault(_stem(m.group()), (m.start(), m.end()))
        asked_words = sorted(_record_vocabulary(kb, asked) & seen.keys(), key=seen.__getitem__)
        other_best: tuple[list[str], str, str] | None = None
        for cid, name, names in others:
            vocab = _vocabulary(names) | (
                _record_vocabulary(kb, cid) if not cid.startswith(PAGE_CONCEPT) else frozenset()
            )
            hit = sorted(vocab & seen.keys(), key=seen.__getitem__)
            if other_best is None or len(hit) > len(other_best[0]):
                other_best = (hit, cid, name)
        other_words = other_best[0] if other_best else []
        least = VOCABULARY_MIN if other_words else VOCABULARY_ALONE
        if len(asked_words) >= least and len(asked_words) >= 2 * len(other_words) + 1:
            return LetterReading(
                short,
                asked,
                asked_name,
                True,
                "vocabulary",
                *seen[asked_words[0]],
                tuple(page.text[a:b] for a, b in map(seen.__getitem__, asked_words)),
            )
        if other_best and len(other_words) >= 2 and len(other_words) > len(asked_words):
            cid, name = other_best[1], other_best[2]
            return LetterReading(
                short,
                cid,
                name,
                False,
                "vocabulary",
                *seen[other_words[0]],
                tuple(page.text[a:b] for a, b in map(seen.__getitem__, other_words)),
            )
    return None


_STOP = frozenset({"of", "and", "the", "for", "in", "to", "with", "a", "an", "or", "on", "by"})


def _spelled_out(
    text: str, letters: str, kb: KnowledgeBase, asked_names: list[str]
) -> tuple[int, int] | None:
    """Where the page writes words whose initials spell ``letters`` (three or more) and that name
    no condition: capitalised ("Japanese Domestic Market", "International Business Machines"),
    or just after the letters ("JDM ... refer to it as Japanese domestic market"). None when
    there are none, or the words spell out a condition (the asked one in other words, or one the
    terminology knows): those are rule 1's and 2's."""
    initials = letters.lower()
    n = len(initials)
    if n < 3 or not initials.isalpha():
        return None
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*", text))
    ends = [e for _, e in letters_on_page(text, letters)]

    def near(at: int) -> bool:  # within 80 characters after the letters
        k = bisect_right(ends, at)
        return k > 0 and at - ends[k - 1] < 80

    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if "".join(w.group()[0].lower() for w in run) != initials:
            continue
        if any(w.group().lower() in _STOP for w in run):
            continue
        if any(text[a.end() : b.start()].strip(" ") for a, b in pairwise(run)):
            continue  # one phrase: the words separated by spaces only
        capitalised = all(w.group()[0].isupper() for w in run)
        if not (capitalised or near(run[0].start())) or run[0].group().isupper():
            continue
        start, end = run[0].start(), run[-1].end()
        phrase = text[start:end]
        if _resembles(phrase, asked_names) or ends_in_condition_head(phrase):
            continue
        if any(h.via == "name" for h in kb.find(phrase)):
            continue
        return start, end
    return None

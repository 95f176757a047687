"""Credibility signals after the JAMA benchmarks (authorship, attribution, currency, disclosure),
plus a medical disclaimer, commercial intent and first-person anecdote. Each signal keeps the
offsets of the text that showed it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from heapq import merge
from itertools import chain, islice
from operator import methodcaller
from urllib.parse import urlparse

from ..fastmatch import find_all, fold_text, match_at, scanner
from ..models import Credibility, Page
from ..read.dates import find_date, parse_date
from .source_names import AGENCIES, JOURNAL_HEADS, JOURNALS, SOURCE_VERBS

__all__ = ["assess_credibility", "AUTHORITY_DOMAINS"]

AUTHORITY_DOMAINS = (
    "nih.gov",
    "cdc.gov",
    "fda.gov",
    "medlineplus.gov",
    "ncbi.nlm.nih.gov",
    "pubmed",
    "who.int",
    "nhs.uk",
    "nice.org.uk",
    "doi.org",
    "cochranelibrary.com",
    "thelancet.com",
    "nejm.org",
    "jamanetwork.com",
    "bmj.com",
    "nature.com",
    "sciencedirect.com",
    "springer.com",
    "wiley.com",
    "rheumatology.org",
    "aaaai.org",
    "acaai.org",
    "aad.org",
    "thyroid.org",
    "nationalmssociety.org",
    "arthritis.org",
    "lupus.org",
    "crohnscolitisfoundation.org",
    "celiac.org",
    "diabetes.org",
    "heart.org",
    "cancer.org",
    "aafa.org",
    "foodallergy.org",
    "autoimmune.org",
    "rarediseases.org",
    "kidney.org",
    "endocrine.org",
    "gastro.org",
    "acg.gi.org",
    "mayoclinic.org",
    "clevelandclinic.org",
    "hopkinsmedicine.org",
    ".gov",
    ".edu",
    "europepmc.org",
)
# Name shapes. A name token is capitalised ("Ana", "McDonald", "DeAnna", "O'Neil", "Lopez-Reyes",
# "Zoë", "Łukasz"); initials stand before or inside a name ("J. Smith", "A.J. Rowe", "Julian C
# Knight"); lower-case particles stand inside one ("Ana de la Cruz", "Jan van der Berg"). Latin-1 and
# Latin Extended-A letters count (accented names are common); each part starts on a fixed character,
# so the pattern stays linear on any text.
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_LO = "a-zß-öø-ÿ\u0100-\u017f"
_TOKEN = rf"(?:[{_UP}]['’][{_UP}][{_LO}]+|[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?)(?:[-'’‑][{_UP}]?[{_LO}]+)*"
_INITIALS = rf"[{_UP}]\.(?:[ \t]?[{_UP}]\.){{0,2}}"
_PARTICLE = r"(?:van|von|de|del|della|der|den|di|da|du|dos|das|la|le|bin|ibn|al|el|ter|ten)"
_HONORIFIC = r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+|(?:Doctor|Professor|Sir|Dame)\s+)"
_NAME = (
    rf"(?:{_HONORIFIC}?(?:{_TOKEN}|{_INITIALS})"
    rf"(?:\s+(?:{_INITIALS}|{_TOKEN}|[{_UP}](?![\w.])|{_PARTICLE}(?=\s+(?:{_PARTICLE}\s+)?[{_UP}])"
    # a nickname in brackets or quotes inside the name: "Youssef (Jo) Haddad", 'Ana "Annie" Ruiz'
    rf"|[(\"“][{_UP}][{_LO}]+[)\"”](?=\s+[{_UP}]))){{1,4}}"
    # a byline in capitals: "BY ANA RUIZ"
    r"|[A-Z]{2,}(?:-[A-Z]{2,})?(?:\s+[A-Z]\.?)?(?:\s+[A-Z]{2,}(?:-[A-Z]{2,})?){1,2}\b)"
)
_ORG = r"(?:the\s+)?[A-Z][\w&]+(?:\s+[A-Z][\w&]+){0,3}\s+(?:Team|Editors|Editorial Team|Editorial Board|Medical Team|Clinical Team|Staff)"
_AUTHOR = re.compile(
    r"(?i:\b(?:(?:written|posted|filed|answered|reviewed|medically reviewed|clinically reviewed|fact[- ]checked|authored|edited|compiled)\s+by|by|author)\b)\s*:?\s*"
    rf"({_NAME}|{_ORG})"
)
# a name on one line (a byline's name never runs on into the next line)
_NAME_1 = _NAME.replace(r"\s+", r"[ \t]+")
_ORG_1 = _ORG.replace(r"\s+", r"[ \t]+").replace(
    "(?:Team|Editors|", "(?:Team|team|staff|Editors|"
)  # "by the Example team", "By Example Clinic staff"
# a byline cue that names an author wherever it stands ("Medically reviewed by", "Written by",
# "Author:"); a bare "By" names one only where it opens a line or follows a separator
# the verbs of a byline ("Written by") and the labels that open one only at a line's start
# ("Response by"), for the byline and for what may stand before its name (``_BY_LEAD``)
_BY_VERBS = (
    r"written|posted|filed|answered|reviewed|fact[- ]checked|authored|edited|compiled|contributed|"
    r"prepared|words|reported|story|asked|blog"
)
_BY_LABELS = r"submitted|response|answer|reply|approved"
_BYLINE = re.compile(
    # (two verbs joined: "written and edited by", "reviewed and approved by")
    rf"(?i:\b(?:{_BY_VERBS}|medically\s+reviewed|clinically\s+reviewed)"
    rf"(?:\s+(?:and|&)\s+(?:{_BY_VERBS}|approved|medically\s+reviewed))?\s+by\b|"
    # a label opening its line ("Response by:"; not "an immune response by T cells")
    rf"(?:^|(?<=\n))[ \t*_•-]{{0,3}}(?:{_BY_LABELS}|"
    r"(?:(?:medical|clinical|publication|expert|editorial|peer|content)[ \t]+)?review)\s+by\b|"
    r"\bauthor(?:ed)?\s*:|\bauthor\(s\)\s*:|\b(?:medical\s+|clinical\s+)?(?:reviewer|writer|contributor|author|editor)s?\s*:"
    r"|\babout\s+the\s+author\s*:?"
    # (the same labels as publishers in other languages print them: "verfasst von", "Autoren:",
    # "Autores:", "Autori:", "Автори:")
    r"|\bverfasst\s+von\b|\b(?:autor(?:en|es|as|i)?|автор[иы]?)\s*:"
    r"|(?:^|(?<=\n)|(?<=[|•·—–]))[ \t*_-]{0,3}by\b)"
    # the name may stand on the next line, or after a blank line
    rf"[ \t]*:?[ \t]*(?:\n[ \t•*-]*){{0,2}}({_ORG_1}|{_NAME_1}"
    rf"|{_TOKEN}[ \t]+[a-z]{{2,}}(?=[ \t]*(?:\n|$)))"  # a byline ending in a surname typed in lower case
)
# a name line under the title with credentials after it: "Jane Roe, MD" / "Jo Doe MEd, RDN", and
# what a byline line may carry after them: "Jane Roe, RN | May 4, 2024"
_CREDENTIALS = (
    r"MD|M\.D\.|PhD|Ph\.D\.|DO|D\.O\.|RN|BSN|MSN|APRN|FNP(?:-BC)?|DNP|NP|PA-C|PA|CRNP|CNM|RDN|RD|LDN|LD|CDN|"
    r"CDCES|CDE|IBCLC|MEd|MS|MA|MSc|BSc|BA|MPH|DrPH|MHS|MBA|MSW|LCSW|LPC|PsyD|FACP|FACR|FAAD|FAAP|FACOG|FACS|FACE|"
    r"FAAN|FRCP|FRCPC|FRACP|FRACS|FRCS|MRCP|MRCGP|MBBS|MBChB|BMBS|BDS|PharmD|RPh|DPM|DDS|DMD|DC|ND|OD|DPT|PT|OTR|"
    r"CPT|MMSc|LAc|CNS|CD|PHD|PHARMD|"  # (the last two as some bylines type them, in capitals)
    r"MMedSc|MMed|FRCPI|FRCPath|MACP|FACG|FACC|FAHA|"  # (physicians' degrees and fellowships)
    r"DVM|VMD|BVSc|BVMS|MRCVS|DACV[A-Z]{1,4}|DABVP"  # (a vet's: "Ana Ruiz, DVM, DACVIM")
)
# after a credential the list knows, a fellowship it does not: "F" and the college's capitals
# ("Ana Ruiz FRACP, FANZAN, PhD"); other capitals ("MD, XQZW") are no credential
_FELLOWSHIP = r"F[A-Z]{2,9}(?![\w-])"
_CREDENTIALED = re.compile(
    rf"^[ \t•*-]*({_NAME_1}),?[ \t]+(?:{_CREDENTIALS})\b[., \t]*"
    rf"(?:(?:(?:{_CREDENTIALS})\b|{_FELLOWSHIP})[., \t]*)*(?:[|•·—–][^\n]{{0,80}}"
    # or the page's date label run on after the credentials: "Jane Roe, MD Page last modified: ..."
    r"|(?i:page[ \t]+)?(?i:last[ \t]+(?:modified|updated|reviewed)|updated|published|posted|modified)"
    r"\b[^\n]{0,60})?$",
    re.M,
)
# a named doctor answering the page's question: "Dr. Ana Ruiz answers ..."
_DOCTOR_ANSWERS = re.compile(
    r"\b(Dr\.?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*){1,2})[ \t]+"
    r"(?:answers|answered|answer|explains|writes|responds|responded|response|replies|replied|reply)\b"
)
# a Q&A answer's header line: "Ana Ruiz, Rheumatology, answered" (a name and, at most, a role
# before the verb that closes the line; one capital may stand glued before the name, the initial
# of an avatar that lost its space)
_ANSWERED_LINE = re.compile(
    rf"^[ \t•*-]*(?:[A-Z](?=[A-Z][a-z]))?({_NAME_1})(?:,[ \t]+[^,\n]{{2,40}})?,?[ \t]+"
    r"(?:answered|replied|responded)[ \t]*:?[ \t]*$",
    re.M,
)
# a citation record's author tag, as reference managers export them: RIS "AU  - Ruiz, Ana",
# RefWorks "A1 Ruiz, Ana M." (the tag in capitals opening its line or after a blank, then the
# surname, a comma and the given name)
_TAGGED_AUTHOR = re.compile(
    rf"(?<![^\n \t])(?:AU|A1)[ \t]+(?:-[ \t]+)?({_TOKEN},[ \t]+{_TOKEN}(?:[ \t]+{_INITIALS})?)"
)
# a journal article's citation of itself names its authors: "Cite this article as: Ruiz, A., ..."
# (a book's or an encyclopedia's too: "How to cite this chapter: Ruiz A, Cole B. ..."; and the
# label alone opening its line, the citation under it: "Citation:" / "Ruiz A, Cole B. Title. ...",
# "Send citation to:" / "Ruiz A, Cole B. ...")
_CITE_AS = re.compile(
    r"(?i:\bcite[ \t]+this[ \t]+(?:article|paper|chapter|entry|page)(?:[ \t]+as)?|"
    r"\bhow[ \t]+to[ \t]+cite(?:[ \t]+this[ \t]+(?:article|paper|chapter|entry|page))?|"
    r"(?:^|(?<=\n))[ \t]*(?:(?:suggested|send)[ \t]+)?citation(?:[ \t]+to)?(?=[ \t]*:))"
    rf"[ \t]*:[ \t]*(?:\n[ \t]*){{0,2}}([A-Z][\w'’-]+,?[ \t]+{_INITIALS}|[A-Z][\w'’-]+[ \t]+[A-Z]{{1,3}}(?=[,.;])|{_NAME_1})"
)
_CITE_WORD = re.compile(r"[Cc](?:ITE\b|ite\b|itation)")
# the same words, one pattern for each first letter: ``re`` jumps from one "c" to the next for a
# pattern that opens on one letter, but tries a class ("[Cc]") at every character
_CITE_WORDS = tuple(re.compile(c + _CITE_WORD.pattern[4:]) for c in "Cc")
# two names in a row, each with its credentials, wherever they stand on a line: a journal's author
# line run on from the title or into the affiliations, the names apart by a semicolon or their
# credentials marked with affiliations ("... Management Ana L. Ruiz, DO, MSS; Ben Cole, DO; and
# ...", "Ana Ruiz, MBBS1, Ben Cole, MD2"; not "Ana Ruiz, MD, and Ben Cole, MD, said", people
# quoted in a sentence)
_PERSON_2 = rf"{_TOKEN}(?:[ \t]+(?:{_INITIALS}|[{_UP}]{{1,2}}\.?|{_TOKEN}))?[ \t]+{_TOKEN}"
_CRED_MARKED = rf"(?:{_CREDENTIALS})(?:\d{{1,2}}|[a-z*†])?(?![A-Za-z])"
_CREDENTIAL_AFTER_COMMA = re.compile(rf",[ \t]+{_CRED_MARKED}")
_CRED_GLUED = rf"(?:{_CREDENTIALS})(?:\d{{1,2}}|[a-z*†])(?![A-Za-z])"
# (after a known credential, others in capitals: "DO, MSS")
_MORE_CREDENTIALS = rf"(?:,[ \t]*(?:{_CRED_MARKED}|[A-Z]{{2,5}}(?![A-Za-z])))*"
_CREDENTIALED_PAIR = re.compile(
    rf"({_PERSON_2}),[ \t]+(?:{_CRED_GLUED}{_MORE_CREDENTIALS}[ \t]*,|{_CRED_MARKED}{_MORE_CREDENTIALS}[ \t]*;)"
    rf"[ \t]*(?:and[ \t]+)?{_PERSON_2},[ \t]+{_CRED_MARKED}"
)
# a name line with the writer's role beside or under it: "Ana Ruiz | Staff Writer", "Ana Ruiz\nHealth
# Reporter" (writing roles only: a list of experts with their specialties names no author)
_ROLE_QUALIFIER = r"(?:Senior|Staff|Contributing|Freelance|Health|Medical|Science|Lead|Chief|Associate|Managing|Guest)"
_ROLE_LINE = re.compile(
    # (a blank line may stand between them; a team signs as one: "Example Care Team" / "Author")
    rf"^[ \t•*-]*({_NAME_1}|{_ORG_1})[ \t]*(?:[|,•·—–-][ \t]*|\n(?:[ \t]*\n)?[ \t]*)"
    # the role's field may be two words joined: "Science & Policy Writer", "Food and Health Editor"
    rf"(?:{_ROLE_QUALIFIER}[ \t]+|[A-Z][a-z]+[ \t]+(?:&|and)[ \t]+[A-Z][a-z]+[ \t]+)?"
    r"(?:Writer|Editor|Reporter|Correspondent|Contributor|Journalist|Author|Columnist|Blogger)\b",
    re.M,
)
# a journal page's author line: "Ana Ruiz et al. J Gut Sci." / "Ana Ruiz, Department of ...,"
# / "Ruiz, Ana M. MD; Cole, Ben PhD" (surname first, credentials after)
_AFFILIATION = (
    r"(?:Department|Dept\.?|Division|Faculty|School|University|Hospital|Institute|Center|Centre|"
    r"College|Laboratory|Unit|Clinic|"
    # (as journals in other languages write them: "Dipartimento di ...", "Universidade ...")
    r"Dipartimento|Departamento|Département|Departament|Universit[àé]|Universität|Universidad|"
    r"Universidade|Università|Istituto|Instituto|Institut|Hôpital|Ospedale|Facultad|Faculdade|"
    r"Faculté|Servicio|Klinik)\b"
)
_ACADEMIC_AUTHOR = re.compile(
    rf"^[ \t•*-]*({_NAME_1})[ \t]+et[ \t]+al\.|"
    rf"^[ \t•*-]*({_NAME_1}),[ \t]+(?:[^,\n]{{0,60}},[ \t]+)?{_AFFILIATION}|"
    rf"^[ \t•*-]*([A-Z][\w'’-]+,[ \t]+{_TOKEN}(?:[ \t]+{_INITIALS})?),?[ \t]+(?:{_CREDENTIALS})\b[^\n]{{0,20}}[;,]",
    re.M,
)
# a journal page's author line with affiliation numbers glued to the names ("Ana Ruiz1*",
# "Ana Ruiz1,2Ben Cole3"): a name opening its line with a number right after its last letter,
# then a star, a comma, the next name or the line's end; read only where a line opens with an
# affiliation number glued to its department ("1Department of ...", "• 2 School of ...")
# (a publisher's page may type each name twice, the first copy ending in an entity that lost its
# number: "Ana Ruiz&#x;Ana Ruiz1†Ben Cole2")
_GLUED_AUTHOR = re.compile(
    rf"^[ \t•*-]*({_NAME_1})(?:&#x;{_NAME_1})?\d{{1,2}}(?:,\d{{1,2}})*\*?(?=[{_UP}*†‡,]|[ \t]*(?:\n|$))",
    re.M,
)
# an affiliation line under the author list: its number, then (within four words) the body:
# "1Department of ...", "• 2 School of ...", "1. Department of ...", "3 Example Telethon Institute"
_AFFILIATION_NUMBERED = (
    rf"[ \t•*-]*\d{{1,2}}\.?[ \t]*(?:[{_UP}][\w'’&-]*[ \t]+){{0,3}}?{_AFFILIATION}"
)
_NUMBERED_AFFILIATION = re.compile(rf"\n{_AFFILIATION_NUMBERED}")  # (never the first line)
_AFFILIATION_LINE = re.compile(_AFFILIATION_NUMBERED)
# a line that holds nothing but a name's affiliation marks: "1", "1,2", "2*"
_MARKS_LINE = re.compile(r"[ \t]*\d{1,2}(?:[ \t]*,[ \t]*\d{1,2})*[ \t]*[*†‡]?[ \t,]*$")
# an author box: a name on its line, the credentials opening the next ("Ana Ruiz" over "MD, PhD,
# Professor of ..."): two credentials, or one before a comma and a capital, or alone on the line
_CREDENTIALS_BELOW = re.compile(
    rf"^[ \t•*-]*({_NAME_1})[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:{_CREDENTIALS})\b"
    rf"(?:,[ \t]*(?:{_CREDENTIALS})\b)*(?:,[ \t]*[A-Z]|[ \t]*(?:\n|$))",
    re.M,
)
# an author box's sentence: "Ana Ruiz is a health writer ...", "Luke is a Example Site writer
# living with ..." (a name opening its line, then "is a/an/the", then a writing role within a few
# words)
_WRITER_BOX = re.compile(
    # (an initial may open or stand inside the name: "M. Ana Ruiz is a writer"; "Dr. Ana Ruiz is
    # the author of a blog")
    rf"^[ \t•*-]*((?:{_HONORIFIC})?(?:{_INITIALS}[ \t]*)?{_TOKEN}(?:[ \t]+(?:{_INITIALS}|{_TOKEN})){{0,2}})"
    r"[ \t]+is[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[\w'’&-]+[ \t]+){0,6}?(?i:writer|author|journalist|editor|contributor|blogger|columnist|reporter)\b"
    # (not a researcher the page reports on: "Dr. Ana Ruiz is the lead author of a new study")
    r"(?![ \t]+of[ \t]+(?:(?:a|an|the|this|that|these)[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?"
    r"(?i:study|studies|paper|papers|review|trial|report|analysis|research|findings|survey)\b)",
    re.M,
)
# a box that presents the expert who answers or wrote the page: a heading "Expert Answer" / "About
# the expert(s)" / "Meet the expert", then a name with credentials opening the next line ("Ana
# Ruiz, MD, is a ..."; a name without credentials under such a heading may be a patient's)
_EXPERT_BOX = re.compile(
    r"^[ \t•*-]*(?i:expert[ \t]+answers?|about[ \t]+(?:the|our|this)[ \t]+experts?|"
    r"meet[ \t]+(?:the|our)[ \t]+experts?)[ \t]*:?[ \t]*\n(?:[ \t]*\n)?"
    rf"[ \t•*-]*({_NAME_1}),?[ \t]+(?:{_CREDENTIALS})\b",
    re.M,
)
# a Q&A's headline naming the expert who answers, opening one of the first lines: "Q&A with
# Dr. Ruiz", "Ask Professor Ana Ruiz:", "Talk with Dr. Cole: ..." (an honorific needed: "Ask
# your pharmacist" names no one)
_QA_WITH = re.compile(
    r"^[ \t•*-]*(?:Q[ \t]?&[ \t]?A|Ask|Talk|Chat|(?:A[ \t]+)?Conversation)(?:[ \t]+(?i:with))?[ \t]+"
    rf"((?:(?:Dr|Prof)\.?|Doctor|Professor)[ \t]+{_TOKEN}(?:[ \t]+(?:{_INITIALS}|{_TOKEN})){{0,2}})"
    r"(?=[ \t]*(?:[:|,–—-]|\n|$))",
    re.M,
)
# A scholarly page's author line, as journals, indexes and repositories type it: personal names
# separated by commas, semicolons or "and", each with what may follow a name there (affiliation
# marks "1,2", "a,b", "*", glued or spaced, and credentials "MD, PhD"): "Ana Ruiz 1,2, Ben Cole 3",
# "Ana Ruiz a,b, M Ben Cole c", "Ana Ruiz, MD, PhDa,b, Ben Cole, MDc, and", "A Ruiz1, B Cole2",
# "Ana Ruiz, N. Ben Cole, Dan Ode" (three or more names need no marks). A name here has two to five
# parts, the last a surname; the others may be initials with or without their stops ("M Eric
# Ode", "Dan WH Lee"). Read item by item (each match is anchored where the last one ended), so
# no line costs more than one pass.
_JOURNAL_PERSON = re.compile(
    rf"(?:(?:{_TOKEN}|[{_UP}]{{1,2}}\.?|[{_UP}]\.[ \t]?[{_UP}]\.)[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}){{1,4}}"
    # (a mark may be glued to the surname: "Ana Ruiz1"; some journals type surnames in capitals:
    # "Ana RUIZ1)")
    rf"(?:{_TOKEN}|(?!(?:{_CREDENTIALS})(?![{_UP}]))[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?)(?![^\W\d_]|['’-])"
    # or the whole name in capitals, given name, initials and surname: "ANA M RUIZ 1,*"
    rf"|(?!(?:{_CREDENTIALS})(?![{_UP}]))[{_UP}]{{3,}}(?:[ \t]+[{_UP}]\.?){{0,2}}[ \t]+"
    rf"(?!(?:{_CREDENTIALS})(?![{_UP}]))[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?(?![^\W\d_]|['’-])"
)
# an initial inside a name ("Ana M. Ruiz", "M Ana Ruiz", "Dan WH Lee"): a list of tips or topics
# in title case ("Eat Well, Sleep More, Move Daily") has none
_HAS_INITIAL = re.compile(rf"(?<![\w.'’-])[{_UP}]{{1,2}}\.?(?=[ \t]|$)|[{_UP}]\.[{_UP}]\.")
# ("1)": "Ana RUIZ1)"; an envelope marks the corresponding author: "Ana Ruiz 1,✉"; a
# publisher's low asterisk stands for "*": "Ana Ruiz ⁎")
_MARK = r"(?:\d{1,2}\)?|[a-z](?![a-z])|[*⁎†‡§#✉])"
# (a symbol may follow a number without a comma: "Ana Ruiz1#", "Ben Cole 2*", "Ode * †")
_JOURNAL_MARKS = re.compile(rf"[ \t]*{_MARK}(?:[ \t]*,[ \t]*{_MARK}|[ \t]*[*⁎†‡§#✉])*")
_JOURNAL_CREDENTIAL = re.compile(rf",?[ \t]+(?:{_CREDENTIALS})(?![A-Za-z]{{2}})")
# (an index may leave an empty mark's comma behind: "Ana Ruiz 1,*,, Ben Cole 1,, Dan Ode 2")
_JOURNAL_SEP = re.compile(r"[ \t]*(?:[,;&]|\band\b)(?:[ \t]*,)*[ \t]*(?:and[ \t]+)?")
# what stands under a journal's author line (or its names one a line) and under no list of staff:
# "Corresponding author", "Received: 4 May 2021", "Research output: ...", "Author information",
# the abstract's heading (not an affiliation line: a clinic's doctors stand over their department
# too)
_JOURNAL_MARKER = re.compile(
    r"[ \t•*-]*(?i:corresponding[ \t]+author|research[ \t]+output[ \t]*:|author[ \t]+information|"
    r"affiliations?[ \t]*(?::|$)|pmcid|pmid\b|doi\b|"
    r"(?:received|accepted|submitted)(?:[ \t]+(?:date|on))?[ \t]*(?::|\d)|"
    # a book publisher's label for the page's kind, alone on its line: "Chapter", "Conference paper"
    r"(?:chapter|conference[ \t]+paper|(?:living[ \t]+)?reference[ \t]+work[ \t]+entry)[ \t]*$|"
    # the abstract's heading, alone or before its text, or a structured abstract's first section
    # with its colon: "Abstract", "ABSTRACT: ...", "Background: ...", "Objective: ..."
    r"abstract[ \t]*(?:[:.]|$)|(?:background|objectives?|purpose|aims?)[ \t]*:)"
)
# a journal's header lines that follow its author line: an index's identifiers, its affiliations
_AFTER_AUTHORS = re.compile(
    r"[ \t•*-]*(?:PMCID|PMID|DOI|doi|Author[ \t]+information|Affiliations?\b|\d{1,2}[ \t]?[A-Z])"
)
# words that end a place's or a body's name, not a person's: "San Remo", "Port Ellis", "Ana
# Ruiz Clinic"
_NOT_PERSON = re.compile(
    r"(?i:\b(?:san|santa|los|las|saint|st|fort|port|lake|mount|mt|new|department|dept|division|"
    r"faculty|school|university|hospital|institute|college|laboratory|unit|clinic|team|staff|"
    r"board|center|centre|association|foundation|society|academy|group|inc|ltd|llc)\b)"
)


# a surname-first author list, the names apart by semicolons: "RUIZ, ANA M.*; COLE, BEN",
# "Ruiz, Ana M.; Cole, Ben; Ode, D."
_CAPS_WORD = r"[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?"
_SURNAME_FIRST_ITEM = (
    rf"(?:{_CAPS_WORD},[ \t]+{_CAPS_WORD}|{_TOKEN},[ \t]+(?:{_TOKEN}|{_INITIALS}))"
    rf"(?:[ \t]+(?:{_INITIALS}|[A-Z]\b|{_TOKEN}|{_CAPS_WORD}))*[ \t]*[*†‡]?(?:\d{{1,2}}(?:,\d{{1,2}})*)?"
)
_SURNAME_FIRST_LIST = re.compile(
    rf"[ \t•*-]*({_SURNAME_FIRST_ITEM})(?:[ \t]*;[ \t]*{_SURNAME_FIRST_ITEM}){{1,}}[ \t;.]*$"
)


_NUMBERED = re.compile(r"[ \t]*\d{1,2}\.[ \t]+")

# an index's author list, surname then initials, three or more apart by commas, as a citation
# line opens: "Greco A, Rizzo MI, De Virgilio A, Gallo A. Goodpasture's syndrome: ..."
_INDEX_ITEM = rf"({_TOKEN}(?:[ \t]+{_TOKEN})?)[ \t]+[A-Z]{{1,3}}(?![\w'’-])"
_INDEX_LIST = re.compile(
    rf"[ \t•*-]*{_INDEX_ITEM}(?:,[ \t]*{_INDEX_ITEM.replace('(', '(?:', 1)}){{2,}}(?:,?[ \t]+et[ \t]+al)?[ \t]*[.;]"
)
_INDEX_SURNAMES = re.compile(rf"(?:^|,)[ \t•*-]*{_INDEX_ITEM}")
_INDEX_NAME = re.compile(_INDEX_ITEM)  # one item, surname and initials: "Greco A"
# a journal's citation line under its authors: "Menopause Rev 2016; 15(4): 210-214"
_CITATION_LINE = re.compile(
    r"[ \t]*[A-Z][\w.&-]*(?:[ \t]+[A-Za-z][\w.&-]*){0,6}[ \t]+(?:19|20)\d\d[ \t]*[;,.][ \t]*\d{1,4}[ \t]*"
    r"(?:\(\d{1,3}(?:[-–]\d{1,3})?\))?[ \t]*:"
)


# a study group credited after an author list: "...; for the Example Study Group", "on behalf of
# the Example Investigators" (its marks after it)
_GROUP_CREDIT = re.compile(
    r"(?:for|on[ \t]+behalf[ \t]+of)[ \t]+the[ \t]+(?:[A-Z0-9][\w&'’-]*[ \t]+){1,6}"
    r"(?:Group|Network|Investigators|Consortium|Committee|Collaborators|Collaboration|Study|"
    r"Registry|Team|Project)[\d,*†‡ \t]*"
)


def _journal_names(line: str, start: int) -> tuple[list[tuple[int, int]], bool, int]:
    """The names read from ``start`` in a line of an author list: their spans, whether any
    carries an affiliation mark or a credential, and where the reading stopped."""
    names: list[tuple[int, int]] = []
    marked, pos = False, start
    while m := _JOURNAL_PERSON.match(line, pos):
        names.append((m.start(), m.end()))
        pos = m.end()
        while c := _JOURNAL_CREDENTIAL.match(line, pos):
            marked, pos = True, c.end()
            if k := _JOURNAL_MARKS.match(line, pos):
                pos = k.end()
        if k := _JOURNAL_MARKS.match(line, pos):
            marked, pos = True, k.end()
        sep = _JOURNAL_SEP.match(line, pos)
        if sep is None:
            break
        pos = sep.end()
    return names, marked, pos


def _person(name: str, page: Page, span: tuple[int, int]) -> bool:
    """``plausible_author`` for a person's name: never a body's, a place's or a condition's."""
    return not _NOT_PERSON.search(name) and plausible_author(name, page, span)


def _below_names(lines: list[str], i: int) -> str:
    """The first line holding text under line ``i`` and the lines of names that follow it (a
    journal's authors one a line: "• Ana Ruiz" over "• Ben Cole"), within six lines; past one
    short line that ends no sentence (an affiliation: "Unit of X, Example Hospital, Lakeside")
    when what only a journal's header holds stands under it."""
    for j in range(i + 1, min(i + 7, len(lines))):
        line = lines[j]
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip(" \t•*-"))
        names, _marked, end = _journal_names(line, lead)
        if len(names) != 1 or line[end:].strip(" \t,;."):
            if len(line) <= 200 and not line.rstrip().endswith((".", "!", "?")):
                after = next((x for x in lines[j + 1 : j + 3] if x.strip()), "")
                if _JOURNAL_MARKER.match(after):
                    return after
            return line
    return ""


def _author_line(page: Page, top: str) -> tuple[str, dict] | None:
    """The first name of a scholarly author line (above) in the first 1,500 characters, past the
    title: a line that holds nothing but names, two or more with marks or credentials, or three
    or more one of which has an initial, or one with marks over an index's identifiers or
    affiliations; a numbered list of three or more names, one a line, ended by commas ("1. Ana
    Ruiz,") or one with an initial; or a name glued to a repository's "Email author"."""
    lines = top.split("\n")
    pos = len(lines[0]) + 1
    numbered: list[tuple[int, int]] = []  # the run of numbered name lines
    listed = False  # whether one of them ends with a comma or has an initial
    for i in range(1, len(lines)):
        line, here = lines[i], pos
        pos += len(line) + 1
        if not 6 <= len(line) <= 700:
            if line.strip():
                numbered, listed = [], False
            continue
        lead = len(line) - len(line.lstrip(" \t•*-"))
        if (n := _NUMBERED.match(line)) is not None:
            names, _marked, end = _journal_names(line, n.end())
            if (
                len(names) == 1
                and not line[end:].strip(" \t,;.")
                and _person(line[slice(*names[0])], page, (here + names[0][0], here + names[0][1]))
            ):
                numbered.append((here + names[0][0], here + names[0][1]))
                listed = listed or line.rstrip().endswith(",")
                listed = listed or bool(_HAS_INITIAL.search(line, *names[0]))
                if len(numbered) >= 3 and listed:
                    a, b = numbered[0]
                    return page.text[a:b], _author_signal(page.text, a, here + len(line))
                continue
        if line.strip():
            numbered, listed = [], False
        if ";" in line and (sf := _SURNAME_FIRST_LIST.match(line)):
            name = sf.group(1).rstrip(" *†‡0123456789,")
            start = here + sf.start(1)
            if not _NOT_PERSON.search(name) and plausible_author(
                name, page, (start, start + len(name))
            ):
                return name, _author_signal(page.text, start, here + len(line))
        if (
            "," in line
            and lead == 0
            and (ix := _INDEX_LIST.match(line))
            and not _REFERENCES.search(top, 0, here)
        ):
            # (not an entry of a reference list: those cite other works' authors)
            surnames = [m.group(1) for m in _INDEX_SURNAMES.finditer(line, 0, ix.end())]
            # distinct surnames: "Hepatitis A, Hepatitis B, Hepatitis C" is no author list
            if len(set(surnames)) == len(surnames):
                first = _INDEX_NAME.match(line, ix.start(1))
                name = first.group(0) if first else ix.group(1)  # "Greco A"
                start = here + ix.start(1)
                if not _NOT_PERSON.search(name) and plausible_author(
                    name, page, (start, start + len(name))
                ):
                    return name, _author_signal(page.text, start, here + ix.end())
        cut = line.rfind("Email author")  # a repository's mark, glued to the name
        # (the list's separator may follow it: "Ana Ruiz1Email author," over "Ben Cole1 and")
        emailed = cut > 0 and line[cut + 12 :].strip(" \t,;") in ("", "and")
        names, marked, end = _journal_names(line[:cut] if emailed else line, lead)
        if not names:
            continue
        rest = line[end : cut if emailed else len(line)].strip(" \t,;.")
        emailed = emailed and len(names) == 1
        if rest and rest not in ("et al", "and") and not _GROUP_CREDIT.fullmatch(rest):
            continue
        if _JOURNAL_MARKER.match(_below_names(lines, i)):
            pass  # names over what only a journal's header holds: marks or not, they are authors
        elif len(names) == 1 and not emailed:
            after = next((x for x in lines[i + 1 : i + 3] if x.strip()), "")
            # a name alone over its affiliation ("Ana Ruiz" / "1 Department of ..."), or over
            # its marks alone on their line where the page numbers its affiliations ("Ana Ruiz"
            # / "1" / "," / "Ben Cole" ... "1. Department of ...")
            if not (marked and _AFTER_AUTHORS.match(after)) and not (
                _AFFILIATION_LINE.match(after)
                or _CITATION_LINE.match(after)  # "Ana Ruiz" / "Example Rev 2016; 15(4): 210"
                or (_MARKS_LINE.match(after) and _NUMBERED_AFFILIATION.search(top))
            ):
                continue
        elif (
            not marked
            and not emailed  # (one name glued to "Email author": read above)
            and (len(names) == 2 or not any(_HAS_INITIAL.search(line, a, b) for a, b in names))
        ):
            continue
        people = [(a, b) for a, b in names if _person(line[a:b], page, (here + a, here + b))]
        # (in a long list one name may read as something else: "Anca" as the antibodies)
        if people and len(people) >= len(names) - (len(names) >= 3):
            a, b = people[0]
            return line[a:b], _author_signal(page.text, here + a, here + len(line))
    return None


# A scholarly author line read by its shape, whatever marks the publisher prints beside the
# names: the marks set aside (affiliation numbers and letters glued or spaced, "*", "†", "ª",
# roman numerals glued to a surname, credentials), the line opens with two or more personal
# names apart by commas, semicolons or "and". The names count as a byline where they carry marks,
# where each has an initial, or where three or more do and one has an initial: a list of topics
# in title case has neither. Read in the header only, above the first line of running text.
# (and in brackets: "(a1)", "(2)")
_NAME_MARKS = re.compile(r"(?:\([a-z]?\d{1,2}\)|[0-9⁰¹²³⁴-⁹ªº*⁎†‡§#✉])+")
_NAME_SEPARATORS = re.compile(r"[ \t]*(?:[,;&]|\band\b)[ \t]*")
# (the line cut at its marks and separators, both kept)
_NAME_PARTS = re.compile(rf"({_NAME_MARKS.pattern}|{_NAME_SEPARATORS.pattern})")
# an initial: "J", "RW", "J.", "RW.", "J.K.", "A.B.C." (not "NHS", a body's letters)
_ITEM_INITIAL = re.compile(rf"[{_UP}]{{1,2}}\.?|(?:[{_UP}]\.){{1,3}}")
_ITEM_WORD = re.compile(_TOKEN)
_ITEM_PARTICLE = re.compile(_PARTICLE)
# a mark standing alone between the separators: "a", "bc", "III"
_MARK_ITEM = re.compile(r"[a-z]{1,2}|I{1,3}|IV|VI{0,3}")
# a list's number opening a line ("1.", "2)"), and a name's marks closing it
_LIST_NUMBER = re.compile(r"\d{1,3}[.)][ \t]+")
_TRAILING_NAME_MARKS = re.compile(rf"[ \t]*{_NAME_MARKS.pattern}$")
# three words in lower case in a row: the line runs on as a sentence, not as affiliations
_SENTENCE_WORDS = re.compile(r"\b[a-z]+[ \t]+[a-z]+[ \t]+[a-z]+\b")
# (what a line of running text ends on: its stop, or a note mark after it)
_PROSE_ENDS = frozenset(".!?])0123456789")
_ITEM_CAPS = re.compile(rf"[{_UP}]{{3,}}(?:-[{_UP}]{{2,}})?")
_ITEM_CREDENTIAL = re.compile(rf"(?:{_CREDENTIALS})\.?")
# a mark glued to a surname: a letter after one in capitals ("RUIZa"), a roman numeral after one
# in lower case ("RuizII")
_GLUED_LETTER = re.compile(rf"([{_UP}]{{3,}})([a-z]{{1,2}})")
_GLUED_ROMAN = re.compile(rf"({_TOKEN})(I{{1,3}}|IV|V|VI{{1,3}})")


def _parts(line: str) -> Iterator[tuple[int, str]]:
    """``_NAME_PARTS.split(line)`` with each part's start, one part at a time: most lines stop
    at their first part."""
    pos = 0
    for m in _NAME_PARTS.finditer(line):
        yield pos, line[pos : m.start()]
        yield m.start(), m.group(0)
        pos = m.end()
    yield pos, line[pos:]


def _name_item(item: str) -> tuple[str, bool, bool] | None:
    """``item`` (one entry of a line apart at its separators, its marks taken out) as a personal
    name: (the name, whether a mark or credential stood in it, whether it has an initial)."""
    tokens = item.split()
    marked = False
    while tokens and _ITEM_CREDENTIAL.fullmatch(tokens[-1]) and len(tokens) > 2:
        tokens.pop()
        marked = True
    if not 2 <= len(tokens) <= 5:
        return None
    kept, initial, words = [], False, 0
    for t in tokens:
        if _ITEM_INITIAL.fullmatch(t):
            initial = True
        elif m := _GLUED_LETTER.fullmatch(t) or _GLUED_ROMAN.fullmatch(t):
            t, marked, words = m.group(1), True, words + 1
        elif _ITEM_WORD.fullmatch(t) or _ITEM_CAPS.fullmatch(t):
            words += 1
        elif not (_ITEM_PARTICLE.fullmatch(t) or t == "-"):
            return None
        kept.append(t)
    if not words or _ITEM_CREDENTIAL.fullmatch(kept[-1]):
        return None
    return " ".join(kept), marked, initial


def _marked_names(page: Page, top: str) -> tuple[str, dict] | None:
    """The first name of the header's first author line read by its shape (above), past the
    title and above the first line of running text or a reference list's heading; or of its
    names one a line ("1. A. B. Ruiz," over "2. C. Cole"), two or more, each with an initial or
    one with a mark."""
    lines = top.split("\n")
    pos = len(lines[0]) + 1
    column: list[tuple[str, int, bool, bool]] = []  # names alone on their lines, in a row
    for line in lines[1:]:
        here = pos
        pos += len(line) + 1
        if got := _names_on_line(page, line, here):
            return got
        if alone := _name_alone(line):
            column.append((alone[0], here + line.find(alone[0].split()[0]), *alone[1:]))
            if (
                len(column) >= 2
                and (any(c[2] for c in column) or all(c[3] for c in column))
                and all(not _NOT_PERSON.search(c[0]) for c in column)
                and all(plausible_author(c[0], page, (c[1], c[1] + len(c[0]))) for c in column)
            ):
                name, at = column[0][:2]
                return name, _author_signal(page.text, at, here + len(line))
            continue
        if line.strip():
            column = []
        if (line.rstrip()[-1:] in _PROSE_ENDS and _is_prose(line, 8)) or _REFERENCES.match(line):
            return None  # the running text or the reference list has begun
    return None


def _name_alone(line: str) -> tuple[str, bool, bool] | None:
    """A line that holds one name and what may stand beside it in a list of authors one a line:
    a bullet or a list's number before it, marks and a comma after it."""
    if not 4 <= len(line) <= 80:
        return None
    body = line.strip(" \t•*-")
    if lead := _LIST_NUMBER.match(body):
        body = body[lead.end() :]
    body = body.rstrip(" \t,;")
    marks = _TRAILING_NAME_MARKS.search(body)
    if marks:
        body = body[: marks.start()]
    if any(sep in body for sep in (",", ";", " and ", "&")):
        return None
    got = _name_item(body.strip())
    return (got[0], got[1] or marks is not None, got[2]) if got else None


def _names_on_line(page: Page, line: str, here: int) -> tuple[str, dict] | None:
    """The first of the personal names that open ``line`` (at ``here`` in the page's text), where
    they read as a scholarly author line (above). A mark counts only after a name the line opens
    with: a list's number or a year further on marks no one."""
    if not 6 <= len(line) <= 700 or not any(sep in line for sep in (",", ";", " and ", "&")):
        return None  # (one name at most)
    # the names by their shape first (most lines hold none), each with whether a mark or a
    # credential stands in it or after it, whether it has an initial, and where it starts
    body = line.strip(" \t•-")
    shaped: list[list] = []
    end = len(body)  # where the run of names ends
    for start, part in _parts(body):
        if not part.strip() or _NAME_SEPARATORS.fullmatch(part):
            continue
        if _NAME_MARKS.fullmatch(part) or _MARK_ITEM.fullmatch(part.strip()):
            if shaped:
                shaped[-1][1] = True
            continue
        got = _name_item(part.strip(" \t-"))
        if got is None:
            end = start  # (the line runs on into the affiliations, a title or a sentence)
            break
        shaped.append([*got, start])
    if len(shaped) < 2:
        return None
    names: list[str] = []
    marked, initials = False, 0
    for name, mark, initial, start in shaped:
        if _NOT_PERSON.search(name) or not plausible_author(name, page):
            end = start  # "Orchard Clinic", "Clinical Features": no person
            break
        names.append(name)
        marked, initials = marked or mark, initials + initial
    if len(names) < 2 or not (marked or initials == len(names) or (len(names) >= 3 and initials)):
        return None
    after = _NAME_PARTS.search(body, end)  # (the item that ends the run, to its separator)
    if _SENTENCE_WORDS.search(body, end, after.start() if after else len(body)):
        return None  # the names open a sentence: "... and Dan Ode spoke at the fair"
    if _VANCOUVER_RE.search(line):
        return None  # a reference entry's authors: "Ruiz A, Cole B. Title. Gut. 2019;4:1-9"
    at = here + line.find(names[0].split()[0])
    if not plausible_author(names[0], page, (at, at + len(names[0]))):
        return None  # a condition the page names there
    return names[0], _author_signal(page.text, at, here + len(line))


# a name line over the same name (an avatar's or a picture's caption, then the byline's name):
# "Picture of Ana Ruiz" / "Ana Ruiz", "Dr. Ana Ruiz" / "Dr. Ana Ruiz Verified"
_CAPTION = re.compile(r"[ \t•*-]*(?:(?:Picture|Photo|Image|Portrait|Avatar)[ \t]+of[ \t]+)?")
_NAME_LINE = re.compile(rf"({_NAME_1})[ \t]*$")
# (a caption that presents a person: "Profile picture", "Author photo", "Avatar"; not a bare
# "Photo" or "Image", which may hang over anyone's picture)
_CAPTION_ALONE = re.compile(
    r"[ \t•*-]*(?i:(?:author|profile|user)(?:['’]s)?[ \t]+(?:picture|photo|image|avatar)|"
    r"avatar|headshot)[ \t]*"
)


# a header line that dates the page: "Published: May 2024", "Updated on 4 May 2024", "May 4, 2024"
_DATED_LINE = re.compile(
    r"[ \t•*|-]*(?:(?i:published|posted|updated|last[ \t]+updated|reviewed|date)\b|\d{1,2}[ \t./-]|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d)"
)
# a name alone in a header: "Ana Ruiz", "Ana M. Ruiz", "Ruiz, A." (surname first, initials after)
_SURNAME_FIRST = re.compile(rf"({_TOKEN},[ \t]+{_INITIALS})[ \t]*$")


def _name_by_date(page: Page, top: str) -> tuple[str, dict] | None:
    """A byline block in the first twenty lines: names alone on their lines right over (or
    under) a line that dates the page, blank lines aside ("Ana M. Ruiz" / "Published: May 2024",
    "4 May 2024" / "Ruiz, A."), where the name has an initial, an honorific or its surname
    first: a heading over a date ("Key Facts" / "May 4, 2024") is in title case too."""
    lines = top.split("\n")[:20]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    dated = [k for k, i in enumerate(filled) if _DATED_LINE.match(lines[i])]
    if not dated:
        return None  # (most pages: no dated line in the header, so no name to look for)
    for k, i in enumerate(filled):
        if i == 0 or not any(k - 1 <= d <= k + 3 for d in dated):
            continue  # (the title; a line no dated line stands near)
        line = lines[i]
        lead = len(line) - len(line.lstrip(" \t•*-"))
        m = _NAME_LINE.match(line, lead) or _SURNAME_FIRST.match(line, lead)
        if m is None:
            continue
        # the block runs on through name lines to a dated line, or opens under one
        near = [lines[j] for j in filled[k + 1 : k + 4]]
        below = next((x for x in near if not _NAME_LINE.match(x.lstrip(" \t•*-"))), "")
        above = lines[filled[k - 1]] if k > 1 else ""
        if not (_DATED_LINE.match(below) or _DATED_LINE.match(above)):
            continue
        if not find_date(
            below if _DATED_LINE.match(below) else above
        ) and not _MONTH_YEAR_LINE.match(below):
            continue
        name = m.group(1)
        if not (_HAS_INITIAL.search(name) or _PERSON_TITLE.match(name) or "," in name):
            continue  # a heading in title case ("Key Facts") has no initial: a name needs one
        start = starts[i] + m.start(1)
        if plausible_author(name, page, (start, start + len(name))):
            return name, _author_signal(page.text, start, start + len(name))
    return None


def _repeated_name(page: Page, top: str) -> tuple[str, dict] | None:
    """A name alone on one of the first twenty lines that the next non-blank line opens with
    again, where that line is short (the name, then at most a badge or credentials): how an
    avatar's caption and the byline under it read as text. A heading repeated is no name."""
    lines = top.split("\n")[:20]
    pos = len(lines[0]) + 1
    for i in range(1, len(lines) - 1):
        line, here = lines[i], pos
        pos += len(line) + 1
        if _CAPTION_ALONE.fullmatch(line):
            # an avatar's caption alone on its line over the name: "Profile picture" / "Ana Ruiz"
            j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].strip()), None)
            if j is not None and (m := _NAME_LINE.fullmatch(lines[j].strip(" \t•*-"))):
                at = page.text.find(m.group(1), pos)
                if at >= 0 and plausible_author(m.group(1), page, (at, at + len(m.group(1)))):
                    return m.group(1), _author_signal(page.text, at, at + len(m.group(1)))
        core = line.rstrip()[-6:]
        if len(core) < 3 or not any(core in x for x in lines[i + 1 : i + 3]):
            continue  # (the next lines do not say its end again: no repeated name)
        caption = _CAPTION.match(line)  # (it matches at every line start, maybe empty)
        lead = caption.group(0) if caption else ""
        m = _NAME_LINE.match(line, len(lead))
        if m is None:
            continue
        name = m.group(1)
        after = next((x for x in lines[i + 1 : i + 3] if x.strip()), "")
        body = after.lstrip(" \t•*-")
        tail = body[len(name) :].strip()
        # what marks the pair as a person's, not a heading said twice: an honorific or an
        # initial, a caption ("Picture of"), a list's bullet, a badge after the second name (a
        # colon alone is a heading's label said again: "Genes Involved" / "Genes Involved:")
        marked = (
            _PERSON_TITLE.match(name)
            or _HAS_INITIAL.search(name)
            or lead.strip()
            or (tail and not tail[:1].isalnum() and tail != ":")
            or tail[:1].isupper()
        )
        if (
            marked
            and body.startswith(name)
            and len(tail) <= 30
            and not body[len(name) : len(name) + 1].isalnum()
            and plausible_author(name, page, (here + m.start(1), here + m.end(1)))
        ):
            return name, _author_signal(page.text, here + m.start(1), here + m.end(1))
    return None


def _first_filled_lines(text: str, n: int) -> str:
    """``text`` up to the end of its ``n``-th line that holds more than white space."""
    pos = filled = 0
    for line in text.split("\n"):
        pos += len(line) + 1
        filled += bool(line.strip())
        if filled >= n:
            return text[: pos - 1]
    return text


_COLON_AFTER = re.compile(r"[ \t]*:")  # a field's label closed after a name: "Source Type:"


def _author_signal(text: str, start: int, end: int) -> dict:
    return {"signal": "author", "text": text[start:end][:120], "start": start, "end": end}


# a bare "by" in a short line near the top: "Posted 10 October 2023 by A. Writer | Site"
_BARE_BY = re.compile(rf"\bby[ \t]+({_ORG_1}|{_NAME_1})")
_BY_HANDLE = re.compile(r"\bby[ \t]+[\"“@]?([\w.-]{3,30})[\"”]")  # by "a_username"
# a forum's user name over a post, dated: "u/a_username Jun 26 '24", "u/a_username · 3 yr. ago"
_USER_HANDLE = re.compile(
    r"(?<![\w/])(u/[\w-]{3,30})[ \t]*(?:[•·|-][ \t]*)?(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?[ \t]+\d|\d+[ \t]*(?:yr|mo|d|h|years?|months?|days?|hours?)s?\.?[ \t]+ago)"
)
# words no personal name holds: question words, condition words, places, sections of a site
_NOT_NAME = frozenset(
    """is are was were what why how when where which who can could does do did should will would
    the a an and or of for to in on at with from your my our their this that these those it its
    new north south east west northern southern eastern western central upper lower greater county city
    state states valley region area york jersey carolina dakota hampshire mexico island america
    american europe european asia africa australia canada india england london washington texas
    california florida ohio virginia georgia illinois michigan pennsylvania arizona colorado
    disease diseases syndrome syndromes disorder disorders condition conditions allergy allergies
    allergic autoimmune immune symptoms symptom causes cause treatment treatments diagnosis
    therapy cancer infection pain diabetes arthritis psoriasis eczema asthma lupus thyroid celiac
    healthy home about contact blog article articles guide overview
    facts faq faqs questions answers updated published reviewed last read share print menu
    search subscribe login sign more related learn logo icon image photo avatar picture thumbnail
    choose destination send select save download cite citation export
    facebook twitter instagram linkedin pinterest youtube tiktok whatsapp tumblr reddit email
    information takeaway takeaways summary introduction conclusion contents
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
# the words of a role that stands in for a name ("by Medical Editor", "Senior Staff Writer")
_ROLE_WORDS = frozenset(
    """medical clinical chief senior junior staff editor editors writer writers reviewer reviewers
    author authors contributor contributors contributing guest health managing associate expert
    content lead freelance science the our""".split()
)
_CONDITION_END = re.compile(
    r"(?:itis|osis|iasis|emia|aemia|pathy|algia|oma|ism|plasia|trophy)$", re.I
)
_PERSON_TITLE = re.compile(r"^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?|Doctor|Professor|Sir|Dame)\s+", re.I)


def _site_names(page: Page) -> frozenset[str]:
    """The site's own name, as letters only: from its address and from a "Title | Site" title."""
    return _site_names_of(page.url, page.title)


@lru_cache(maxsize=256)  # asked up to three times a page
def _site_names_of(url: str | None, title: str | None) -> frozenset[str]:
    return _address_names(_address_key(url)) | _title_names(title)


def _address_key(url: str | None) -> str | None:
    """``url`` cut before its path, query or fragment, where that leaves its host as ``urlparse``
    reads it (a plain http(s) address: ASCII, printable, no spaces): a site's pages share it, so
    its names are read once a site rather than once a page."""
    if (
        url
        and url.startswith(("http://", "https://"))
        and url.isascii()
        and url.isprintable()
        and " " not in url
    ):
        start = url.index("//") + 2
        ends = [i for i in (url.find(c, start) for c in "/?#") if i >= 0]
        return url[: min(ends)] if ends else url
    return url


@lru_cache(maxsize=256)  # a site's pages share their address
def _address_names(url: str | None) -> frozenset[str]:
    """The names in the host of ``url``, as letters only, of four letters or more."""
    if not url:
        return frozenset()
    host = urlparse(url if "//" in url else f"//{url}").netloc.lower()
    return frozenset(
        p
        for p in host.split(".")
        if p
        and p not in ("www", "m", "com", "org", "net", "gov", "edu", "co", "uk", "au", "ca", "in")
        and len(p) >= 4
    )


def _title_names(title: str | None) -> frozenset[str]:
    """The site's names in a "Title | Site" title, as letters only, of four letters or more."""
    if not title:
        return frozenset()
    names = (_NOT_A_TO_Z.sub("", part.lower()) for part in _TITLE_SEPARATOR.split(title)[1:])
    return frozenset(n for n in names if len(n) >= 4)


# (compiled once: ``re``'s module functions look a pattern up in their cache at every call)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—·•:-]\s+")
_NOT_A_TO_Z = re.compile(r"[^a-z]")
_A_TO_Z_RUN = re.compile(r"[a-z]+")
_TEAM_WORD = re.compile(
    r"(?i)\b(?:team|editors|editorial|staff|board|clinic|center|centre|hospital|institute|"
    r"university|association|foundation|society|academy|college|department|service|services)\b"
)
_THE_OR_NOT_A_TO_Z = re.compile(r"^the|[^a-z]")


def plausible_author(
    name: str, page: Page, span: tuple[int, int] | None = None, own_site: bool = False
) -> bool:
    """``name`` reads as a person or an editorial team, not a heading, a condition, a place or the
    site's own name (unless ``own_site``: where a writing cue presents the site as the author).
    ``span``: where the name stands in the page text, to rule out a condition the page names
    there."""
    name = name.strip()
    if not name or len(name) > 80 or name.lower() in _GENERIC_AUTHORS:
        return False
    letters = _NOT_A_TO_Z.sub("", name.lower())
    if not own_site and any(
        letters == site or (len(letters) >= 6 and letters in site) for site in _site_names(page)
    ):
        return False
    if all(w.strip(".").lower() in _ROLE_WORDS for w in name.replace(",", " ").split()):
        return False  # a role alone names no one: "Chief Editor", "Senior Staff Writer"
    if _TEAM_WORD.search(name):
        # "the Example Editorial Team", "Example Lung & Allergy Clinic" sign for the page; a team
        # named by generic words alone ("the Medical Team", "our Content Team") is anonymous
        return any(w not in _GENERIC_TEAM for w in _A_TO_Z_RUN.findall(name.lower()))
    words = _PERSON_TITLE.sub("", name).replace(",", " ").split()
    for w in words:
        bare = w.strip(".'’-").lower()
        if len(bare) == 1:
            continue  # an initial ("Jo A Reyes"), not the word "a"
        if bare in _NOT_NAME or (len(bare) > 5 and _CONDITION_END.search(bare)):
            return False
    if span is not None and any(m.start < span[1] and span[0] < m.end for m in page.mentions):
        return False  # a condition the page names ("By Eosinophilic Esophagitis ...")
    return len(words) >= 2


def _at_line_starts(
    pattern: re.Pattern, text: str, needle: str | None = None
) -> Iterator[re.Match]:
    """The matches of a pattern that opens on a line's start (``^`` under ``re.M``), tried at
    each line's start only; with ``needle``, only on the lines that hold it."""
    if needle is None:
        starts: Iterable[int] = chain((0,), (i + 1 for i in find_all(text, "\n")))
    else:
        starts = sorted({text.rfind("\n", 0, i) + 1 for i in find_all(text, needle)})
    for start in starts:
        if m := pattern.match(text, start):
            yield m


_CREDENTIAL_HEADS = frozenset(c[:2] for c in _CREDENTIALS.split("|"))


def _credentials_below(text: str) -> Iterator[re.Match]:
    """The matches of _CREDENTIALS_BELOW: tried only on the (one or two) lines over a line that
    opens with a credential's first two letters."""
    starts = [0, *(i + 1 for i in find_all(text, "\n"))]
    for n, start in enumerate(starts):
        if n and text[start : start + 12].lstrip(" \t")[:2] in _CREDENTIAL_HEADS:
            for back in (1, 2):
                if n >= back and (m := _CREDENTIALS_BELOW.match(text, starts[n - back])):
                    yield m
                    break


def _plausible_first_name(name: str, page: Page, span: tuple[int, int]) -> bool:
    """``plausible_author``, but where a shape presents the person ("Joe is a writer", "Q&A
    with Dr. Cole") one word may name them: a first name, or a surname after an honorific."""
    words = _PERSON_TITLE.sub("", name).split()
    if len(words) != 1:
        return plausible_author(name, page, span)
    word = words[0].lower()
    return (
        word not in _NOT_NAME
        and word not in ("he", "she", "they", "we", "everyone", "anyone")
        and word not in _GENERIC_AUTHORS
        and not _CONDITION_END.search(word)
        and not any(word in site for site in _site_names(page))
        and not any(m.start < span[1] and span[0] < m.end for m in page.mentions)
    )


def _text_author(page: Page) -> tuple[str, dict] | None:
    """The author a page's visible text names in a byline near its top or bottom: after a byline
    cue anywhere there ("Medically reviewed by", "Written by", "Author:"), or after a bare "by"
    in one of the short lines under the title."""
    text = page.text
    chunks = [(0, text[:1500])]
    if len(text) > 1500:
        tail = max(1500, len(text) - 1500)
        # (from the start of the word it would cut: "... Medically re|viewed by Ana Ruiz")
        word = tail
        while word > tail - 40 and text[word - 1].isalpha():
            word -= 1
        if not text[word - 1].isalpha():
            tail = word
        chunks.append((tail, text[tail:]))

    def found(m: re.Match, offset: int) -> tuple[str, dict] | None:
        group = next(i for i in range(1, (m.re.groups or 1) + 1) if m.group(i) is not None)
        raw = m.group(group).strip().rstrip(".,")
        # a name run on into the date's label after it: "Editor: Ana Ruiz Updated: 5/4/2024"
        name = _LABEL_AFTER_NAME.sub("", raw)
        if m.re is _BYLINE and name == raw and _COLON_AFTER.match(text, offset + m.end(group)):
            return None  # "Authors: Source Type: research": an empty field, then the next label
        half = name.split()
        if len(half) in (4, 6) and half[: len(half) // 2] == half[len(half) // 2 :]:
            name = " ".join(half[: len(half) // 2])  # a name typed twice: "Ana Ruiz Ana Ruiz1"
        start = offset + m.start(group)
        if not plausible_author(name, page, (start, start + len(name))) and not (
            # "Written by Example Pharmacy" on example-pharmacy.com: the site signs the page;
            # "Ana Ruiz, MD" on anaruizmd.com: a doctor's practice bears her name
            (_WRITTEN_BY.match(m.group(0)) or m.re is _CREDENTIALED)
            and plausible_author(name, page, (start, start + len(name)), own_site=True)
        ):
            return None
        if _BARE_CUE.match(m.group(0)) and _sentence_after(text, offset + m.end(group)):
            return None  # "By Age Five, most children ...": a sentence opening on "By", no byline
        signal = {
            "signal": "author",
            "text": m.group(0)[:120],
            "start": m.start() + offset,
            "end": m.end() + offset,
        }
        return name, signal

    for offset, chunk in chunks:
        # only lines holding a cue word can hold a byline (the name may stand on the next line)
        tried = -1
        cues: Iterable[re.Match] = scanner(_BYLINE_CUE).finditer(chunk)
        if "втор" in chunk:
            cues = merge(cues, _BYLINE_CUE_CYRILLIC.finditer(chunk), key=lambda c: c.start())
        for cue in cues:
            line_start = chunk.rfind("\n", 0, cue.start()) + 1
            if line_start == tried:
                continue
            if cue.group(0).lower() == "by" and not _by_lead(chunk, line_start, cue.start()):
                continue  # "caused by ...": a "by" that no byline cue, line start or separator leads
            tried = line_start
            line_end = chunk.find("\n", cue.end())
            line_end = len(chunk) if line_end < 0 else line_end
            # the name may stand on one of the next two lines (after a blank line)
            next_end = line_end
            for _ in range(2):
                if next_end < 0 or next_end >= len(chunk):
                    break
                next_end = chunk.find("\n", next_end + 1)
            for m in _BYLINE.finditer(chunk, line_start, len(chunk) if next_end < 0 else next_end):
                if m.start() > line_end:
                    break  # (matches come in order: the rest start on the next lines)
                if got := found(m, offset):
                    return got
    bylines, pos = [], 0  # the short lines under the title, where a bare "by" is a byline
    for i, line in enumerate(text[:1500].split("\n")[:10]):
        if (i or _DATE_CUE.search(line)) and (  # the first line is the title, unless dated
            (len(line) <= 160 and not line.rstrip().endswith((".", "?", "!")))
            or scanner(_DATE_CUE).search(line)
        ):
            bylines.append((pos, line))
        pos += len(line) + 1
    for pos, line in bylines:
        for m in _BARE_BY.finditer(line):
            # "Posted 4 June 2024 by ...", "| by ...", "Published by ...": not "Photo by",
            # "caused by", "a 2006 lecture by"
            if _BARE_BY_LEAD.search(line, 0, m.start()) and (got := found(m, pos)):
                return got
    # the first twelve lines that hold text (a scraped header spaces its lines with blank ones)
    head = _first_filled_lines(text[:1500], 12)
    top = text[:1500]
    for pattern in (
        _CREDENTIALED,
        _ROLE_LINE,
        _DOCTOR_ANSWERS,
        _ACADEMIC_AUTHOR,
        _ANSWERED_LINE,
        _CITE_AS,
        _TAGGED_AUTHOR,
        _GLUED_AUTHOR,
        _CREDENTIALS_BELOW,
    ):
        # a journal page's author line may stand below a long header, a Q&A page's answers below
        # its question: their first 1,500 characters
        where = top if pattern not in (_CREDENTIALED, _ROLE_LINE, _DOCTOR_ANSWERS) else head
        if pattern is _CITE_AS and not any(w.search(top) for w in _CITE_WORDS):
            continue  # (its scanner can only look for the colon: look for the word first)
        if pattern is _TAGGED_AUTHOR and "AU" not in top and "A1" not in top:
            continue  # (a plain look for the tags first: few pages hold either)
        if pattern is _GLUED_AUTHOR and not _NUMBERED_AFFILIATION.search(top):
            continue  # glued numbers are affiliations only beside a numbered affiliation list
        if pattern is _CREDENTIALS_BELOW:  # (its scanner's strings, credentials, are everywhere)
            for m in _credentials_below(where):
                if got := found(m, 0):
                    return got
            continue
        for m in scanner(pattern).finditer(where):  # (re's matches, tried only near their words)
            if pattern is _ACADEMIC_AUTHOR and _NOT_PERSON.search(
                next(g for g in m.groups() if g is not None)
            ):
                continue  # "Example University, School of ...", "San Remo 1, ...": no person
            if got := found(m, 0):
                return got
    if got := (
        _author_line(page, top)
        or _repeated_name(page, top)
        or _name_by_date(page, top)
        or _marked_names(page, top)
    ):
        return got
    # (tried only where two credentials stand after commas: few pages hold any)
    creds = _CREDENTIAL_AFTER_COMMA.finditer(top)
    if next(creds, None) is not None and next(creds, None) is not None:
        for m in scanner(_CREDENTIALED_PAIR).finditer(top):
            if got := found(m, 0):
                return got
    for offset, chunk in chunks:  # an expert's box, at the top or the bottom
        for m in _at_line_starts(_EXPERT_BOX, chunk, "xpert"):
            if got := found(m, offset):
                return got
    # an author box, at the top or the bottom ("Ana Ruiz is a writer"); a Q&A's headline naming
    # the expert who answers ("Q&A with Dr. Ruiz"), in the first lines
    for offset, chunk, pattern in chain(
        ((o, c, _WRITER_BOX) for o, c in chunks),
        ((0, head, _QA_WITH),) if ("Dr" in head or "Prof" in head) else (),
    ):
        for m in _at_line_starts(pattern, chunk, " is " if pattern is _WRITER_BOX else None):
            name = m.group(1)
            start = offset + m.start(1)
            if _plausible_first_name(name, page, (start, start + len(name))):
                return name, {
                    "signal": "author",
                    "text": m.group(0)[:120],
                    "start": offset + m.start(),
                    "end": offset + m.end(),
                }
    for pos, line in bylines:
        # a first name alone in a byline, where the date or reading time follows it: "By Hart
        # 6 min read", "by Jo | May 4, 2024", "Jeannette | Posted on May 4, 2024"
        for m in chain(_BY_FIRST_NAME.finditer(line), _NAME_POSTED.finditer(line)):
            start = pos + m.start(1)
            if (
                m.re is _NAME_POSTED or _BARE_BY_LEAD.search(line, 0, m.start())
            ) and _plausible_first_name(m.group(1), page, (start, start + len(m.group(1)))):
                return m.group(1), _author_signal(text, pos + m.start(), pos + m.end())
    for pos, line in bylines:
        # a user name in lower case closing a byline line: "By jdoe", "Last updated on May 2,
        # 2025 by jdoe" (after a byline's lead, as a bare "by" always is)
        lower = _BY_LOWER_HANDLE.search(line)
        if (
            lower is not None
            and _BARE_BY_LEAD.search(line, 0, lower.start())
            and lower.group(1) not in _NOT_NAME
            and _plausible_first_name(
                lower.group(1), page, (pos + lower.start(1), pos + lower.end(1))
            )
        ):
            return lower.group(1), _author_signal(text, pos + lower.start(), pos + lower.end())
    for pos, line in bylines:  # a user name: by "a_username", "u/a_username Jun 26 '24"
        if handle := _BY_HANDLE.search(line) or _USER_HANDLE.search(line):
            return handle.group(1), {
                "signal": "author",
                "text": handle.group(0)[:120],
                "start": pos + handle.start(),
                "end": pos + handle.end(),
            }
    return None


_BYLINE_AFTER = (
    r"[ \t]*(?:[|•·—–,-][ \t]*)?(?:\d{1,2}[ \t]*min(?:ute)?s?\b|\d{1,2}[/.-]\d|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d|(?i:posted|published|updated)\b)"
)
_BY_LOWER_HANDLE = re.compile(r"\b(?i:by)[ \t]+([a-z][\w.-]{2,30})[ \t]*$")
_BY_FIRST_NAME = re.compile(rf"\b(?i:by)[ \t]+({_TOKEN})(?={_BYLINE_AFTER})")
_NAME_POSTED = re.compile(
    rf"^[ \t•*-]*({_TOKEN}(?:[ \t]+{_TOKEN})?)[ \t]*[|•·][ \t]*(?i:posted|published)\b"
)
# what may stand before a bare "by" in a byline line: nothing, a separator, a date or time, a
# date cue or a byline verb
_BARE_BY_LEAD = re.compile(
    r"(?i:^|[|•·—–:,(/-]|\d|\b(?:published|posted|updated|written|reviewed|revised|edited|created|"
    r"filed|story|words|article|blog|read|mins?|minutes|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|"
    r"dec)\w*\.?)[ \t*_]*$"
)
_BY_LEAD = re.compile(
    rf"(?i:(?:{_BY_VERBS}|{_BY_LABELS}|review)\s+)$|^[ \t*_-]{{0,3}}$|(?<=\n)[ \t*_-]{{0,3}}$|[|•·—–][ \t*_-]{{0,3}}$"
)


# a match that opens on a writing cue, which presents whoever it names as the page's writer (the
# site itself too): "Written by", "Authored by", "Author:" (not a reviewer, a badge, a bare "By")
_WRITTEN_BY = re.compile(r"(?i:[\s*_|•·—–-]*(?:written[ \t]+by|authored[ \t]+by|author[ \t]*:))")
# a match that opens on a bare "by" (no byline verb or label before it)
_BARE_CUE = re.compile(r"[\s*_|•·—–-]*by\b", re.I)
# what follows a name when the line runs on as a sentence: a lower-case word, then three or more
# words, then the line's closing stop ("By Age Five, most children improve.")
_SENTENCE_AFTER = re.compile(
    r",?[ \t]+[a-z][\w'’-]*[,;:]?(?:[ \t]+[^\s]+){3,}?[.!?][\"”’)]?[ \t]*(?:\n|$)"
)


_DATE_AFTER_NAME = re.compile(r"[ \t]+(?:on|\||•|·|-|–|—)[ \t]+(?:[A-Z][a-z]+|\d)")


def _sentence_after(text: str, end: int) -> bool:
    """The line runs on from ``end`` (where a name after a bare "By" ends) as a sentence: a
    lower-case word comes next and the line closes with a stop after at least three more words.
    A byline runs on with credentials, a date, a separator or "and NAME", and no stop."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if _DATE_AFTER_NAME.match(rest) and find_date(rest[:40]):
        return False  # "By Ana Ruiz on June 2, 2011, 7:54 a.m.": the byline's date, no sentence
    return _SENTENCE_AFTER.match(rest) is not None


def _by_lead(chunk: str, line_start: int, at: int) -> bool:
    """Whether ``_BY_LEAD.search(chunk, line_start, at)`` matches, for ``line_start`` a line's
    start and ``at`` a position on that line. Every match ends at ``at`` (each alternative ends
    with ``$`` and the range holds no line break), and is a cue word of at most 12 characters
    and the white space before ``at``, or at most four characters: so the pattern is tried only
    from there, not at every character of a long line (its lookbehind still sees the text
    before)."""
    ws = at
    while ws > line_start and chunk[ws - 1].isspace():
        ws -= 1
    return _BY_LEAD.search(chunk, max(line_start, ws - 16), at) is not None


_LABEL_AFTER_NAME = re.compile(
    r"(?:[ \t]+(?:Last|Updated|Published|Posted|Reviewed|Modified|Created|Date))+$"
)
_BYLINE_CUE = re.compile(r"\bby\b|author|reviewer|writer|contributor|editor|verfasst|autor", re.I)
# (the Cyrillic label apart, in its two cases: under re.IGNORECASE its letters would leave the
# cue's scanner to plain ``re`` on every page; looked for only on a text that holds it. Eight
# cue words at most keep the scanner's check for them to plain ``in`` tests)
_BYLINE_CUE_CYRILLIC = re.compile(r"[Аа]втор")
_GENERIC_AUTHORS = frozenset(
    {
        "staff writer",
        "staff",
        "admin",
        "administrator",
        "editor",
        "editors",
        "guest",
        "anonymous",
        "webmaster",
        "team",
    }
)
# words that name no one in a team's name: "the Medical Review Team" is an anonymous badge
_GENERIC_TEAM = frozenset(
    """the our a an of and team teams editors editor editorial staff board boards medical clinical
    content health healthcare review reviewers reviewed expert experts advisory scientific research
    writing writers news web digital nursing care support education information panel group
    committee""".split()
)
_DATE_CUE = re.compile(
    # ("Current as of: May 4, 2024", a reviewed page's label for its review date)
    r"\b(published|posted|updated|last reviewed|reviewed|last updated|date|current as of)\b",
    re.I,
)
# a reference list's heading on its own line: "References", "Sources:", "Sources I used:",
# "References (12)", "Article Sources", "1. Sources"; not "Sources of gluten" (what the page
# lists, not what it cites: "of" leads a reference heading only to "information", "evidence",
# "data", "this ..."), nor a line that asks ("References in the archive?")
_HEADING_LEAD = r"(?:\d{1,2}\.[ \t]+)?(?:(?:article|page|our|additional|selected|cited)[ \t]+)?"
_HEADING_WORDS = (
    r"references?|sources|bibliography|citations|works cited|further reading|literature|resources|"
    r"more information|where to learn more|useful links"
)
_REFERENCES = re.compile(
    r"(?:^|\n)\s*" + _HEADING_LEAD + rf"(?:{_HEADING_WORDS})\b"
    r"(?![ \t]+of[ \t]+(?!(?:information|evidence|data|this)\b))[^\n]{0,40}(?<!\?):?\s*(?:\n|$)",
    re.I,
)
# the headings that also title a site's navigation or a box of its own articles ("Resources",
# "More information"): a reference list only when an entry under them names a source
_WEAK_HEADING = re.compile(
    r"\s*"
    + _HEADING_LEAD
    + r"(?:further reading|literature|resources|more information|where to learn more|useful links)\b",
    re.I,
)
# One list each for the pattern and for its fast path (_domains, _named_study), which finds
# the pattern's possible endings by these strings before running it.
_TLDS = (".gov", ".edu", ".int", ".org", ".nhs.uk", ".ac.uk")  # the domains trusted as sources
_TLD = re.compile("|".join(map(re.escape, _TLDS)), re.I)  # (where one of them stands)
_STUDY_WORDS = (
    "Registry",
    "Register",
    "Database",
    "Biobank",
    "Study",
    "Trial",
    "Survey",
    "Cohort",
    "Consortium",
    "Initiative",
)
# (a country's code may close the host: "example.edu.vn", "example.org.uk", so that the page's
# own host written in its text is read whole and known as its own)
_DOMAIN = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:"
    + "|".join(re.escape(tld[1:]) for tld in _TLDS)
    + r")(?:\.[a-z]{2}(?![\w-]))?\b(?:/[^\s)]*)?",
    re.I,
)
# (a study's name stands on one line: "Penicillin After All" over a line opening "Study finds"
# names no study)
_NAMED_STUDY = re.compile(
    r"\b(?:the[ \t]+)?(?:[A-Z][\w-]+[ \t]+){1,5}(?:" + "|".join(_STUDY_WORDS) + r")\b"
)
_CITATION = re.compile(
    r"\bdoi:\s*10\.\d{4,}|\b10\.\d{4,}/\S+|\bPMID:?\s*\d{5,}|\bet al\.?,?\s*\(?\d{4}|\[\d{1,3}\]|"
    # a note's number in braces, as some sites print "[1]": "... similar allergens {1}." (not a
    # template's "{0}")
    r"\{[1-9]\d{0,2}(?:[ \t]*[,–-][ \t]*[1-9]\d{0,2})*\}|"
    # a note mark in lower-case roman numerals, glued to the word or stop it follows: "2009[i]",
    # "swelling.[ii]" (not an editor's "[i]t" nor a list's "(ii)")
    r"(?<=[\w.,;:)”\"’])\[(?-i:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xvi{0,3}|xix|xx)\](?![a-z])|"
    r"\b(?:according to|per|as reported by|source:)\s+(?:the\s+)?(?:National Institutes? of Health|NIH|NIAMS|NIAID|NIDDK|NINDS|CDC|Centers for Disease Control|"
    r"World Health Organization|WHO|NHS|Mayo Clinic|Cleveland Clinic|MedlinePlus|American College of Rheumatology|American Academy of \w+|FDA)\b",
    re.I,
)


# a study named by where it was published, a journal, or an author-year citation
# a study named by where it appeared ("a 2019 study in JAMA", "a review published in the Journal
# of X"), a journal, or an author-year citation "(Rivera, 2021)". Each alternative opens on the
# study word, the journal's name or the bracket, where ``_study_cited`` tries it.
def _alternation(names: tuple[str, ...]) -> str:
    """Names as one alternation, the longest first, spaces as runs of blanks on one line."""
    return (
        "(?:"
        + "|".join(
            # "The Lancet" is matched from "Lancet" on, so that no search starts at every "the"
            (r"(?<=[Tt]he\s)" + re.escape(n[4:]) if n.startswith("The ") else re.escape(n)).replace(
                r"\ ", r"[ \t]+"
            )
            for n in sorted(set(names), key=len, reverse=True)
        )
        + ")"
    )


_JOURNAL = _alternation(JOURNALS)
_JOURNAL_HEAD = _alternation(JOURNAL_HEADS)
_MONTH_NAMES = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
# the last word of a journal's title ("Example Research", "Example Reviews", "Example Pediatrics");
# not a field's ("Public Health", "Internal Medicine", "Molecular Biology", "Clinical Practice"),
# which a study is done in as often as published in
_JOURNAL_TITLE_END = (
    r"(?:Research|Reports|Reviews|Letters|Communications|Therapeutics|Investigation|Journal|"
    r"Pediatrics|Neurology|Cardiology|Dermatology|Rheumatology|Immunology|Allergy)"
)
_STUDY_CITED = re.compile(
    r"(?i:study|studies|review|trial|meta-analysis|analysis|survey|paper|report|research)\b[^.\n]{0,80}?\b"
    r"(?:(?i:published|appeared|appearing|reported)\s+in\s+(?:the\s+)?(?:(?i:journal)\s+)?[A-Z][\w&-]+|"
    r"in\s+(?:the\s+(?i:journal)\s+[A-Z][\w&-]+|[A-Z]{2,6}\b|"
    # a journal the list lacks, by its title's last word: "a 2018 study in Example Research",
    # "a review in the Example Journal of Skin Medicine" (not a place: "a study in New York")
    rf"(?:the\s+)?(?:[A-Z][a-z]+[ \t]+(?:(?:and|&|of|in)[ \t]+)?){{1,4}}{_JOURNAL_TITLE_END}\b|"
    # "a study in the November issue of Example Gastroenterology"
    r"the\s+(?:[\w-]+\s+){0,2}(?i:issue|edition)\s+of\s+(?:the\s+)?[A-Z][\w&-]+))|"
    # "published in Pediatrics", "writing in the journal Allergy" (not "published in March"),
    # "published today in Nature"
    r"(?i:published|appeared|appearing|writing)(?:\s+(?i:today|online|recently|yesterday|this\s+week|"
    r"this\s+month|last\s+week|last\s+month))?"
    # ("published in the peer-reviewed journal, Example Neurology")
    r"\s+in\s+(?:the\s+)?(?:(?:(?i:peer[- ]reviewed|medical|scientific)\s+)?(?i:journal),?\s+)?"
    rf"(?!{_MONTH_NAMES}\b)[A-Z][\w&-]+|"
    # "(Rivera, 2021)", "(CDC, 2020)", "(World Health Organization, 2019; Lee et al., 2020)"
    # (the comma before the year may be left out: "(Rivera 2021)", read in _study_cited)
    r"\((?:[A-Z][\w&.'’-]*[ \t]+){0,5}[A-Z][\w&.'’-]*(?:[ \t]+(?:&|and)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?,?"
    r"[ \t]+(?:19|20)\d{2}[a-z]?(?:[;,][^()\n]{0,80})?\)"
)
_STUDY_START = re.compile(
    r"\b(?:study|studies|review|trial|meta-analysis|analysis|survey|paper|report|research|published|appeared|"
    r"appearing|writing)\b|"
    # (of _STUDY_CITED's forms only the author and year opens on a bracket, and a capital
    # follows it: "(Rivera, 2021)"; most of a page's brackets hold no such thing)
    r"\((?-i:(?=[A-Z]))",
    re.I,
)
# a journal the page names: "The Lancet", "Autoimmun Rev", "the Journal of Allergy", "BMC Medicine"
# (case-sensitive, so that its scanner looks only at the capitalised names)
_JOURNAL_NAMED = re.compile(rf"(?:{_JOURNAL_HEAD}[ \t]+(?:the[ \t]+)?[A-Z][\w-]+|{_JOURNAL})\b")
# a journal or a report series the list above lacks, named in a sentence by its title's shape:
# two or more capitalised words ending in "Journal" or "Weekly Report", after a preposition, an
# article or a year ("a study explored for Example Dermatology Online Journal", "the May 20,
# 1994 Morbidity and Mortality Weekly Report"); a journal's own name in its header is not read
_JOURNAL_IN_PROSE = re.compile(
    r"(?:\b(?i:in|for|from|to|the)|\b(?:19|20)\d\d)[ \t]+"
    r"(?:[A-Z][a-z]+[ \t]+(?:(?:and|&|of)[ \t]+)?){2,5}(?:Journal|Weekly[ \t]+Report)\b"
)
# what stands before a study word in "a 2019 study in JAMA": an article and up to three words
_STUDY_ARTICLE = re.compile(
    r"\b(?i:a|an|one|the|this|that|recent|new|large|landmark)\s+(?:[\w-]+\s+){0,3}?(?:(?:19|20)\d{2}\s+)?$"
)


_DATE_WORDS = re.compile(
    r"\b(?:updated|published|posted|reviewed|revised|last|copyright|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|"
    r"nov|dec)[a-z]*\b",
    re.I,
)
_STUDY_HEADS = (
    "stud",
    "review",
    "trial",
    "meta",
    "analysis",
    "survey",
    "paper",
    "report",
    "research",
)


# a bracketed year without a comma after a word that names a time, not an author:
# "(Since 2010)", "(Summer 2011)", "(Est. 1990)", "(Version 2020)"
_NOT_AUTHOR_YEAR = re.compile(
    r"\((?i:in|since|from|until|till|by|before|after|circa|ca|around|est|established|founded|"
    r"summer|spring|fall|autumn|winter|christmas|easter|edition|version|vol|volume|issue|rev|"
    r"revision|season|class|fy|top|best|award|winner|ends?|through|to|of|as)\.?[ \t]+(?:19|20)\d{2}"
)


# a study's "in" and letters at the end of its match: a journal's ("a 2019 study in JAMA"), unless
# the page spells the letters out as its own term ("pernicious anaemia (PA)")
_IN_LETTERS = re.compile(r"\bin\s+([A-Z]{2,6})$")


# A work named by its authors and its year: in square brackets ("[Ruiz 2018]", "[Ruiz et al
# 2018]", "[Ruiz and Cole, 2018]"), after the year it appeared ("first described in 1962 by Ruiz
# and Cole", "in 1983 by Ruiz et al."), two authors as the subject of a scholarly verb with
# the year in the same sentence ("Ruiz and Cole described ... as early as 1980"), or one after a
# scholarly verb with the year after the name ("first described by Ana Ruiz in 1967").
_BRACKETED_AUTHOR_YEAR = re.compile(
    r"\[(?:[A-Z][\w'’-]+[ \t]+){0,3}[A-Z][\w'’-]+(?:[ \t]+(?:&|and)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?"
    r",?[ \t]+(?:19|20)\d\d[a-z]?\]"
)
_BY_AUTHORS = re.compile(
    r"by[ \t]+[A-Z][a-z]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+|[ \t]+et[ \t]+al\b)"
)
_BY_CAPITAL = re.compile(r"by[ \t]+[A-Z]")  # (where the two forms after "by" can start)
# "first described by Ana Ruiz in 1967", "reported by Ruiz et al. in 1974"
_BY_NAME_IN_YEAR = re.compile(
    r"by[ \t]+(?:Dr\.?[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z]+)?"
    r"(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+|[ \t]+et[ \t]+al\.?)?,?[ \t]+in[ \t]+(?:19|20)\d\d\b"
)
_SCHOLARLY_VERB_BEFORE = re.compile(
    r"\b(?:described|reported|proposed|discovered|identified|defined|characteri[sz]ed|named)[ \t]+$"
)
_IN_YEAR_BEFORE = re.compile(r"\bin[ \t]+(?:19|20)\d\d[ \t]+$")
_AUTHORS_VERB = re.compile(
    r"\b(?:discussed|described|reported|proposed|demonstrated|published|showed)\b"
)
_TWO_AUTHORS_BEFORE = re.compile(r"\b[A-Z][a-z]+[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+[ \t]+$")
_YEAR_IN_SENTENCE = re.compile(r"[^.\n]{0,80}?\b(?:19|20)\d\d\b")


def _authors_and_year(text: str) -> re.Match | None:
    """A work named by its authors and its year (above), outside the page's header; a bracketed
    date ("[Updated 2019]", "[Spring 2020]") is no author and year. Each form is tried only
    where its rarest part stands: a bracket, "by" before a capital (after a year's digit or a
    scholarly verb), a verb after a capitalised word."""
    if "[" in text:
        for m in _BRACKETED_AUTHOR_YEAR.finditer(text):
            inner = m.group(0)[1:]
            if _DATE_WORDS.search(inner) or _NOT_AUTHOR_YEAR.match("(" + inner):
                continue
            if not _in_header(text, m.start()):
                return m
    for by in scanner(_BY_CAPITAL).finditer(text):
        at = by.start()
        if at < 2:
            continue
        if text[at - 2 : at - 1].isdigit():
            # (the year just before "by": a digit ends the word before it)
            if (
                (found := _BY_AUTHORS.match(text, at))
                and (year := _IN_YEAR_BEFORE.search(text, max(0, at - 12), at))
                and not _in_header(text, year.start())
            ):
                return found
        elif (
            text[at - 2 : at - 1].isalpha()
            and _SCHOLARLY_VERB_BEFORE.search(text, max(0, at - 16), at)
            and (found := _BY_NAME_IN_YEAR.match(text, at))
            and not _in_header(text, at)
        ):
            return found  # "first described by Ana Ruiz in 1967"
    for v in scanner(_AUTHORS_VERB).finditer(text):
        word = text.rfind(" ", 0, v.start() - 1) + 1  # the word before the verb
        if not text[word : word + 1].isupper():
            continue
        names = _TWO_AUTHORS_BEFORE.search(text, max(0, v.start() - 50), v.start())
        if names and _YEAR_IN_SENTENCE.match(text, v.end()) and not _in_header(text, names.start()):
            return names
    return None


def _study_cited(text: str) -> re.Match | None:
    """A journal, or the first study or author-year citation, outside the page's header."""
    for journal in scanner(_JOURNAL_NAMED).finditer(text):
        if not _in_header(text, journal.start()) and not _own_record(text, journal.start()):
            return journal
    for journal in scanner(_JOURNAL_IN_PROSE).finditer(text):
        if not _in_header(text, journal.start()) and not _own_record(text, journal.start()):
            return journal
    for h in scanner(_STUDY_START).finditer(text):
        m = _STUDY_CITED.match(text, h.start())
        if m is None or _in_header(text, m.start()):
            continue
        if m.group(0).startswith("(") and _DATE_WORDS.search(m.group(0)):
            continue  # "(Updated March, 2021)": a date, not an author and year
        if m.group(0).startswith("(") and _NOT_AUTHOR_YEAR.match(m.group(0)):
            continue  # "(Since 2010)", "(Summer 2011)": a time, not an author and year
        if m.group(0).lower().startswith(_STUDY_HEADS) and not _STUDY_ARTICLE.search(
            text, max(0, m.start() - 50), m.start()
        ):
            continue  # "research in UK ...": a study named by where it appeared has its article
        if (letters := _IN_LETTERS.search(m.group(0))) and f"({letters.group(1)})" in text:
            continue  # "this review discusses the mechanisms in PA": the page's term, no journal
        return m
    return None


_URL = re.compile(r"https?://[^\s)\]>\"']+")
_DISCLAIMER = re.compile(
    r"not (?:intended |meant )?(?:to be |be )?(?:taken as |a substitute for |as |to replace |replace )?(?:professional )?medical advice|"
    r"for (?:general )?informational (?:and educational )?purposes only|for educational purposes only|"
    r"(?:always )?consult (?:with )?(?:a|your) (?:qualified )?(?:doctor|physician|healthcare|health care|medical)|"
    r"does not (?:constitute|provide) medical advice|talk to your (?:doctor|health care provider)|"
    r"not (?:been )?evaluated by the (?:Food and Drug Administration|FDA)",
    re.I,
)
_COMMERCIAL = re.compile(
    r"\b(add to cart|buy now|order now|shop now|in stock|free shipping|checkout|subscribe and save|discount code|"
    r"coupon|promo code|use code|limited time|special offer|money-back|our (?:supplement|formula|product|products|blend|capsules)|"
    r"best-?selling|\d{1,2}% off)\b|[$£€]\s?\d+(?:\.\d{2})?",
    re.I,
)
_DISCLOSURE = re.compile(
    r"\b(affiliate links?|sponsored|paid partnership|we may (?:earn|receive) (?:a )?commission|conflicts? of interest|"
    r"disclosure:|financial disclosure|funded by|this post contains affiliate|advertisement|advertising policy)\b",
    re.I,
)
_FIRST_PERSON_WORDS = ("I", "I['’]m", "I['’]ve", "I['’]d", "me", "my", "mine", "myself")
_FIRST_PERSON = re.compile(rf"\b({'|'.join(_FIRST_PERSON_WORDS)})\b")
# the same words, one pattern for each first letter, opening on it (``re`` jumps from one "I" or
# "m" to the next for a pattern that opens on one letter) and asking after it what ``\b`` asks
# before it: no word character there (``_first_person``)
_FIRST_PERSON_BY_LETTER = tuple(
    re.compile(
        rf"{letter}(?<!\w{letter})(?:{'|'.join(w[1:] for w in _FIRST_PERSON_WORDS if w[0] == letter)})\b"
    )
    for letter in sorted({w[0] for w in _FIRST_PERSON_WORDS})
)


def _first_person(text: str) -> Iterator[re.Match]:
    """The spans of ``_FIRST_PERSON.finditer(text)``: each letter's matches, merged in order (no
    two overlap: a match on "I" is that letter alone or runs on with an apostrophe, never into
    an "m" that opens a word)."""
    return merge(*(p.finditer(text) for p in _FIRST_PERSON_BY_LETTER), key=_START)


# patterns used on every page, compiled once
_START = methodcaller("start")
_SHOP_LINK = re.compile(r"/(cart|checkout|shop|store|product)s?\b", re.I)


def _signal(name: str, m: re.Match, offset: int = 0) -> dict:
    return {
        "signal": name,
        "text": m.group(0)[:120],
        "start": m.start() + offset,
        "end": m.end() + offset,
    }


_AUTHORITY = re.compile(
    "|".join(map(re.escape, AUTHORITY_DOMAINS))
)  # "d in host" for any d, in one pass


@lru_cache(maxsize=65536)  # site navigation repeats the same links on every page
def _is_authority(href: str) -> bool:
    # the host is part of the link, so a link without an authority domain has none in its host
    # (unless it holds tabs or line breaks, which urlparse drops and which can split a domain)
    if _AUTHORITY.search(href.lower()) is None and not any(ch in href for ch in "\t\r\n"):
        return False
    host = urlparse(href if "//" in href else f"//{href}").netloc.lower() or href.lower()
    return _AUTHORITY.search(host) is not None  # a ".gov" suffix is also a substring


# The three searches below give exactly what ``PATTERN.search(text)`` / ``finditer`` give, without
# running the pattern at every character of the page (each would cost a fifth of a millisecond).
# every match of _REFERENCES holds one of its words: a page with none cannot hold a heading (its
# scanner looks among the occurrences found once a page for all scanners)
_HEADING_WORD = re.compile(_HEADING_WORDS, re.I)
_REF_LINE = re.compile(
    r"\n\s*[a-z\d]", re.I
)  # where a line's first word starts: the only places _REFERENCES can match


def _references(text: str) -> re.Match | None:
    """The first match of _REFERENCES that heads a reference list (``_lists_sources``): the
    pattern starts at the text's start or at a newline followed by blanks and a word, so it is
    tried only there, in order. The entry after a navigation heading is looked for once and
    kept for the headings before it (a page of menu headings is read once, not once each)."""
    entry: tuple[int, re.Match | None] | None = None  # (searched from, first entry from there)
    for start in _heading_starts(text):
        m = _REFERENCES.match(text, start)
        if m is None:
            continue
        if not _WEAK_HEADING.match(text, m.start()):
            if _in_menu(text, m):
                continue  # "Full Text" / "Bibliography" / "Download PDF": a tab, no list
            return m
        if entry is None or (entry[1] is not None and entry[1].start() < m.end()):
            entry = (m.end(), _ENTRY_LIKE.search(text, m.end()))
        if entry[1] is not None and entry[1].start() < m.end() + _ENTRY_WINDOW:
            return m
    return None


def _heading_starts(text: str) -> list[int]:
    """Where _REFERENCES is tried, in order: the text's start, and where ``_REF_LINE`` finds a
    line's first word (the first line break of the white space before it) on the lines that
    hold one of its words. A match opens there and holds, on the first line that holds more
    than white space, a heading word (which stays on its line): every line holding one holds
    an occurrence the words' scanner finds (they do not overlap, and none spans two lines), and
    the place above it is where the plain walk over every line's first word would try. None
    where the text holds no heading word."""
    starts = [0]
    done = -1  # the end of the last line read
    for h in scanner(_HEADING_WORD).finditer(text):
        if h.start() < done:
            continue  # (another word on a line read already)
        line = text.rfind("\n", 0, h.start()) + 1
        done = text.find("\n", h.start())
        done = len(text) if done < 0 else done
        word = line  # the line's first character that is not white space
        while word < done and text[word].isspace():
            word += 1
        if word == done:
            continue  # (a blank line holds no heading)
        run = line  # the white space before the line's first word, from its first character
        while run > 0 and text[run - 1].isspace():
            run -= 1
        first_break = text.find("\n", run, word)
        if first_break >= 0 and _REF_LINE.match(text, first_break):
            starts.append(first_break)
    return starts if done >= 0 else []  # (no heading word: no heading)


_ENTRY_WINDOW = 300  # how far under a navigation heading its first entry may start
_MENU_ITEM = re.compile(r"[ \t•*|-]*[A-Za-z][A-Za-z'’&/ \t-]{0,38}")


def _in_menu(text: str, m: re.Match) -> bool:
    """The heading ``m`` (a match of _REFERENCES) stands in a menu of tabs: the lines holding
    text just before and just after it are both short labels (four words at most, no digit, no
    stop: "Full Text", "Download PDF"), where a reference list has a paragraph before it or an
    entry after it."""
    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    before = text[max(0, start - 200) : start].rstrip().rsplit("\n", 1)[-1]
    after = text[m.end() : m.end() + 200].lstrip().split("\n", 1)[0]

    def label(line: str) -> bool:
        line = line.strip()
        return bool(line) and _MENU_ITEM.fullmatch(line) is not None and len(line.split()) <= 4

    return start > 0 and label(before) and label(after)


def _lists_sources(text: str, m: re.Match) -> bool:
    """``m`` (a match of _REFERENCES) heads a reference list: a heading only reference lists
    carry ("References", "Bibliography"), or one that also titles navigation ("Resources",
    "More information") with an entry that names a source (an address, a reference entry, a
    body's name) starting in the next 300 characters."""
    if not _WEAK_HEADING.match(text, m.start()):
        return True
    entry = _ENTRY_LIKE.search(text, m.end())
    return entry is not None and entry.start() < m.end() + _ENTRY_WINDOW


_SPACE = re.compile(r"\s")


def _domains(text: str) -> Iterator[str]:
    """``m.group(0) for m in _DOMAIN.finditer(text)`` but e-mail addresses' (``_in_email``)."""
    return (m.group(0) for m in _domain_matches(text))


def _domain_matches(text: str) -> Iterator[re.Match]:
    """``_DOMAIN.finditer(text)`` but e-mail addresses' (``_in_email``): a match holds no white
    space and ends its host with one of the _TLDS, so only the white-space-delimited words
    holding one are read (where ``_TLD`` finds one: the endings' occurrences come from the
    page's shared pass, and no two of them overlap)."""
    done = -1  # end of the last word read
    for hit in scanner(_TLD).finditer(text):
        i = hit.start()
        if i < done:
            continue
        start = i
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, i)
        done = space.start() if space else len(text)
        yield from (m for m in _DOMAIN.finditer(text, start, done) if not _in_email(text, m))


def _in_email(text: str, m: re.Match) -> bool:
    """The domain is an e-mail address's ("info@clinic.example.edu"): a way to write to
    someone, not a source of what the page says."""
    return m.start() > 0 and text[m.start() - 1] == "@"


# a pointer to further reading just before an address: "Learn more:", "Read more at", "See also",
# "Related articles:", "Read a news article:" (what the page suggests next, not what it cites)
_FURTHER_READING = re.compile(
    r"(?i:\b(?:learn|read|find[ \t]+out)[ \t]+more|\bsee[ \t]+also|\brelated(?:[ \t]+[a-z]+)?|"
    r"\bread[ \t]+(?:a|an|the|our|this)[ \t]+(?:[a-z]+[ \t]+)?(?:article|story|post|piece))"
    r"(?:[ \t]+(?:at|on|here|about))?[ \t]*:?[ \t]*\n?[ \t•*-]*(?:https?://)?$"  # (a domain inside a URL)
)


def _cited_address(text: str, m: re.Match) -> bool:
    """An address written in the text (``m``) cites a source: it is not the page's own record
    (a journal page's DOI beside its own issue or history) nor a pointer to further reading."""
    return not _own_record(text, m.start()) and not _FURTHER_READING.search(
        text, max(0, m.start() - 40), m.start()
    )


def _links_and_domains(links: Iterable[str], text: str) -> Iterator[str]:
    """The page's links, then the URLs and bare domains written in its text, in that order."""
    yield from links
    yield from (m.group(0) for m in scanner(_URL).finditer(text) if _cited_address(text, m))
    yield from (m.group(0) for m in _domain_matches(text) if _cited_address(text, m))


def _cited_study(text: str, site: Iterable[str] = ()) -> re.Match | None:
    """The first named study (``_named_study``) the page cites: none on a research paper's
    abstract (the registry or cohort it names is its own data), nor the site's own name
    (``site``, as letters), a study group ("the Example Study Group") or a study in the page's
    first line (its title)."""
    first_line = text.find("\n")

    def keep(text: str, m: re.Match) -> bool:
        return (
            _names_a_study(text, m)
            and (first_line < 0 or m.start() > first_line)
            and not _STUDY_GROUP.match(text, m.end())
            and not _site_named(m.group(0), site)
        )

    m = _named_study(text, keep)
    return None if m is None or _is_abstract(text) else m


# the _STUDY_WORDS as one pattern, for its scanner: a page's occurrences come from the shared
# pass over the page (``fastmatch``) that its other scanners have already paid for
_STUDY_WORD = re.compile("|".join(map(re.escape, _STUDY_WORDS)))


def _study_word_starts(text: str) -> list[int]:
    """``find_any(text, _STUDY_WORDS)``: where each occurrence of one of the words starts. The
    matches of _STUDY_WORD do not overlap, and neither can the words' occurrences: each word is a
    capital and lower-case letters, so none starts inside another (tested against find_any)."""
    return [m.start() for m in scanner(_STUDY_WORD).finditer(text)]


def _named_study(text: str, keep: Callable[[str, re.Match], bool] | None = None) -> re.Match | None:
    """The first match of _NAMED_STUDY, by where it starts, that names a study (``keep``, by
    default ``_names_a_study``). A match ends with one of the _STUDY_WORDS (then a word boundary) and
    spans at most seven white-space-delimited words ("the" and five names before it), so it can
    only start in the seven words before such an ending: the pattern is tried at each word start
    there ("the" or a capital), in order."""
    # (the words' occurrences from the page's shared pass, then which of them end there)
    ends = [
        i
        for i in _study_word_starts(text)
        for w in _STUDY_WORDS
        if text.startswith(w, i) and not _word_char_at(text, i + len(w))
    ]
    keep = keep or _names_a_study
    tried = 0
    for end in ends:
        lo = end
        for _ in range(7):  # back over up to seven words and their white space
            # (no further back than what was tried: a page of "Study.Study..." without a space
            # made each ending scan back to the start of the page)
            while lo > tried and text[lo - 1].isspace():
                lo -= 1
            while lo > tried and not text[lo - 1].isspace():
                lo -= 1
        for p in range(max(lo, tried), end + 1):
            ch = text[p]
            if (ch == "t" or "A" <= ch <= "Z") and not _word_char_at(text, p - 1):
                m = _NAMED_STUDY.match(text, p)
                if m and keep(text, m):
                    return m
        tried = end + 1
    return None


def _site_named(name: str, site: Iterable[str]) -> bool:
    """``name`` is the site's own name or part of it (``site``: its names as letters)."""
    letters = _THE_OR_NOT_A_TO_Z.sub("", name.lower())
    return len(letters) >= 6 and any(letters in s for s in site)


# a research paper's abstract: a "Methods" section (a heading, or a label after a stop: ". Methods:
# We ..."), or an "Abstract" heading with another of its sections ("Background", "Results"); a
# consumer page's "Conclusion" or "Background" alone is no abstract
_METHODS_SECTION = re.compile(
    r"(?im:(?:^|(?<=\.[ \t]))[ \t]*(?:materials[ \t]+and[ \t]+)?methods?\b[ \t]*(?::|$))"
)
_ABSTRACT_HEADING = re.compile(r"(?im:^[ \t]*abstract[ \t]*:?[ \t]*$)")
_ABSTRACT_PART = re.compile(
    r"(?im:^[ \t]*(?:background|results|objectives?|purpose|conclusions?|introduction)\b[ \t]*(?::|$))"
)


def _is_abstract(text: str) -> bool:
    """The page reads as a research paper's abstract: a methods section (``_METHODS_SECTION``),
    or an "Abstract" heading (``_ABSTRACT_HEADING``) near its top, the page's own, or further
    down over the abstract's parts (``_ABSTRACT_PART``). An abstract need not be structured
    (one paragraph under the heading); one further down without parts may be another work's."""
    if _on_lines_holding(_METHODS_SECTION, text, "method"):
        return True
    heading = _on_lines_holding(_ABSTRACT_HEADING, text, "abstract")
    return heading is not None and (
        heading.start() < _HEADER_SPAN or bool(scanner(_ABSTRACT_PART).search(text))
    )


# A journal page's header: the lines above the line that opens its abstract (title, authors with
# their affiliation marks, addresses, the journal's issue and DOI), within the first 2,500
# characters and under the last sentence of running text above it (a site's banner). What stands
# there is the page's record of itself.
_HEADER_SPAN = 2500
# A research portal's record fields, each label glued to its value ("JournalAnnals of ...",
# "Number of pages11", "Pages (from-to)15-25"), under an "Original language" field: the page's
# own publication data.
_PORTAL_RECORD = re.compile(r"(?m)^Original language\S")
_PORTAL_FIELD = re.compile(
    r"(?m)^(?:Original language|Article number|Journal|Pages \(from-to\)|Number of pages|"
    r"Issue number|Volume|State|Publication status|Title of host publication|Publisher|"
    r"Place of Publication|ISBN(?: \(\w+\))?|DOIs)(?=[^\s:])[^\n]*"
)
_BLANK = re.compile(r"[^\n]")
# A record of the article printed as labelled fields, one a line or run into one line ("authors:
# Ruiz, Ana; Cole, Ben title: ... date: 2021-10-23 journal: Example J DOI: 10.1234/x"): three
# field names or more, the title's or the journal's among them, each within a line's length of
# the one before, the first near the page's top above any running text. An identifier's value is
# one word; a name's runs to the end of its line.
_RECORD_FIELD = re.compile(
    r"(?i)(?<![\w-])(authors?|title|journal|date|year|volume|issue|pages|doi|pmid|pmcid|issn|"
    r"publisher):[ \t]*(?=\S)"
)
_MORE_FIELD = re.compile(r"[ \t]+[A-Za-z][\w-]{0,20}:[ \t]*\S+")
_RECORD_FIELDS = 3
_RECORD_GAP = 300
_RECORD_NAMED = frozenset(("title", "journal"))
_RECORD_WORDS = frozenset(("authors", "author", "title", "journal", "publisher"))
# a line that opens the abstract: "Abstract", "ABSTRACT:", "Abstract: Background ...",
# "Abstract: (120 Views)"
_ABSTRACT_START = re.compile(r"(?m)^[ \t]*(?:Abstract|ABSTRACT)\b")
_LINE = re.compile(r"[^\n]+")


def _without_own_record(text: str) -> str:
    """``text`` with a journal page's own record blanked (offsets kept): the header above its
    "Abstract" heading, and a research portal's record fields. A DOI, an issue line, an author's
    affiliation mark or address number there is the page's own, not a source it cites."""
    # (a match lies in the first _HEADER_SPAN characters: the word is looked for there alone)
    head = (
        _ABSTRACT_START.search(text, 0, _HEADER_SPAN)
        if text.find("bstract", 0, _HEADER_SPAN) >= 0 or text.find("BSTRACT", 0, _HEADER_SPAN) >= 0
        else None
    )
    if head is not None and head.start() > 0:
        # (the header starts under the last sentence above the heading: a site's banner)
        start = 0
        for line in _LINE.finditer(text, 0, head.start()):
            if _is_prose(line.group(0), 14):
                start = line.end()
        text = text[:start] + _BLANK.sub(" ", text[start : head.start()]) + text[head.start() :]
    if (span := _record_fields(text)) is not None:
        text = text[: span[0]] + _BLANK.sub(" ", text[span[0] : span[1]]) + text[span[1] :]
    # (re tries a pattern that opens on a line start at every character: the field name first)
    if "Original language" in text and _PORTAL_RECORD.search(text):
        text = _PORTAL_FIELD.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _record_fields(text: str) -> tuple[int, int] | None:
    """The span of a record of the article in labelled fields (``_RECORD_FIELD``) near the top,
    from its first field name to the end of its last field's value; None where there is none."""
    if ":" not in text[:_HEADER_SPAN]:
        return None
    run: list[re.Match] = []
    for m in _RECORD_FIELD.finditer(text, 0, _HEADER_SPAN):
        if run and m.start() - run[-1].end() > _RECORD_GAP:
            if len(run) >= _RECORD_FIELDS:
                break
            run = []
        if not run and any(_is_prose(x, 14) for x in text[: m.start()].split("\n")):
            return None  # under running text: another work's record, or the page's prose
        run.append(m)
    names = {m.group(1).lower() for m in run}
    if len(names) < _RECORD_FIELDS or not names & _RECORD_NAMED:
        return None
    last = run[-1]
    end = text.find("\n", last.end())
    end = len(text) if end < 0 else end
    if last.group(1).lower() not in _RECORD_WORDS:
        word = re.compile(r"\S+").match(text, last.end())
        end = word.end() if word else last.end()
        # (other fields of one word each may follow on the line: "sha: 4f2c doc_id: 28")
        while more := _MORE_FIELD.match(text, end):
            end = more.end()
    return run[0].start(), end


def _on_lines_holding(pattern: re.Pattern, text: str, word: str) -> re.Match | None:
    """``pattern.search(text)`` for a case-insensitive pattern whose every match lies on one line
    and holds ``word`` (lower case): searched only on the lines that hold the word. Their scoped
    flags leave ``_METHODS_SECTION`` and ``_ABSTRACT_HEADING`` without a scanner, and re tried
    them at every character of a page that holds the word anywhere."""
    hay = fold_text(text)
    if hay is None:
        return pattern.search(text)
    done = -1  # the end of the last line searched
    for i in find_all(hay, word):
        if i < done:
            continue
        start = text.rfind("\n", 0, i) + 1
        done = text.find("\n", i)
        if done < 0:
            done = len(text)
        # (the line's end as endpos: "$" and "\b" read it as they read the line break)
        if m := pattern.search(text, start, done):
            return m
    return None


_STUDY_GROUP = re.compile(r"[ \t]+Groups?\b")
# capitalised words that name no study: "The Study at a Glance", "This Study", "A New Study",
# "the Clinical Trial", "Our Research Study", an index's publication types ("Comparative Study",
# "Multicenter Study") (a named study has a name: "the Example Twin Register")
_GENERIC_STUDY_WORDS = frozenset(
    """the this that these those a an our their its one new recent latest large small current
    previous further another each every such first second third key main major landmark pilot
    clinical case research original national international global ongoing upcoming cross-sectional
    observational randomized randomised controlled prospective retrospective longitudinal
    population-based registry register database biobank study trial survey cohort consortium
    initiative comparative multicenter multicentre validation evaluation""".split()
)
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'’-]*")


def _names_a_study(text: str, m: re.Match) -> bool:
    """``m`` (a match of _NAMED_STUDY) gives a study's name: one of its capitalised words is
    more than a determiner or a study's kind, and it does not stand in a title-case heading
    ("New Lupus Study Finds Link": a headline's capitals name nothing)."""
    words = m.group(0).split()[:-1]
    if all(w.lower() in _GENERIC_STUDY_WORDS for w in words):
        return False
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    if (end if end >= 0 else len(text)) - start > 250:
        return True  # a paragraph, not a heading
    line = text[start : end if end >= 0 else len(text)].rstrip()
    long_words = [w for w in line.split() if len(w) >= 4 and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in long_words)
    return not (
        len(long_words) >= 3
        and capitalised >= 0.75 * len(long_words)
        and not line.endswith((".", "!", "?", ":", ";", ","))
    )


def _word_char_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _own_host(url: str | None) -> str | None:
    """The page's own site (its host without "www."), to tell its navigation from its sources."""
    if not url:
        return None
    host = urlparse(url if "//" in url else f"//{url}").netloc.lower()
    return host.removeprefix("www.") or None


def _same_site(href: str, own: str) -> bool:
    """A link to the page's own site: a relative link, or one whose host is the site's."""
    if "//" not in href:
        return href.startswith(("/", "#", "?")) or own in href.lower()
    host = urlparse(href).netloc.lower().removeprefix("www.")
    return host == own or host.endswith("." + own)


_STUDY_SPAN = re.compile(r"[.,;:]?\d{1,2}(?:[,–-]\d{1,2})*")
_HEADER_LINES = 6  # a journal page's own name, DOI and dates stand in its first short lines
_HEADER_MAX = 12
_MARK_ENDS = frozenset("])0123456789")
_TRAILING_MARK = re.compile(
    r"(?<=[.!?])[ \t]?(?:\[\d{1,3}(?:[,–-]\d{1,3}){0,5}\]|\(\d{1,3}\)|\d{1,3}(?:[,–-]\d{1,3}){0,5})$"
)


def _is_prose(line: str, min_words: int = 1) -> bool:
    """A line that ends a sentence (of ``min_words`` words or more) and is no citation line
    ("Int J X. 2021;23(1):179.")."""
    line = line.rstrip()
    if line[-1:] in _MARK_ENDS:  # (a trailing mark ends on one of these: most lines hold none)
        line = _TRAILING_MARK.sub("", line)
    return (
        line.endswith((".", "!", "?"))
        and len(line.split()) >= min_words
        and "doi" not in line.lower()
        # (an issue's year and a Vancouver entry both hold a semicolon)
        and (";" not in line or not (_ISSUE_YEAR.search(line) or _VANCOUVER_RE.search(line)))
    )


def _in_header(text: str, pos: int) -> bool:
    """``pos`` lies in one of the page's first short lines that are not sentences (a journal
    page's own header: its name, DOI and issue). The header ends at the first sentence of
    running text (fourteen words or more); past the sixth line, at any line that ends a sentence
    (a journal page's long author list pushes its identifiers down; the twelfth line at most)."""
    lines_before = text.count("\n", 0, pos)
    if lines_before >= _HEADER_MAX:
        return False
    start = text.rfind("\n", 0, pos) + 1
    words = 1 if lines_before >= _HEADER_LINES else 14
    if any(_is_prose(x, words) for x in text[:start].split("\n")):
        return False
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    line = _TRAILING_MARK.sub("", line)  # "... the skin.[3]" ends a sentence
    if len(line.split()) >= 14:
        return False
    # a journal's citation line of the page itself ends with a stop: "Int J X. 2021;23(1):179. doi: ..."
    return (
        not line.endswith((".", "!", "?"))
        or bool(_ISSUE_YEAR.search(line) or _VANCOUVER_RE.search(line))
        or "doi" in line.lower()
    )


# what a journal page writes beside its own identifiers: its issue ("2024 Jun 7;25(1):95",
# "(2015) 41:39") and its publication history ("First Online", "Received", "Cite this article")
_OWN_ISSUE = re.compile(
    r"\((?:19|20)\d{2}\)[ \t]*\d{1,4}[ \t]*:[ \t]*[eE]?\d{1,6}"  # "(2015) 41:39"
    r"|\b(?:19|20)\d{2},[ \t]*\d{1,4}[ \t]*\(\d{1,4}\),[ \t]*[eE]?\d{1,6}"  # "2022, 10(5), 999"
    r"|\b(?:19|20)\d{2}[ \t]+\d{1,4}[ \t]*:[ \t]*[eE]?\d{1,8}(?=[ \t]*;)"  # "2018 61: 2300418;"
)
_OWN_HISTORY = re.compile(
    r"(?i:published\s+online|first\s+online|epub(?:lished)?\s+\d|received\s*:|accepted\s*:|"
    r"cite\s+this\s+(?:article|chapter|page|paper|entry)|"
    r"published\s*:|"  # "Open Access Published: June 4, 2021 DOI: https://doi.org/..."
    r"copyright\s*©)"  # "(Am J Example. 2018;97(8):517. Copyright © 2018 Example Academy.)"
)


# how far from the page's issue line its own DOI or PMID may stand (a header line's length)
_OWN_RECORD_REACH = 300


def _own_record(text: str, pos: int) -> bool:
    """``pos`` (a DOI, a PMID, an author-and-"et al." line) lies in a journal page's record of
    itself near its top: on a line, or just under a line, that gives the page's own issue or
    publication history. Only the first 2,000 characters hold such a record; an issue line
    without the history holds it only above the third long sentence of running text, or the
    sixth of eight words or more (a site's banner may hold two): under them it is a reference
    list's entry."""
    if pos > 2000:
        return False
    start = text.rfind("\n", 0, pos) + 1
    prev = text.rfind("\n", 0, max(0, start - 1)) + 1 if start else start
    end = text.find("\n", pos)
    lines = text[prev : end if end >= 0 else len(text)]
    # (the history may stand on the line above that holds text, past a blank line: "Cite this
    # article" over the record)
    above_end = start - 1
    while above_end > 0 and text[above_end - 1] == "\n":
        above_end -= 1
    label = text.rfind("\n", 0, max(0, above_end)) + 1 if start else start
    if _OWN_HISTORY.search(text, label, end if end >= 0 else len(text)):
        return True
    above = text[:prev].split("\n")
    # (three long sentences, or six of eight words or more: a page's running text, whose
    # sentences are often shorter than a journal abstract's)
    if sum(_is_prose(x, 14) for x in above) >= 3 or sum(_is_prose(x, 8) for x in above) >= 6:
        return False
    if not any(_is_prose(x, 14) for x in above) and _under_author_line(
        text, start, end if end >= 0 else len(text)
    ):
        return True  # (in the header, above the running text)
    at = prev
    for line in lines.split("\n"):
        issue = _OWN_ISSUE.search(line) or _VANCOUVER_RE.search(line)
        # the page's issue line opens with it or with the journal's name ("Am Fam Physician.
        # 2016;93(10):840"); a reference entry has its authors and title before it. The record's
        # identifiers stand beside it: one far along a text run into one line is another entry's
        if (
            issue
            and len(line[: issue.start()].split()) <= 7
            and abs(at + issue.start() - pos) <= _OWN_RECORD_REACH
        ):
            return True
        at += len(line) + 1
    return False


def _under_author_line(text: str, start: int, end: int) -> bool:
    """The line ``text[start:end]``, ending no sentence (a society's long name may follow the
    journal's: under 25 words), stands straight under a
    scholarly author line (nothing but names, two or more or one with an affiliation mark or a
    credential, past a blank line at most): where a journal page prints its own name and issue."""
    line = text[start:end].rstrip()
    if not line.strip() or len(line.split()) >= 25 or line.endswith((".", "!", "?")):
        return False
    above_end = start - 1
    while above_end > 0 and text[above_end - 1] == "\n":
        above_end -= 1
    if start - above_end > 3 or above_end <= 0:
        return False  # (a blank line at most between them)
    names_line = text[text.rfind("\n", 0, above_end - 1) + 1 : above_end - 1]
    lead = len(names_line) - len(names_line.lstrip(" \t•*-"))
    names, marked, stop = _journal_names(names_line, lead)
    rest = names_line[stop:].strip(" \t,;.0123456789*†‡§¶")
    return bool(names) and (marked or len(names) >= 2) and not rest


def _citation(text: str) -> re.Match | None:
    """A DOI, PMID, "et al., 2019", "[1]", "[source: ...]" or "according to the NIH": the first
    that is not the page's own identifier in its header."""
    for m in scanner(_CITATION).finditer(text):
        if (
            not _in_header(text, m.start())
            and not _own_record(text, m.start())
            and not _counted_by(text, m)
        ):
            return m
    return None


# statements attributed to a named organisation or carrying superscript citation numbers
_ORG_SOURCE = (
    (
        r"(?:the\s+)?(?:U\.?S\.?\s+)?(?:(?:[A-Z][\w'’&.-]*|&|and(?=\s+[A-Z]))\s+){0,5}(?:Foundation|Institutes?|Association|Society|Academy|College|"
        r"Organi[sz]ation|Clinic|Library\s+of\s+Medicine|Agency|Administration|Council|Initiative|Network|Alliance|Service|"
        r"Centers?|Centres?|Department|Federation|Coalition|Charity|Registry|Journal|University|Hospital|School\s+of\s+Medicine|"
        # (after a source cue only: "comes from the Example Self-Assessment Program")
        r"Program|Programme)"
        r"(?:\s+(?:of|for|on)(?:\s+(?:the\s+|and\s+|&\s+)?[A-Z][\w-]*){1,5})?"  # "American College of Rheumatology"
    ).replace(r"\s+", r"[ \t]+")
)  # an organisation's name stands on one line
_ORG_WORD = (
    r"(?:Foundation|Institutes?|Association|Society|Academy|College|Organi[sz]ation|Clinic|Library[ \t]+of[ \t]+Medicine|"
    r"Agency|Administration|Council|Initiative|Network|Alliance|Service|Centers?|Centres?|Department|Federation|"
    r"Coalition|Charity|Registry|Journal|University|Hospital|School[ \t]+of[ \t]+Medicine)"
    r"(?:[ \t]+(?:of|for|on)(?:[ \t,]+(?:(?:the|and|&)[ \t]+)?[A-Z][\w-]*){1,6})?"  # "... of Arthritis and Skin Diseases"
)
# health agencies and societies a page names as its source by their short names
_AGENCY = rf"(?:the[ \t]+)?{_alternation(AGENCIES)}(?![\w-])"
# (lower case: "United States" after a body's name is its address, not the verb "states")
_SOURCE_VERB = "(?:" + "|".join(v.replace(" ", r"\s+") for v in SOURCE_VERBS) + ")"
# what makes a named body the source of what follows: "according to", "data from", "visit"
_SOURCE_CUE = (
    # ("says" and "states" in lower case: "United States National Library of Medicine" names a
    # body, its country's name before it)
    r"(?i:according\s+to|as\s+per|per|cited\s+by|reported\s+by|(?-i:says|states)|classified\s+by|"
    # the people of a named body as the source: "according to researchers from the Example
    # University" (a finding verb is not needed after "according to": _RESEARCHERS_AT)
    r"according\s+to\s+(?:the\s+)?(?:researchers|scientists|investigators|experts|doctors)\s+(?:at|from|of)|"
    r"(?:organi[sz]ations|agencies|bodies|societies|authorities|groups|sources|references),?\s+(?:including|such\s+as|like)|"
    r"referencing|citing|recommended\s+by|endorsed\s+by|published\s+by|issued\s+by|approved\s+by|defined\s+by|"
    r"developed\s+by|(?:data|figures|statistics|estimates|information|guidance|guidelines|advice|criteria|"
    r"recommendations|definition|report)\s+(?:from|by)|"
    r"comes?\s+from|taken\s+from|adapted\s+from|sourced\s+from|visit|via|supplied\s+by|provided\s+by|courtesy\s+of|"
    r"reproduced\s+(?:with\s+permission\s+)?from|content\s+from|"
    r"as\s+(?:highlighted|noted|explained|described|reported|stated|shown|outlined|defined)\s+by)"
)
# what may stand between a body's name and its verb: a comma, an adverb ("the Example Society
# also recommends"), or the line break of a text wrapped by hand ("... (CDC)\nreports that")
_ADVERB = (
    r"(?:(?:also|now|still|currently|officially|generally|strongly|specifically|further|previously|"
    r"already|clearly|likewise|similarly)[ \t]+)?"
)
_VERB_GAP = rf"(?:[ \t]*,)?(?:[ \t]+|[ \t]*\n[ \t]*){_ADVERB}"
# a named expert as the source: "according to Professor Ana Ruiz", "as noted by Dr. Ben Cole"
# (named in full: "Dr. Schweiger" alone is a person quoted, not a source a reader can look up)
_EXPERT = rf"(?:(?:Dr|Prof)\.?|Doctor|Professor)[ \t]+(?:{_TOKEN}|{_INITIALS})(?:[ \t]+(?:{_INITIALS}|{_TOKEN}))+"
# or named in full with the credentials after the name: "according to Ana M. Ruiz, MD, PhD"
_EXPERT_CREDENTIALED = (
    rf"{_TOKEN}(?:[ \t]+(?:{_INITIALS}|{_TOKEN})){{1,3}},?[ \t]+(?:{_CREDENTIALS})(?![\w.])"
)
# a document named as the source: "according to the European Position Paper on ...", "as
# defined by the Example Consensus Statement"
_NAMED_DOC = (
    r"(?:the[ \t]+)?(?:[A-Z][\w'’&.-]*[ \t]+){1,5}(?:Position[ \t]+Paper|Position[ \t]+Statement|"
    r"Consensus(?:[ \t]+Statement)?|Guidelines?|Classification|Textbook|Handbook|Manual)"
)
# a body named after a plain word for what it is: "according to the advocacy group Example
# Friends", "data from the nonprofit Example Trust" (the word in lower case; a name follows)
_DESCRIBED_BODY = (
    r"(?:the[ \t]+|an?[ \t]+)?(?:(?:non-?profit|advocacy|patient|charity|research|medical|health|"
    r"professional|scientific|international|national|federal|government|public|support)[ \t]+){0,2}"
    r"(?:group|charity|organi[sz]ation|agency|society|foundation|institute|nonprofit|non-profit|"
    r"network|magazine|newspaper),?[ \t]+[“\"]?[A-Z][\w'’&-]+"
)
_RESOURCE = (
    r"(?i:overview|information|guide|guidance|fact[ \t]+sheet|factsheet|resources?|summary|page|article|"
    r"statistics|data|criteria|guidelines)"
)
_BRACKETED_SOURCE = r"sources?|ref|refs|reference|references|citation"  # "(Source: ...)", "[ref]"
_ATTRIBUTED = re.compile(
    # (an expert after "says" / "states" is a person quoted: "…, says Dr. Ana Ruiz")
    rf"\b{_SOURCE_CUE},?\s+(?!(?i:our|your|my|this|their)\b)(?:{_ORG_SOURCE}|{_AGENCY}|"
    # (the expert's field may stand before the name: "according to allergist Dr. Ana Ruiz",
    # "according to board-certified dermatologist Ana Ruiz, MD")
    rf"(?<!says[ \t])(?<!states[ \t])(?:[a-z][a-z-]{{3,}}[ \t]+){{0,2}}(?:{_EXPERT}|{_EXPERT_CREDENTIALED})|{_NAMED_DOC}|"
    rf"{_DESCRIBED_BODY})\b|"
    # (agencies by their short names before a verb: _AGENCY_SOURCE)
    # (the body's city may follow its name: "Example Children's Hospital Boston reported")
    rf"\b{_ORG_WORD}(?:[ \t]+\([A-Z]{{2,8}}\)|[ \t]+[A-Z][a-z]{{2,}})?{_VERB_GAP}{_SOURCE_VERB}\b|"
    # "the Example Institute offers a concise overview"
    rf"\b{_ORG_WORD}[ \t]+(?:\([A-Z]{{2,8}}\)[ \t]+)?(?i:offers|provides|publishes|has|maintains)"
    rf"[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_RESOURCE}\b|"
    # "the first consensus guidelines for X diagnosis by the Example Academy"
    rf"\b(?i:guidelines?|criteria|recommendations|consensus|position\s+statement)\b[^.\n]{{0,60}}?\b(?i:by|from)"
    rf"[ \t]+(?:{_ORG_SOURCE}|{_AGENCY})\b|"
    r"\b(?i:according\s+to|as\s+per|source:?)\s*\(?https?://|"
    # a source named by one word, the clause ending there: "According to ExampleMD, ...",
    # "according to Examplepedia:" (not an honorific: "As per Dr. Ruiz" is a person quoted)
    r"\b(?i:according[ \t]+to|as[ \t]+per)[ \t]+(?!(?:Dr|Drs|Prof|Mr|Mrs|Ms|Mx|St|Sr|Jr)\b)"
    r"[A-Z][\w.'’&-]*[A-Za-z](?=[ \t]*[,.:;)])|"
    r"\b(?i:study|studies|review|meta-analysis|trial|survey)\s+published\s+in\s+(?:19|20)\d{2}\b|"
    rf"\b{_ORG_WORD}(?:['’]s\s+(?i:take|view|position|guidance|guidelines|definition|criteria|website|advice|database|checklist|"
    r"page|resources|fact\s+sheet|factsheet|statistics|data|report|recommendations|guide)|"
    r"\s+(?i:has\s+|have\s+)?(?i:developed|published|issued|set\s+out|released)\s+(?:\w+\s+)?(?i:criteria|guidelines|"
    r"recommendations|advice|a\s+statement))\b|"
    rf"\[\d{{1,3}}(?:\s*[,–-]\s*\d{{1,3}})+\]|[\[(]\s*(?i:{_BRACKETED_SOURCE})\b|"
    # a bracketed source: a work's title in quotes, then who published it ('[“Example Facts.”
    # Example Foundation]')
    r"\[[“\"][A-Z][^\]\n”\"]{2,100}[”\"][ \t]*[A-Z][^\]\n]{2,80}\]|"
    r"\((?<=[a-z]\s\()\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\)(?=[.;,])|"
    rf"\b{_ORG_WORD}[ \t]+(?:\([A-Z]{{2,8}}\)[ \t]+)?(?i:website|web\s+site|chart|guidelines|fact\s+sheet)\b|"
    r"(?<![^\n])(?i:sources?)[ \t]*:[ \t]*\S|"  # a "Source: ..." line
    # a credit naming its source after running text: the label set in markup ("*Sources: ...*"),
    # after a sentence's stop ("... in children. Source: Example Rare Disease Center"), or with a
    # dash ("source - Example Clinic"); a bare commercial address names no body ("Source: x.com")
    r"(?:(?<=\n\*)|(?<=\n\*\*)|(?<=[.!?][ \t])|(?<=[.!?]))(?i:sources?)[ \t]*:[ \t]*(?:\*\*?[ \t]*)?"
    r"(?![\w.-]+\.com\b)[A-Z]|"
    r"(?<![^\n])(?i:sources?)[ \t]+[–—-][ \t]+(?![\w.-]+\.com\b)[A-Z]|"
    # a text or chart adapted from a named work or body, a few words apart: "Adapted from a chart
    # in “Example Title”, NIH Pub. No. ...", "Reprinted with permission from the Example Society"
    r"\b(?i:adapted|reprinted|reproduced|excerpted|modified)[ \t]+(?i:with[ \t]+permission[ \t]+)?(?i:from)\b"
    rf"[^.\n]{{0,60}}?(?:{_AGENCY}|{_ORG_SOURCE}|[“\"][A-Z]|[A-Z][\w'’-]+(?:[ \t]+et[ \t]+al\.?)?[ \t]*\[\d{{1,3}}\])|"
    # or a book's title straight after "from", two or more capitalised words: "Excerpted from
    # Example Skin Naturally, (c) 2001 by Example Press"
    r"\b(?i:adapted|reprinted|reproduced|excerpted)[ \t]+(?i:with[ \t]+permission[ \t]+)?(?i:from)[ \t]+"
    r"(?:the[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)+|"
    # a journal named after "the journal": "they reported it in the journal Diagnostics", 'in
    # the journal “Example Radiology”', "in the journal, Immunity"
    r"(?<=[Tt]he[ \t])journal,?[ \t]+[“\"]?[A-Z][\w&-]+|"
    # an inline citation badge inside a sentence, naming its source: "... tend to have Trusted
    # Source Example Medical Library Go to source overactive ..." (not a slogan "Your Trusted Source")
    r"(?<=[a-z,.;:)][ \t]Trusted[ \t])Source[ \t]+(?!(?:For|Of|On|In|To|And|The)\b)[A-Z][\w'’-]+"
)
# the words where a match of _ATTRIBUTED can start
_ATTRIBUTED_START_WORDS = (
    r"according|as per|per|cited|reported|says|states|classified|organi[sz]ations|referencing|references|citing|source|sources|"
    r"recommended|endorsed|published|issued|approved|defined|developed|data|figures|statistics|estimates|"
    r"information|guidance|guidelines|advice|comes?|taken|adapted|reprinted|excerpted|modified|sourced|visit|via|criteria|"
    r"recommendations|"
    r"definition|report|organi[sz]ations|agencies|bodies|societies|authorities|groups|supplied|provided|courtesy|"
    r"reproduced|content\s+from|as\s+(?:highlighted|noted|explained|described|reported|stated|shown|outlined|"
    r"defined)|guideline|consensus|position|"
    r"study|studies|review|"
    r"meta-analysis|trial|survey|foundation|institutes?|association|society|academy|college|organi[sz]ation|clinic|"
    r"library|agency|administration|council|initiative|network|alliance|service|centers?|centres?|department|"
    r"federation|coalition|charity|registry|journal|university|hospital|school"
)


def _top_level(alternation: str) -> list[str]:
    """The alternatives of a regex alternation, split at its top-level bars only."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        c = alternation[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts


def _by_first_letter(alternation: str) -> str:
    """``(?:alternation)`` with its alternatives grouped by their first letter ("a(?:ccording|s
    per|...)|p(?:er|...)"), each group's in their order. Every alternative opens on a lower-case
    ASCII letter, and no character matches two of them (under re.IGNORECASE either), so at any
    place the alternatives of one group at most can match, tried in their order: the same match
    as the plain alternation's. ``re`` tries a case-insensitive alternative by entering it, so
    it enters a few groups rather than a hundred words at each place
    (tests/check/test_credibility_sources.py)."""
    groups: dict[str, list[str]] = {}
    for alt in _top_level(alternation):
        assert "a" <= alt[:1] <= "z" and alt[1:2] not in ("?", "*", "+", "{"), alt
        groups.setdefault(alt[0], []).append(alt[1:])
    return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


# where a match of _ATTRIBUTED can start: it is tried only there (``match``), in order
_ATTRIBUTED_START = re.compile(
    rf"\b{_by_first_letter(_ATTRIBUTED_START_WORDS)}\b|\[|"
    # (a bracket opens only two forms: a source's word after it, or a note's number: most of a
    # page's brackets are neither, and are passed over without trying _ATTRIBUTED)
    rf"\((?=\s*(?:{_BRACKETED_SOURCE})\b|\d)",
    re.I,
)
# a work named by who did it or where it was shown (its own pattern, so that common words like
# "research" and "article" do not each try _ATTRIBUTED):
_WORK_CITED = re.compile(
    # research named by the body that did it: "a study from the Example Institute", "the study,
    # led by scientists at the Example Hospital" (researchers at a body: _RESEARCHERS_AT)
    # (what the study was of may stand between: "a 1994 study of chest pain conducted by the ...")
    r"\b(?i:study|studies|research|evidence|findings|trial|survey|analysis|review)"
    r"(?:[ \t]+(?i:of|on|in|into)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?(?=,?[ \t]+(?i:conducted|carried|led|done|run|undertaken|funded)))?"
    r",?[ \t]+(?i:from|by|at|"
    r"(?:led|conducted|carried[ \t]+out|undertaken|done|run|funded)[ \t]+by"
    r"(?:[ \t]+(?:scientists|researchers|investigators|a[ \t]+(?:research[ \t]+)?team)[ \t]+(?:at|from))?),?[ \t]+"
    rf"(?!(?i:our|your|my|this|their)\b)(?:{_ORG_SOURCE}|{_AGENCY}|{_EXPERT}|{_NAMED_DOC})\b|"
    # a work named by its author, inside a sentence (not a byline opening its line): "this
    # article by Ana M Ruiz", 'the essay "Cure" by Ben A. Cole', "the study by Ruiz, A."
    r"(?<=[a-z][ \t])(?i:article|paper|study|review|book|essay|report)(?:[ \t]+[“\"][^”\"\n]{2,80}[”\"])?"
    rf"[ \t]+(?:written[ \t]+)?by[ \t]+(?:{_NAME_1}|[A-Z][\w'’-]+,[ \t]+[A-Z]\.)|"
    # a work by its first author's surname in the journal that carried it: "a 2005 article by
    # Ruiz in Examplologia", "the study by Ruiz et al. in the Example Journal" (not a month)
    r"(?<=[a-z0-9][ \t])(?i:article|paper|study|review|report|analysis)[ \t]+by[ \t]+[A-Z][\w'’-]+"
    rf"(?:[ \t]+et[ \t]+al\.?)?[ \t]+in[ \t]+(?:the[ \t]+)?(?!{_MONTH_NAMES}\b)[A-Z][\w-]+|"
    # a study presented at a named meeting: "presented at the 2019 Annual Meeting of the ..."
    r"\b(?i:presented|unveiled)\s+at\s+(?:the\s+)?(?:(?:19|20)\d{2}\s+)?(?:[A-Z][\w'’&.-]*\s+){0,5}"
    r"(?:Meeting|Congress|Conference|Symposium|Sessions|Summit|Forum)\b"
)
# where a match of _WORK_CITED can start: it is tried only there (``match``), in order
_WORK_START = re.compile(
    r"\b(?:study|studies|research|evidence|findings|trial|survey|analysis|review|article|paper|book|"
    r"essay|report|presented|unveiled)\b",
    re.I,
)
# researchers at a named body, reporting what they found: "Researchers at the Example University
# have found ...", "scientists from the Example Institute discovered ..." (a finding verb in the
# same sentence: "researchers at X are investigating ..." reports no finding yet)
_RESEARCHERS_AT = re.compile(
    r"\b(?i:researchers|scientists|investigators|(?:(?<=\b[Aa][ \t])|(?<=\b[Aa][ \t]research[ \t]))team)"
    r"[ \t]+(?:at|from|of|with)"
    rf"[ \t]+(?!(?i:our|your|my|this|their)\b)(?:{_ORG_SOURCE}|{_AGENCY})\b"
)
_RESEARCHERS_START = re.compile(r"\b(?:researchers|scientists|investigators|team)\b", re.I)
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")
_FINDING = re.compile(
    r"\b(?:found|find|finds|discovered|uncovered|showed|shown|shows|reported|revealed|reveal|"
    r"identified|concluded|demonstrated|published|confirmed)\b"
)


# an agency or society by its short name as the source: "the CDC estimates", "the CDC and NIH
# classify", "NIDDK offers an overview" (case-sensitive: its scanner looks only at the names)
_AGENCY_SOURCE = re.compile(
    rf"\b{_alternation(AGENCIES)}(?![\w-])[ \t]+(?:\([A-Z]{{2,8}}\)[ \t]+)?"
    rf"(?:(?:and|&)[ \t]+{_alternation(AGENCIES)}[ \t]*)?,?[ \t]*(?:{_ADVERB}{_SOURCE_VERB}\b|"
    rf"(?i:offers|provides|publishes|has|maintains)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_RESOURCE}\b)|"
    # "the CDC's guidance", "NHS's website"
    rf"\b{_alternation(AGENCIES)}['’]s[ \t]+(?:{_RESOURCE}|(?i:website|recommendations|advice|report|definition|"
    r"position|fact\s+sheet))\b"
)
# "Example Health Today states that ...": a named publisher (two or more capitalised words) before the verb
_STATES_THAT = re.compile(r"\b(?:states|reports|notes)\s+that\b")
_NAMED_BEFORE = re.compile(r"[A-Z][\w&]*(?:[ \t]+[A-Z][\w&]*){1,4}[ \t]+$")
# citation numbers after a word: "skin.3", "system.3,5", "women1", "coworkers8" (what stands before
# them is checked in _attributed: a lower-case letter and a stop, a bracket, or four lower-case letters)
# ``\d\d?`` rather than ``\d{1,2}`` (the same matches): a pattern that opens on a single class
# lets re skip to the next digit, one that opens on a repeat is tried at every character
_CITATION_NUMBER = re.compile(r"\d\d?(?:[,–-]\d\d?)*(?=[.,;:]?(?:\s|$))")


def _citation_numbers(text: str) -> Iterator[re.Match]:
    """``_CITATION_NUMBER.finditer(text)``. Every match opens on a digit, and in an ASCII text
    (most pages) the only digits are 0-9, found by ``str.find`` far faster than ``re`` steps from
    character to character looking for one: the pattern is tried at those alone, in order, each
    from where the last match ended (its matches are never empty)."""
    if not text.isascii():
        return _CITATION_NUMBER.finditer(text)
    starts = sorted(chain.from_iterable(find_all(text, d) for d in "0123456789"))
    return match_at(_CITATION_NUMBER, text, starts)


_LIST_ITEM_AFTER = re.compile(r"[.)][ \t]+[A-Z]")
# what may follow a note mark that closes its line: blanks, then the line's end
_LINE_CLOSED = re.compile(r"[ \t]*(?:\n|$)")
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)
_PARAGRAPH_MARK_WORDS = 6  # the sentence before such a mark: running text, not a label or a menu


def _closes_paragraph(text: str, m: re.Match, before: str, word: re.Match | None = None) -> bool:
    """``m`` (a match of _CITATION_NUMBER, ``before`` the five characters before it, ``word`` the
    word before it as _WORD_BEFORE reads it) is a single note mark closing a sentence and its
    line, glued to the stop or set apart by one space: "... over a lifetime.1" / "... through
    the genes? 2" over the next paragraph; or one space after the sentence's last word, before
    its stop: "... than the father's pattern 1." (60 at most: "He looked 73." tells an age). A
    paragraph that ends on a bare number after its stop carries a footnote: a count or a label
    ("Sept. 3", "version 2.1") has a capital or a digit before its stop, or no stop at all; a
    number after a count or label word ("type 1.", "on day 3.") or a month's name ("April 1.")
    before the stop is no mark."""
    glued = before[-1:] in ".?!" and before[-2:-1].islower()
    spaced = before[-2:] in (". ", "? ", "! ") and before[-3:-2].islower()
    end = m.end()
    if not (glued or spaced) and (
        before[-1:] == " "
        and word is not None
        and word.group(1).isalpha()
        and word.group(1).islower()
        and len(word.group(1)) >= 3
        and word.group(1) not in _NOT_CITING_SPACED
        and word.group(1) not in _MONTH_WORDS
        and text[end : end + 1] == "."
        # (a paragraph's first note is a low number; "He looked 73." tells an age)
        and int(m.group(0).split(",")[0].split("-")[0].split("–")[0]) <= 60
    ):
        end += 1  # (the stop after the mark)
    elif not (glued or spaced):
        return False
    if m.group(0) == "0" or not _LINE_CLOSED.match(text, end):
        return False
    line = text.rfind("\n", 0, m.start()) + 1
    return len(text[line : m.start()].split()) >= _PARAGRAPH_MARK_WORDS and not _in_header(
        text, m.start()
    )


# the page's own body before an organisation word: "Our Clinic recommends", "our Harbour Lupus
# Centre offers a guide" (the site speaking of itself, not citing a source)
_OWN_BODY = re.compile(r"\b(?i:our|my|your)[ \t]+(?:[A-Z][\w'’&.-]*[ \t]+){0,5}$")


# a body's criteria used to define or classify the cases a text counts ("women with PCOS defined
# by NIH criteria", "classified by ACR criteria"): the yardstick of a study, not a source of what
# the page says ("according to the ACR criteria" still cites)
_DEFINED_BY = re.compile(r"(?i:defined|classified)\s+by\b")
_CRITERIA_AFTER = re.compile(
    r"[ \t]+(?:\d{4}[ \t]+)?(?i:diagnostic[ \t]+|classification[ \t]+)?(?i:criteria|definition)\b"
)


# "diagnosed according to ... criteria": the yardstick a study counted its cases by
_COUNTED_BEFORE = re.compile(
    r"\b(?:diagnosed|defined|classified|selected|identified|included|enrolled|recruited)[ \t]+$"
)
_CRITERIA_NEAR = re.compile(r"[^.\n]{0,100}?\b(?:criteria|definition)\b")


def _counted_by(text: str, m: re.Match) -> bool:
    """``m`` names a body whose criteria a study counted its cases by ("diagnosed according to
    the Example Institute criteria"), not a source of what the page says."""
    return bool(
        _COUNTED_BEFORE.search(text, max(0, m.start() - 40), m.start())
        and _CRITERIA_NEAR.match(text, m.end())
    )


def _source_line_above_text(text: str, m: re.Match) -> bool:
    """``m`` (a match of _ATTRIBUTED) is a "Source: ..." line that stands above the page's first
    sentence (no line above it ends one): where the article comes from (a republisher's credit, "Source: The
    Example Review", "Source: example.com"), not a source the text cites; under running text
    such a line names what the paragraphs above drew on."""
    if not (m.group(0)[:6].lower() == "source" and (m.start() == 0 or text[m.start() - 1] == "\n")):
        return False
    return not any(_is_prose(line) for line in text[: m.start()].split("\n"))


def _attributed(text: str, byline: tuple[int, int] | None = None) -> re.Match | None:
    """A statement attributed to a named organisation, a URL given as a source, a study named
    by its year, or citation numbers after at least two sentences ("... the skin.3 Signs ...").
    _ATTRIBUTED is tried only around the words every match of it holds. A match inside the
    page's byline (``byline``, its span) is the page's own credit: "reviewed and approved by
    Ana Ruiz, MD" names its reviewer, not a source."""
    for h in scanner(_ATTRIBUTED_START).finditer(text):
        m = _ATTRIBUTED.match(text, h.start())
        if byline and m and m.start() < byline[1] and byline[0] < m.end():
            continue
        if m and _source_line_above_text(text, m):
            continue
        if m and not _OWN_BODY.search(text, max(0, m.start() - 80), m.start()):
            if _DEFINED_BY.match(m.group(0)) and _CRITERIA_AFTER.match(text, m.end()):
                continue  # "cases defined by NIH criteria": how a study counted, not a source
            if _counted_by(text, m):
                continue  # "patients diagnosed according to the Example Institute's criteria"
            return m
    if m := scanner(_AGENCY_SOURCE).search(text):
        return m
    for h in scanner(_WORK_START).finditer(text):
        m = _WORK_CITED.match(text, h.start())
        if m and not _OWN_BODY.search(text, max(0, m.start() - 80), m.start()):
            return m
    for h in scanner(_RESEARCHERS_START).finditer(text):
        if not (m := _RESEARCHERS_AT.match(text, h.start())):
            continue
        sentence_end = _SENTENCE_STOP.search(text, m.end())
        if _FINDING.search(text, m.end(), sentence_end.start() if sentence_end else len(text)):
            return m
    for m in scanner(_STATES_THAT).finditer(text):
        if _NAMED_BEFORE.search(text, max(0, m.start() - 60), m.start()) and not _in_header(
            text, m.start()
        ):
            return m
    # (the line the page's author was read from, where numbers mark affiliations)
    author_line = (-1, -1)
    if byline:
        eol = text.find("\n", byline[0])
        author_line = (text.rfind("\n", 0, byline[0]) + 1, len(text) if eol < 0 else eol)
    marks, last_mark = 0, -2
    for m in _citation_numbers(text):
        i = m.start()
        before = text[max(0, i - 5) : i]
        if before[-1:].isdigit():
            continue  # the end of a longer number
        if author_line[0] <= i < author_line[1]:
            continue  # the page's author line: "Ana Ruiz1*, Ben Cole2" marks affiliations
        if i == last_mark + 1 and before[-1:] == " " and int(m.group(0)[:2].rstrip(",–-")) <= 99:
            # the next of a run of marks set apart by spaces: "... four decades.1 2"
            marks += 1
            if marks >= 2:
                return m
            continue
        word = _WORD_BEFORE.search(text, max(0, i - 12), i)
        if word and word.group(1).lower() in _NOT_CITING:
            continue  # "Sept. 3", "No. 5", "p. 12"
        if before[-2:] == ". " and _LIST_ITEM_AFTER.match(text, m.end()):
            continue  # a list's next item run into the text: "... of bile. 2. Surgery: ..."
        if _closes_paragraph(text, m, before, word):
            return _STUDY_SPAN.match(text, i)  # one mark closing a sentence and its line
        after = text[m.end() : m.end() + 1]
        if (
            (
                (
                    before[-1:] in (".", ",", ";", ":")
                    and (before[-2:-1].islower() or before[-2:-1] == ")")
                )
                or (before[-2:] == ". " and before[-3:-2].isalpha())  # "... the diet. 1, 2"
                or before[-1:] == ")"
                or (before[-1:] in '”"’' and before[-2:-1].isalpha())  # '... “invaders”2'
                or (len(before) == 5 and before[1:].isalpha() and before[1:].islower())
                # "... sun exposure 1." / "... in three genes 2" at a line's end: a number
                # after a plain word that no count or label word ("type", "age", "of") leads
                or (
                    before[-1:] == " "
                    and word is not None
                    and word.group(1).isalpha()
                    and word.group(1).islower()
                    and len(word.group(1)) >= 3
                    and word.group(1) not in _NOT_CITING_SPACED
                    and (
                        after in (".", ",", ";", "\n", "")
                        or m.end() == len(text)
                        # a superscript set apart by a space: "... the mole 8,9 ; (2) ..."
                        or text[m.end() : m.end() + 2] in (" ;", " .")
                    )
                    and int(m.group(0).split(",")[0].split("-")[0].split("–")[0]) <= 60
                )
            )
            and not _in_header(text, i)
        ):
            # a list of numbers after a stop ("...nodes.1,2", "...rare.3-5") is two marks, and so
            # is one after a sentence's stop before the next sentence ("... of patients.1 Yet")
            marks += (
                2
                if (
                    before[-1:] in ".;"
                    and (
                        any(c in m.group(0) for c in ",–-")
                        or (before[-1:] == "." and _NEXT_SENTENCE.match(text, m.end()))
                    )
                )
                # a mark glued to a sentence's last word, its stop set apart by a space ("... on
                # the skin2 ."): the shape a superscript leaves, never a count's or a name's
                or (before[-1:].isalpha() and text[m.end() : m.end() + 2] == " .")
                # a list of marks after a sentence's stop and a space, closing its line or
                # before the next sentence ("... the diet. 1,2", "... the diet. 1, 2"), as one
                # glued to the stop (".1,2") is; not "... at will. 1, 2 or 3 a day"
                or (before[-2:] == ". " and _MARK_LIST.match(text, i) is not None)
                else 1
            )
            last_mark = m.end()
            if marks >= 2:
                start = i - 1 if before[-1:] in (".", ",", ";", ":") else i
                return _STUDY_SPAN.match(text, start)  # the mark as a match, for its offsets
    # (its scanner skips the regex pass on a page without any of the marks: most pages)
    for m in scanner(_SUPERSCRIPT).finditer(text):
        # a superscript note mark: "... each year.¹", "... an allergy?¹", "(as of 2017¹)"; not a
        # unit's power ("mm³")
        before = text[max(0, m.start() - 4) : m.start()]
        if author_line[0] <= m.start() < author_line[1]:
            continue  # an affiliation's mark on the page's author line
        if (
            before[-1:] in '.,;:?!)]”"’'
            or (len(before) == 4 and before.isalpha())
            or (len(before) == 4 and before.isdigit() and before[:2] in ("19", "20"))
        ) and not _in_header(text, m.start()):
            return m
    for m in _PAREN_MARK.finditer(text) if "(" in text else ():
        # "(1)" after a sentence's stop and a space, or after a word or number closing a line
        # of running text: "... 1 in 133 (1)"
        prev = text[max(0, m.start() - 2) : m.start()]
        stop = prev[-1:] == " " and prev[:1] in ".!?"
        lead = prev[-1:] if prev[-1:] != " " else prev[:1]
        # or glued to the stop or the word it follows, before a stop or the next sentence:
        # "... the brain.(1) Many ...", "... gluten-containing grains(1)."
        glued = (prev[-1:] in (".", "!", "?") or prev[-1:].islower()) and m.group(0)[1] != "0"
        # or set apart after a word, number or abbreviation, closing its sentence: "... the
        # histology of IPF (1). The ..." (not a list's numbers: "mild (1), moderate (2) and
        # severe (3).", so no other mark may stand earlier on its line)
        closing = (
            prev[-1:] == " "
            and lead.isalnum()
            and _STOP_AFTER.match(text, m.end()) is not None
            and _PAREN_MARK.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()) is None
        )
        if (
            not stop
            and not closing
            and not (
                (lead.islower() or lead.isdigit() or lead in ".!?%")
                and (
                    _PAREN_AFTER.match(text, m.end()) is not None
                    or (glued and _GLUED_AFTER.match(text, m.end()) is not None)
                )
            )
        ):
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        if (stop or lead in ".!?" or len(text[line : m.start()].split()) >= 4) and not _in_header(
            text, m.start()
        ):
            return m
    return None


_SUPERSCRIPT = re.compile(r"[¹²³⁰⁴⁵⁶⁷⁸⁹]+(?:[,⁻–-][¹²³⁰⁴⁵⁶⁷⁸⁹]+)*")
# "(1)" or "(1, 2)" after a stop, a lower-case word or a number, closing a line or a sentence
_PAREN_MARK = re.compile(r"\(\d{1,2}(?:[ \t]*[,–-][ \t]*\d{1,2}){0,5}\)")
_PAREN_AFTER = re.compile(r"[ \t]*(?:\n|$|\(\d)")
_STOP_AFTER = re.compile(r"\.(?:\s|$)")
_GLUED_AFTER = re.compile(r"[.,;:](?:\s|$)|[ \t]+[A-Z]")
# words after which a number counts or labels something, rather than citing (a molecule's
# number among them: "myelin protein 2", "toll-like receptor 4", "antigen 1")
_NOT_CITING_SPACED = frozenset(
    """type types stage stages grade grades step steps phase phases level levels class group groups
    part parts day days week weeks month months year years hour hours minute minutes age ages aged
    over under than and or nor of to in on at by for with from about around only just least most
    top number chapter section vitamin factor dose doses round score scale size cup cups times
    is are was were be been the every each per out up down nearly almost approximately roughly
    chromosome chromosomes figure table trisomy version item items question questions lesson
    point points tier zone room ward floor volume issue unit units rank ranked ranks
    gen generation level total count rate ratio sum plus minus equals interleukin
    protein proteins receptor receptors antigen antigens gene genes
    have has had all get gets got take takes took need needs just""".split()
)


# An entry of a reference list, in the styles journals and health sites use:
# Vancouver/AMA "Autoimmun Rev. 2016;15(4):433-9" and "2019 Jun;25(4):486", author-and-"et al."
# "Rivera et al." / "Rivera JM, et al.", MLA "Surname, Given. “Title.”", and the retrieval notes
# "Retrieved from", "Accessed 3 May 2024", "Available at: https://". (APA "Surname, A. B. (2019).")
# is read in _reference_entry.)
_VANCOUVER = (
    # (an index may leave the volume out: "2003;:179-189")
    r"\b(?:19|20)\d{2}(?:[ \t]+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?(?:[ \t]+\d{1,2})?)?[ \t]*;[ \t]*(?:\d{1,4}|(?=:))(?:[ \t]*\([ \t]*\d{1,4}[ \t]*\))?"
    r"[ \t]*:[ \t]*[eE]?\d{1,6}"
)
_VANCOUVER_RE = re.compile(_VANCOUVER)
_REFERENCE_ENTRY = re.compile(
    _VANCOUVER + "|"
    r"\b[A-Z][\w'’-]+(?:[ \t]+[A-Z]{1,3})?,?[ \t]+et\.?[ \t]+al(?![a-z])|"
    r"\b[A-Z][\w'’-]+,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?\.[ \t]+[“\"][A-Z]|"
    r"\b(?:Retrieved[ \t]+(?:(?:on[ \t]+)?[^\n]{0,30}?)?from|Accessed(?:[ \t]+on)?[ \t]+(?:\d|[A-Z][a-z]+[ \t]+\d)|"
    r"Available[ \t]+(?:at|from|online)[ \t]*:?[ \t]*(?:https?://|www\.))"
)
# a journal's volume, issue and pages after the year earlier on its line, as Harvard and APA
# entries write them: "1993. Food and the gut. Gut. 34(6): 783-787"
_VOLUME_ISSUE = re.compile(
    r"(?<![\w(])\d{1,4}[ \t]?\(\d{1,4}(?:[-–]\d{1,4})?\)[ \t]?:[ \t]?[eE]?\d{1,6}(?:[-–]\d{1,6})?"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


_ISSUE_CLOSE = re.compile(r"\) ?:")  # an issue's closing bracket: "(6):", "(6) :"


def _volume_issue(text: str, ok: Callable[[re.Match], bool]) -> re.Match | None:
    """The first match of _VOLUME_ISSUE after a year on its line that ``ok`` keeps: tried only
    in the few characters before each issue's closing bracket ("(6):", "(6) :")."""
    # (one pass of a pattern that opens on the bracket, which ``re`` jumps to, rather than a
    # search for each two- or three-character string, which ``str`` reads far more slowly)
    closes = [m.start() for m in _ISSUE_CLOSE.finditer(text)]
    done = 0
    for i in closes:
        m = _VOLUME_ISSUE.search(text, max(done, i - 16), i + 24)
        if m is None:
            continue
        done = m.end()
        if _YEAR.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()) and ok(m):
            return m
    return None


# an entry opening its line (numbered or not) with its authors as surnames and initials, then the
# year in brackets and the title: "Rivera AB, Cole D (1926) Title ...", "1. Rivera AB et al (2001) A"
_BRACKETED_YEAR = r"\((?:1[89]|20)\d{2}[a-z]?\)"
_NAME_YEAR_ENTRY = re.compile(
    r"^[ \t]*(?:\d{1,3}\.[ \t]*)?[A-Z][\w'’-]+[ \t]+[A-Z]{1,3}(?:,[ \t]+[A-Z][\w'’-]+[ \t]+[A-Z]{1,3})*"
    rf"(?:,?[ \t]+et[ \t]+al\.?)?[ \t]+{_BRACKETED_YEAR}[ \t]+[A-Z]",
    re.M,
)
_BRACKETED_YEAR_RE = re.compile(_BRACKETED_YEAR)  # (opens on the bracket: re jumps to each)


def _name_year_entries(text: str) -> Iterator[re.Match]:
    """``_NAME_YEAR_ENTRY.finditer(text)``: a match opens on a line's start and holds a bracketed
    year on that line, so the pattern is tried only at the starts of the lines holding one (a
    match stays on its line: no two overlap)."""
    lines = {text.rfind("\n", 0, y.start()) + 1 for y in _BRACKETED_YEAR_RE.finditer(text)}
    return match_at(_NAME_YEAR_ENTRY, text, sorted(lines))


# an inline reference a publisher prints where it is cited, its authors one a line as bullets,
# surname then initials each with its stop, over the work's title: "• Rivera A.B." / "• Cole D." (or
# "• et al."); two such lines at least, the first opening its line (one name alone could be a
# caption or a list of people), under a sentence of six words or more (above the text's first
# sentence they are a journal page's own authors)
_BULLET_AUTHOR = rf"[•·*][ \t]*{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}[ \t]+(?:[{_UP}]\.){{1,3}}[ \t]*"
_BULLETED_AUTHORS = re.compile(
    rf"{_BULLET_AUTHOR}\n[ \t]*(?:{_BULLET_AUTHOR}(?:\n|$)|[•·*][ \t]*et[ \t]+al\.)"
)


def _bulleted_authors(text: str, ok: Callable[[re.Match], bool]) -> re.Match | None:
    """The first match of _BULLETED_AUTHORS that opens its line, stands under a sentence of six
    words or more and ``ok`` keeps."""
    for m in scanner(_BULLETED_AUTHORS).finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if (
            not text[line : m.start()].strip()
            and any(_is_prose(x, 6) for x in text[:line].split("\n"))
            and ok(m)
        ):
            return m
    return None


_APA_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+\d{1,2})?)?\)\.")
_APA_AUTHOR = re.compile(r"[ \t•*\d.\[\]-]{0,6}[A-Z][\w'’-]+,[ \t]+[A-Z]\.")

# what an entry of a resource list that names a source holds: an address, a reference entry's
# year and issue or "et al.", a body's name with the title of what it published ("Example Eczema
# Society: Diet leaflet", "NHS: Asthma"; a body's name alone is where to read on, not a citation)
_TITLE_AFTER = r"(?:[ \t]+\([A-Z]{2,8}\))?[ \t]*(?::|[ \t][–—-])[ \t]*[A-Z\w]"
_ENTRY_LIKE = re.compile(
    rf"https?://|\bwww\.|\b[\w-]+\.(?:gov|org|edu|int|com|net|uk)\b|{_VANCOUVER}|\bet[ \t]+al\b|"
    rf"\b[A-Z][\w'’&-]*[ \t]+{_ORG_WORD}{_TITLE_AFTER}|\b{_alternation(AGENCIES)}(?![\w-]){_TITLE_AFTER}"
)


def _reference_entry(text: str, byline: tuple[int, int] | None = None) -> re.Match | None:
    """The first entry of a reference list, or an author-and-"et al." citation, outside the
    page's own header (a journal page names its own issue and authors there) and outside its
    ``byline`` (where the page's author was read: "Ana Ruiz et al. J Gut Sci."). Each form is
    found by its fixed part ("et al", ". “", the year) and what stands before it is then read
    from a short slice, so no search starts at every capitalised word."""

    def ok(m: re.Match) -> bool:
        if byline and m.start() < byline[1] and byline[0] < m.end():
            return False
        return not _in_header(text, m.start()) and not _own_record(text, m.start())

    # (each search runs only when the text holds the characters it needs: one quick scan each;
    # the year, "et al" and "Retrieved" forms open with \b, which re tries at every character,
    # so their scanners try them only where their opening words are)
    found = [
        next((m for m in scanner(_VANCOUVER_RE).finditer(text) if ok(m)), None)
        if ";" in text
        else None,
        next((m for m in scanner(_BOOK_ENTRY).finditer(text) if ok(m)), None)
        if ";" in text
        else None,
        _volume_issue(text, ok),  # (None at once on a text without an issue's bracket)
        # (its scanner looks for "Retrieved", "Accessed", "Available": on a page, in the
        # occurrences found once for all scanners)
        next((m for m in scanner(_RETRIEVED).finditer(text) if ok(m)), None),
        next(
            (
                m
                for m in scanner(_ET_AL).finditer(text)
                if _ET_AL_NAME.search(text, max(0, m.start() - 40), m.start()) and ok(m)
            ),
            None,
        )
        if "al" in text
        else None,
        next(
            (
                m
                for m in _MLA_TITLE.finditer(text)
                if _MLA_AUTHOR.search(text, max(0, m.start() - 60), m.start()) and ok(m)
            ),
            None,
        )
        if "“" in text or '"' in text
        else None,
    ]
    if m := _bulleted_authors(text, ok):
        found.append(m)  # "• Rivera A.B." / "• Cole D.": a publisher's inline reference
    if "(" in text and (m := next((x for x in _name_year_entries(text) if ok(x)), None)):
        found.append(m)  # "1. Rivera AB, Cole D (1926) Title ..."
    for m in (
        _APA_YEAR.finditer(text) if "(" in text else ()
    ):  # "Rivera, A. B., & Cole, D. (2019). Title ..."
        line = text.rfind("\n", 0, m.start()) + 1
        if _APA_AUTHOR.match(text, line, m.start()) and ok(m):
            found.append(m)
            break
    return min((m for m in found if m is not None), key=lambda m: m.start(), default=None)


# a book's entry in the Vancouver style: the publisher, the year and the chapter or pages
# ("Philadelphia, PA: Example Press; 2018:chap 75.", "Example Press; 2018:123-45")
_BOOK_ENTRY = re.compile(
    r"(?<=[A-Za-z.]);[ \t]*(?:19|20)\d{2}[ \t]*:[ \t]*(?:chap(?:ter)?\.?[ \t]*\d{1,3}|\d{1,5}[-–]\d{1,5})\b"
)
_RETRIEVED = re.compile(
    r"\b(?:Retrieved[ \t]+(?:(?:on[ \t]+)?[^\n]{0,30}?)?from|Accessed(?:[ \t]+on)?[ \t]+(?:\d|[A-Z][a-z]+[ \t]+\d)|"
    r"Available[ \t]+(?:at|from|online)[ \t]*:?[ \t]*(?:https?://|www\.))"
)
_ET_AL = re.compile(r"\bet\.?[ \t]+al(?![a-z])")  # (and as often typed: "et. al")
_ET_AL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:[ \t]+[A-Z]{1,3})?,?[ \t]+$")
_MLA_TITLE = re.compile(r"\.[ \t]+[“\"][A-Z]")
_MLA_AUTHOR = re.compile(r"\b[A-Z][\w'’-]+,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?$")


_NEXT_SENTENCE = re.compile(r"[ \t]+[A-Z][a-z]+,?[ \t]+[a-z]")
_MARK_LIST = re.compile(r"\d\d?(?:,[ \t]?\d\d?|[–-]\d\d?)+[ \t]*(?:\n|$|[A-Z])")
_WORD_BEFORE = re.compile(r"(\w+)[.,;:]?\s?$")
_NOT_CITING = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol p pp ch fig figs page step type stage grade".split()
)
_MONTH_YEAR_LINE = re.compile(
    r"^[\s•·*|-]*(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+((?:19|20)\d{2})[\s•·*|-]*$",
    re.I,
)
_ISSUE_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*;\s*\d{1,4}\s*\(\d{1,4}\)")  # "2016;93(10):840"
# a line that opens with the page's issue, year first (a reference entry has its authors and title
# before its year): ". 2014 May;71(5):569-74.", "2003 Jul-Aug;15(4):446-53."
_ISSUE_OPENS = re.compile(
    r"[ \t]*\.?[ \t]*(?=(?:19|20)\d{2}(?:[ \t]+[A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?(?:[ \t]+\d{1,2})?)?[ \t]*;)"
    r"(?P<year>(?:19|20)\d{2})(?:[ \t]+(?P<month>[A-Z][a-z]{2}))?"
)
# a journal header's issue words, capitalised as headers type them ("Volume 31", "Vol. 107",
# "Issue : 3", "Pages 369-378"; not "on page 1 of 8"), and the issue's month and year beside them
_ISSUE_WORD = re.compile(r"\b(?:Vol(?:ume)?\.?|Issue|Pages?)[ \t]*:?[ \t]*\d")
_MONTH_ALT = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_BRACKETED_ISSUE = re.compile(
    r"\b(?:Journal|Annals|Archives|Review|Reviews|Proceedings|Bulletin)\b[^()\n]{0,80}\("
    rf"(?P<month>{_MONTH_ALT})\.?[ \t]+(?P<year>(?:19|20)\d{{2}})\)[ \t]*$"
)
_ISSUE_DATE = re.compile(
    rf"(?:(?P<month>{_MONTH_ALT})\.?[ \t]+)?"
    r"(?<![\d.,:/])(?P<year>(?:19|20)\d{2})(?![\d.,:/]\d|\d)"
)
_MONTHS_N = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        1,
    )
}


_DIGIT = re.compile(r"\d")


def _has_digit(line: str) -> bool:
    """``_DIGIT.search(line) is not None``. In a long ASCII line the only digits are 0-9, and
    ``str`` looks for each far faster than ``re`` steps through the line trying a class."""
    if len(line) <= 64 or not line.isascii():
        return _DIGIT.search(line) is not None
    return any(map(line.__contains__, "0123456789"))


# a line that points at another work: its date is that work's ("Further reading PNAS May 4, 2021",
# "Source: ...", "See also ...")
_POINTER_LINE = re.compile(
    r"[ \t•*>-]*(?i:further[ \t]+reading|read[ \t]+more|learn[ \t]+more|see[ \t]+also|sources?|"
    r"references?|cited[ \t]+in|related)\b"
)


def _cue_lines(text: str) -> list[int]:
    """The indices of the lines of ``text`` (``text.split("\\n")``) in which ``_DATE_CUE``
    matches, in order, from one scan of the whole text: a match is a whole word and never
    spans a line break, and a line break is no word character, so the page's matches are
    each line's own (what ``_DATE_CUE.search(line)`` finds, line by line)."""
    lines: list[int] = []
    line, pos = 0, 0
    for m in scanner(_DATE_CUE).finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


# a line that is only a date's label: "Last Updated", "Published on:", "Date"
_CUE_LABEL = re.compile(
    r"[ \t•*|-]*(?i:(?:last[ \t]+)?(?:published|posted|updated|reviewed|modified)(?:[ \t]+on)?|date)"
    r"[ \t]*:?[ \t]*"
)
# a word that makes a date a span's end or start: "since 01.06.2021", "between May 1, 2020 and"
_PERIOD_WORD = re.compile(
    r"(?i:\b(?:since|between|from|until|till|through|after|before|as[ \t]+of))[ \t]+$"
)
_LOWER_BEFORE = re.compile(r"(?<![\w.])[a-z][a-z,;]*[ \t]+$")  # (not "Site.com 05/01/2024")


def _dated_in_prose(line: str, at: int) -> bool:
    """The date at ``at`` is one the text tells of, not the page's: it opens or closes a span
    ("since ...", "between ... and"), or stands inside a sentence of running text (a line of
    twelve words or more that ends a sentence or runs long) after a lower-case word."""
    before = line[max(0, at - 20) : at]
    if _PERIOD_WORD.search(before):
        return True
    if _LOWER_BEFORE.search(before) is None:
        return False  # (the cheap test first: counting a long line's words costs more)
    words = len(line.split())
    return words >= 12 and (line.rstrip().endswith((".", "!", "?", "]")) or len(line) > 150)


# a date a forum's post header writes that find_date leaves: the year cut to two figures after
# an apostrophe ("Jun 26 '24")
_BYLINE_DATE = re.compile(rf"\b({_MONTH_ALT})\.?[ \t]+(\d{{1,2}}),?[ \t]+['’](\d{{2}})(?![\d'’])")


def _byline_date(line: str) -> tuple[str, int, int] | None:
    """A date of ``_BYLINE_DATE`` in ``line``: (yyyy-mm-dd, start, end)."""
    if "'" not in line and "’" not in line:
        return None  # (every match holds the apostrophe before the year: one quick scan)
    m = _BYLINE_DATE.search(line)
    if m is None:
        return None
    iso = parse_date(f"{m.group(1)} {m.group(2)}, 20{m.group(3)}")
    return (iso, m.start(), m.end()) if iso else None


def _text_date(text: str) -> tuple[str, dict] | None:
    """The page's own date from its visible text: any date in its first lines, a dated line
    ("Updated on ...", "Last reviewed: ..."), a date label over its date ("Last Updated" /
    "May 4, 2024"), a date opening one of its first twenty lines, a month and year alone on a
    byline line, or a journal issue's year in its header; never a date the running text tells
    of ("between May 1, 2020 and ...")."""
    pos = 0
    cue_lines = _cue_lines(text)
    last_cue, cues = (cue_lines[-1] if cue_lines else -1), set(cue_lines)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i >= 20 and i > last_cue:
            break  # past the first lines only a line with a cue is read, and none is left
        cue = i in cues
        if i < 6 or cue or i < 20:
            # past the first lines, only a date that opens the line: read the line's start only
            head = line if i < 6 or cue else line[:45]
            digit = _has_digit(head)
            found = find_date(head) if digit else None
            if found is None and digit:
                found = _byline_date(head)
            if (
                found
                and not cue
                and found[1] > 3  # an issue line opening with its date is the page's own
                and _REFERENCE_ENTRY.search(line)
                and not _in_header(text, pos + found[1])
            ):
                found = None  # a cited article's date in its reference entry (not the page's issue)
            if found and not cue and _POINTER_LINE.match(line):
                found = None  # "Further reading: J Gut Sci, May 4, 2021": the cited work's date
            if found and not cue and _dated_in_prose(line, found[1]):
                found = None  # "... between January 1, 2020 and ...": what the text tells of
            if not found and cue and i + 1 < len(lines) and _CUE_LABEL.fullmatch(line):
                # a label over its date: "Last Updated" / "December 20, 2022"
                nxt = i + 1 + (not lines[i + 1].strip() and i + 2 < len(lines))
                below = find_date(lines[nxt][:45]) if _has_digit(lines[nxt]) else None
                if below and below[1] <= 3:
                    at = pos + sum(len(x) + 1 for x in lines[i:nxt]) + below[1]
                    return below[0], {
                        "signal": "date",
                        "text": lines[nxt][below[1] : below[2]],
                        "start": at,
                        "end": at + below[2] - below[1],
                    }
            if found and (i < 6 or cue or found[1] <= 25):
                return found[0], {
                    "signal": "date",
                    "text": line[found[1] : found[2]],
                    "start": pos + found[1],
                    "end": pos + found[2],
                }
            if i < 20 and (m := _MONTH_YEAR_LINE.match(line)):
                # (a month and year alone on a line of the header: "January 2014")
                month = _MONTHS_N[m.group(0).strip(" •·*|-\t").split()[0].lower()]
                return f"{m.group(1)}-{month:02d}-01", {
                    "signal": "date",
                    "text": line.strip()[:120],
                    "start": pos,
                    "end": pos + len(line),
                }
            if (
                i < _HEADER_LINES
                and ";" in line
                and (m := _ISSUE_YEAR.search(line) or _VANCOUVER_RE.search(line))
                and _in_header(text, pos + m.start())
            ):  # "Int J X. 2016;93(10):840", "2007 Jul-Aug;11(4):245-8"
                return f"{m.group(0)[:4]}-01-01", {
                    "signal": "date",
                    "text": m.group(0),
                    "start": pos + m.start(),
                    "end": pos + m.end(),
                }
            # an abstract index's issue line opening with its year, under the index's banner
            # (the journal's name lost before it): ". 2014 May;71(5):569-74."; or a journal's
            # header line naming its issue with the issue's year: "Volume 31, Issue 1 (1-2019)",
            # "Year : 2021 | Volume : 25", "Pages 369-378 (June 2016)"
            m = _ISSUE_OPENS.match(line) if ";" in line else None
            if m is None and i < _HEADER_LINES and len(line) <= 100:
                # (a header line, not a sentence telling of an issue; or a journal's name with
                # its issue's month in brackets closing the line: "Journal of X (Jan 2021)")
                if _ISSUE_WORD.search(line):
                    m = _ISSUE_DATE.search(line)
                elif line.rstrip().endswith(")"):
                    m = _BRACKETED_ISSUE.search(line)
            if m is not None and 1990 <= int(m.group("year")) <= 2100:
                mon = (m.group("month") or "")[:3].lower()
                month = next((n for k, n in _MONTHS_N.items() if k[:3] == mon), 1)
                return f"{m.group('year')}-{month:02d}-01", {
                    "signal": "date",
                    "text": m.group(0).strip(),
                    "start": pos + m.start(),
                    "end": pos + m.end(),
                }
        pos += len(line) + 1
    return None


def assess_credibility(page: Page) -> Credibility:
    text = page.text
    cred = Credibility(author=page.author, date=page.date)
    signals = cred.signals
    if cred.author and not plausible_author(cred.author, page):
        cred.author = None  # markup that names a heading, a place or the site itself
    byline = None
    if not cred.author:
        found = _text_author(page)
        if found is not None:
            cred.author = found[0]
            signals.append(found[1])
            byline = (found[1]["start"], found[1]["end"])
    if cred.date:
        cred.date = cred.date[:10]
    elif found := _text_date(text):
        cred.date = found[0]
        signals.append(found[1])
    # (a journal page's record of itself, its header and its index fields, cites nothing)
    src_text = _without_own_record(text)
    ref = _references(src_text) or _citation(src_text)
    if ref:
        cred.cites_sources = True
        signals.append(_signal("sources", ref))
    else:
        own: list[str | None] = []  # the page's own host, read at the first authority link

        def elsewhere(h: str) -> bool:
            if not own:
                own.append(_own_host(page.url))
            return own[0] is None or not _same_site(h, own[0])

        research = next(
            (
                h
                for h in _links_and_domains(page.links, src_text)
                if _is_authority(h) and elsewhere(h)
            ),
            None,
        )
        if research is not None:
            cred.cites_sources = True
            signals.append(
                {"signal": "sources", "text": research[:120], "start": None, "end": None}
            )
        elif named := _cited_study(
            src_text, _site_names(page)
        ):  # a named study or registry is a citation, even when its claims are overstated
            cred.cites_sources = True
            signals.append(_signal("sources", named))
        elif study := _study_cited(src_text):
            # "a 2019 study in JAMA", "(Rivera, 2021)": a study the reader can look up
            cred.cites_sources = True
            signals.append(_signal("sources", study))
        elif authors := _authors_and_year(src_text):
            # "[Ruiz 2018]", "described in 1962 by Ruiz and Cole": a work by its authors and year
            cred.cites_sources = True
            signals.append(_signal("sources", authors))
        elif entry := _reference_entry(src_text, byline):
            # a reference list's entry: "Autoimmun Rev. 2016;15:433-9", "Rivera et al."
            cred.cites_sources = True
            signals.append(_signal("sources", entry))
        elif attributed := _attributed(src_text, byline):
            # "according to the Example Foundation", "Example Health Service states that ...",
            # statements that carry superscript citation numbers
            cred.cites_sources = True
            signals.append(_signal("sources", attributed))
    cred.references = bool(ref) or any(
        s["signal"] == "sources" and s["start"] is None for s in signals
    )
    for name, pattern in (
        ("disclaimer", _DISCLAIMER),
        ("commercial", _COMMERCIAL),
        ("disclosure", _DISCLOSURE),
    ):
        m = scanner(pattern).search(text)
        if m:
            setattr(cred, name, True)
            signals.append(_signal(name, m))
    # one search over the links joined by line breaks, which no match can hold or cross: what
    # searching each link gives (a match ends at a word boundary, as at the end of its link)
    if not cred.commercial and page.links and _SHOP_LINK.search("\n".join(page.links)):
        cred.commercial = True
        signals.append(
            {"signal": "commercial", "text": "links to a shop or cart", "start": None, "end": None}
        )
    firsts = list(
        islice(
            (
                m
                for m in _first_person(text)
                if m.group(0) != "I" or not text[max(0, m.start() - 1) : m.start()].isalpha()
            ),
            2,
        )
    )
    if len(firsts) >= 2:
        cred.first_person = True
        signals.append(_signal("first_person", firsts[0]))
    return cred

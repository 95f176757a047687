"""Parse a reader's question: which condition, and which property it asks about.

Forms understood (X is a name, synonym, lay name, British spelling or abbreviation):

* autoimmune: "Is X an autoimmune disease/disorder/condition?", "Is X autoimmune?",
  "Is X considered autoimmune?", "Can X be autoimmune?", "X: autoimmune or not?", "Is X the
  immune system attacking the body?" (what autoimmune means: an attack on the body's own tissue)
* immune: "Is X caused by the immune system?", "Is X immune-mediated?", "Is X an immune disorder?"
* allergy: "Is X an allergy?", "Is X a type of food allergy?", "Is X an allergic reaction?"
* link: "Is X linked/related/connected/associated to autoimmune disease?", "Does X cause
  autoimmune disease?", "Is there a link between X and autoimmune disease?", "Is X a sign of /
  a risk factor for autoimmune disease?", "Does X raise the risk of autoimmune disease?"
* definition: "What is X?", "What are X?", "What does X stand for/mean?", "Define X", "What is X
  in medicine / in medical terms / medically?"
* contagious: "Is X contagious / infectious / catching?", "Can you catch X (from someone)?",
  "Is X spread person to person?", "Does X spread?" (where X can be caught), "Can X spread from one (person) to
  another?" (not "from one joint to another"), "Is X contagious between humans / from person to
  person?" (not "to humans", which asks about catching it from an animal), "How contagious is X?"
  (a degree: "not at all" answers it), "Is X contagious to other children / to a partner?"
* inherited: "Is X hereditary / genetic / inherited / passed down?", "Does X run in families?",
  "Can X be passed on to children?", "Will my children inherit (my)
  X?", "Are relatives of people with X more likely to get it?", "Is X inherited from a parent?"
  (any parent: "from the mother", "from both parents" ask which parent, and stay not understood)
* curable: "Is X curable?", "Can X be cured?", "Is there a cure for X?", "Does X go away?",
  "Can a child be cured of X?" (not "outgrow": going away with age is no cure)
* two sides: a family's own word and its opposite ("Is X curable or permanent?", "Is X permanent
  or curable?", "Is X allergic or non-allergic?", "autoimmune or non-autoimmune") ask the family
* organ: "Is X an autoimmune kidney disease?", "an autoimmune disease of the skin": autoimmune,
  only where the knowledge base places X in that organ (``_ORGANS``)
* compound: "Is X an allergy or autoimmune?" asks both (``parse_questions`` returns one
  question per property)
* qualified: "Is X an allergic reaction to Y?", "Is X an autoimmune reaction after Y?", "Is X an
  allergy or an intolerance / an infection?", "Is X autoimmune or autoinflammatory?" ask one
  property beside a part healthlens does not judge (what sets it off; another kind of condition:
  intolerance, sensitivity, infection, autoinflammatory, a side effect), "Is X curable or will it
  come back?",
  "Can X be reversed or cured?" (what a cure does not settle): the
  property is answered and the rest is kept in ``Question.unjudged``, which the answer names as
  not judged. Any other alternative ("an allergy or a cancer?") is not understood.
* round 9: "Is there a genetic link for X?" (inherited), "Is X caused by autoimmunity?"
  (autoimmune), "Is X contagious to grandchildren?" (other people), "X stands for what?", "X
  medical abbreviation", "What does X mean on a report?" (definition), "Does X make other
  autoimmune diseases more likely?", "Is autoimmune disease linked to X?" (link, sides in either
  order; a direction is never reversed), "Is X an autoimmune blistering disease?" (as an organ:
  ``_ORGANS``), "Is X a true allergy or just irritation?", "... or the same as Y?", "Is X
  contagious like Y?" (the rest named in ``unjudged``), "Is X the same as a Y allergy?" (only where
  the family's verdict for X does not claim it: ``_compared``)
* other people: "Can my kids get X from me?", "Could I pass (my) X on to my daughter?" (inherited,
  only where the knowledge base says X cannot be caught; a forecast, "Will my kids get my X?",
  and "Can kids get X?" about such an X stay not understood, as do "Can kids get X?" and "Can my
  kids get my X?" where only some kinds of X are caught: "Can kids get hair loss?", "Can my
  daughter get my alopecia?"), "Are people with X more likely to
  get other autoimmune diseases?", "Do people with X get other autoimmune conditions?" (link)
* who and which (not understood, or not answered for X): "Can you catch X from Y?" where Y is no
  person (an animal, unless a pet where X's own record names one as a source: "can my dog give me
  ringworm", ``_caught_from_a_pet``; a tick, kissing, the vaccine, stress, another condition) or a person with
  another condition or at a time ("from someone with the flu"); "Can you catch X from your dad?"
  where X can be caught; "Can my sister get my X?" (a sibling inherits nothing from the reader);
  "Can X be passed to my baby?", pregnancy, birth, breastfeeding (not genes alone); a subject
  that names a germ behind a condition that cannot be caught, a second condition ("hair loss from
  lupus"), people and their risk ("children of parents with lupus more likely to"), a test
  result ("positive rheumatoid factor"), or the end of a longer name ("sore
  throat" ends "streptococcal sore throat"): ``_asks_another_question``, ``_another_subject``
* definitions, abbreviations and links (``_defs_and_links``): a definition asks about the name or a
  wrapper around it ("the full form of GBS", "another name for hives", "the word lupus", "meant
  by X": the wrapper is taken off); anything else beside the name is not understood ("What is ESR
  in lupus?", "What is lupus caused by?", "the autoimmune version of diabetes"), nor are letters
  with several readings in a setting, in any family ("What is GBS in babies?", "Is PID in women
  contagious?"). A property word
  names no condition ("What does autoimmune mean?"), a one-word class is no short form of the one
  name that starts with it ("colitis", "syndrome"), and a link is never read as a property ("Is
  eczema linked to allergies or autoimmune disease?") or answered beside an example ("linked to
  autoimmune diseases like lupus")
* asked negatively or inside another question: "Isn't X autoimmune?", "Doesn't X run in families?"
  (a negative question that opens the sentence expects the plain question's yes/no), "Do you think
  X is contagious?", "Can you tell me if X is genetic?", "Is it true that X is autoimmune?"
  (``_asked_positively``)
* typed around the question (the typed forms before ``parse_question``: the words are taken off
  and the rest read with every rule here, its reading or its refusal): a place to read after it
  ("is lupus contagious forum", "reddit", "nhs") or before it ("reddit is lupus contagious"),
  words that only ask for an answer ("is lupus contagious yes or no", "thanks", "please help"),
  "anyone else" after a question that opens with a question word ("is lupus contagious, anyone
  else?"; not "from anyone else", nor after keywords), "now" or "yet" after a curable question
  ("is multiple myeloma curable now", "is there a cure for lupus yet"; not "is covid contagious
  now", "still curable now"), "low" for a deficiency a record names ("does low vitamin d cause
  autoimmune disease": vitamin D deficiency; not "very low", nor "low iron", no curated name), a
  germ's food poisoning where its record is an infection caught mainly from food ("campylobacter
  food poisoning"; not "staph food poisoning"),
  the question asked twice ("is chronic hives curable will it ever go away", both halves the same
  family and condition), the people it would pass to ("can jock itch spread to my girlfriend", "is
  X contagious to my family"; not a baby, kin after "passed"), a definition's field ("what does
  AAV stand for medical", "what does TM mean in neurology" where X's ICD-10-CM code lies in that
  branch), letters with words of their own names ("is SCID bubble boy disease inherited", "what is
  TRAPS fever syndrome", "is IC contagious bladder"; not "is HSP allergic purpura", an old name,
  nor "is TB contagious latent", a kind the letters do not spell),
  a condition's rash asked about as an allergy where its verdict is yes or no ("is scarlet fever
  rash an allergic reaction"; not "Is roseola rash contagious?", nor a "no" where the record calls
  the condition a reaction to something: "Is scabies rash an allergic reaction?"), a link typed as
  keywords ("primary immunodeficiency linked to autoimmune disease", "X and autoimmune disease
  connection", "X autoimmune disease risk" where X is no autoimmune disease), the person who has
  it named first ("my husband has shingles, can I catch it": not kin, "had", "will", nor more
  than the name after "has": "my husband has had the flu", "a baby with eczema"), the
  reader's diagnosis then a question about "it" ("newly diagnosed with myasthenia gravis, is it
  hereditary?"; not another person's: "my son was diagnosed with celiac, is it genetic"), or the
  reader having it ("I have psoriasis, is it contagious?"; not "I had X"), the name alone before
  it ("psoriasis, is it contagious?"), and an allergy to one thing where the condition is no
  allergy at all ("is celiac disease a gluten allergy": its "no"; not "Is hay fever a pollen
  allergy?", "Is scabies a mite allergy?", nor more than the name before the thing: "is hair
  loss caused by a gluten allergy")
* two named conditions: "Is X linked to Y?", "Does X raise the risk of Y?", "Is X a sign of Y?"
  with Y a condition (not autoimmune disease in general) is recognised and declined
  (``Question.link_between``): the answer says what the knowledge base records between them.

Questions are read as typed: any case, with or without "?", typos in the property words
("autoimune", "contagous"), "X autoimmune" without a verb. A question of a kind healthlens does
not judge (treatment, prevention, cause, prognosis, advice: "Can X cure Y?", "What causes X?",
"Is X fatal?", "Should I ...?") is recognised and declined (``Question.declined``); any other
form is not understood (``predicate`` None). Neither is ever answered as another question. The
words of a condition name the knowledge base holds are not the question's own: "treatment" in
"post-treatment Lyme disease syndrome" or "drug" in "drug-induced lupus" declines nothing. Forms
whose property the knowledge base does not hold stay not understood rather than borrow a near
family: "a hypersensitivity reaction" (wider than an allergy: lupus is an immune-complex
hypersensitivity), "the immune system overreacting" (sepsis is, yet is recorded as an infection,
not immune-caused), "Is X permanent?" (the reverse of curable). Nor do forms in a family's words
whose yes/no is another question: growing out of X ("Can a child outgrow X?", "Will my son grow
out of X?", "by adulthood", "when they get older": ``_OUTGROWS``), a baby getting X from its
mother or from the reader, or X passed to babies, without "inherit" or "catch" ("Can my baby get
lupus from me?": a mother's antibodies pass; kept where X is caught as a rule:
``_A_BABY_FROM_MOTHER``, ``_PASSED_TO_BABIES``), a baby catching X from its mother where her
antibodies give a newborn a form of X ("Can my baby catch lupus from me?") or giving X to an unborn
baby ("Can I give my unborn baby ringworm?": ``_a_mothers_form_for_her_baby``), a forecast of getting or spreading X ("Will my
kids get chickenpox?", "Will the flu spread?"; a contagious "no" stays; "Will X be passed on to my
children?" without "inherit": ``_FORECAST``), passing X
within a family where X is not caught as a rule ("Can lupus be passed between family members?":
``_IN_A_FAMILY``), X caught "from someone who had it" (a time: ``_WHO_HAD_IT``), "Is X caught or
inherited?" (``_CAUGHT_OR_INHERITED``), X contracted or picked up from a parent where X can be
caught, "Will my children inherit X?" where X is inherited, giving X to someone where X is not
caught as a rule (``_giving_and_forecasts``), a degree whose verdict does not answer it ("Is
cystic fibrosis partly genetic?", "Can eczema be fully cured?", "Is asthma generally genetic?",
"Is HIV highly contagious?": ``_degree_unanswered``), "How long is X contagious?", "Is X still contagious after five
days?", "How is X spread / inherited?", a route ("Can X be spread by kissing?", "Is X an STD?", "Is
X sexually transmitted?": a subject that ends in a manner word, "flu sexually", is a how-question),
"Will I get X if it runs in my family?", "My mum has X, will I get it too?" (personal forecasts),
"Can X go into remission?", "Is X an immune inflammatory disease?" (wider than the immune family),
"Can psoriasis spread?" (no person named, and X cannot be caught: over the body, or a cancer's
spread), "Can you get X on your face / twice / at the gym?", "Can you get rid of X?" as catching,
"Can you get X from allergies?", "Does X go away on its own?" (unless X is lifelong), "Can X skip a
generation?" (the pattern of inheritance), "Can HIV be passed on?" (genes and germs are both
passed on: inherited only where X cannot be caught), "Can lupus be passed?", "Can hemophilia be
transmitted?" (contagious only where X can be caught), "Do head lice run in families?" (without a
word of heredity, inherited only where X is not caught as a rule), a subject holding another family's word ("Is X a genetic
disorder or autoimmune?"): ``_in_other_words``,
"Is X an autoimmune kidney disease?" where X is not placed in the kidney. Nor do questions whose
polarity or framing differs from the family's plain question (``_negated_or_hedged``,
``_framed``): a negation outside a condition's name ("Is X not contagious?", "Is X no longer
considered autoimmune?", "Is X noncontagious?", "Is X incurable?"; the family's own "or not" side
stays), a claim or who holds it ("Is it a myth that X is contagious?", "Do doctors still think X
is autoimmune?", "Is X wrongly called an allergy?"), a time or the past ("Was X considered
autoimmune?", "an allergy after age 40", "Will X ever be curable?"), a degree, frequency or
comparison ("Is X mostly genetic?", "sort of autoimmune", "autoimmune to some degree", "Is X always
an allergy?", "the most common allergy", "caused by the immune system alone"), a change ("Can X
become contagious?"), and a name followed by words that neither insist nor name people or a place
on the body ("Is X akin to an allergy?"). A one-word class
that ends curated names ("endocarditis") is never read as its kind: the match is refused, naming it.
Nor is a class the terminology files under one kind's code ("pancreatitis", "lymphoma", "lupus
erythematosus": ``_class_kinds``), unless every kind gets the same verdict ("Is lymphoma
contagious?"). Also refused: a real word one letter from a curated name, no typo of it ("cold
allergy" is not mold allergy, "chives" not hives: ``_each_word_a_typo``); a word of a longer name
misspelt beyond a typo ("lng covid" is not COVID-19, "skn lupus" not lupus:
``_a_longer_name_misspelt``); a typo as near a name without a record, or another name ("rubela"
is not measles, "hivs" not HIV: ``_a_term_as_near``, ``_a_plural_misspelt``); a symptom or part named
before a condition ("the itch in eczema", "the rash from shingles": ``_OF_THE_CONDITION``; "the rash
of lupus" keeps lupus's "not contagious"); which parent or relative, asked with "inherit" or "get"
("Can a son inherit hemophilia from his father?", "Can you get eczema from your grandma?":
``_ONE_RELATIVE``), or the reader as the one parent of a condition of one gene ("Can my son
inherit hemophilia from me?": ``_FROM_ME``); a symptom or a germ a name is made of ("Are seizures
genetic?", "Is yeast an allergy?": ``_NOT_THE_CONDITION``); "Is X infectious?" where X is an infection not always caught from a person
("Is Lyme disease infectious?": ``_infection_not_caught``); "man flu", "summer flu"
(``_ANOTHER_FLU``); a kind or another illness named before a class's name ("bacterial
conjunctivitis", "infected eczema", "herpetic eczema", "stress hair loss", "German measles", "newborn
conjunctivitis", "pink eye in newborns": ``_kind_before_a_name``; "baby eczema", "scalp
psoriasis" keep the class's question); a kind, trigger or stage before a class's name asked
whether it clears, is inherited or is linked to autoimmune disease ("Is cold urticaria curable?", "Is latex asthma curable?", "Is
heat urticaria genetic?"), or a stage that may be past the contagious period ("Is tertiary
syphilis contagious?"; "swine flu" stays): ``_EVERY_VERDICT_BY_KIND``, ``_STAGE_BEFORE``; a
quantifier before a name ("Are all thyroid problems autoimmune?", "Are some types of eczema
contagious?": ``_quantified``; "all" beside a "no" keeps it: "Are all kinds of eczema
contagious?"); a word added to or dropped from a name ("IgE-mediated allergy" is
no typo of IgE-mediated food allergy, "pine nut allergy" none of peanut allergy; "chicken pox"
is one of chickenpox: ``_words_run_together_or_apart``); a name turned round ("an allergy to
shellfish") is the condition whose own name it is, not a class the terminology also lent it to
(``_own_name_first``); a carrier state of a condition not caught ("What is thalassemia trait?":
``_carrier_state``; "Is sickle cell trait genetic?" keeps the condition's "yes":
``_a_carrier_inherits``), and a carrier of an infection ("Is a TB / hepatitis B carrier contagious?":
``_LIKE_AFTER``); a kind of allergy X is not recorded as ("Is hay fever a food allergy?", "Is
eczema a skin allergy?"; a "no", and X of that kind, "Is peanut allergy a food allergy?", stay:
``_a_kind_of_allergy``); one baby after "contagious to" ("Is lupus contagious to my baby?": a
mother's baby, ``_OTHER_PEOPLE``; "to babies" stays); "Is X an immune response?" where X is an infection ("Is sepsis an immune
response?": ``_infection_as_a_response``); a word beside a name that makes it another
condition or a form with its own answer ("pseudo anaphylaxis", "para influenza", "neonatal Graves'
disease", "tertiary syphilis", "flu-like illness", "almond milk allergy": ``_another_form_beside``;
"What is a flu like illness?" is no comparison, ``_beside_a_comparison``),
a whole word added to or left out of a name, or an "-oid" word for a name's, read as a typo
("non-autoimmune diabetes", "pine nut allergy", "anaphylactoid reaction":
``_a_word_added_or_dropped``); a narrower form a record names, asked in a family whose verdict is
"partly" or "uncertain" ("Is familial HLH genetic?", "Is allergic urticaria an allergy?", "Is
acute hepatitis B curable?": ``_one_reviewed_form``, ``_a_form_named_by_the_family``); a name a
record lists (or ICD-10-CM lends it) whose answer to the asked family the record marks as not its
own, in ``forms_that_differ`` ("Is porphyria cutanea tarda inherited?", "Is cradle cap curable?",
"Is latent tuberculosis contagious?", "Is folic acid deficiency autoimmune?", "Is Dravet
syndrome genetic?", "Is chronic COVID contagious?", "Is segmental vitiligo autoimmune?", "Is
West syndrome curable?", "Is terminal ileitis autoimmune?", "Is non-immune HIT an immune reaction?":
``_a_form_the_record_sets_apart``). "Can a baby catch X from mum?" is the contagious
question (catching), and "is hepatitis a contagious", in lower case, asks about hepatitis A
(``_letter_a``). Nor is a subject that is no condition read as the condition named after it: a
marker ("MOG antibody", "cold agglutinins", "cryoglobulin", "antiphospholipid", "p-ANCA": the
disease's full name keeps its reading), a person by title ("Dr Crohn", "Dr Hashimoto") or a
germ's letters ("STEC" is no hemolytic uremic syndrome: ``_marker_or_person``); and a question in another language ("es el lupus contagioso", "is lupus
contagioso", "ist lupus autoimmun") stays not understood: healthlens reads English only
(``_another_language``; accents on a name, "Sjögren", "Ménière", keep their reading). Nor is a
longer name read as the name inside it: a word joined to a name by a hyphen
("Marinesco-Sjögren syndrome", "Hashimoto-Pritzker disease": ``_HYPHEN_JOINED``; "COVID-19",
"non-Hodgkin" keep their reading), the start of a longer name ending in "-is", "-us", "-ss" or
"-ous" ("epidermolysis", "osteitis", "herpes simplex virus" are no possessive eponyms:
``_short_for``; "wegeners", "hidradenitis" keep their reading), a way of inheriting before a name ("autosomal
recessive neuromyotonia": ``_SUBTYPE``), a long word with another first letter and more than
two slips ("macroglobulinemia"), a word with another medical ending ("endometritis" is no
endometriosis: ``_ENDINGS``; "hypocholesteremia" no hypercholesterolemia), and a name without another's number ("SARS-CoV infection" is no
COVID-19: ``_marks``). Nor is a course, site or cause before a name ("benign chronic pemphigus",
"atypical tuberculosis", "cutaneous tuberculosis", "paraneoplastic lupus") or another person's
name before an eponym ("marinesco sjogren syndrome"; "my mom's Crohn's" keeps its reading:
``_another_kind_or_person_before``), a drug, toxin or treatment before a name, or a caused form
the terminology lends a record ("hydralazine lupus", "drug-induced pemphigus": ``_a_cause_before``,
``_a_caused_form_lent``; "drug-induced lupus" has its own record), a site inside the body before
an infection that is caught, in the contagious family ("bone tuberculosis", "eye flu":
``_an_inner_site_of_a_caught_infection``), a class's name before "with" and another name
("hepatitis with polyarteritis nodosa": ``_a_class_named_before``), a word saying the name is
not the condition ("fake chickenpox", "imitation lupus": ``_a_denial_before``), a word that qualifies many names typed alone ("postpartum",
"subacute", "viral", which completes to a terminology name of one record, "viral thyroiditis":
``_a_qualifier_alone``; "hashimotos", "thyroid" keep theirs), letters whose other
reading, without a record, gets the opposite answer ("Is PID genetic?": pelvic inflammatory
disease; "What is PID?" keeps its answer, naming both: ``_other_reading_splits``) or, with a
record, another verdict ("Is BP curable?": high blood pressure; "Is BP an allergy?" keeps its
answer), letters found inside a longer subject with naming words after them ("Is CAD disease
genetic?" is read as CAD alone; "is OCP spondyloepimetaphyseal dysplasia, genevieve-type
genetic" is not: ``_letters_then_naming_words``), a name inside a name written as an index
writes it ("basal cell carcinoma, morphea"; "lupus erythematosus, systemic" is read as systemic
lupus erythematosus: ``_an_index_name``), or a word medicine names a condition with, or one whose
letters a slip would not give, read as a name's typo ("tenonitis" is no tendonitis, "copan" no
Cogan, "anomia" and "amenia" no anemia: ``_slips_only``; "exzema", "lupis" keep their reading).
Nor does a question that sets its condition beside another or asks about
something near it (``_another_condition_in_context``): a verdict beside "like Y" where the
knowledge base holds Y less so ("Is IBD autoimmune like IBS?", "Like IBS, is IBD autoimmune?";
"Is psoriasis autoimmune like lupus?" and any "no" stay), a reaction to a condition that cannot
be caught ("Is lupus an autoimmune reaction to RA?", "Is eczema an allergic reaction to
asthma?", "triggered by eczema"; "to strep throat", "to gluten" stay), something resembling a
condition ("My son has something like eczema, is it contagious?", "an illness like MS", "what
looks like ringworm", "eczema or something"),
whether something makes it so ("Does strep make psoriasis contagious?"), what having it means
("What does having lupus mean?"), and a slash read as a space inside one name ("Are
crohns/colitis autoimmune?"; a slash between two names joins them, "Is celiac/IBS autoimmune?"
gets an answer for each, and "HIV/AIDS" stays one name).

The property patterns are tried most specific first ("linked to autoimmune disease" before
"autoimmune disease"). The subject is then resolved against the knowledge base: an exact
name or abbreviation first (class words such as "arthritis" reach their umbrella record), then
the name with a possessive completed ("Raynaud's" -> "Raynaud's phenomenon"), then short and
possessive names ("hashimotos", "celiacs", lower-case letters such as "pots"), then a fuzzy match
over the curated names, synonyms and lay names (rapidfuzz; refused when two conditions come
equally close), then the longest condition name found inside it. An abbreviation with several
readings resolves to the reading the knowledge base marks as most common; the answer names the
others, and gives no verdict where two readings' answers are opposite ("Is HP contagious?":
``answer._readings_disagree``). A match that was not exact is reported as ``Question.read_as``.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from .knowledge import KnowledgeBase, TermHit
from .knowledge.groups import load_subtype_review
from .knowledge.normalize import fold, reaction_phrases, term_variants
from .knowledge.records import RELATIONS
from .knowledge.verdicts import autoimmune_links, verdict_for
from .models import Question, QuestionSource

__all__ = [
    "parse_question",
    "parse_questions",
    "question_form",
    "looks_like_question",
    "resolve_subject",
    "match_subject",
    "SubjectMatch",
]

_AUX = r"(?:is|are|was|were|can|could|does|do|would|should|will|might|may)"
_BE = r"(?:\s+(?:be|get|become))?"
_KIND = r"(?:(?:a|an|the)\s+)?(?:(?:type|kind|form|sort)\s+of\s+)?(?:(?:a|an)\s+)?"
_NOUN = r"(?:\s+(?:disease|disorder|condition|illness|problem|syndrome|reaction|response|thing))?s?"
_AUTOIMMUNE = r"auto[\s-]?immune"
# "a sign of", "an early warning sign of", "a symptom of": what a condition may point to
_SIGN_OF = r"(?:an?\s+)?(?:(?:early|warning|possible|common|first)\s+)*(?:sign|symptom|signal|marker|indicator)s?\s+of"
_ATTACKS = (
    r"(?:(?:the|your|my|their|his|her|an?|one'?s)\s+)?(?:(?:own|body'?s?(?:\s+own)?)\s+)?(?:overactive\s+)?immune\s+system\s+"
    r"(?:attacking|attacks|attack|turning\s+(?:on|against)|turns\s+(?:on|against)|fighting|fights|destroying|destroys)\s+"
    r"(?:(?:the|your|my|its|their|his|her|one'?s)\s+)?(?:own\s+)?(?:healthy\s+)?"
    r"(?:body|bodies|itself|self|tissues?|cells|organs|nerves|joints|skin|glands?|thyroid|pancreas|liver|gut|"
    r"intestines?|bowel|kidneys?|muscles?|brain|spinal\s+cord|myelin|blood\s+vessels|hair\s+follicles|lining)"
    r"(?:\s+(?:cells|tissues?|lining))?"
    r"(?:\s+by\s+mistake|\s+mistakenly)?"
)
# the field a definition is asked in: "in medicine", "in medical terms", "medically"
_IN_MEDICINE = (
    r"(?:(?:in|within)\s+(?:medicine|medical\s+(?:terms?|language|speak|context|terminology)|healthcare|health\s+care|"
    r"(?:a|the)\s+medical\s+(?:context|sense|field|world|setting)|the\s+medical\s+field|nursing)|medically(?:\s+speaking)?|"
    r"as\s+a\s+(?:medical\s+(?:term|condition|abbreviation|diagnosis)|diagnosis))"
)
# a reader's family, as in "Can my daughter inherit it?"
_KIN = (
    r"(?:children|child|kids?|sons?|daughters?|baby|babies|grandchildren|grandkids|grandchild|offspring|"
    r"siblings?|brothers?|sisters?|family)"
)
# a person something is given to, as in "Can you give someone the flu?" (``_GIVES_SOMEONE``)
_GIVEN_WHOM = (
    r"(?:someone|somebody|anyone|anybody|others|other\s+people|people|a\s+person|him|her|them|me|us|"
    r"each\s+other|(?:my|your|his|her|their|our|a|the|an)\s+(?:\w+\s+)?(?:husband|wife|partner|spouse|"
    r"boyfriend|girlfriend|friend|kids?|children|child|sons?|daughters?|baby|babies|toddler|family|"
    r"brother|sister|siblings?|mum|mom|dad|mother|father|parents?|roommate|coworker|colleague|"
    r"classmates?|grandchild(?:ren)?|grandkids?|relatives?|cousins?|someone|person))"
)
# "inherited from a parent": any parent, not one named ("from the mother", "from both parents" ask
# which parent passes it on, a different question: a recessive condition needs both)
_A_PARENT = r"(?:(?:a|your|the|their|my|his|her|one'?s)\s+)?parents?"
# words that start a tail saying where, when or to whom ("in dogs", "to adults", "after 5 days")
_PLACE_OR_WHOM = (
    r"(?:in|to|for|at|during|among|amongst|on|with|from|after|before|until|when|while|if|than|by|"
    r"through|around|via|between|outside|inside)"
)
# "from one (person) to another": a person, or no noun ("from one joint to another" is the body)
_ONE_TO_ANOTHER = (
    r"(?:from\s+)?one(?:\s+(?:person|individual|human|family\s+member))?\s+to\s+(?:another|the\s+other)"
    r"(?:\s+(?:person|one|individual|human))?"
)
# "person to person", "between humans": the contagious family's own sense (docs/knowledge-schema.md:
# it passes from person to person); "to humans" is not (from an animal: a zoonosis)
_PERSON_TO_PERSON = (
    r"(?:(?:from\s+)?(?:person|people|human)[\s-]+to[\s-]+(?:person|people|human)|"
    r"(?:between|among(?:st)?)\s+(?:(?:two|other)\s+)?(?:people|humans|persons|individuals|family\s+members))"
)
# a reader's partner: "to a partner", "to my husband" (the contagious family's other people)
_PARTNER = (
    r"(?:(?:a|my|your|their|his|her|one'?s|the)\s+)?(?:partners?|spouses?|husband|wife|boyfriend|"
    r"girlfriend|other\s+half)"
)
# other people named by who they are: "to babies", "to other children", "to adults" (not "to
# humans", which asks whether it passes from an animal, nor "to dogs"). An age names people the
# condition would pass to, so "Is X contagious to adults?" is whether it passes to other people;
# a time ("before the spots appear", "after two days") is not: it asks when, and the answer may be
# "no" where the family's is "yes" (shingles is not contagious before its blisters)
# -- "contagious to my baby": one baby is a mother's own, passed to in pregnancy or at birth ------
# "Is lupus contagious to my baby?", "Is Graves disease contagious to a baby?", "Is ITP contagious
# to a baby?" got the contagious "No", though a mother's antibodies cross the placenta and give
# her newborn a passing form of lupus, Graves' disease, myasthenia or low platelets: the reader
# asks whether her baby will get it from her, which "not caught" does not answer (as "passed to
# the baby", ``_TO_THE_BABY``); and "Is hepatitis B / CMV contagious to my baby?" got "Yes", where
# what passes in pregnancy or at birth is another question than catching it. "to the baby", "to my
# newborn", "to an infant" were not understood already; one baby ("a", "my", "your", "our",
# "another" baby) is now the same, in every record and in both contagious forms. Babies as a
# group ("to babies", "to newborns", "to infants") are other people by age, whether they catch it
# at all, and keep the family's verdict ("Is hand, foot and mouth contagious to babies?": "Yes").
_OTHER_PEOPLE = (
    r"(?:(?:other\s+)?(?:babies|infants|newborns|children|kids|toddlers|family\s+members|adults|"
    # grandchildren and grandparents are other people, named by who they are to the reader
    r"grandchildren|grandkids|grandparents|grandbabies|"
    r"grown[\s-]?ups|teenagers|teens|(?:older|elderly)\s+(?:people|adults))|the\s+elderly|"
    # one baby is not here: it is a mother's own (the comment above)
    r"(?:a|an|my|your|another)\s+(?:child|kid|toddler|adult|grown[\s-]?up|teenager|teen|grandchild|grandparent))"
)
_AUTO_DISEASE = rf"(?:an?\s+)?(?:(?:other|another|more)\s+)?(?:{_AUTOIMMUNE}(?:\s+(?:disease|disorder|condition|illness|problem)s?)?|autoimmunity)"

# words a form cannot match without (lower case): the form is not tried on a question that has
# none of them, which keeps parsing fast as forms are added
_GATES: dict[int, tuple[str, ...]] = {}  # id(pattern): hashing a pattern is slow


def _gated(pattern: re.Pattern, *words: str) -> re.Pattern:
    _GATES[id(pattern)] = words
    return pattern


_FORMS: list[tuple[str, re.Pattern]] = [
    # link -----------------------------------------------------------------------------------
    (
        "link",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:linked|related|connected|associated|tied|correlated)\s+"
                rf"(?:to|with)|{_SIGN_OF}|(?:an?\s+)?risk\s+factor\s+for|at\s+(?:a\s+)?(?:higher|greater|increased|raised)\s+risk\s+(?:of|for))"
                rf"\s+{_AUTO_DISEASE}$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "link",
        _gated(
            re.compile(
                rf"^(?:does|do|can|could)\s+(?P<x>.+?)\s+(?:cause|trigger|lead\s+to|(?:raise|increase)\s+(?:the\s+|your\s+|a\s+person'?s\s+)?(?:risk|chances?|odds)\s+(?:of|for)|point\s+to|signal)\s+{_AUTO_DISEASE}$",
                re.I,
            ),
            "immun",
        ),
    ),
    # "Is autoimmune disease linked to X?", "Is there a link between autoimmune disease and X?": a
    # link has no direction, so its sides may come in either order. A direction ("Does autoimmune
    # disease raise the risk of X?", "Can autoimmune disease lead to X?") is not reversed: the
    # knowledge base's link for X may run the other way, and stays not understood
    (
        "link",
        _gated(
            re.compile(
                rf"^{_AUX}\s+{_AUTO_DISEASE}{_BE}\s+(?:linked|related|connected|associated|tied|correlated)\s+"
                r"(?:to|with)\s+(?P<x>.+?)$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "link",
        _gated(
            re.compile(
                rf"^is\s+there\s+an?\s+(?:link|connection|association|relationship)\s+between\s+{_AUTO_DISEASE}\s+"
                r"and\s+(?P<x>.+?)$",
                re.I,
            ),
            "immun",
        ),
    ),
    # "Are people with X more likely to get other autoimmune diseases?", "Do people with X get
    # other autoimmune conditions?": the people who have X, and a raised risk of autoimmune disease
    # (read as "Is X an autoimmune disease?" before, which answers another question)
    (
        "link",
        _gated(
            re.compile(
                r"^(?:are|is|do|does)\s+(?:people|patients|those|persons|someone|somebody|anyone|a\s+person|"
                r"kids|children|women|men)\s+(?:with|who\s+(?:have|has))\s+(?P<x>.+?)\s+"
                r"(?:(?:more\s+likely|at\s+(?:a\s+)?(?:higher|greater|increased|raised)\s+risk|more\s+prone|prone)\s+"
                r"(?:to\s+(?:get|develop|have)|of\s+(?:getting|developing|having)|for|to)|"
                r"(?:(?:often|also|usually|more\s+often|sometimes|commonly)\s+)?(?:get|develop|have))\s+"
                rf"{_AUTO_DISEASE}(?:\s+too|\s+as\s+well)?$",
                re.I,
            ),
            "immun",
        ),
    ),
    # "Does X make (other) autoimmune diseases more likely?": a raised risk, as "raise the risk of"
    (
        "link",
        _gated(
            re.compile(
                rf"^(?:does|do|can|could)\s+(?P<x>.+?)\s+make\s+{_AUTO_DISEASE}\s+more\s+likely$",
                re.I,
            ),
            "likely",
        ),
    ),
    (
        "link",
        _gated(
            re.compile(
                rf"^is\s+there\s+an?\s+(?:link|connection|association|relationship)\s+between\s+(?P<x>.+?)\s+and\s+{_AUTO_DISEASE}$",
                re.I,
            ),
            "immun",
        ),
    ),
    # immune ---------------------------------------------------------------------------------
    (
        "immune",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:caused|triggered|driven|mediated)\s+by\s+(?:the\s+|an?\s+)?(?:overactive\s+)?"
                rf"(?:immune\s+system|immune\s+response|immunity|body'?s?\s+immune\s+system)(?:\s+\w+)?$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "immune",
        _gated(
            re.compile(
                r"^(?:does|do|can)\s+(?:the\s+)?immune\s+system\s+cause\s+(?P<x>.+?)$", re.I
            ),
            "immun",
        ),
    ),
    # allergy --------------------------------------------------------------------------------
    (
        "allergy",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}(?:food\s+|drug\s+|skin\s+)?(?:allergy|allergies)$",
                re.I,
            ),
            "allerg",
        ),
    ),
    (
        "allergy",
        _gated(re.compile(rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}allergic{_NOUN}$", re.I), "allerg"),
    ),
    # autoimmune -----------------------------------------------------------------------------
    # "the immune system attacking the body" is what autoimmune means (docs/knowledge-schema.md:
    # an attack on the body's own tissue), so it asks the autoimmune question, not the wider
    # "caused by the immune system"
    (
        "autoimmune",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:an?|the)\s+)?(?:(?:case|form|result)\s+of\s+)?"
                rf"(?:(?:caused|driven)\s+by\s+|(?:when|where)\s+|because\s+)?{_ATTACKS}$",
                re.I,
            ),
            "immune system",
        ),
    ),
    # "Is X caused by autoimmunity?": autoimmunity is the autoimmune family's own word, so this
    # is the autoimmune question (not the wider "caused by the immune system")
    (
        "autoimmune",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:caused|triggered|driven)\s+by\s+(?:an?\s+)?"
                rf"(?:autoimmunity|{_AUTOIMMUNE}\s+(?:reaction|response|process|attack|mechanism)s?)$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "autoimmune",
        _gated(
            re.compile(
                rf"^(?:does|do|is|are)\s+(?:in\s+)?(?P<x>.+?)\s+(?:happen|occur|caused)\s+(?:when|because|by)\s+{_ATTACKS}$",
                re.I,
            ),
            "immune system",
        ),
    ),
    (
        "autoimmune",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:considered|classified|classed|counted|regarded|seen)\s+(?:as\s+)?)?"
                rf"{_KIND}{_AUTOIMMUNE}{_NOUN}(?:\s+or\s+not)?$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "autoimmune",
        _gated(
            re.compile(
                rf"^(?P<x>.+?)(?:\s*[:,-]\s*|\s+)(?:is\s+it\s+|an?\s+)?{_AUTOIMMUNE}{_NOUN}(?:\s+or\s+not)?$",
                re.I,
            ),
            "immun",
        ),
    ),
    (
        "immune",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+{_KIND}immune(?:[\s-]+(?:mediated|system|related))?{_NOUN}$",
                re.I,
            ),
            "immun",
        ),
    ),
    # contagious (after "can you get X from your parents?", which asks about inheritance) ------
    # "catch" asks only the contagious question, from a parent as from anyone ("Can a baby catch
    # eczema from mum?" got eczema's inherited "partly", the answer to "Can a baby inherit it?";
    # its own answer is the contagious "no", as for "Can you catch eczema from your sister?")
    (
        "inherited",
        re.compile(
            r"^(?:can|could|do|does)\s+(?:you|i|one|people|kids|children|babies|an?\s+(?:child|baby|kid|toddler|infant|newborn)|"
            r"my\s+(?:kids?|children|child|son|daughter|baby|toddler))\s+(?:get|inherit)\s+"
            r"(?P<x>.+?)\s+from\s+(?:your\s+|their\s+|my\s+|his\s+|her\s+|its\s+|a\s+|the\s+)?"
            r"(?:parents?|mother|father|mom|mum|dad|family|genes|genetics|dna|grandparents?)$",
            re.I,
        ),
    ),
    # "Will my children inherit my RA?", "Can my daughter inherit PCOS?"
    (
        "inherited",
        _gated(
            re.compile(
                rf"^{_AUX}\s+(?:my|our|your|their|his|her|the|a)\s+(?:(?:future|unborn)\s+)?{_KIN}\s+"
                r"(?:ever\s+)?(?:inherit|be\s+born\s+with\s+(?:my|our|your|their|his|her))\s+(?P<x>.+?)"
                r"(?:\s+from\s+(?:me|us|him|her|them|(?:my|our|their|his|her)\s+\w+))?$",
                re.I,
            ),
            "inherit",
            "born with",
        ),
    ),
    # "Can RA skip a generation?": recognised, and refused (``_in_other_words``): skipping is the
    # pattern of inheritance, which no inherited verdict answers
    (
        "inherited",
        _gated(
            re.compile(
                r"^(?:can|could|does|do|will|would|might|may|is|are)\s+(?P<x>.+?)\s+(?:sometimes\s+|ever\s+|often\s+|usually\s+)?"
                r"(?:skip|skips|skipping|skipped)\s+(?:a\s+|one\s+|the\s+)?generations?$",
                re.I,
            ),
            "generation",
        ),
    ),
    # "Are relatives of people with Graves' disease more likely to get it?"
    (
        "inherited",
        _gated(
            re.compile(
                r"^(?:are|is|do|does)\s+(?:the\s+)?(?:(?:close|blood|first[\s-]degree)\s+)?"
                r"(?:relatives|family(?:\s+members)?|siblings|brothers\s+and\s+sisters|children|kids|twins)\s+"
                r"of\s+(?:people|someone|somebody|those|patients|a\s+person|persons|anyone)\s+(?:with|who\s+(?:have|has))\s+"
                r"(?P<x>.+?)\s+(?:more\s+likely|at\s+(?:a\s+)?(?:higher|greater|increased|raised)\s+risk)\s+"
                r"(?:to\s+(?:get|develop|have)|of\s+(?:getting|developing|having)|for)\s+(?:it|that|this|the\s+(?:disease|condition))"
                r"(?:\s+too|\s+as\s+well)?$",
                re.I,
            ),
            "likely",
            "risk",
        ),
    ),
    (
        "contagious",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:very|highly|still|really)\s+)?(?:an?\s+)?"
            rf"(?:contagious|infectious|catching|catchy|transmissible|communicable){_NOUN}"
            r"(?:\s+(?:to\s+others|to\s+other\s+people|or\s+not|"
            # other people, named by who they are ("to babies"; not "to humans", "to dogs")
            # "to other children": the same people, named as the reader's child's peers
            # "to adults": people named by their age (``_OTHER_PEOPLE``)
            rf"to\s+{_OTHER_PEOPLE}|"
            # a partner is another person, named by who they are to the reader ("to a partner";
            # not "to a sexual partner", a route)
            rf"to\s+{_PARTNER}|"
            rf"{_ONE_TO_ANOTHER}|{_PERSON_TO_PERSON}))?$",
            re.I,
        ),
    ),
    # "How contagious is X?" asks how far it spreads, and "not at all" answers it: the contagious
    # question with a degree (not "How long is X contagious?", a duration). The subject runs to
    # the end, so a tail that says where or to whom ("in dogs", "to humans", "at school") ends
    # the form rather than be read past to the condition inside it; other people named by who
    # they are ("to adults", ``_OTHER_PEOPLE``) are the question's own, as in "Is X contagious
    # to adults?" (round 8 revises round 6, which refused "to adults" here with every other tail)
    (
        "contagious",
        _gated(
            re.compile(
                r"^how\s+(?:contagious|infectious|catching|transmissible|communicable)\s+(?:is|are|was|were)\s+"
                rf"(?P<x>(?:(?!\s{_PLACE_OR_WHOM}\s).)+?)(?:\s+to\s+{_OTHER_PEOPLE})?$",
                re.I,
            ),
            "how",
        ),
    ),
    (
        "contagious",
        re.compile(
            r"^(?:can|could|do|does|will|would)\s+(?:you|i|one|people|someone|somebody|a\s+person|kids|children|"
            r"my\s+(?:kids?|children|child|son|daughter|baby|toddler|family|partner|husband|wife)|"
            r"an?\s+(?:baby|child|kid|toddler|infant|newborn)|babies|infants|toddlers|others)\s+"
            r"(?:catch|get|contract|pick\s+up)\s+(?P<x>.+?)"
            r"(?:\s+from\s+(?:\w+\s+){0,3}\w+)?$",
            re.I,
        ),
    ),
    # "Can you give someone the flu?", "Can I give chickenpox to my husband?": giving X to a
    # person is passing a germ only where X is caught as a rule; elsewhere a parent gives a child
    # genes, so only the contagious "yes" is kept (``_GIVES_SOMEONE``, ``_giving_and_forecasts``)
    (
        "contagious",
        re.compile(
            rf"^(?:can|could|do|does)\s+(?:you|i|one|people|someone|somebody|a\s+person)\s+give\s+{_GIVEN_WHOM}\s+"
            r"(?P<x>.+?)$",
            re.I,
        ),
    ),
    (
        "contagious",
        re.compile(
            r"^(?:can|could|do|does)\s+(?:you|i|one|people|someone|somebody|a\s+person)\s+give\s+(?P<x>.+?)"
            rf"\s+to\s+{_GIVEN_WHOM}$",
            re.I,
        ),
    ),
    (
        "contagious",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:spread|passed|transmitted|caught|given|transferred|shared)"
            r"(?:\s+(?:from\s+)?(?:person|people|human)[\s-]+to[\s-]+(?:person|people|human)|"
            r"\s+(?:to|between)\s+(?:other\s+)?(?:people|others|persons?|humans|family\s+members)|"
            r"\s+from\s+(?:\w+\s+){0,2}(?:person|someone|somebody|others|people)|\s+"
            rf"{_ONE_TO_ANOTHER})?$",
            re.I,
        ),
    ),
    (
        "contagious",
        re.compile(
            r"^(?:does|do|can|could|will)\s+(?P<x>.+?)\s+spread(?:\s+(?:from\s+)?(?:person|people)[\s-]+to[\s-]+(?:person|people)|"
            rf"\s+(?:to|between)\s+(?:other\s+)?(?:people|others)|\s+{_ONE_TO_ANOTHER})?$",
            re.I,
        ),
    ),
    (
        "contagious",
        _gated(
            re.compile(
                r"^(?:does|do|can|could|will)\s+(?P<x>.+?)\s+(?:pass|go|jump|move)\s+(?:from\s+)?(?:(?:person|people)[\s-]+to[\s-]+(?:person|people)|"
                rf"{_ONE_TO_ANOTHER})$",
                re.I,
            ),
            "another",
            "the other",
            "person",
            "people",
        ),
    ),
    # inherited ------------------------------------------------------------------------------
    (
        "inherited",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:considered|thought\s+to\s+be|mostly|mainly|purely|partly)\s+)?"
            r"(?:an?\s+)?(?:hereditary|genetic|inherited|heritable|familial|genetically\s+inherited|"
            r"passed\s+down|passed\s+on|handed\s+down|in\s+the\s+genes)"
            rf"{_NOUN}(?:\s+(?:in|through)\s+(?:the\s+)?famil(?:y|ies)|\s+from\s+{_A_PARENT}"
            r"(?:\s+to\s+(?:their\s+)?(?:children|kids))?|\s+to\s+(?:your\s+|their\s+)?(?:children|kids|offspring|babies))?$",
            re.I,
        ),
    ),
    (
        "inherited",
        re.compile(r"^(?:does|do|can)\s+(?P<x>.+?)\s+run\s+in\s+(?:the\s+)?famil(?:y|ies)$", re.I),
    ),
    # "Is there a genetic link for X?", "Is there a hereditary component to X?": whether X is
    # genetic, in the family's own words (a "partly" answers it as it answers "Is X genetic?")
    (
        "inherited",
        _gated(
            re.compile(
                r"^(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:known\s+)?(?:genetic|hereditary|inherited|familial)\s+"
                r"(?:link|component|basis|connection|element)s?\s+(?:for|to|in|of|with|behind)\s+(?P<x>.+?)$",
                re.I,
            ),
            "there",
        ),
    ),
    (
        "inherited",
        re.compile(
            r"^(?:can|could|do|does)\s+(?:you|i|one|parents|a\s+parent|people)\s+(?:inherit|pass\s+(?:on|down))\s+"
            r"(?P<x>.+?)(?:\s+to\s+(?:\w+\s+)?(?:children|kids|babies|offspring))?$",
            re.I,
        ),
    ),
    # curable --------------------------------------------------------------------------------
    (
        "curable",
        re.compile(
            rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:ever|fully|completely|permanently)\s+)?(?:curable|cured|"
            r"healed|cured\s+(?:completely|permanently|for\s+good))(?:\s+(?:completely|permanently|for\s+good))?$",
            re.I,
        ),
    ),
    (
        "curable",
        re.compile(
            r"^is\s+there\s+(?:a|any)\s+(?:known\s+|permanent\s+)?cure\s+for\s+(?P<x>.+?)(?:\s+yet)?$",
            re.I,
        ),
    ),
    (
        "curable",
        re.compile(
            r"^(?:does|do|will|can|could)\s+(?P<x>.+?)\s+(?:ever\s+)?(?:go\s+away|clear\s+up|disappear|resolve)"
            r"(?:\s+(?:on\s+its\s+own|by\s+itself|for\s+good|forever|completely|permanently))?$",
            re.I,
        ),
    ),
    (
        "curable",
        re.compile(
            # "Can kids be cured of X?": whether X can be cured, asked by a parent (outgrowing is
            # no cure, and stays unknown: ``_OUTGROWS``)
            r"^(?:can|could|do|does|will|would)\s+(?:you|i|one|people|someone|kids|children|babies|toddlers|"
            r"(?:a|my|your|our)\s+(?:child|kid|son|daughter|baby|toddler|children|kids))\s+(?:ever\s+)?(?:recover\s+(?:fully\s+)?from|"
            r"get\s+rid\s+of|be\s+cured\s+of)\s+(?P<x>.+?)$",
            re.I,
        ),
    ),
    (
        "contagious",
        re.compile(
            r"^(?P<x>.+?)(?:\s*[:,-]\s*|\s+)(?:is\s+it\s+)?(?:contagious|infectious|catching)(?:\s+or\s+not)?$",
            re.I,
        ),
    ),
    (
        "inherited",
        re.compile(
            r"^(?P<x>.+?)(?:\s*[:,-]\s*|\s+)(?:is\s+it\s+)?(?:hereditary|genetic|inherited)(?:\s+or\s+not)?$",
            re.I,
        ),
    ),
    (
        "curable",
        re.compile(
            r"^(?P<x>.+?)(?:\s*[:,-]\s*|\s+)(?:is\s+it\s+)?curable(?:\s+or\s+not)?$",
            re.I,
        ),
    ),
    # definition -----------------------------------------------------------------------------
    (
        "definition",
        re.compile(
            r"^what\s+(?:does|do)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?(?P<x>.+?)\s+(?:stand\s+for|mean|refer\s+to)$",
            re.I,
        ),
    ),
    # "What is UC in medicine?": the field named, not part of the name
    (
        "definition",
        _gated(
            re.compile(
                rf"^what(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:an?\s+|the\s+)?(?P<x>.+?)(?:\s+(?:stand\s+for|mean|short\s+for))?"
                rf"\s+{_IN_MEDICINE}$",
                re.I,
            ),
            "medic",
            "health",
            "nursing",
            "diagnos",
        ),
    ),
    ("definition", re.compile(r"^what(?:'s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(?P<x>.+?)$", re.I)),
    ("definition", re.compile(r"^(?:define|explain)\s+(?P<x>.+?)$", re.I)),
    # "X stands for what?", "X medical abbreviation": what the letters stand for, asked backwards
    # or as a search phrase
    (
        "definition",
        re.compile(
            r"^(?:the\s+)?(?P<x>.+?)\s+(?:stands?\s+for|is\s+short\s+for|means)\s+what$", re.I
        ),
    ),
    (
        "definition",
        _gated(
            re.compile(
                r"^(?P<x>.+?)\s+(?:medical\s+|medicine\s+)?(?:abbreviation|acronym)(?:\s+(?:meaning|definition))?$",
                re.I,
            ),
            "abbreviation",
            "acronym",
        ),
    ),
    # "What does X mean on a report?": a reader who met the letters on a report asks what they
    # stand for
    (
        "definition",
        _gated(
            re.compile(
                r"^what\s+(?:does|do)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+)?(?P<x>.+?)\s+(?:stand\s+for|mean)\s+"
                r"(?:on|in)\s+(?:an?\s+|the\s+|my\s+|your\s+)?(?:(?:lab|blood|medical|test|pathology|biopsy|doctor'?s?|hospital)\s+)?"
                r"(?:report|results?|chart|notes?|letter|records?)$",
                re.I,
            ),
            "report",
            "result",
            "chart",
            "note",
            "letter",
            "record",
        ),
    ),
    ("definition", re.compile(r"^(?P<x>.+?)\s+(?:meaning|definition)$", re.I)),
]
_LEAD = re.compile(r"^(?:so|but|and|ok|okay|please|hi|hello|q:|question:)[\s,]+", re.I)
_ARTICLE = re.compile(r"^(?:an?|the|my|your|having)\s+", re.I)
_QUOTES = " \"'“”‘’`"
_ASKS = re.compile(rf"^(?:{_AUX}|what|why|how)\b", re.I)
_CLAUSE_QUESTION = re.compile(
    rf",\s*({_AUX}\s.+)$", re.I
)  # "In conclusion, is EoE ...": the clause after the comma
_OPENS_QUESTION = re.compile(rf"^(?:{_AUX}|what|define|explain)\b", re.I)
# what a bare possessive or eponym most often stands for ("Raynaud's" -> "Raynaud's phenomenon")
_COMPLETIONS = (" disease", " syndrome", " phenomenon", " thyroiditis", " palsy", " disorder")


# -- compound and qualified questions ---------------------------------------------------------
# "Is X an allergy or autoimmune?" asks two properties; "Is X an allergy or an intolerance?",
# "Is ABPA an allergy to aspergillus or an infection?", "Is SJS an allergic reaction to
# medication?" ask one property healthlens answers beside a part it does not judge (another kind
# of condition, what sets it off): the property is answered and the rest is named as not judged
# (``Question.unjudged``), never folded into the verdict.
_PHRASES = {
    "autoimmune": rf"(?:an?\s+)?{_AUTOIMMUNE}(?:\s+(?:disease|disorder|condition|illness|problem|thing|reaction|response|attack))?",
    "allergy": r"(?:an?\s+)?(?:(?:real|true|genuine|actual)\s+)?(?:(?:food|drug|skin)\s+)?(?:allergy|allergies|allergic(?:\s+(?:reaction|response|condition|disease|disorder|thing))?)",
    "immune": r"(?:immune[\s-]mediated|caused\s+by\s+the\s+immune\s+system|(?:an?\s+)?immune(?:[\s-]system)?\s+(?:reaction|response))",
    "contagious": r"(?:contagious|infectious|catching)",
    "inherited": r"(?:hereditary|genetic|inherited)",
    "curable": r"(?:curable)",
}
# kinds of condition people set against an allergy or autoimmunity, which healthlens does not judge
_OTHER_KIND = (
    # "or just an intolerance": "just" belittles the other side, which stays another kind
    r"(?:(?:just|simply|only|merely)\s+)?"
    r"(?:an?\s+)?(?:(?:food|gluten|lactose|wheat|drug|skin)\s+)?(?:intolerance|sensitivity|sensitivities|"
    # "Is X a true allergy or just irritation?": an irritant reaction harms the skin directly,
    # with no immune part: another kind, named as not judged
    r"(?:skin\s+)?irritation|irritant(?:\s+(?:reaction|dermatitis))?|"
    # "Is X a real allergy or the same as celiac?": whether X is another condition, which
    # healthlens does not judge (at most four words name it)
    r"the\s+same(?:\s+thing)?\s+as\s+(?!or\b|and\b)[\w'’-]+(?:\s+(?!or\b|and\b)[\w'’-]+){0,3}|"
    r"(?:(?:bacterial|viral|fungal|chronic)\s+)?infection|"
    # "Is X an allergy or a cold?": the everyday infections people set against an allergy, as
    # "or an infection" (a cold is one); named as not judged, never answered
    r"(?:the\s+)?(?:(?:common|head|chest|summer)\s+)?(?:cold|flu)|(?:a\s+)?(?:virus|viral\s+illness)|"
    # "Is X a real allergy or a side effect?": a reaction the immune system plays no part in
    r"(?:(?:drug|medication|medicine)\s+)?side[\s-]effects?|"
    # "Is X autoimmune or autoinflammatory?": the innate immune system's kind, set against
    # autoimmunity; the autoimmune question is answered and this part named as not judged
    r"auto[\s-]?inflammatory(?:\s+(?:disease|disorder|condition|illness|syndrome)s?)?)"
)
# what sets a reaction off: "to medication", "after infection" (at most four words, no "or")
_TRIGGER = (
    r"\s+(?:to|after|following|from|against|caused\s+by|triggered\s+by|brought\s+on\s+by|set\s+off\s+by)"
    r"(?:\s+(?!or\b|and\b|hereditary|genetic|inherited|contagious|infectious|curable|auto|allerg|immune)[\w'’-]+){1,4}?"
)
# words one of _PHRASES or _OTHER_KIND holds (a compound or qualified question has one)
_CUES = (
    "immun",
    "allerg",
    "contagious",
    "infectious",
    "catching",
    "hereditary",
    "genetic",
    "inherited",
    "curable",
    "intoleran",
    "sensitiv",
    "infection",
    "irritat",
    "irritant",
    "same as",
)
_TRIGGERED = ("autoimmune", "allergy", "immune")  # the properties a trigger may qualify
_ANY_PHRASE = "|".join(f"(?:{p})" for p in _PHRASES.values())
_COMPOUND = re.compile(
    rf"^(?:{_AUX}\s+)?(?P<x>.+?)(?:\s+(?:be|get|become))?(?:\s*[:,-]\s*|\s+)(?:is\s+it\s+)?"
    rf"(?P<a>{_ANY_PHRASE}|{_OTHER_KIND})(?P<ta>{_TRIGGER})?"
    rf"(?:(?:\s*,\s*|\s+)(?:or|and|/)\s+(?:is\s+it\s+)?(?P<b>{_ANY_PHRASE}|{_OTHER_KIND})(?P<tb>{_TRIGGER})?)?"
    r"(?:\s+or\s+(?:both|neither|not|something\s+else))?$",
    re.I,
)


def _phrase_family(phrase: str) -> str | None:
    for family, pattern in _PHRASES.items():
        if re.fullmatch(pattern, phrase, re.I):
            return family
    return None


# -- questions healthlens recognises and declines -----------------------------------------------
_DECLINE: list[tuple[str, re.Pattern]] = [
    (
        "advice",
        re.compile(
            r"^(?:should|shall|must|ought)\b|^(?:can|may|could)\s+i\b|^do\s+i\s+(?:need|have)\s+to\b|"
            r"^is\s+it\s+(?:safe|ok|okay|bad|good|better|wise|normal|worth)\b|\bshould\s+(?:i|we|my|you|he|she|they)\b|"
            r"^(?:when|where|who|what)\s+should\b|^how\s+(?:can|do|should)\s+i\b",
            re.I,
        ),
    ),
    (
        "prognosis",
        re.compile(
            r"\b(?:fatal|deadly|lethal|life[\s-]threatening|terminal|die|dies|dying|death|deaths|kill|kills|"
            r"life\s+expectancy|lifespan|survival|survive|prognosis|outlook|how\s+long|serious|dangerous|"
            r"get\s+worse|gets\s+worse|progressive|disabling|permanent\s+damage)\b",
            re.I,
        ),
    ),
    (
        "prevention",
        re.compile(
            r"\bprevent\w*|\bavoid\w*|\bvaccin\w*|\bimmuni[sz]ation|\bprotect\w*|\b(?:lower|reduce|cut)s?\s+"
            r"(?:the\s+|my\s+|your\s+|a\s+person's\s+)?(?:risk|chances?)\b|\bstop\s+\w+\s+from\b|\bward\s+off\b",
            re.I,
        ),
    ),
    (
        "treatment",
        re.compile(
            r"\bcure[sd]?\b|\bcuring\b|\btreat\w*|\btherap\w*|\bmedic\w*|\bdrugs?\b|\bremed\w*|\bhelps?\b|"
            r"\bimprove\w*|\brelie\w*|\bheal\w*|\bmanag\w*|\bsupplement\w*|\bvitamin\w*|\bdiet\w*|\bexercis\w*|"
            r"\bsurgery\b|\bpills?\b|\bantibiotic\w*|\bsteroid\w*|\bwork\s+(?:for|against|on)\b|\beffective\b|"
            r"\beases?\b|\bsoothe\w*|\bget\s+rid\b|\breverse\w*|\bfix\w*|\bbenefit\w*|\bgood\s+for\b|\bbad\s+for\b|"
            r"\bkeep\s+\w+\s+under\s+control\b|\bcontrol\w*\b|\breduce\w*\b|\bshrink\w*\b|\brecover\w*\b",
            re.I,
        ),
    ),
    (
        "cause",
        re.compile(
            r"^what\s+(?:causes|caused|triggers|brings\s+on|leads\s+to|is\s+the\s+cause|are\s+the\s+causes)\b|"
            r"\bcauses?\s+of\b|^why\s+(?:do|does|did|is|are|would|can)\b|\b(?:cause|causes|caused|causing|trigger|"
            r"triggers|triggered|lead\s+to|leads\s+to|linked\s+to|tied\s+to|raise|raises|increase|increases|"
            r"worsen|worsens|make\s+\w+\s+worse|give\s+you|gives\s+you|result\s+in|results\s+in|come\s+from|"
            r"comes\s+from)\b|\brisk\s+factors?\b",
            re.I,
        ),
    ),
]
# subjects that are not a condition: "What is the treatment for lupus?", "What is the cause of MS?"
_NOT_A_CONDITION = re.compile(
    r"\b(?:treat\w*|cure|cures|causes?|symptoms?|signs?|risks?|prevent\w*|diet|medications?|medicines?|"
    r"drugs?|best|difference|life\s+expectancy|prognosis|survival|outlook|tests?|diagnos\w*|ways?|chances?|"
    r"odds|rate|link|connection|relationship|treatment|therapy|vaccine|remedy|remedies|cost|doctor)\b",
    re.I,
)

# kinds of declined question whose cue words never qualify a condition's name ("progressive" or
# "serious" may: "Is progressive MS autoimmune?")
_NOT_IN_A_NAME = ("treatment", "prevention", "advice")

# a subject that is a question word: "what is" in "what is an autoimmune disease"
_INTERROGATIVE = re.compile(
    r"^(?:what|why|how|who|when|where|which|is|are|can|could|does|do|should|will)(?:\s|$|')", re.I
)

# a subject that ends in an adverb of manner: the form's verb is qualified ("sexually transmitted",
# "easily spread"), so its yes/no is not the family's; words that only insist on the question
# ("really", "actually", "generally considered") leave it as it is
_HOW_WORD = re.compile(
    r"\s(?!(?:really|actually|truly|definitely|officially|technically|generally|medically|"
    r"scientifically|clinically)\b)\w{2,}ly$",
    re.I,
)

# a subject whose condition is an animal's ("flu in dogs", "canine lupus", "dog flu"): the
# knowledge base's verdicts are about people, so answering would answer another question. An
# animal before an allergy ("dog allergy", "cat dander allergy") is what the person reacts to
_ANIMAL_HOST = re.compile(
    r"\b(?:in|of|for)\s+(?:(?:your|my|our|the|a|an)\s+)?(?:dogs?|cats?|pupp(?:y|ies)|kittens?|"
    r"horses?|ponies|pets?|cattle|cows|livestock|poultry|chickens?|birds|animals?|rabbits?|"
    r"ferrets?|pigs|sheep|goats?)\b"
    r"|^(?:(?:my|your|a|the)\s+)?(?:dog|cat|pupp(?:y|ie)|kitten|horse|canine|feline|equine|bovine|"
    r"pet)s?(?:['’]s?)?\s+(?!allerg|dander|hair|saliva|bites?\b|scratch|fur\b)",
    re.I,
)

# a subject that sets one condition against another ("celiac disease the same as wheat" in "Is
# celiac disease the same as wheat allergy?"): the question is whether they are one condition, and
# the family's verdict for the first would answer another question
_COMPARES = re.compile(
    r"\s(?:(?:the\s+)?same\s+(?:thing\s+)?as|different\s+(?:from|than|to)|similar\s+to|versus|vs\.?)(?:\s|$)",
    re.I,
)

# "celiac disease the same as wheat" in "Is celiac disease the same as wheat allergy?": the words
# after "as" qualify the family's word that follows the subject
_SAME_AS = re.compile(
    r"^(?P<x>.+?)\s+(?:the\s+)?same\s+(?:thing\s+)?as(?:\s+(?:an?\s+)?[\w'’-]+){0,3}$", re.I
)


def _compared(
    predicates: list[str], subject: str, unjudged: tuple[str, ...], kb: KnowledgeBase
) -> tuple[list[str], str, tuple[str, ...]] | None:
    """A reading whose subject sets one condition against another (``_COMPARES``): None, except
    "Is X the same as a Y allergy?" where the knowledge base's verdict for X does not claim it:
    "no" (a condition that is no allergy is no kind of allergy), "partly" (only in part such, so
    not simply the same), "uncertain". A "yes" would not follow (an allergy need not be that
    allergy), nor any verdict to "different from", "similar to"."""
    if not _COMPARES.search(subject) or _exact(subject, kb):
        return predicates, subject, unjudged
    m = _SAME_AS.match(subject)
    if m is None or not predicates or predicates[0] in ("definition", "link"):
        return None
    cid = _best(match_subject(m.group("x"), kb, inside=False).ids, kb)
    record = kb.record(cid)
    verdict = verdict_for(record, predicates[0], kb.records, kb.properties) if record else None
    if verdict not in ("no", "partly", "uncertain"):
        return None
    return predicates, m.group("x"), unjudged


# a subject with the reader in it, or a condition clause, is not a condition name
_I_OR_IF = re.compile(r"\b(?:i|if|when|while|after|before)\b", re.I)

# common typos of the property words, corrected before the forms are tried ("autoimune")
_VOCABULARY = (
    "autoimmune",
    "allergy",
    "allergic",
    "allergies",
    "contagious",
    "infectious",
    "hereditary",
    "inherited",
    "genetic",
    "curable",
    "disease",
    "disorder",
    "syndrome",
    "condition",
    "immune",
)
# real words close to a property word, kept as written ("infection" is not "infectious")
_KEEP = frozenset(
    {
        "infection",
        "infections",
        "generic",
        "genetics",
        "allergen",
        "allergens",
        "allergist",
        "diseased",
    }
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{4,}")
# a property word with a negating prefix, kept as written (negated and framed questions)
_NEGATIVE_PREFIX = re.compile(
    r"^(?:non|un|in|im|not)-?(?:contag|infect|communic|transmis|cur|hered|genet|inherit|allerg|auto|"
    r"immun)",
    re.I,
)


def _rapidfuzz():
    """rapidfuzz's ``process`` and ``distance`` modules, or None (logged once) when the package is
    missing from an old environment: questions are then matched exactly, without typo tolerance."""
    global _RAPIDFUZZ
    if _RAPIDFUZZ is None:
        try:
            # lazy: slow to import, and only a question not read as typed needs it
            from rapidfuzz import distance, process

            _RAPIDFUZZ = (process, distance)
        except ImportError:  # pragma: no cover - a declared dependency
            logging.getLogger("healthlens").warning(
                "rapidfuzz is not installed (pip install rapidfuzz): questions with typos will "
                "not be matched"
            )
            _RAPIDFUZZ = False
    return _RAPIDFUZZ or None


_RAPIDFUZZ: tuple[Any, Any] | bool | None = None  # (process, distance); False: not installed


def _fix_typos(text: str) -> str:
    """The question with misspelt property words corrected ("autoimune" -> "autoimmune")."""
    rf = _rapidfuzz()
    if rf is None:
        return text
    process, distance = rf
    ratio = distance.Indel.normalized_similarity

    def fix(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if low in _VOCABULARY or low in _KEEP or low.replace("-", "") in _VOCABULARY:
            return word
        if _NEGATIVE_PREFIX.match(low):
            return word  # "noncontagious", "incurable": the family's word negated, no typo of it
        best = process.extractOne(low, _VOCABULARY, scorer=ratio, score_cutoff=0.84)
        return best[0] if best else word

    return _WORD.sub(fix, text)


def looks_like_question(text: str | None) -> bool:
    if not text:
        return False
    t = text.strip()
    return t.endswith("?") or bool(_ASKS.match(t))


# -- the subject ---------------------------------------------------------------------------------
@dataclass(slots=True)
class SubjectMatch:
    """What a subject names: ``ids`` best first; ``read_as`` the name matched when the match was
    not exact; ``problem`` why nothing was chosen (two conditions equally close); ``subject``
    the subject as it should be written when that differs ("pots" -> "POTS")."""

    ids: list[str]
    read_as: str | None = None
    problem: str | None = None
    subject: str | None = None


_T = TypeVar("_T")
_FUZZY: dict[Any, tuple] = {}  # id(kb), or (table name, id(kb)) -> (owner, tables...)


def _per_kb(name: str, kb: KnowledgeBase, build: Callable[[], _T], owner: object = None) -> _T:
    """``build()``, made once per knowledge base and kept in ``_FUZZY`` under ``name`` beside
    its ``owner`` (the knowledge base, or the part the table is read from): a new knowledge base
    at an old address is told apart by the owner it keeps alive, and a table is replaced whole."""
    owner = kb if owner is None else owner
    cached = _FUZZY.get((name, id(kb)))
    if cached is None or cached[0] is not owner:
        cached = _FUZZY[(name, id(kb))] = (owner, build())
    return cached[1]


_HEADS = re.compile(
    r"\s+(?:disease|syndrome|disorder|phenomenon|thyroiditis|palsy|condition|infection)$", re.I
)
_SQUEEZE = re.compile(r"[^a-z0-9]+")


def _key(text: str) -> str:
    """Lower case, accents folded, apostrophes dropped, other punctuation a space: "Crohn's" ->
    "crohns", "Behçet" -> "behcet"."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SQUEEZE.sub(" ", text.replace("'", "").replace("’", "")).strip()


_MARK = re.compile(r"\b(?:\d+(?:\.\d+)?[a-z]?|[a-z])\b")


def _marks(key: str) -> frozenset[str]:
    """The numbers and lone letters of a key ("type 2", "hepatitis a"): what tells kinds of one
    condition apart, which a typo or a shortened name never changes (a name typed without its
    number may still be matched, or refused as close to several kinds)."""
    return frozenset(_MARK.findall(key))


def _letters(key: str) -> str:
    """The letters of a key, sorted: letters typed in the wrong order ("chrons") share it."""
    return "".join(sorted(key.replace(" ", "")))


def _fuzzy_index(kb: KnowledgeBase) -> tuple[list[str], list[str], list[str], dict]:
    """(keys, record ids, display names, {sorted letters: key indexes}) of every curated name,
    synonym, lay name and British spelling, each also without its closing class word
    ("Hashimoto's thyroiditis" -> "Hashimoto's")."""
    cached = _FUZZY.get(id(kb))
    if cached is None or cached[0] is not kb:
        keys: list[str] = []
        ids: list[str] = []
        shown: list[str] = []
        seen: set[tuple[str, str]] = set()
        for rec in kb.records.values():
            for name in rec.names:
                for form in (name, _HEADS.sub("", name)):
                    k = _key(form)
                    if len(k) >= 4 and (k, rec.id) not in seen:
                        seen.add((k, rec.id))
                        keys.append(k)
                        ids.append(rec.id)
                        shown.append(name)
        anagrams: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            anagrams.setdefault(_letters(k), []).append(i)
        cached = _FUZZY[id(kb)] = (kb, keys, ids, shown, anagrams)
    return cached[1], cached[2], cached[3], cached[4]


def _abbreviation_cases(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Letters in upper case -> the abbreviations as written ("EOE" -> ["EoE"])."""

    def build() -> dict[str, list[str]]:
        cases: dict[str, list[str]] = {}
        for short in kb.terms.abbreviations:
            cases.setdefault(short.upper(), []).append(short)
        return cases

    return _per_kb("abbr", kb, build)


# -- an "s" that ends a word is no possessive ---------------------------------------------------
# An eponym typed without its noun ends in the possessive "s" ("wegeners", "hashimotos"), and
# ``_prefix`` took any subject ending in "s" that starts a longer name for that name, whatever
# the "s" was: "osteitis" (any inflammation of bone) was read as osteitis deformans, Paget disease
# of bone ("Is osteitis genetic?" got its "partly"), "neurodermatitis" as atopic dermatitis
# (through "neurodermatitis disseminata"; the itch-scratch skin patches also called so are
# another condition), "epidermolysis" as epidermolysis bullosa acquisita (the inherited
# epidermolysis bullosa is not it), "pityriasis" as pityriasis rosea, "herpes simplex virus" as
# herpes simplex encephalitis, "coronavirus" as COVID-19, "mucocutaneous" as Kawasaki disease,
# "restless" as the name it starts. A word that ends in "-is", "-us" or "-ss" (and "-ous") is no
# possessive (the same test as the plural in ``match_subject``): it is taken for a longer name
# only where that is the record's own preferred name less its last word ("hidradenitis" for
# hidradenitis suppurativa, "pityriasis" for pityriasis rosea), or by the length rule below.
_POSSESSIVE_S = re.compile(r"(?<![siu])s$")


def _short_for(query: str, key: str, cid: str, kb: KnowledgeBase) -> bool:
    """Whether ``query``, which ends in "s" and starts ``key``, is typed short for it: a possessive
    eponym, or the record's own preferred name less its last word ("hidradenitis" for
    hidradenitis suppurativa), never the start of a synonym ("osteitis" of "osteitis deformans")
    or of a longer name ("epidermolysis" of "epidermolysis bullosa acquisita")."""
    if _POSSESSIVE_S.search(query):
        return True
    return key == _key(kb.name(cid)) and key.count(" ") == query.count(" ") + 1


def _prefix(subject: str, kb: KnowledgeBase) -> SubjectMatch:
    """A name typed short: an eponym without its noun ("wegeners" for Wegener's granulomatosis)
    or the start of a longer name ("hypothyroid" for hypothyroidism); refused when the start
    fits several conditions."""
    query = _key(subject)
    if len(query) < 5:
        return SubjectMatch([])
    if _a_class_word(query, kb):
        return SubjectMatch([])  # "colitis" is a class, not short for "colitis ulcerosa"
    keys, ids, _shown, _ = _fuzzy_index(kb)
    marks = _marks(query)
    found = {
        ids[i]
        for i, k in enumerate(keys)
        if (
            (query.endswith("s") and k.startswith(query + " ") and _short_for(query, k, ids[i], kb))
            or (k.startswith(query) and len(query) >= 0.7 * len(k))
        )
        and (not marks or _marks(k) == marks)
    }
    if len(found) == 1:
        rid = found.pop()
        return SubjectMatch([rid], read_as=kb.name(rid))
    if found:
        names = sorted(kb.name(r) for r in found)[:3]
        return SubjectMatch(
            [], problem=f"“{subject}” could be {' or '.join(names)}; write the name out in full"
        )
    return SubjectMatch([])


def _suffix(subject: str, kb: KnowledgeBase) -> SubjectMatch:
    """A name typed without its first words: "thrombocytopenic purpura" (immune, or thrombotic,
    thrombocytopenic purpura?), or a one-word class that ends curated names ("endocarditis" for
    infective endocarditis: the class is wider than its kind). Two words or more that end curated names are never read as one
    of them (the missing words may be what tells conditions apart, and "bowel disease" is no
    more inflammatory than irritable): the answer names the closest and asks for the full name.
    Without this, the last resort would take a shorter name inside the subject ("purpura") and
    drop the word that qualifies it."""
    query = _key(subject)
    one_word = " " not in query
    if len(query) < (6 if one_word else 10):
        return SubjectMatch([])
    keys, ids, _shown, _ = _fuzzy_index(kb)
    shortest: dict[str, int] = {}
    for i, k in enumerate(keys):
        if k.endswith(" " + query) and len(k) < shortest.get(ids[i], 10**6):
            shortest[ids[i]] = len(k)
    if not shortest:
        return SubjectMatch([])
    names = [kb.name(r) for r in sorted(shortest, key=lambda r: (shortest[r], r))[:3]]
    if one_word:
        # "endocarditis" is the class of "infective endocarditis", wider than the one kind the
        # knowledge base holds (it is also non-infective): never read as that kind
        return SubjectMatch(
            [],
            problem=f"“{subject}” is wider than {' or '.join(names)}, which the knowledge base "
            "holds; that kind's verdict need not hold for every kind. Name the kind in full",
        )
    if len(names) == 1:
        return SubjectMatch(
            [], problem=f"“{subject}” may be short for {names[0]}; write the name out in full"
        )
    return SubjectMatch(
        [], problem=f"“{subject}” could be {' or '.join(names)}; write the name out in full"
    )


# similarity (0-1, optimal string alignment: a swap of two letters is one edit) a typo must reach,
# and how much closer the best condition must be than any other for the match to be taken; the
# same letters in another order, with the same first letter ("chrons" for "crohns"), count as
# _ANAGRAM
_FUZZY_MIN = 0.8
_FUZZY_MARGIN = 0.06
_ANAGRAM = 0.9


# a number or a lone letter after a word in a name's key ("sars cov 2", "type 1 diabetes",
# "hepatitis a"), not the decimal part of a number ("22q11 2")
_NAMED_MARK = re.compile(r"(?:^|(?<=[a-z]\s))(?:\d+(?:\.\d+)?[a-z]?|[a-z])(?=\s|$)")


def _fuzzy(subject: str, kb: KnowledgeBase) -> SubjectMatch:
    rf = _rapidfuzz()
    if rf is None:
        return SubjectMatch([])
    process, distance = rf
    OSA = distance.OSA

    query = _key(subject)
    if len(query) < 5:
        return SubjectMatch([])  # too short to tell a typo from another name
    keys, ids, shown, anagrams = _fuzzy_index(kb)
    _TERM_WORDS_NOW[0] = _terminology_words(kb)
    _NAME_WORDS_NOW[0] = _name_words(kb)
    hits = process.extract(
        query, keys, scorer=OSA.normalized_similarity, limit=12, score_cutoff=_FUZZY_MIN - 0.1
    )
    hits += [
        (keys[i], _ANAGRAM, i) for i in anagrams.get(_letters(query), ()) if keys[i][0] == query[0]
    ]
    stem = _HEADS.sub("", query)
    marks = _marks(query)
    best: dict[str, tuple[float, str]] = {}
    lacking: dict[str, float] = {}
    for _, score, i in hits:
        if marks and _marks(keys[i]) != marks:
            continue  # "diabetes type 2" is no typo of "diabetes type 1"
        if not marks and _NAMED_MARK.search(keys[i]):
            # nor is a name without the number or letter of another its typo ("SARS-CoV
            # infection", the SARS of 2003, got COVID-19's verdicts through "SARS-CoV-2
            # infection"): such a name may only be named as what the subject could be (a
            # number after a number, "22q11.2", only narrows the same name)
            lacking[ids[i]] = max(score, lacking.get(ids[i], 0.0))
            continue
        if stem != query and not _stems_close(stem, _HEADS.sub("", keys[i]), OSA):
            # the likeness is in the class word: "Foo syndrome" is not a typo of "Job syndrome",
            # nor "Kounis syndrome" of "Downs syndrome"
            continue
        if not _each_word_a_typo(query, keys[i], OSA):
            continue  # another word, not a typo: "cold allergy" is no "mold allergy"
        if _a_word_added_or_dropped(query, keys[i], OSA, ids[i], kb) or _a_likeness_ending(
            query, keys[i]
        ):
            continue  # "non-autoimmune diabetes" is no "autoimmune diabetes" misspelt
        rid = ids[i]
        if rid not in best or score > best[rid][0]:
            best[rid] = (score, shown[i])
    ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
    nearest_lacking = max(lacking.items(), key=lambda kv: kv[1], default=None)
    if (
        nearest_lacking
        and nearest_lacking[1] >= _FUZZY_MIN
        and (not ranked or nearest_lacking[1] > ranked[0][1][0])
    ):
        near = sorted(
            (r for r, v in lacking.items() if v >= nearest_lacking[1] - _FUZZY_MARGIN),
            key=lambda r: (-lacking[r], r),
        )
        return SubjectMatch(
            [],
            problem=f"“{subject}” could be {' or '.join(kb.name(r) for r in near[:3])}; write "
            "the name out in full",
        )
    if not ranked or ranked[0][1][0] < _FUZZY_MIN:
        return SubjectMatch([])
    (rid, (score, _shown)), rest = ranked[0], ranked[1:]
    close = [r for r in rest if r[1][0] >= score - _FUZZY_MARGIN]
    if close:
        names = [kb.name(rid)] + [kb.name(r[0]) for r in close[:2]]
        return SubjectMatch(
            [], problem=f"“{subject}” could be {' or '.join(names)}; write the name out in full"
        )
    if score < 1 and (other := _a_term_as_near(query, score, rid, set(keys), kb)):
        return SubjectMatch(
            [],
            problem=f"“{subject}” could be {kb.name(rid)} or {other}; write the name out in full",
        )
    return SubjectMatch([rid], read_as=kb.name(rid))


# -- a typo as near a name the knowledge base holds without a record ------------------------------
# The fuzzy match weighs the curated names alone, so a misspelling of a condition the knowledge
# base names (from its terminology) but holds no record of was read as the nearest curated name:
# "is rubela contagious" (rubella, German measles) got measles's verdict through "rubeola" (one
# letter away), a different virus. Where a terminology name of another concept, which no curated
# name is, lies as near the typed subject as the curated name taken (or nearer), the subject could
# be either, and the question stays unknown, naming both (names from the same first letter, as
# a typo mostly keeps it).
_TERM_KEYS: dict[int, tuple[Any, dict[tuple[str, int], list[str]]]] = {}


def _a_term_as_near(
    query: str, score: float, rid: str, curated: set[str], kb: KnowledgeBase
) -> str | None:
    """A terminology name of another concept as near ``query`` as the curated name matched (the
    block's comment), else None."""
    rf = _rapidfuzz()
    if rf is None:
        return None
    process, distance = rf
    cached = _TERM_KEYS.get(id(kb))
    if cached is None or cached[0] is not kb.terms:
        # indexed by first letter and length, so a question scans a few names, not all of them
        index: dict[tuple[str, int], list[str]] = {}
        for k in kb.terms.names:
            if k and k not in curated:
                index.setdefault((k[0], len(k)), []).append(k)
        cached = (kb.terms, index)
        _TERM_KEYS[id(kb)] = cached
    near_len = range(len(query) - 2, len(query) + 3)
    terms = [k for n in near_len for k in cached[1].get((query[:1], n), ())]
    for name, near, _ in process.extract(
        query, terms, scorer=distance.OSA.normalized_similarity, limit=5, score_cutoff=score - 0.05
    ):
        ids = kb.terms.names.get(name, ())
        if rid in ids or any(kb.record(i) is not None for i in ids) or near < score - 1e-9:
            continue
        if _marks(name) != _marks(query):
            continue
        return name
    return None


# -- a real word is no typo of a name ---------------------------------------------------------
# The fuzzy match took a subject one edit away from a curated name as that name misspelt, though
# the word typed was another word: "cold allergy" (cold urticaria) and "gold allergy" were read as
# mold allergy, "heat allergy" as wheat allergy, "silk allergy" as cow's milk protein allergy,
# "pea allergy" and "hat allergy" as pet allergy, "pickle allergy" as nickel allergy,
# "chives" as hives, "fallen allergy" as pollen allergy (allergic rhinitis): each answered with the
# other condition's verdict. A misspelling changes letters inside a word; it rarely changes the
# first letter of a short word, and one edit in a word of three or four letters is most of it. So
# a name is taken as the typed subject misspelt only where each typed word that differs from the
# name's word at its place is that word misspelt: a plural, the same letters in another order from
# the same first letter ("chrons"), or close enough (``_FUZZY_MIN``, word by word) with the same
# first letter, or in a word of seven letters or more, where one edit is a small part ("soriasis").
# Subjects whose words run together or apart ("chicken pox") are judged word by word too
# (``_words_added_or_dropped``).
_LONG_WORD = 7


# Nor is a word whose medical ending is another, typed in full ("endometritis", an infection of
# the womb's lining that clears with antibiotics, was read as endometriosis, whose "inherited:
# partly" and "curable: no" it got): the ending says what kind of disease the word names
# (inflammation, a state, a growth, the blood), and a typo that leaves both endings whole is
# rather another word. A typed word with its ending misspelt ("psoriatis") has no whole ending of
# another kind, and is judged as before.
_ENDINGS = re.compile(r"(itis|osis|oma|emia|ism|pathy)$")


# Nor is "hypo-" a slip for "hyper-", its opposite: "hypocholesteremia" (too little cholesterol)
# was read as hypercholesterolemia, and got its "inherited: partly".
def _opposite_start(t: str, n: str) -> bool:
    return t.startswith("hypo") and n.startswith("hyper")


# -- a real word one letter from a name's word is no slip --------------------------------------
# Asked with the Disease Ontology's names, words of other diseases one or two edits from a curated
# name's word were read as its typo: "tenonitis" (inflammation of the capsule round the eye) as
# tendinitis (one letter from "tendonitis"), "copan" as Cogan (syndrome), "monieziasis" (a
# tapeworm) as candidiasis (through "moniliasis"), each answered with the other's verdict. Two
# kinds of evidence inside the package tell a slip from another word:
# * the terminology's names (ICD-10-CM and the curated names): a typed word that medicine uses in
#   the name of a condition ("tenonitis") is that word, not a slip of another, unless it is a
#   word of the curated names itself (``_NAME_WORDS_NOW``: a curated word typed for another);
# * what a slip does to a letter: a hand hits a neighbouring key ("exzema"), writes one vowel for
#   another ("lupis"), or a letter that sounds alike ("ecsema", "krohns"); "copan" puts "p" for
#   "g" and "monieziasis" an "e" for an "l", none of these, so each is another word. This is
#   asked of a short word (six letters or fewer, where one letter is much of it) or of a word
#   with two edits or more; one letter changed in a longer word stays a slip, whatever it is
#   ("psoriatis"). Letters left out, doubled or added are slips as before.
# * words medicine uses that neither the terminology nor the curated names hold
#   (``_MEDICAL_WORDS_OUTSIDE``): "anomia" (trouble finding words, a kind of aphasia, one vowel
#   from "anemia") and "amenia" (an old word for missing periods, two neighbouring keys swapped)
#   were read as anemia misspelt and got its "inherited: partly" and "curable: partly" with a
#   "Read as: Anemia" line; a reader who typed the word may mean it, so it is no slip (the
#   question stays unknown, as for "tenonitis").
_MEDICAL_WORDS_OUTSIDE = frozenset({"anomia", "amenia"})
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SHORT_WORD = 6
_VOWELS = frozenset("aeiouy")
_SOUND_ALIKE = frozenset(
    frozenset(p) for p in ("ck", "cs", "sz", "kq", "cq", "gj", "dt", "bp", "fv", "xs", "xz", "xc")
)


@cache
def _neighbours(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are neighbouring keys on a QWERTY keyboard."""
    where = {c: (r, i) for r, row in enumerate(_KEY_ROWS) for i, c in enumerate(row)}
    if a not in where or b not in where:
        return False
    (ra, ia), (rb, ib) = where[a], where[b]
    if ra == rb:
        return abs(ia - ib) == 1
    if abs(ra - rb) != 1:
        return False
    upper, lower = (ia, ib) if ra < rb else (ib, ia)
    return lower in (upper - 1, upper)


def _slips_only(t: str, n: str) -> bool:
    """Whether every letter ``t`` has in place of one of ``n``'s is a slip (the block's comment)."""
    rf = _rapidfuzz()
    if rf is None:
        return True
    ops = rf[1].Levenshtein.editops(t, n)
    if len(t) > _SHORT_WORD and len(ops) < 2:
        return True  # one letter in a longer word is a slip whatever it is ("psoriatis")
    for op in ops:
        if op.tag != "replace":
            continue
        a, b = t[op.src_pos], n[op.dest_pos]
        if a.isdigit() or b.isdigit() or (a in _VOWELS and b in _VOWELS):
            continue
        if _neighbours(a, b) or frozenset((a, b)) in _SOUND_ALIKE:
            continue
        return False
    return True


# the terminology's words and the curated names' words of the knowledge base last matched against
# (``_fuzzy`` sets them; ``_word_a_typo`` reads them, as it has no knowledge base of its own)
_TERM_WORDS_NOW: list[frozenset[str]] = [frozenset()]
_NAME_WORDS_NOW: list[frozenset[str]] = [frozenset()]


def _terminology_words_now() -> frozenset[str]:
    return _TERM_WORDS_NOW[0]


def _word_a_typo(t: str, n: str, osa: Any) -> bool:
    """Whether the typed word ``t`` is the name's word ``n``, or ``n`` misspelt (the block's
    comment)."""
    if t == n or t + "s" == n or n + "s" == t:
        return True
    if t in _MEDICAL_WORDS_OUTSIDE:
        return False  # a word medicine uses, not a slip (the block's comment)
    if (e := _ENDINGS.search(t)) and (f := _ENDINGS.search(n)) and e[1] != f[1]:
        return False
    if _opposite_start(t, n) or _opposite_start(n, t):
        return False
    if t[:1] == n[:1] and _letters(t) == _letters(n):
        return True
    if t in _terminology_words_now() and t not in _NAME_WORDS_NOW[0]:
        return False  # a word medicine names conditions with ("tenonitis"), not a slip
    if not _slips_only(t, n):
        return False
    # (a long word whose first letter differs too is a typo only within two edits: "soriasis" is
    # psoriasis, while "macroglobulinemia", Waldenström's blood cancer, is three edits from
    # "cryoglobulinemia" and another disease, which got its "autoimmune: partly")
    return bool(
        osa.normalized_similarity(t, n) >= _FUZZY_MIN
        and (t[:1] == n[:1] or (len(t) >= _LONG_WORD and osa.distance(t, n) <= 2))
    )


def _each_word_a_typo(query: str, key: str, osa: Any) -> bool:
    """Whether each word of ``query`` that differs from ``key``'s word at its place is a typo of
    it, not another word (the block's comment)."""
    typed, named = query.split(), key.split()
    if len(typed) != len(named):
        return _words_run_together_or_apart(typed, named, osa)
    return all(_word_a_typo(t, n, osa) for t, n in zip(typed, named, strict=True))


# -- a word added or dropped is no typo ---------------------------------------------------------
# A subject with more or fewer words than a curated name was taken as that name misspelt whenever
# the letters as a whole were close, though a whole word had been added, dropped or swapped for
# another: "IgE-mediated allergy" was read as IgE-mediated food allergy (food allergy's verdicts:
# the word that names the kind dropped), "pine nut allergy" as peanut allergy (a seed for a
# legume), "all inflammatory diseases" as autoinflammatory disease (a quantifier run into a
# word), each answered with the other condition's verdict. Words typed together or apart
# ("chicken pox", "immuno deficiency") are the same words: the typed words are matched in order to
# the name's, each to one word (``_word_a_typo``) or two typed words to one of the name's (or one
# to two) where they differ by one letter at most once run together. Joining words ("hand foot
# mouth disease") are passed over, and words left over at the end of either side are let be (an
# abbreviation in brackets typed after the name, "parvovirus" for "parvovirus B19"; later checks
# judge them); a word left over at the start or in the middle is a word added or dropped.
_JOINING = frozenset({"and", "of", "the", "a", "an", "with"})


def _words_run_together_or_apart(typed: list[str], named: list[str], osa: Any) -> bool:
    """Whether ``typed`` is ``named`` with words run together or apart (the block's comment)."""
    typed = [w for w in typed if w not in _JOINING]
    named = [w for w in named if w not in _JOINING]

    def joined(a: str, b: str) -> bool:
        return bool(osa.distance(a, b) <= 1)

    def align(i: int, j: int) -> bool:
        if i == len(typed) or j == len(named):
            return True
        t, n = typed[i], named[j]
        if _word_a_typo(t, n, osa) and align(i + 1, j + 1):
            return True
        if i + 1 < len(typed) and joined(t + typed[i + 1], n) and align(i + 2, j + 1):
            return True
        return j + 1 < len(named) and joined(t, n + named[j + 1]) and align(i + 1, j + 2)

    return align(0, 0)


def _stems_close(stem: str, other: str, osa: Any) -> bool:
    """The words before the class word are a typo of each other (the same letters in another
    order, from the same first letter, count), not merely two names of the same class."""
    if stem == other:
        return True
    if _letters(stem) == _letters(other) and stem[:1] == other[:1]:
        return True
    return bool(osa.normalized_similarity(stem, other) >= _FUZZY_MIN)


# -- a word added or dropped, or an ending that means "like", is no typo -------------------------
# ``_each_word_a_typo`` judges subjects whose words run together or apart ("chicken pox") as a
# whole, so a whole word typed beside a name, or left out of it, passed as a misspelling when the
# rest was close: "non-autoimmune diabetes" was read as autoimmune diabetes (type 1 diabetes: "Is
# non-autoimmune diabetes autoimmune?" got "yes"), "non-IgE mediated food allergy" as IgE-mediated
# food allergy, "post-infectious arthritis" as infectious (septic) arthritis, "primary vasculitis"
# (a class) as primary CNS vasculitis, "pine nut allergy" as peanut allergy. A word before or inside
# a name is what tells one condition from another ("non", "post", "CNS", "pine"), never a typo.
# Nor is an ending that means "like": "anaphylactoid reaction" (a reaction like anaphylaxis, with no
# allergy behind it) was read as anaphylactic reaction, and "Is an anaphylactoid reaction an
# allergy?" got anaphylaxis's "yes". So where the words differ in number, the words the two share
# at the start and at the end are set aside, and what is left must be the same letters run
# together or apart, or a typo of them (``_FUZZY_MIN``); a word left over on one side alone, other
# than a class word ("disease", "syndrome") or the condition's own letters ("atopic dermatitis
# (AD)"), is another name. A typed word ending in "-oid" is not a name's word that does not (nor
# the other way round).
_CLASS_WORDS = frozenset("disease syndrome disorder phenomenon condition infection".split())
_LIKENESS = re.compile(r"oids?$")


def _a_word_added_or_dropped(query: str, key: str, osa: Any, cid: str, kb: KnowledgeBase) -> bool:
    """Whether ``query`` is ``key`` (a name of ``cid``) with a whole word added or dropped, or
    with words that are no typo of the name's (the block's comment); subjects of as many words as
    the name are judged by ``_each_word_a_typo``. The condition's own letters beside its name
    ("atopic dermatitis (AD)") add no word."""
    rec = kb.record(cid)
    shorts = {_key(a.short) for a in rec.abbreviations} if rec is not None else set()
    typed, named = [w for w in query.split() if w not in shorts], key.split()
    if len(typed) == len(named):
        return False
    while typed and named and typed[0] == named[0]:
        typed, named = typed[1:], named[1:]
    while typed and named and typed[-1] == named[-1]:
        typed, named = typed[:-1], named[:-1]
    if not typed or not named:
        # (a number or letter left out, "type diabetes", is weighed by ``_marks``: the kinds it
        # could be are named)
        return not all(w in _CLASS_WORDS or _MARK.fullmatch(w) for w in typed or named)
    if _words_added_after_a_typo(typed, named, osa) or _a_name_with_words_added(
        query, key, cid, kb, osa
    ):
        return True
    t, n = "".join(typed), "".join(named)
    return t != n and osa.normalized_similarity(t, n) < _FUZZY_MIN


# -- words added after a name typed with a typo or another spelling -------------------------------
# The check above takes off the words the subject shares with the name at either end and weighs
# what is left as letters; a word spelt another way at the start ("tumor" for "tumour", "pediatric"
# for "paediatric", "immunodysregulation" for "immune dysregulation") stopped it there, and the
# whole subject, a second condition after the name included, was weighed as one typo of the name:
# "tumor necrosis factor receptor-associated periodic syndrome and shingles" was read as TRAPS
# (its "no" alone, for a question that also asks about shingles, which is caught), "pediatric
# acute-onset neuropsychiatric syndrome with mono" as PANS, a long name leaving the added words a
# small share of its letters. Words that are each a typo of the name's word at their place are the name's, as
# equal words are: where the name's words all run out so, words left over that are no class word
# or mark ("and shingles", "from lupus") are words added. So are words beside another of the
# record's names typed in full ("immunodysregulation polyendocrinopathy enteropathy X-linked
# syndrome from lupus", weighed against "immune dysregulation, ..."): a name spelt right is no
# typo, and what is beside it is the subject's own (the last resort judges a name inside).
def _words_added_after_a_typo(typed: list[str], named: list[str], osa: Any) -> bool:
    """Whether ``typed`` is ``named`` word by word (each the same or a typo) with words that are
    no class word or mark left over after it (the block's comment)."""
    if len(typed) <= len(named) or not all(
        _word_a_typo(t, n, osa) for t, n in zip(typed, named, strict=False)
    ):
        return False
    return not all(w in _CLASS_WORDS or _MARK.fullmatch(w) for w in typed[len(named) :])


def _a_name_with_words_added(query: str, key: str, cid: str, kb: KnowledgeBase, osa: Any) -> bool:
    """Whether ``query`` holds another name of ``cid`` in full, beside words that are no class
    word, mark or joining word, nor words of ``key`` (the name it is weighed against) typed apart,
    together or misspelt (the block's comment)."""
    rec = kb.record(cid)
    if rec is None:
        return False
    named = key.split()
    pairs = [a + b for a, b in itertools.pairwise(named)]

    def keys_own(w: str) -> bool:
        return any(_word_a_typo(w, n, osa) for n in named) or any(
            osa.distance(w, p) <= 1 for p in pairs
        )

    for name in rec.names:
        for form in (name, _HEADS.sub("", name)):
            k = _key(form)
            if len(k) < 4 or k == query or f" {k} " not in f" {query} ":
                continue
            left = f" {query} ".replace(f" {k} ", " ", 1).split()
            if not all(
                w in _CLASS_WORDS or w in _JOINING or _MARK.fullmatch(w) or keys_own(w)
                for w in left
            ):
                return True
    return False


def _a_likeness_ending(query: str, key: str) -> bool:
    """Whether a typed word ends in "-oid" where the name's word at its place does not, or the
    other way round ("anaphylactoid" for "anaphylactic")."""
    typed, named = query.split(), key.split()
    if len(typed) != len(named):
        return False
    return any(
        t != n and bool(_LIKENESS.search(t)) != bool(_LIKENESS.search(n))
        for t, n in zip(typed, named, strict=True)
    )


_TYPE_AFTER = re.compile(r"^(?P<x>.+?)\s+(?P<type>type\s+\S+)$", re.I)


def _exact(subject: str, kb: KnowledgeBase) -> list[str]:
    terms = kb.terms
    ids = terms.lookup(subject, include_generic=True)
    if ids:
        return ids
    m = _TYPE_AFTER.match(subject)
    if m:
        # "diabetes type 2" is how people write "type 2 diabetes"
        ids = terms.lookup(f"{m.group('type')} {m.group('x')}", include_generic=True)
        if ids:
            return ids
    if _PROPERTY_WORD.match(subject.strip()):
        return []  # "autoimmune" + " thyroiditis" is no eponym completed (``_defs_and_links``)
    for completion in _COMPLETIONS:
        ids = terms.lookup(subject + completion, include_generic=True)
        if ids:
            return ids
    return []


# -- a symptom or a germ that a name is made of ------------------------------------------------
# "Are seizures genetic?" got epilepsy's "partly" and "Is yeast an allergy?" candidiasis's "no":
# "seizure" completed to "seizure disorder" (epilepsy's other name) and "yeast" was read as the
# start of "yeast infection" (candidiasis's lay name). A seizure is a symptom with many causes (a
# fever, low blood sugar, a head injury, a drug), of which epilepsy is one; yeast is a germ (and a
# food, to which some are allergic), not the infection it can cause. Each word on its own names no
# condition, so the question stays unknown; the full names ("seizure disorder", "yeast
# infection", "epilepsy", "thrush") keep their reading.
_NOT_THE_CONDITION = {
    "seizure": "a seizure is a symptom with many causes, of which epilepsy is one",
    "seizures": "seizures are a symptom with many causes, of which epilepsy is one",
    "yeast": "yeast is a germ (and a food), not the yeast infection (candidiasis) it can cause",
    "yeasts": "yeasts are germs, not the yeast infection (candidiasis) they can cause",
}


# -- a record's own name before a name it was lent ---------------------------------------------
# "Can you outgrow an allergy to shellfish?" got food allergy's "partly", though "Can you outgrow
# a shellfish allergy?" gets shellfish allergy's "no": "allergy to shellfish" is shellfish
# allergy's own name turned round, and also a name ICD-10-CM files under a code (allergy to
# seafood) that two kinds share and neither owns, so it was lent to the class above it, and the
# exact lookup put the class first. Where several curated conditions hold the name and exactly one
# holds it among the forms of its own curated names, that one is read (the others stay behind it).
def _own_forms(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Record id -> the folded forms of its own curated names (as written, turned round as a
    reaction: "allergy to shellfish")."""
    return _per_kb(
        "own",
        kb,
        lambda: {
            rec.id: frozenset(f for n in rec.names for f in term_variants(n) | reaction_phrases(n))
            for rec in kb.records.values()
        },
    )


def _own_name_first(subject: str, ids: list[str], kb: KnowledgeBase) -> list[str]:
    """``ids`` with the one curated condition whose own names hold ``subject`` first (the block's
    comment); else as they were."""
    curated = [i for i in ids if kb.record(i) is not None]
    if len(curated) < 2:
        return ids
    key = " ".join(fold(subject).split())
    own = _own_forms(kb)
    holders = [i for i in curated if key in own.get(i, frozenset())]
    if len(holders) != 1 or holders[0] == ids[0]:
        return ids
    return [holders[0], *(i for i in ids if i != holders[0])]


def match_subject(subject: str, kb: KnowledgeBase, inside: bool = True) -> SubjectMatch:
    """The conditions a subject names, and how it was matched (see the module docstring);
    ``inside=False`` leaves out the last resort, a condition name found inside the subject."""
    if why := _NOT_THE_CONDITION.get(_key(subject)):
        return SubjectMatch([], problem=f"“{subject.strip()}” names no condition: {why}")
    if problem := _a_qualifier_alone(subject, kb):
        return SubjectMatch([], problem=problem)
    ids = _exact(subject, kb)
    if ids:
        if problem := _one_kind_for_its_class(subject, ids, kb):
            return SubjectMatch([], problem=problem)
        if problem := _a_caused_form_lent(subject, ids, kb):
            return SubjectMatch([], problem=problem)
        if other := _a_plural_misspelt(subject, ids, kb):
            return SubjectMatch(
                [],
                problem=f"“{subject}” could be {kb.name(ids[0])} or {other}; write the name out "
                "in full",
            )
        return SubjectMatch(_own_name_first(subject, ids, kb))
    # letters typed in lower case: "pots", "mcas"
    word = subject.strip()
    if word.isalpha() and word.islower() and 2 <= len(word) <= 6:
        for short in _abbreviation_cases(kb).get(word.upper(), ()):
            ids = [i for i in kb.terms.readings(short) if kb.record(i) is not None]
            if ids:
                return SubjectMatch(ids, read_as=f"{short} ({kb.name(ids[0])})", subject=short)
    # possessive or plural short names: "hashimotos", "celiacs", "crohns disease"
    words = word.split()
    for i, w in enumerate(words):
        if len(w) > 3 and w.lower().endswith("s") and not w.lower().endswith(("ss", "us", "is")):
            for repl in (w[:-1] + "'s", w[:-1]):
                ids = _exact(" ".join([*words[:i], repl, *words[i + 1 :]]), kb)
                if ids and (other := _a_plural_misspelt(subject, ids, kb)):
                    return SubjectMatch(
                        [],
                        problem=f"“{subject}” could be {kb.name(ids[0])} or {other}; write the "
                        "name out in full",
                    )
                if ids:
                    return SubjectMatch(ids, read_as=kb.name(ids[0]))
    # letters after a qualifier: "congenital TTP" -> "congenital thrombotic thrombocytopenic purpura"
    for i, w in enumerate(words):
        if i and w.isupper() and len(w) >= 2:
            for cid in kb.terms.readings(w):
                rec = kb.record(cid)
                ids = _exact(" ".join([*words[:i], rec.name, *words[i + 1 :]]), kb) if rec else []
                if ids:
                    return SubjectMatch(ids, read_as=kb.name(ids[0]))
    for matcher in () if _a_class_word(_key(subject), kb) else (_fuzzy, _prefix):
        # a class word ("syndrome", "colitis") is no typo or short form of one name
        found = matcher(subject, kb)
        if found.ids or found.problem:
            return found
    hits = kb.find(subject) if inside else []
    best = max(hits, key=lambda h: h.end - h.start) if hits else None
    if best is None or not any(kb.record(c) for c in best.concept_ids):
        # no curated condition inside the subject (at most a shorter terminology name, "purpura"
        # in "thrombocytopenic purpura"): the subject may be the end of curated names
        found = _suffix(subject, kb)
        if found.problem:
            return found
    if best is not None and _AN_INDEX_COMMA.search(subject):
        turned = _an_index_name(subject, best, kb)
        if isinstance(turned, str):
            return SubjectMatch([], problem=turned)
        if turned:
            return SubjectMatch(turned)
    if best is not None:
        outside = subject[: best.start] + " " + subject[best.end :]
        if _SUBTYPE.search(outside):
            # "secondary X", "congenital X" with no record of its own: the umbrella's verdict
            # need not hold for one form of it, so say so rather than answer for the umbrella
            name = kb.name(best.concept_ids[0])
            return SubjectMatch(
                [],
                problem=f"“{subject}” names one form of {name}, and the knowledge base has no "
                f"record of that form; {name}'s own verdict need not hold for it",
            )
        if problem := _another_form_beside(
            subject, best.start, best.end, kb.name(best.concept_ids[0])
        ) or _another_kind_or_person_before(subject, best.start, best.end, best.concept_ids[0], kb):
            return SubjectMatch([], problem=problem)
        if problem := _letters_then_naming_words(subject, best):
            return SubjectMatch([], problem=problem)
        if problem := _a_cause_before(subject, best.start, best.end):
            return SubjectMatch([], problem=problem)
        if problem := _a_denial_before(subject, best.start):
            return SubjectMatch([], problem=problem)
        return SubjectMatch(list(best.concept_ids))
    return SubjectMatch([])


# -- a name inside a name written as an index writes it ------------------------------------------
# The Disease Ontology and the ICD write names turned round, a comma before the qualifier
# ("lupus erythematosus, systemic", "basal cell carcinoma, morphea type", "encephalitis
# periaxialis, Schilder's"), and the last resort answered for any curated name found inside:
# "lupus erythematosus, systemic" got cutaneous lupus's verdicts (its name "lupus erythematosus"
# before the comma), "basal cell carcinoma, morphea rash" morphea's (a kind of skin cancer
# named for its look), "encephalitis periaxialis, Schilder's rash" encephalitis's (Schilder's
# disease, a demyelinating disease). A name after the comma qualifies the head before it, and a
# name followed by more words before the comma is the start of another name: neither is read.
# A name that is all of the head ("acral lentiginous melanoma, malignant" is melanoma) keeps its
# reading, and where the qualifier put back before it makes a name the knowledge base holds
# ("systemic lupus erythematosus"), that name is read.
_AN_INDEX_COMMA = re.compile(r",\s")  # not a chemical's "2,4-"


def _an_index_name(subject: str, hit: TermHit, kb: KnowledgeBase) -> str | list[str] | None:
    """The ids of the name turned back, or why the name inside ``subject`` is not read (the
    block's comment); None where the comma changes nothing."""
    before, after = subject[: hit.start], subject[hit.end :]
    name = subject[hit.start : hit.end]
    if _AN_INDEX_COMMA.search(before) or (
        _AN_INDEX_COMMA.search(after) and not after.lstrip().startswith(",")
    ):
        return (
            f"“{subject.strip()}” is written as an index writes a name, and {name} in it may be "
            "part of another condition's name: ask with the condition's name as people write it"
        )
    m = re.fullmatch(r"\s*,\s*([^,]+?)\s*", after)
    if not before.strip() and m and (ids := _exact(f"{m.group(1)} {name}", kb)):
        return ids
    return None


# -- letters with words after them, found inside a subject ---------------------------------------
# The last resort found letters inside a longer subject and answered for their reading whatever
# followed them: "Is CAD disease genetic?" got cold agglutinin disease's "no" though "Is CAD
# genetic?" reads CAD as coronary artery disease (the letters' most common reading) and names the
# other, "Is PID disease genetic?" got primary immunodeficiency's "yes" though PID alone stays
# unknown in that family (pelvic inflammatory disease), and "Is OCP spondyloepimetaphyseal
# dysplasia, genevieve-type genetic?" was read as OCP (mucous membrane pemphigoid), the words after
# it the name of another condition. The readings of letters, their order and the families they
# split are decided on the letters alone, and words after them may name something else, so such a
# subject is not read here: where the words are words of the letters' own names ("is SCID bubble
# boy disease inherited", "is CAD disease genetic") the typed form ``_letters_with_their_words``
# reads the letters alone, with every rule for them; elsewhere the question stays unknown. Only
# words that name a condition count (a class noun or a medical ending): "is AGS a real allergy",
# "what is CRMO in kids" keep their reading.
_NAMING_WORD = re.compile(
    r"\b\w*(?:itis|osis|oma|emia|ism|pathy|plasia|trophy|algia|penia|disease|syndrome|disorder|"
    r"condition|deficiency|infection)s?\b"
)


def _letters_then_naming_words(subject: str, hit: TermHit) -> str | None:
    """Why the letters ``hit`` found inside ``subject`` are not read there (the block's comment),
    else None."""
    if hit.via != "abbreviation" or not _NAMING_WORD.search(fold(subject[hit.end :])):
        return None
    return (
        f"“{subject.strip()}” has words after the letters “{subject[hit.start : hit.end]}” that "
        "may name another condition: ask with the letters alone or the condition's full name"
    )


# -- letters whose other reading, without a record, gets the opposite answer -----------------------
# Letters with several readings resolve to the reading the knowledge base marks as most common,
# and the answer names the others; ``answer._readings_disagree`` gives no verdict where two
# curated readings' answers are opposite. A reading without a record cannot be compared, so "Is
# PID genetic?" got primary immunodeficiency's "yes" and "Is PID curable?" its verdict, though
# PID is as often pelvic inflammatory disease (an infection of the womb and tubes, mostly from
# germs passed in sex, treated with antibiotics, inherited by no one), whose answer to those
# questions is the opposite, and "Is PID contagious?" its "no", where the germs behind pelvic
# inflammatory disease are caught. Which families split is a judgement about a condition the
# knowledge base holds no record of, so the letters and those families are listed; in them the
# question stays unknown, naming both readings. The definition (which names both) and the other
# families keep the curated reading.
_OTHER_READING_SPLITS = {
    "PID": ("pelvic inflammatory disease", frozenset({"inherited", "curable", "contagious"})),
    # GBS: in pregnancy and newborn care the letters are group B strep, a germ a mother can pass
    # to her baby at birth; Guillain-Barré syndrome's contagious "no" would answer another
    # question there. Its other families ("Is GBS autoimmune?") are asked of Guillain-Barré.
    "GBS": ("group B strep", frozenset({"contagious"})),
}
# BP: bullous pemphigoid's letters, and far more often blood pressure, which a searcher asks about
# as high blood pressure ("is BP genetic", "is BP curable"). Hypertension has a record, so the
# families that split are those where its verdict is not bullous pemphigoid's (looked up, not
# listed: inherited "partly" against "uncertain", curable "no" against "partly", autoimmune "no"
# against "yes"); there the question stays unknown, naming both. Where the two agree ("Is BP an
# allergy?", "Is BP contagious?": no) and in the definition, which names both, BP keeps the
# curated reading, as the real corpus asks it ("What does BP stand for?").
_OTHER_READING_WITH_A_RECORD = {"BP": ("blood pressure (high blood pressure)", "hypertension")}


def _other_reading_splits(
    subject: str, cid: str | None, families: list[str] | tuple[str, ...], kb: KnowledgeBase
) -> str | None:
    """Why letters whose other reading has no record stay unknown in an asked family (the
    block's comment); else None."""
    letters = subject.strip().strip(".")
    if not letters.isalpha() or cid is None:
        return None
    if (held := _OTHER_READING_WITH_A_RECORD.get(letters.upper())) is not None:
        other, oid = held
        rec, orec = kb.record(cid), kb.record(oid)
        if rec is None or orec is None or oid == cid:
            return None
        if all(
            verdict_for(rec, f, kb.records, kb.properties)
            == verdict_for(orec, f, kb.records, kb.properties)
            for f in families
            if f != "definition"
        ):
            return None
        return (
            f"“{letters}” stands for {kb.name(cid)} or {other}, whose answers to this question "
            "differ. Ask again with the condition's full name"
        )
    entry = _OTHER_READING_SPLITS.get(letters.upper())
    if entry is None:
        return None
    other, split = entry
    if not any(f in split for f in families):
        return None
    return (
        f"“{letters}” stands for {kb.name(cid)} or {other}, which the knowledge base has no record "
        "of and whose answer to this question can be the opposite. Ask again with the condition's "
        "full name"
    )


# -- a word that qualifies many names, typed alone ----------------------------------------------
# A name is taken without its closing class word ("Hashimoto's" for Hashimoto's thyroiditis,
# "Bell's" for Bell's palsy: ``_COMPLETIONS``, and the fuzzy and short-name matches index each
# name so), which is right for a person's name or a name of one condition, but not for a word
# that qualifies many: "Is postpartum autoimmune?" got postpartum thyroiditis's "yes", though
# "postpartum" is a time (after a birth) that opens the names of a dozen conditions (depression,
# bleeding, hair loss), as "subacute" ("subacute contagious" got subacute thyroiditis's "no") and
# "metabolic" (metabolic syndrome's "partly") open many. Where the subject is a name less its
# class word (not "disease": "celiac", "thyroid" keep their reading), the record does not write it
# as a person's name ("Hashimoto's"), and the terminology opens the names of three conditions or
# more besides with it, the subject names no one condition, and the question stays unknown.
# The terminology's names of a record count as its names here: "viral thyroiditis" is a
# terminology name of subacute thyroiditis that no record writes, so "Is viral an allergic
# reaction?" completed "viral" to it and got subacute thyroiditis's "no", though "viral" opens
# the names of dozens of conditions (viral hepatitis, viral meningitis, viral conjunctivitis).
_QUALIFIER_HEADS = ("thyroiditis", "syndrome", "palsy", "phenomenon", "disorder", "condition")
_QUALIFIED_MIN = 3


def _qualifiers(kb: KnowledgeBase) -> dict[str, str]:
    """Words that qualify many names -> the one record whose name they make with a class word
    (the block's comment), built once per knowledge base."""

    def build() -> dict[str, str]:
        stems: dict[str, set[str]] = {}
        possessive: set[str] = set()
        disease: set[str] = set()
        for rec in kb.records.values():
            for n in rec.names:
                words = _key(n).split()
                if len(words) > 1 and words[-1] in _QUALIFIER_HEADS:
                    stems.setdefault(" ".join(words[:-1]), set()).add(rec.id)
                if len(words) > 1 and words[-1] == "disease":
                    disease.add(" ".join(words[:-1]))
                if "'s" in n or "’s" in n:
                    possessive.update(" ".join(words[:k]) for k in range(1, len(words)))
        # a record's terminology names that no record writes ("viral thyroiditis": the block's
        # comment); a stem some record writes keeps the records' own names alone
        own_stems = set(stems)
        for name, ids in kb.terms.names.items():
            words = _key(name).split()
            if len(words) > 1 and words[-1] in _QUALIFIER_HEADS:
                stem = " ".join(words[:-1])
                if stem not in own_stems and not (stem[-1:] == "s" and stem[:-1].strip() in stems):
                    stems.setdefault(stem, set()).update(i for i in ids if kb.record(i))
        stems = {k: v for k, v in stems.items() if v}
        others: dict[str, set[str]] = {k: set() for k in stems}
        longest = max((k.count(" ") + 1 for k in stems), default=0)
        for name, ids in kb.terms.names.items():
            words = name.split()
            for k in range(1, min(longest, len(words) - 1) + 1):
                stem = " ".join(words[:k])
                if stem in others:
                    others[stem].update(ids)
        table = {
            stem: next(iter(rids))
            for stem, rids in stems.items()
            if len(rids) == 1
            and stem not in possessive
            and stem not in disease
            and len(others[stem] - rids) >= _QUALIFIED_MIN
            and not kb.terms.lookup(stem, include_generic=True)
        }
        return table

    return _per_kb("qualifiers", kb, build)


def _a_qualifier_alone(subject: str, kb: KnowledgeBase) -> str | None:
    """Why ``subject`` is a word that qualifies many names rather than one condition's short name
    (the block's comment); else None."""
    rid = _qualifiers(kb).get(_key(subject))
    if rid is None:
        return None
    return (
        f"“{subject.strip()}” qualifies the names of many conditions ({kb.name(rid)} among them) "
        "and names no one of them; write the name out in full"
    )


# -- a short plural that is another name misspelt -----------------------------------------------
# A short name typed with an "s" after it was read as its plural ("hashimotos", "celiacs"), though
# the letters may be another curated name with one letter left out or changed: "is hivs
# contagious" (hives, with its "e" left out) got HIV's "yes". Where the whole subject, as typed, is
# one edit from a curated name of another condition (words of five letters or fewer, where one
# letter is much of the word), it could be either, and the question stays unknown, naming both.


def _a_plural_misspelt(subject: str, ids: list[str], kb: KnowledgeBase) -> str | None:
    """The name of another curated condition one edit from the short ``subject`` read as a
    plural (the block's comment), else None."""
    rf = _rapidfuzz()
    query = _key(subject)
    if rf is None or len(query) > 5 or " " in query or not query.endswith("s"):
        return None
    keys, rids, _shown, _anagrams = _fuzzy_index(kb)
    if query in keys or not set(_exact(query[:-1], kb)) & set(ids):
        return None  # a name as typed ("pots", "mcas"), or no plural of a name
    for key, rid in zip(keys, rids, strict=True):
        if rid not in ids and key != query and rf[1].OSA.distance(query, key) <= 1:
            return kb.name(rid)
    return None


# -- a word beside a name that makes it another condition, or another form of it -----------------
# The last resort of ``match_subject`` found a condition's name inside the subject and answered
# for it whatever stood beside it, where the words were no subtype word (``_SUBTYPE``) and the
# condition's verdict was firm (``_kind_before_a_name`` refuses other words only where the verdict
# is "partly" or "uncertain"). Some words make the name another condition, or a form of it whose
# yes/no can differ, whatever the condition's own verdict:
# * "pseudo", "para", "non", "post" before it: "Is pseudo anaphylaxis an allergy?" got
#   anaphylaxis's "yes" (a reaction like anaphylaxis with no allergy behind it), "Is para
#   influenza contagious?" influenza's "yes" (parainfluenza is another virus), "pseudo-lupus" and
#   "pseudo-Cushing syndrome" lupus's and Cushing's verdicts, "non-autoimmune diabetes" type 1
#   diabetes's "autoimmune: yes", "post-infectious arthritis" septic arthritis's (a reaction
#   after an infection is not the infection);
# * a time of life or a stage with its own answer (the medical word "neonatal" names conditions of
#   their own; "newborn eczema", "eczema in newborns" keep a firm verdict, ``_kind_before_a_name``):
#   "neonatal Graves' disease" and "neonatal myasthenia gravis" (passed from the mother's
#   antibodies, and gone within weeks: Graves's and myasthenia's verdicts, curable above all, do
#   not hold), "tertiary syphilis" and "latent
#   tuberculosis" (not passed on as the early or active disease is: each got "contagious: yes"),
#   "extrapulmonary tuberculosis", "transient", "sporadic" (not inherited where the familial form
#   is), and a cause named with "-induced" ("statin-induced", "exercise-induced");
# * "-like", "type", "mimic" after it: "Is a flu-like illness contagious?" got influenza's "yes",
#   "Is lupus-like disease contagious?" lupus's "no": it is like the condition, not the condition;
#   and "trait", "minor" or "carrier": "Is thalassaemia minor curable?" got thalassemia's "partly" (a
#   carrier has no disease to cure);
# * another allergen before an allergy's name: "almond milk allergy" (a tree nut) got cow's milk
#   allergy's verdicts, as "goat milk allergy" and "coconut milk allergy" would.
# Words that name people, a degree or a place on the body (``_NEUTRAL_BEFORE``: "severe peanut
# allergy", "my son's milk allergy"), and the words of a curated name ("non-celiac gluten
# sensitivity", "post-infectious IBS", "neonatal lupus") keep their reading.
_ANOTHER_FORM_BEFORE = re.compile(
    r"(?:^|[\s(-])(?:pseudo|para|non|post|neonatal|perinatal|transient|sporadic|tertiary|latent|dormant|"
    r"extra[\s-]?pulmonary|[a-z]+[\s-]induced)(?=[\s-]|$)",
    re.I,
)
# a carrier of a condition's gene named after it ("thalassaemia trait / minor", "CF carrier"); one
# vocabulary for this block and for a carrier state the terminology lends a name to
# (``_carrier_state``)
_CARRIER_WORDS = r"traits?|carriers?|carrier\s+state"
_LIKE_AFTER = re.compile(
    r"^\s*(?:-\s*|\s)?(?:like|type|ish|mimic|mimics|mimicking|look[\s-]?alike|lookalike|"
    rf"{_CARRIER_WORDS}|minor)\b",
    re.I,
)
_ALLERGY_NAME = re.compile(r"\ballerg(?:y|ies)\s*$", re.I)


# the words above typed with a slip ("psuedo anaphylaxis", "tertary syphilis", "neonatel Graves'",
# "congentital syphilis"): the same letters in another order from the same first letter, or, in a
# word of seven letters or more, close (``_FUZZY_MIN``) from the same first letter ("latest" is no
# slip for "latent")
_FORM_WORDS = tuple(
    "pseudo neonatal perinatal transient sporadic tertiary latent dormant extrapulmonary "
    "secondary primary idiopathic juvenile acquired congenital familial hereditary inherited".split()
)


def _a_form_word_misspelt(before: str) -> bool:
    """Whether a word of ``before`` is one of ``_FORM_WORDS`` misspelt (the comment above)."""
    rf = _rapidfuzz()
    if rf is None:
        return False
    osa = rf[1].OSA
    for w in re.split(r"[\s-]+", before.lower()):
        if len(w) < 5 or w in _FORM_WORDS:
            continue
        for f in _FORM_WORDS:
            if w[0] == f[0] and (
                _letters(w) == _letters(f)
                or (len(w) >= _LONG_WORD and osa.normalized_similarity(w, f) >= _FUZZY_MIN)
            ):
                return True
    return False


# -- another word joined to a name by a hyphen --------------------------------------------------
# A word joined by a hyphen to the edge of a name makes one longer name of another condition, most
# often two people's names or a name and a sign: "Marinesco-Sjögren syndrome" (an inherited
# disorder of the brain, the eye's lens and muscle) got Sjögren syndrome's "autoimmune: yes",
# "Hashimoto-Pritzker disease" (a self-healing form of Langerhans cell histiocytosis in newborns)
# Hashimoto thyroiditis's, "alopecia-mental retardation syndrome" (inherited) alopecia's
# "contagious: partly", "psoriasis-arthritis" psoriasis's. The last resort of ``match_subject``
# found the name and dropped the word joined to it. A hyphen joins the words of one name, so the
# whole is not the name found; the question stays unknown, naming why. Not a hyphen inside the
# name found ("COVID-19", "Guillain-Barré", "non-Hodgkin"), nor one that joins a number or a
# single letter ("type-2", "HIV-1", which other blocks judge), nor the words of ``_LIKE_AFTER``
# ("lupus-like", judged there), nor words joined before the hyphen that does not touch the name
# ("T-cell lymphoma", "IgE-mediated food allergy"), nor a dash set apart by spaces ("WC - whooping
# cough").
_HYPHEN_JOINED = re.compile(r"[a-z]{2}['’]?s?-$", re.I)
_HYPHEN_JOINED_AFTER = re.compile(
    r"^-(?!(?:like|type|ish|mimic|look|lookalike|trait|carrier|minor)\b)[a-z]{2}", re.I
)


def _another_form_beside(subject: str, start: int, end: int, name: str) -> str | None:
    """Why the words beside the name found at ``subject[start:end]`` make it another condition
    or a form of it whose verdict can differ (the block's comment); else None."""
    before, after = subject[:start], subject[end:]
    if (
        _ANOTHER_FORM_BEFORE.search(before)
        or _LIKE_AFTER.match(after)
        or _a_form_word_misspelt(before)
    ):
        return (
            f"“{subject.strip()}” names another condition than {name}, or a form of it the "
            f"knowledge base has no record of; {name}'s own verdict need not hold for it"
        )
    words = [
        w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
        for w in _HAVING.split(before)[-1].split()
    ]
    if (
        _ALLERGY_NAME.search(subject[start:end])
        and words
        and not all(w in _NEUTRAL_BEFORE for w in words)
    ):
        return (
            f"“{subject.strip()}” may name an allergy to something else than {name} names; "
            f"{name}'s own verdict need not hold for it"
        )
    return None


# -- a caused form asked as the condition ------------------------------------------------------
# A condition brought on by a drug, a toxin or a treatment is another condition than the one it
# looks like: its course, its cause and often its answers differ (it clears once the drug is
# stopped; it is not inherited). The records are about the conditions themselves:
# * a drug or toxin before a name: "Is hydralazine lupus autoimmune?" and "Is minocycline lupus
#   autoimmune?" got lupus's "yes" (drug-induced lupus, which has its own record, is read only
#   under its own name), "lithium psoriasis", "pembrolizumab colitis", "chemo X", "steroid X",
#   "alcoholic X" the named condition's verdicts: the last resort found the name and dropped the
#   word before it. A vaccine in lay words is one too: "Is the shot ITP autoimmune?" got immune
#   thrombocytopenia's "yes" ("jab", "injection", "booster" the same), where "vaccine ITP" was
#   refused; and a name with a vaccine's word right after it is the vaccine ("Is the flu shot
#   X curable?" got influenza's "yes"). A word in a drug's family ending ("-azine", "-cycline", "-mab", "-statin"...),
#   or a word that names a drug, a treatment or a toxin as such (``_CAUSE_BEFORE``), before the
#   name makes the question unknown in every family, naming why.
# * a caused form the terminology lends a record: "Is drug-induced pemphigus autoimmune?" got
#   pemphigus's "yes", "drug-induced gout", "alcohol-induced pancreatitis", "lichenoid drug
#   reaction", "exercise-induced bronchospasm", "glaucoma secondary to eye trauma" their
#   records' verdicts, though ICD-10-CM only files them under the record's code. A name with a
#   cause word (``_CAUSED_WORDS``) none of the record's own names holds stays unknown;
#   "drug-induced lupus" (its own record), "heparin-induced thrombocytopenia" and
#   "aspirin-induced asthma" (the records' own names) keep their reading.
_DRUG_ENDING = (
    r"[a-z]{2,}(?:azine|amide|cycline|mycin|micin|cillin|floxacin|prazole|statins?|pril|sartan|olol|"
    r"dipine|tidine|[iu]mab|ximab|nib|parin|iazid|ytoin|azepine|profen|oxetine|triptan|thiazide|"
    r"semide|dronate|lukast|asone|olone|barbital)"
)
_CAUSE_BEFORE = re.compile(
    rf"(?:^|[\s(])(?:{_DRUG_ENDING}|drugs?|medications?|medicines?|meds|pills?|steroids?|"
    r"corticosteroids?|chemo|chemotherapy|radiation|radiotherapy|immunotherapy|checkpoint|vaccines?|"
    # a vaccine in lay words ("the shot", "the jab", "an injection", "the booster")
    r"shots?|jabs?|injections?|boosters?|"
    r"antibiotics?|lithium|alcohol|alcoholic|iatrogenic|opioids?|cocaine|nicotine|heroin|"
    r"(?:[a-z]+[\s-])?(?:related|associated|triggered|caused|provoked))(?=[\s-]|$)",
    re.I,
)
_CAUSED_WORDS = re.compile(
    r"\b(?:[a-z]+ induced|induced|caused|due to|secondary to|drugs?|medications?|medicaments?|"
    r"alcohol|alcoholic|iatrogenic|radiation|steroids?|vaccin[a-z]*|shots?|jabs?|injections?|boosters?)\b"
)


# a vaccine named by the condition it is for, right after the name: "the flu shot X", "covid jab"
_A_VACCINE_AFTER = re.compile(r"^[\s-]*(?:shots?|jabs?|injections?|boosters?|vaccines?)\b", re.I)


def _a_cause_before(subject: str, start: int, end: int) -> str | None:
    """Why the words before the name found at ``subject[start:end]`` name a drug, a toxin or a
    treatment that brought it on, or the name is a vaccine's ("the flu shot X": the block's
    comment); else None."""
    if _A_VACCINE_AFTER.match(subject[end:]):
        return (
            f"“{subject.strip()}” names a vaccine, not the condition it is for; the knowledge "
            "base's records are about the conditions"
        )
    before = _HAVING.split(subject[:start])[-1]
    if not _CAUSE_BEFORE.search(before):
        return None
    return (
        f"“{subject.strip()}” names a condition brought on by a drug, a toxin or a treatment, "
        "another condition than the one it looks like; the knowledge base has no record of it"
    )


def _a_caused_form_lent(subject: str, ids: list[str], kb: KnowledgeBase) -> str | None:
    """Why the name ``subject``, found exactly, is a caused form lent to a record whose own names
    name no such cause (the block's comment); else None."""
    causes = {m.group() for m in _CAUSED_WORDS.finditer(_key(subject))}
    if not causes:
        return None
    for cid in ids:
        rec = kb.record(cid)
        if rec is None:
            continue
        own = " | ".join(_key(n) for n in (*rec.names, *rec.lay_names, *(rec.british or ())))
        if any(not re.search(rf"\b{re.escape(c)}\b", own) for c in causes):
            return (
                f"“{subject.strip()}” names a form of {rec.name} brought on by a drug, a toxin "
                f"or another cause, and the knowledge base has no record of that form; "
                f"{rec.name}'s own verdict need not hold for it"
            )
    return None


# -- a word before a name that says it is not the condition ---------------------------------------
# "Is fake chickenpox contagious?" got chickenpox's "yes", "Is imitation lupus autoimmune?" and
# "Is psychosomatic lupus autoimmune?" lupus's, "mock", "sham", "phantom", "lookalike" the same:
# the last resort found the name and dropped a word that says what is meant is not the condition
# (something that looks like it, is imagined, or is made up). The question is about that other
# thing, whose answer the condition's verdict does not give ("pseudo", "-like" and "mimic" are
# refused already, ``_ANOTHER_FORM_BEFORE``); it stays unknown, naming why.
# "suspected", "possible" (the reader's doubt about the condition itself) and "so-called" keep
# their reading.
_NOT_THE_NAME_BEFORE = re.compile(
    r"(?:^|\s)(?:fake|faux|mock|sham|imitation|imaginary|imagined|psychosomatic|phantom|hysterical|"
    r"made[\s-]up|simulated|artificial|look[\s-]?alike|copycat|counterfeit|pretend|misdiagnosed)"
    r"(?=\s|$)",
    re.I,
)


def _a_denial_before(subject: str, start: int) -> str | None:
    """Why the words before the name found at ``subject[start:]`` say it is not the condition
    (the block's comment); else None."""
    if not _NOT_THE_NAME_BEFORE.search(_HAVING.split(subject[:start])[-1]):
        return None
    return (
        f"“{subject.strip()}” names something said not to be the condition it names, or to look "
        "like it; the condition's own verdict does not answer for it"
    )


# -- a class read as one of its kinds -----------------------------------------------------------
# The terminology gives some class words the code of one kind: "pancreatitis" is acute
# pancreatitis's ICD-10-CM name, "lymphoma" non-Hodgkin lymphoma's, "lupus erythematosus" cutaneous
# lupus's, "lymphocytic thyroiditis" Hashimoto's. The exact lookup took them as that kind, so "Is
# pancreatitis curable?" got acute pancreatitis's "yes" (chronic pancreatitis is not), "What is
# lymphoma?" "Lymphoma refers to non-Hodgkin lymphoma" (Hodgkin lymphoma is one too), and "What
# is lupus erythematosus?" cutaneous lupus. A subject that ends the curated names of two
# conditions or more, and is none of the found conditions' own names, is their class: wider than
# any one kind, whose verdict need not hold for the others (as ``_suffix`` says of "colitis").
def _class_tails(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The last words of curated names (one word or more, not the whole name) -> the records
    whose names end with them."""

    def build() -> dict[str, frozenset[str]]:
        tails: dict[str, set[str]] = {}
        for rec in kb.records.values():
            for name in rec.names:
                words = _key(name).split()
                for j in range(1, len(words)):
                    tails.setdefault(" ".join(words[j:]), set()).add(rec.id)
        return {k: frozenset(v) for k, v in tails.items()}

    return _per_kb("tails", kb, build)


def _class_kinds(subject: str, ids: list[str], kb: KnowledgeBase) -> frozenset[str]:
    """The kinds of the class ``subject`` names, where the exact lookup found ``ids``, one of
    them, for it (the block's comment); else empty."""
    key = _key(subject)
    if kb.terms.readings(subject.strip()) or kb.terms.readings(subject.strip().upper()):
        return frozenset()  # letters ("AS"), which name what they stand for
    tails = _class_tails(kb)
    kinds = tails.get(key) or (tails.get(key[:-1]) if key.endswith("s") and len(key) > 5 else None)
    if not kinds or len(kinds) < 2:
        return frozenset()
    found = [rec for i in ids if (rec := kb.record(i)) is not None]
    if not found or any(key in {_key(n) for n in rec.names} for rec in found):
        return frozenset()
    if not any(rec.id in kinds for rec in found):
        return frozenset()  # the class's own record ("thyroid": thyroid disease), not a kind
    return kinds


def _one_kind_for_its_class(subject: str, ids: list[str], kb: KnowledgeBase) -> str | None:
    """Why ``ids`` are one kind of the class ``subject`` names (``_class_kinds``); else None."""
    kinds = _class_kinds(subject, ids, kb)
    if not kinds:
        return None
    names = [kb.name(r) for r in sorted(kinds, key=lambda r: (len(kb.name(r)), r))[:3]]
    return (
        f"“{subject}” is wider than {' or '.join(names)}, which the knowledge base holds; one "
        "kind's verdict need not hold for every kind. Name the kind in full"
    )


def _every_kind_agrees(subject: str, predicates: list[str], kb: KnowledgeBase) -> list[str]:
    """The exact lookup's conditions for a class ``subject`` where every kind of the class has
    the same verdict for each asked family ("Is lymphoma contagious?": no kind is), so the one
    kind's verdict answers for the class; else empty. A definition is never the class's."""
    ids = _exact(subject, kb)
    kinds = _class_kinds(subject, ids, kb) if ids else frozenset()
    if not kinds or "definition" in predicates:
        return []
    for family in predicates:
        verdicts = {verdict_for(kb.record(k), family, kb.records, kb.properties) for k in kinds}
        if len(verdicts) != 1 or "unknown" in verdicts:
            return []
    return ids


# -- a word before a name that makes it another condition: a course, a site, a cause, a person --
# The last resort of ``match_subject`` answered for a name found inside the subject whatever
# stood before it, unless the word was a subtype word (``_SUBTYPE``), one of
# ``_ANOTHER_FORM_BEFORE`` or, for a "partly" or "uncertain" verdict, any word not neutral
# (``_kind_before_a_name``). Asked with the Disease Ontology's names and by hand, more words turn
# a firm verdict into an answer to another question:
# * a course or a kind: "benign chronic pemphigus" (Hailey-Hailey disease, inherited) got
#   pemphigus's "autoimmune: yes", "atypical tuberculosis" (germs near TB's, caught from soil and
#   water, not from people) TB's "contagious: yes", "malignant X" names a form of its own;
# * a site or a spread: "cutaneous tuberculosis" and "localized tuberculosis" got TB's "contagious:
#   yes" (TB of the skin, or kept to one place, is rarely passed on; "extrapulmonary" was done);
#   "ocular X" is the eye form, with answers of its own;
# * a cause: "paraneoplastic X" (set off by a cancer), "reactive X", "vaccine-associated X";
# * another person's name before an eponym: "marinesco sjogren syndrome" (an inherited ataxia,
#   which keeps no hyphen when typed) got Sjögren syndrome's "autoimmune: yes". A name is taken
#   as an eponym where the record writes it with a possessive ("Sjögren's syndrome"), and the
#   word before it as another person's name where the terminology uses it in no name of any
#   condition and it names no person or degree (``_NEUTRAL_BEFORE``): evidence inside the
#   package, so the check needs nothing at run time beyond the knowledge base.
# Each stays unknown, naming why. The words of a curated name ("cutaneous lupus", "reactive
# arthritis", "benign essential tremor") are matched whole before the last resort and keep their
# reading.
_ANOTHER_KIND_BEFORE = re.compile(
    r"(?:^|[\s(-])(?:benign|malignant|atypical|paraneoplastic|cutaneous|ocular|locali[sz]ed|"
    r"reactive|vaccine[\s-]?(?:associated|related|derived))(?=[\s-]|$)",
    re.I,
)


def _terminology_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the terminology's names (the words medicine names conditions with)."""
    return _per_kb(
        "words",
        kb,
        lambda: frozenset(w for name in kb.terms.names for w in name.split()),
        owner=kb.terms,
    )


def _name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the curated names, synonyms, lay names and British spellings."""
    return _per_kb(
        "name words", kb, lambda: frozenset(w for k in _fuzzy_index(kb)[0] for w in k.split())
    )


def _an_eponym(found: str, cid: str, kb: KnowledgeBase) -> bool:
    """Whether the name ``found`` opens on a person's name: the record writes that word with a
    possessive ("Sjögren's syndrome")."""
    words = _key(found).split()
    rec = kb.record(cid)
    if not words or rec is None:
        return False
    first = words[0].removesuffix("s")
    return any(("'s" in n or "’s" in n) and first + "s" in _key(n).split() for n in rec.names)


@cache
def _a_person_word() -> re.Pattern:
    """The people a reader names before a condition ("my mom's Crohn's"), possessive or plural
    (``_PEOPLE_WORDS`` is defined further down)."""
    return re.compile(rf"^(?:{_PEOPLE_WORDS}|moms|mums|dads|mothers|fathers|aunts|uncles)$", re.I)


def _another_kind_or_person_before(
    subject: str, start: int, end: int, cid: str, kb: KnowledgeBase
) -> str | None:
    """Why the words before the name found at ``subject[start:end]`` make it another condition
    (the block's comment); else None."""
    name = kb.name(cid)
    if _HYPHEN_JOINED.search(subject[:start]):
        return None  # a word joined by a hyphen is judged where the match is made
    before = _HAVING.split(subject[:start])[-1]
    if _ANOTHER_KIND_BEFORE.search(before):
        return (
            f"“{subject.strip()}” names another condition than {name}, or a form of it the "
            f"knowledge base has no record of; {name}'s own verdict need not hold for it"
        )
    words = _key(before).split()
    if not words or not _an_eponym(subject[start:end], cid, kb):
        return None
    last = words[-1]
    if (
        len(last) >= 4
        and last.isalpha()
        and last not in _NEUTRAL_BEFORE
        and last.removesuffix("s") not in _NEUTRAL_BEFORE
        and not _a_person_word().match(last.removesuffix("s"))
        and not _a_person_word().match(last)
        and last not in _terminology_words(kb)
    ):
        return (
            f"“{subject.strip()}” may name another person's disease than {name}; {name}'s own "
            "verdict need not hold for it"
        )
    return None


# a subtype word beside a name; with the words of a way of inheriting (round 13: "autosomal
# recessive neuromyotonia", an inherited nerve disorder, got Isaacs syndrome's "autoimmune: yes",
# the acquired, antibody-driven form; "X-linked", "dominant" and "recessive" name inherited forms
# as "familial" does)
_SUBTYPE = re.compile(
    r"\b(?:secondary|primary|type\s*\d|idiopathic|juvenile|drug[- ]induced|acquired|congenital|"
    r"familial|hereditary|inherited|childhood|adult[- ]onset|late[- ]onset|early[- ]onset|"
    r"autosomal|[xy][- ]linked|dominant|recessive|dominantly|recessively)\b",
    re.I,
)


def resolve_subject(subject: str, kb: KnowledgeBase) -> list[str]:
    """Concept ids the subject names, best first; empty when the knowledge base has none."""
    return match_subject(subject, kb).ids


# -- negated and framed questions: polarity and framing ---------------------------------------
# "Is eczema not contagious?" was answered "no" (the verdict of "Is eczema contagious?": a reader
# reads "No, it is not 'not contagious'"), and "Is psoriasis no longer considered autoimmune?"
# "yes": the forms took "eczema not" and "psoriasis no longer" as the subject, and the condition
# found inside it was answered. A question whose polarity or framing differs from its family's
# plain question has another yes/no, and stays not understood:
# * negated: "not", "never", "no longer", "n't", "non-contagious" outside a condition's name
#   (``_NEGATED``), except the family's own other side ("or not", "or non-allergic"); a negative
#   question that opens the sentence ("Isn't lupus autoimmune?", "Doesn't X run in families?")
#   expects the same yes/no as the plain question, and is read as it (``_NEGATIVE_OPENING``), as is
#   the plain question asked inside another whose yes/no is its own ("Do you think eczema is
#   contagious?", "Is it true that X is autoimmune?"; not "Is it a myth that ...") (``_EMBEDDED``)
# * framed: a subject that holds a claim about the question ("it a myth that X is", "doctors
#   think X is", "X wrongly called"), a time or stage ("X once thought to", "X still"), a degree or
#   frequency ("X always", "X the most common", "X a little bit"), a clause of its own ("it true
#   that X is") or ends in a verb of naming ("X called", "X misdiagnosed as") (``_FRAMED_SUBJECT``);
#   and, as a net under those lists, a subject whose condition's name is followed by words other
#   than ones that only insist ("X really", "X a real" in "a real allergy") or name people ("X in
#   children", as round 8 decided): "lupus the opposite of", "eczema akin to", "celiac disease close
#   to" (``_AFTER_A_NAME``); the words before a name are left to the matcher (``_SUBTYPE``, animals)
# * past: "Was lupus considered autoimmune?", "Was eczema contagious?" ask what was thought or
#   true then (``_PAST``)
# * hedged or changed: "sort of autoimmune", "kind of contagious" with no article before them (a
#   degree, not "a kind of"), "mostly genetic", "purely genetic", "caused by the immune system
#   alone", "become contagious" (a change), "Will X ever be curable?" (a forecast), a time after
#   the property ("an allergy after age 40", "autoimmune to some degree") (``_HEDGED``,
#   ``_TIME_OR_DEGREE``)
_NEGATIVE_OPENING = re.compile(
    r"^(?:(?P<aux>is|are|was|were|does|do|can|ca|could|will|wo|would)(?:n['’]?t|\s+not)|(?P<cannot>cannot))"
    r"\s+(?=\S)",
    re.I,
)
# "can't", "won't": the auxiliary as written before its "n't"
_CONTRACTED = {"ca": "can", "wo": "will"}
# the property words of the contagious, curable and inherited families (one list for the checks
# below and ``_OTHER_FAMILY_WORD``)
_PROPERTY_WORDS = (
    "contagious|infectious|catching|communicable|transmissible|curable|hereditary|genetic|inherited"
)
_FAMILY_WORDS = rf"(?:{_PROPERTY_WORDS}|allergic|allergy|auto[\s-]?immune|immune[\s-]mediated)"
_NEGATED = re.compile(
    r"\b(?:not|never|no|none|neither|nor|cannot|anymore|nothing|nobody|opposite|contrary|"
    r"anything\s+but|far\s+from|rather\s+than|instead\s+of)\b|n['’]t\b|"
    r"\b(?:isnt|arent|wasnt|werent|doesnt|dont|didnt|cant|couldnt|wont|wouldnt|aint)\b|"
    rf"\b(?:non|un|in|not)[\s-]?{_FAMILY_WORDS}",
    re.I,
)
# the family's own other side, which a negation may name: "or not", "or non-allergic", "yes or no"
_OTHER_SIDE = re.compile(
    r"(?:\s*,)?\s+or\s+(?:is\s+it\s+|are\s+they\s+|will\s+it\s+be\s+|an?\s+)?(?:not|non[\s-]?[\w-]+|no)\b.*$"
    r"|\b(?:an?\s+)?non[\s-]?[\w-]+\s*,?\s+or\s+",
    re.I,
)
_FRAMED_SUBJECT = re.compile(
    # a claim about the question, or who holds it
    r"\b(?:myths?|false|falsely|(?<!\ba\s)true|truth|facts?|rumou?rs?|misconceptions?|tales?|lies|wrong|wrongly|"
    r"incorrect(?:ly)?|mistakes?|mis(?:taken|diagnos|understood|classif|label|nam|categori|characteri|"
    r"conception|information|read|interpret)\w*|reclassified|"
    r"confused|supposed(?:ly)?|alleged(?:ly)?|reportedly|believed?|believes|think|thinks|thought|says?|"
    r"said|claim(?:s|ed)?|proven|proved|sure|certain|doubt|denied|"
    # a time or a stage
    r"still|once|previously|formerly|originally|initially|anymore|already|again|someday|eventually|"
    r"now|nowadays|today|going\s+to|used\s+to|"
    # a degree, a frequency, a comparison
    r"more|less|most|least|mostly|mainly|largely|primarily|predominantly|chiefly|partly|partially|"
    r"somewhat|slightly|bit|half|only|solely|exclusively|purely|always|sometimes|often|usually|"
    r"rarely|seldom|occasionally|typically|normally|mildly|barely|hardly|extremely|fully|completely|"
    r"totally|entirely|worst|kind\s+of|sort\s+of|kinda|sorta|just|merely|simply|percent|than|"
    r"compared|comparison|"
    # a clause of its own
    r"is|are|was|were|be|been|being)\b|%"
    # a verb of naming or judging at its end: the family's word is that verb's complement
    r"|\b(?:called|named|labell?ed|considered|classified|classed|regarded|seen|viewed|known|"
    r"diagnosed|described|listed|counted|treated)(?:\s+(?:as|to\s+be|for|with))?$",
    re.I,
)
_HEDGED = re.compile(
    r"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!\bwhat\s)(?<!\bwhich\s)(?<!\bsome\s)(?<!\bany\s)"
    r"(?<!\bthis\s)(?<!\bthat\s)(?<!\bone\s)\b(?:kind|sort)\s+of\b|\b(?:kinda|sorta)\b|"
    r"\b(?:mostly|mainly|largely|primarily|predominantly|chiefly|purely|solely|exclusively|alone|"
    r"become|becomes|became|becoming|turns?\s+into|turned\s+into)\b|"
    # "caused by the immune system only / failing": a word after the immune system qualifies the
    # cause (the immune form takes one word there)
    # ("an immune system problem / disease / disorder" is the immune family's own noun)
    r"\bimmun(?:e\s+system|e\s+response|ity)\s+(?!(?:problems?|diseases?|disorders?|conditions?|"
    r"illness(?:es)?|issues?|dysfunctions?|deficienc(?:y|ies)|reactions?|responses?)$)\w+$|"
    # "Will psoriasis ever be curable?": whether a cure will be found, a forecast
    r"^will\s+(?:\S+\s+)+?(?:ever\s+)?be\s+(?:(?:ever|fully|completely)\s+)?(?:curable|cured)\b",
    re.I,
)
# "an allergy after age 40", "autoimmune from the start", "autoimmune to some degree": a part not
# judged that is a time or a degree, not what sets the reaction off (``_TRIGGER``)
_TIME_OR_DEGREE = re.compile(
    r"^(?:after|following|from|during|to)\s+(?:the\s+|an?\s+)?(?:age|\d+|puberty|pregnancy|childbirth|"
    r"birth|menopause|childhood|adolescence|adulthood|years?|months?|weeks?|days?|hours?|"
    r"(?:a\s+)?(?:few|couple|several)|diagnosis|onset|now|then|start|beginning|outset|first)\b|"
    r"^to\s+(?:(?:some|an?|a\s+certain|what|any|a\s+(?:large|small|great|lesser|greater))\s+)?"
    r"(?:degree|extent)\b",
    re.I,
)
_PAST = re.compile(r"^(?:was|were)\b", re.I)
# the words a subject may hold after a condition's name: a word that only insists ("autoimmune
# hepatitis really", as ``_HOW_WORD``; "a real" in "Is dog allergy a real allergy?"), "ever" ("Can
# X ever be cured?"), "also", "too", people it is asked about ("eczema in children") and where on
# the body ("eczema on the face"); the words that join conditions are left to ``_conditions``
_AFTER_A_NAME = frozenset(
    "really actually truly technically officially generally medically scientifically clinically "
    "definitely even also too ever itself a an real true genuine actual proper "
    "in among the children kids babies infants toddlers newborns adults teens teenagers women men "
    "boys girls elderly older people "
    "on my your his her their face hands hand feet foot scalp skin legs arms body back neck lips "
    "eyelids ears "
    # the germ behind it: "Is the shingles virus contagious?" keeps shingles' question where it can
    # be caught; ``_another_subject`` refuses the germ of a condition that cannot be
    "virus viruses bacteria bacterium germ germs "
    # a head noun that repeats the kind of the name ("What is CVS syndrome?", "PCH disease") and
    # "caused by" ("Is X caused by an allergy?" asks whether X is an allergic condition)
    "syndrome disease disorder condition caused by".split()
)
_JOINERS = frozenset({"or", "and", "&", ","})
_TOKEN = re.compile(r"[\w'’&-]+|,")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
# "or just an intolerance": the word that belittles another kind (``_OTHER_KIND``) frames nothing
_BELITTLED = re.compile(r"^or\s+(?:just|simply|only|merely)\s+", re.I)


# "Do you think X is P?", "Is it true that X is P?": the plain question inside one whose yes/no is
# the plain question's (a myth, a doubt or who thinks so is not: "Do doctors think ...")
_EMBEDDED = re.compile(
    r"^(?:do\s+you\s+(?:think|know\s+(?:if|whether))|does\s+any(?:one|body)\s+know\s+(?:if|whether)|"
    r"can\s+(?:you|someone|anyone|somebody)\s+tell\s+me\s+(?:if|whether)|"
    r"i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know\s+(?:if|whether)|i\s+(?:wonder|was\s+wondering)\s+"
    r"(?:if|whether)|is\s+it\s+(?:true|correct|right|a\s+fact)\s+that)\s+"
    r"(?P<x>.+?)\s+(?P<aux>is|are|can|could)\s+(?P<rest>.+)$",
    re.I,
)
_AFTER_A_COLON = re.compile(rf"^.*[:;]\s*{_AUX}\s+(?=\S)", re.I)


def _asked_positively(t: str) -> str:
    """ "Isn't lupus autoimmune?" -> "Is lupus autoimmune?": a negative question that opens the
    sentence expects the plain question's yes/no (``_NEGATIVE_OPENING``), as does "Do you think
    lupus is autoimmune?" (``_EMBEDDED``). "Is lupus not autoimmune?", with "not" after the
    subject, is left as written (and stays not understood)."""
    m = _NEGATIVE_OPENING.match(t)
    if m is not None:
        aux = "can" if m.group("cannot") else m.group("aux")
        t = _CONTRACTED.get(aux.lower(), aux) + " " + t[m.end() :]
    if e := _EMBEDDED.match(t):
        t = f"{e.group('aux')} {e.group('x')} {e.group('rest')}"
    return t


def _outside_names(text: str, cue: re.Pattern, kb: KnowledgeBase) -> str:
    """``text`` with each curated condition name in it replaced by "X" (as ``_unnamed``), except a
    name that is itself one of the ``cue`` words: "said" is also the letters of SAID (systemic
    autoinflammatory disease), and "Is psoriasis said to be autoimmune?" names no such thing."""
    for hit in sorted(kb.find(text), key=lambda h: -h.start):
        if cue.fullmatch(text[hit.start : hit.end]):
            continue
        if any(kb.record(c) is not None for c in hit.concept_ids):
            text = text[: hit.start] + "X" + text[hit.end :]
    return text


# -- a question in another language ----------------------------------------------------------
# "es el lupus contagioso", "is lupus contagioso", "lupus hereditario", "is asthma genetico" got
# the English family's verdict: the typo fixer took "contagioso" for "contagious", and the
# other words were dropped as a subject's. healthlens reads English only: it cannot tell a
# negation, a person or a time in another language ("el lupus no es contagioso para el bebé"),
# so a question with a word of another language (a property word, or a short word that English
# never uses: "es", "el", "ist", "est", "der", "nicht") outside a condition's name stays not
# understood. Accents on a name ("Sjögren", "Ménière", "Behçet") are the name's and stay.
_ANOTHER_LANGUAGE = re.compile(
    r"(?<![\w'’-])(?:"
    # short words of Spanish, French, German, Italian, Portuguese, Dutch and Swedish
    r"es|el|los|las|una|est|une|sont|ist|der|das|eine|ein|nicht|sind|und|"
    r"è|é|não|está|een|het|och|är|"
    # their property words
    r"contagios[oa]s?|contagieux|contagieuses?|contagiose?|ansteckend|erblich|vererbbar|"
    r"heredit[aá]ri[oa]s?|h[ée]r[ée]ditaires?|ereditari[oa]|gen[ée]tic[oa]s?|g[ée]n[ée]tiques?|"
    r"genetisch|autoinmunes?|auto-?immunitaires?|autoimmuni|besmettelijk|erfelijk|smittsamt?|"
    r"smitsom|ärftligt?|arvelig|zaraźliw[aey]|dziedziczn[aey]|curabile|heilbar|"
    r"enfermedad|maladie|krankheit|malattia|doença|ziekte"
    r")(?![\w'’-])",
    re.I,
)


def _another_language(t: str, kb: KnowledgeBase) -> bool:
    """Whether ``t`` holds a word of another language outside a condition's name (the block's
    comment)."""
    if not _ANOTHER_LANGUAGE.search(t):
        return False  # cheap: no such word, no need to find the names
    return bool(_ANOTHER_LANGUAGE.search(_outside_names(t, _ANOTHER_LANGUAGE, kb)))


def _negated_or_hedged(t: str, kb: KnowledgeBase) -> bool:
    """Whether the question, outside its conditions' names, is negated (``_NEGATED``, less the
    family's own other side) or hedged (``_HEDGED``)."""
    if _PAST.match(t):
        return True
    if not (_NEGATED.search(t) or _HEDGED.search(t)):
        return False  # cheap: no cue, no need to find the names
    unnamed = _outside_names(t, _NEGATED, kb)
    return bool(
        _NEGATED.search(_OTHER_SIDE.sub(" ", unnamed))
        or _HEDGED.search(_outside_names(t, _HEDGED, kb))
    )


def _framed(subject: str, unjudged: tuple[str, ...], kb: KnowledgeBase) -> bool:
    """Whether a reading's subject, or a part of it not judged, frames the question
    (``_FRAMED_SUBJECT``: "eczema more autoimmune" in "Is eczema more autoimmune or allergic?"),
    or a part not judged is a time or a degree (``_TIME_OR_DEGREE``)."""
    if any(_TIME_OR_DEGREE.match(u) for u in unjudged):
        return True
    unjudged = tuple(_BELITTLED.sub("or ", u) for u in unjudged)
    # "Many readers want to know: is X": the question is the clause after the colon
    subject = _AFTER_A_COLON.sub("", subject)
    for words in (subject, *unjudged):
        if (
            _FRAMED_SUBJECT.search(words)
            and not _exact(words, kb)
            and _FRAMED_SUBJECT.search(_outside_names(words, _FRAMED_SUBJECT, kb))
        ):
            return True
    return _beside_a_name(subject, kb)


def _beside_a_name(subject: str, kb: KnowledgeBase) -> bool:
    """Whether the subject's last condition name is followed by words not ``_AFTER_A_NAME`` and
    the subject resolves to a condition through it (the last resort of ``match_subject``, or a
    typo match that took the words in): "eczema akin to", "lupus the opposite of"."""
    if " " not in subject or _exact(subject, kb):
        return False
    tokens = _TOKEN.findall(_outside_names(subject, _FRAMED_SUBJECT, kb))
    words = [_POSSESSIVE.sub("", w.lower()) for w in tokens]
    if "x" not in words or _JOINERS.intersection(words):
        return False  # no name inside (a typo, or no condition), or several joined
    after = words[len(words) - words[::-1].index("x") :]
    if all(w in _AFTER_A_NAME for w in after):
        return False
    if (hits := kb.find(subject)) and _letters_then_naming_words(
        subject, max(hits, key=lambda h: h.end - h.start)
    ):
        return True  # letters the last resort no longer reads (``_letters_then_naming_words``)
    return bool(match_subject(subject, kb).ids)


def _clean(text: str) -> str:
    t = " ".join(text.strip().split())
    t = _LEAD.sub("", t).rstrip(" ?.!")
    return _asked_positively(t)  # "Isn't X P?" is "Is X P?" (negated and framed questions)


def _subject(raw: str) -> str:
    return _ARTICLE.sub("", raw.strip(_QUOTES)).strip(_QUOTES)


# -- a link between two named conditions: recognised, not judged -----------------------------
# "Is PCOS linked to Hashimoto's disease?": healthlens judges whether one condition is linked to
# autoimmune disease in general, not whether two conditions are linked to each other; the answer
# says so and what the knowledge base records between them (``Question.link_between``)
_LINKED = r"(?:linked|related|connected|associated|tied|correlated)\s+(?:to|with)"
_PAIR: list[re.Pattern] = [
    re.compile(
        rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:{_LINKED}|{_SIGN_OF}|(?:an?\s+)?risk\s+factor\s+for|"
        r"at\s+(?:a\s+)?(?:higher|greater|increased|raised)\s+risk\s+(?:of|for))\s+(?P<y>.+?)$",
        re.I,
    ),
    re.compile(
        r"^(?:does|do|can|could|will|would|might|may)\s+(?:having\s+)?(?P<x>.+?)\s+(?:raise|increase|raises|increases)\s+"
        r"(?:the\s+|your\s+|my\s+|a\s+person'?s\s+|one'?s\s+)?(?:risk|chances?|odds)\s+(?:of|for)\s+(?:getting\s+|developing\s+)?(?P<y>.+?)$",
        re.I,
    ),
    re.compile(
        r"^(?:is|are)\s+there\s+(?:an?\s+|any\s+)?(?:link|connection|association|relationship|correlation)s?\s+"
        r"between\s+(?P<x>.+?)\s+and\s+(?P<y>.+?)$",
        re.I,
    ),
]


# words one of _PAIR holds
_PAIR_CUES = (
    "link",
    "relat",
    "connect",
    "associat",
    "tied",
    "correlat",
    "sign",
    "symptom",
    "marker",
    "indicator",
    "risk",
    "chance",
    "odds",
)


def _pair(t: str, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The two conditions a question asks to be linked ("Is PCOS linked to Hashimoto's?"), as
    concept ids; None when it is no such question or either name is no condition."""
    low = t.lower()
    if not any(word in low for word in _PAIR_CUES):
        return None
    for pattern in _PAIR:
        m = pattern.match(t)
        if not m:
            continue
        x, y = _subject(m.group("x")), _subject(m.group("y"))
        if not (_names_something(x) and _names_something(y)):
            continue
        xs, ys = match_subject(x, kb, inside=False).ids, match_subject(y, kb, inside=False).ids
        if xs and ys and xs[0] != ys[0]:
            return _best(xs, kb) or xs[0], _best(ys, kb) or ys[0]
    return None


def _names_something(subject: str) -> bool:
    """Not a question word ("what is" in "what is an autoimmune disease") nor a bare article
    ("the" in "Does the immune system attack the body?")."""
    return (
        not _INTERROGATIVE.match(subject)
        and not _BARE.match(subject)
        and not _POINTS_ELSEWHERE.match(subject)
    )


_BARE = re.compile(r"^(?:the|an?|my|your|our|their|his|her|its|this|that|these|those)$", re.I)
# "it too" in "My mum has X, will I get it too?": a word that points back, and says the reader
# would have it as well, names no condition (a personal forecast). A bare "it" stays a subject:
# "Is it autoimmune?" under a heading is read by the claims with the condition just named
_POINTS_ELSEWHERE = re.compile(
    r"^(?:it|they|them|this|that|one)\s+(?:too|also|as\s+well|either)$",
    re.I,
)
# a bare pronoun: in a clause after other words ("My X went into remission, is it cured?") it points
# into them, at the reader's own case, and the question is not the family's
_PRONOUN = re.compile(r"^(?:it|they|them|this|that)$", re.I)


def _compound(t: str) -> tuple[list[str], str, tuple[str, ...]] | None:
    """(predicates, subject, parts not judged) of a compound or qualified question; None when
    ``t`` is neither (a plain "Is X an allergy?" is left to the forms)."""
    low = t.lower()
    if not any(word in low for word in _CUES):
        return None  # cheap: no property word, no compound or qualified question
    m = _COMPOUND.match(t)
    if not m:
        return None
    families, unjudged = [], []
    for key, lead in (("a", ""), ("b", "or ")):
        phrase = m.group(key)
        if phrase is None:
            continue
        family = _phrase_family(phrase)
        trigger = m.group("t" + key)
        if family is None:
            unjudged.append(lead + phrase)  # another kind of condition: named, not judged
        elif family not in families:
            families.append(family)
        if trigger:
            if family not in _TRIGGERED:
                return None  # "contagious to dogs" is not "contagious"
            unjudged.append(trigger.strip())
    if not families or (len(families) == 1 and not unjudged):
        return None
    subject = _subject(m.group("x"))
    if not subject or not _names_something(subject):
        return None
    return families, subject, tuple(unjudged)


# -- the two sides of a family's own question --------------------------------------------------
# "Is X curable or permanent?", "Is X allergic or non-allergic?", "Is X permanent or curable?": one
# side is the family's own word, the other its "or not", so the question is the family's, read
# without the other side. "Is X permanent or can it be reversed?" has no side in the family's
# words (reversal, as remission, is not a cure) and stays not understood.
_OPPOSITES: tuple[tuple[str, str, str], ...] = (
    # (family, its own words, their opposites)
    ("curable", r"curable|cured", r"permanent|life[\s-]?long|for\s+life|incurable"),
    ("allergy", r"allergic|an?\s+allergy|allergies", r"non[\s-]?allergic"),
    ("autoimmune", _AUTOIMMUNE, rf"non[\s-]?{_AUTOIMMUNE}"),
    ("contagious", r"contagious|infectious", r"non[\s-]?(?:contagious|infectious)"),
    ("inherited", r"hereditary|genetic|inherited", r"non[\s-]?(?:hereditary|genetic|inherited)"),
)
_SIDES: list[tuple[str, re.Pattern]] = [
    (
        family,
        re.compile(
            # own side first: "Is X curable or is it permanent?", "... or not curable?"
            rf"^(?P<q>.+?\b(?P<own>{own}))(?P<n1>{_NOUN})\s*,?\s+or\s+(?:is\s+it\s+|will\s+it\s+be\s+|an?\s+)?"
            rf"(?:{other}|not(?:\s+(?:{own}))?)(?P<n2>{_NOUN})$"
            # the opposite first: "Is X permanent or curable?"
            rf"|^(?P<q2>.+?)\s+(?:an?\s+)?(?:{other})(?P<n3>{_NOUN})\s*,?\s+or\s+(?P<own2>{own})(?P<n4>{_NOUN})$",
            re.I,
        ),
    )
    for family, own, other in _OPPOSITES
]
# "Is X curable or will it come back?", "Can X be reversed or cured?": the curable question beside
# a part it does not settle (a cured condition may come back; a reversed one, in remission, is not
# cured): the curable question is answered and the rest named as not judged (``unjudged``)
_CURE_BESIDE: list[re.Pattern] = [
    re.compile(
        rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:curable|cured)\s*,?\s+"
        r"(?P<u>or\s+(?:will|does|can|could|would|might)\s+it\s+(?:(?:always|ever|just)\s+)?"
        r"(?:come\s+back|return|recur|keep\s+(?:coming\s+back|returning)))$",
        re.I,
    ),
    re.compile(
        r"^(?:can|could|will)\s+(?P<x>.+?)\s+(?:ever\s+)?be\s+(?:(?P<u>reversed)\s+or\s+(?:be\s+)?(?:cured|healed)|"
        r"(?:cured|healed)\s+or\s+(?:be\s+)?(?P<u2>reversed))(?:\s+(?:completely|permanently|for\s+good))?$",
        re.I,
    ),
]


# "Is X an autoimmune kidney disease?": the autoimmune question with an organ named, a second
# claim ("yes" to "Is psoriasis an autoimmune kidney disease?" would be wrong). It is read as the
# autoimmune question only where the knowledge base places X in that organ: one of its ICD-10-CM
# codes in the organ's blocks, or the organ's root in one of its names ("lupus nephritis", coded
# under lupus); elsewhere it stays not understood. Each organ: (its words, ICD-10-CM blocks,
# roots of condition names). "immune inflammatory" is no organ and stays not understood too:
# inflammation wider than the immune family (metabolic syndrome's low-grade inflammation) is
# what pages answer, and the immune family's "no" would answer another question.
_ORGANS: tuple[tuple[str, tuple[tuple[str, str], ...], str], ...] = (
    (r"kidneys?|renal", (("N00", "N29"),), r"nephr|renal|kidney|glomerul"),
    (r"liver|hepatic", (("K70", "K77"),), r"hepat|liver|biliary|cholang"),
    (r"skin|dermatologic(?:al)?|cutaneous", (("L00", "L99"),), r"derm|skin|cutaneous"),
    (r"thyroid", (("E00", "E07"),), r"thyroid"),
    (r"blood", (("D50", "D77"),), r"an(?:a)?emi|cytopeni|h(?:a)?emoly"),
    (
        r"nerves?|neurologic(?:al)?|nervous[\s-]+system|brain|neuromuscular",
        (("G00", "G99"),),
        r"neur|enceph",
    ),
    (r"joints?", (("M00", "M25"), ("M45", "M49")), r"arthr|spondyl"),
    (
        r"muscles?|muscular",
        (("M33", "M33"), ("M60", "M63"), ("G70", "G73")),
        r"myosit|myopath|myasthen",
    ),
    (r"eyes?|ocular", (("H00", "H59"),), r"uveit|ocul|optic|keratit|retin|conjunctiv"),
    (r"lungs?|pulmonary|respiratory|airways?", (("J00", "J99"),), r"pulmon|pneum|lung|bronch"),
    (
        r"bowel|gut|intestinal|intestines?|digestive|gastrointestinal|gi|stomach|colon",
        (("K00", "K95"),),
        r"colit|enter|bowel|gastr|ileit|c(?:o)?eliac",
    ),
    (r"heart|cardiac", (("I00", "I52"),), r"card"),
    (r"connective[\s-]+tissue", (("M30", "M36"),), r"connective\s+tissue"),
    # "an autoimmune blistering disease": a feature, placed as strictly as an organ (ICD-10-CM's
    # bullous disorders, or a blistering root in a name)
    (r"blistering|bullous", (("L10", "L14"),), r"pemphig|bullous|blister|herpetiformis"),
)
_ORGAN_WORDS = "|".join(f"(?:{words})" for words, _, _ in _ORGANS)
_ORGAN_FORM = re.compile(
    rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:(?:considered|classified|classed|counted|regarded|seen)\s+(?:as\s+)?)?"
    rf"{_KIND}{_AUTOIMMUNE}(?:\s+(?P<organ>{_ORGAN_WORDS}){_NOUN}|{_NOUN}\s+(?:of|in|affecting|that\s+(?:affects|attacks))"
    rf"\s+(?:the\s+)?(?P<organ2>{_ORGAN_WORDS}))$",
    re.I,
)


# "Is X passed from parents to kids?": a bare "passed" (or "transmitted") is the contagious
# family's verb too (a mother can pass an infection to her baby at birth), so parent to child
# is the inherited question only where the knowledge base says X cannot be caught from another
# person; elsewhere it stays not understood. "Passed down", heredity's own phrase, is read by the
# forms. A parent named ("from the mother", "from both parents") asks which parent: not matched.
_PARENT_TO_CHILD = re.compile(
    rf"^{_AUX}\s+(?P<x>.+?){_BE}\s+(?:passed|transmitted|transferred|handed)\s+"
    rf"(?:from\s+{_A_PARENT}\s+to\s+(?:(?:their|the|your|his|her)\s+)?"
    r"(?:children|child|kids?|offspring|babies|baby)|"
    # "Can X be passed to children?": no parent named, the reader's own or anyone's children
    r"(?:on\s+|down\s+)?to\s+(?:(?:their|the|your|his|her|my|our|one'?s)\s+)?(?:children|child|kids?|offspring|babies|baby)|"
    r"(?:from\s+)?(?:one\s+)?generation\s+to\s+generation)$",
    re.I,
)


# "Can my kids get psoriasis from me?", "Could I pass my lupus on to my daughter?": the reader's
# own condition reaching the reader's child, the same two-way question as "passed from parents to
# kids" (read as "Is psoriasis contagious?" before, whose "No" answers another question). "Will my
# kids get my psoriasis?" asks for a forecast, as "Will my kids get psoriasis if I have it?" does:
# a "yes" to "is it inherited" would read "they will", so it stays not understood
_MINE_TO_MY_CHILD = re.compile(
    rf"^(?P<aux>will|would|can|could|might|may|do|does|is|are)\s+(?:my|our)\s+(?:(?:future|unborn)\s+)?{_KIN}\s+"
    r"(?:ever\s+|also\s+|likely\s+)?(?:(?:going\s+to|likely\s+to)\s+)?(?:get|develop|have|end\s+up\s+with)\s+"
    r"(?:(?:my|our)\s+(?P<x>.+?)|(?P<x2>.+?)\s+from\s+(?:me|us))(?:\s+too|\s+as\s+well)?$|"
    r"^(?P<aux3>will|would|can|could|might|may)\s+(?:i|we)\s+(?:give|pass(?:\s+on)?)\s+(?:(?:my|our)\s+)?(?P<x3>.+?)\s+"
    rf"(?:on\s+)?to\s+(?:my|our)\s+(?:(?:future|unborn)\s+)?{_KIN}$",
    re.I,
)
# "Can kids get psoriasis?", "Can you get eczema?": "get" with no one to get it from asks whether
# someone can have the condition at all; only where it can be caught is that the contagious
# question ("Can toddlers get head lice?")
_GETS_IT = re.compile(
    r"^(?:can|could|do|does|will|would)\s+(?:you|i|one|people|someone|somebody|a\s+person|kids|children|"
    r"(?:my|our)\s+(?:kids?|children|child|sons?|daughters?|baby|toddler)|"
    r"an?\s+(?:baby|child|kid|toddler|infant|newborn)|babies|infants|toddlers|adults|teens|teenagers|women|men)\s+"
    r"(?:ever\s+)?(?:get|develop|have)\s+(?P<x>(?:(?!\sfrom\s).)+?)$",
    re.I,
)
# what ``_parent_to_child_reading`` returns for a question that must stay not understood
_NO_READING: tuple[list[str], str, tuple[str, ...]] = ([], "", ())
_FORECAST_AUX = frozenset({"will", "would", "is", "are"})


def _condition_of(subject: str, kb: KnowledgeBase) -> str | None:
    """The condition ``subject`` names (its best reading), or None."""
    return _best(match_subject(_subject(subject), kb).ids, kb)


def _verdict_of(subject: str, family: str, kb: KnowledgeBase) -> str | None:
    """The knowledge base's ``family`` verdict for the condition ``subject`` names, or None."""
    cid = _condition_of(subject, kb)
    verdict = kb.property(cid, family) if cid is not None else None
    return verdict.verdict if verdict is not None else None


def _parent_to_child_reading(
    t: str, kb: KnowledgeBase
) -> tuple[list[str], str, tuple[str, ...]] | None:
    """The inherited reading of "Is X passed from parents to kids?" and "Can my kids get X from
    me?" where the knowledge base says X is not contagious; ``_NO_READING`` where such a question
    asks a forecast ("Will my kids get my X?") or whether anyone can have X at all ("Can kids get
    X?") about an X that cannot be caught; else None (``_PARENT_TO_CHILD``, ``_MINE_TO_MY_CHILD``,
    ``_GETS_IT``)."""
    low = t.lower()
    if not any(
        w in low for w in ("pass", "transmit", "hand", "get", "give", "develop", "have", "end up")
    ):
        return None
    raw, forecast, bare = None, False, False
    if m := _PARENT_TO_CHILD.match(t):
        raw = m.group("x")
    elif mine := _MINE_TO_MY_CHILD.match(t):
        raw = mine.group("x") or mine.group("x2") or mine.group("x3")
        forecast = (mine.group("aux") or mine.group("aux3") or "").lower() in _FORECAST_AUX
    elif bare_get := _GETS_IT.match(t):
        raw, bare = bare_get.group("x"), True
    if not raw or not (subject := _subject(raw)) or not _names_something(subject):
        return None
    if (caught := _verdict_of(subject, "contagious", kb)) != "no":
        if caught in ("partly", "uncertain") and (
            bare or _verdict_of(subject, "inherited", kb) not in (None, "no")
        ):
            # "Can my daughter get my alopecia?": some kinds are caught, some inherited, and the
            # two families' answers differ; which the reader means is not said. "Can kids get
            # hair loss?" asks whether they can have it at all, which "partly caught" does not
            # answer (only a "yes" answers both)
            return _NO_READING
        return None
    if forecast or bare:
        return _NO_READING
    return ["inherited"], subject, ()


# -- who and which: other sources, other people, other conditions -------------------------------
# (one block: the questions below were each answered as another question before)
#
# "Can you catch X from Y?": the contagious family asks whether X passes from one person to
# another, so Y must be a person. Any other source asks another question, whose answer may be the
# reverse of the family's: "Can you catch Lyme disease from a tick?" ("no, not contagious" read
# as "not from a tick"), "Can you get HIV from kissing?", "... from a mosquito?" (a route: "yes,
# contagious" read as "yes, by kissing"), "Can you catch measles from the vaccine?", "Can you get
# eczema from stress?" (a trigger), "Can you get chickenpox from a dog?" (an animal: "yes" read as
# "yes, from a dog"), "Can my baby catch chickenpox from my shingles?" (another condition). A person
# with another condition ("from someone with the flu" for Guillain-Barré) asks whether the one
# leads to the other.
_CATCH_FROM = re.compile(
    r"^(?:can|could|do|does|will|would|might|may)\s+(?P<who>.+?)\s+(?:catch|get|contract|pick\s+up)\s+"
    r"(?P<x>.+?)\s+from\s+(?P<src>.+?)$",
    re.I,
)
_PEOPLE_WORDS = (
    r"person|people|persons|someone|somebody|anyone|anybody|others|human|humans|individuals?|"
    r"partners?|spouses?|husbands?|wi(?:fe|ves)|boyfriends?|girlfriends?|friends?|kids?|child|children|"
    r"sons?|daughters?|bab(?:y|ies)|toddlers?|infants?|siblings?|brothers?|sisters?|classmates?|"
    r"co-?workers?|colleagues?|roommates?|flatmates?|grandchild(?:ren)?|grandsons?|granddaughters?|"
    r"grandkids?|grandparents?|grandma|grandpa|grandmother|grandfather|relatives?|cousins?|teachers?|"
    r"family\s+members?|family|patients?|carriers?|parents?|mother|father|mom|mum|dad|aunt|uncle|"
    r"nephew|niece|students?|neighbou?rs?|guests?|visitors?|teammates?"
    # no animal: the contagious verdict is about people, and "Can you get chickenpox from a dog?"
    # got its "yes" (an animal that passes a condition to people is a question the knowledge base
    # records only where a record names a pet as a source, as tinea's does: ``_caught_from_a_pet``)
)
_PERSON_SOURCE = re.compile(
    r"^(?:me|us|him|her|them|you|each\s+other|one\s+another|other\s+people|"
    r"(?:(?:an?|the|my|your|his|her|their|our|one'?s|another|other|some|any)\s+)?"
    r"(?:(?:infected|sick|ill|contagious|close|other|older|younger|little|new|same)\s+)?"
    rf"(?:{_PEOPLE_WORDS})(?:['’]s?(?:\s+(?:{_PEOPLE_WORDS}))?)?)"
    r"(?:\s+(?:with|who\s+(?:has|have|had|is\s+sick\s+with))\s+(?P<with>.+?))?"
    r"(?:\s+(?:too|as\s+well|again))?$",
    re.I,
)
# "Can my siblings get my celiac?": the reader's own condition reaching a brother, a sister or
# the family is no inheritance from the reader (only a descendant inherits from the reader), and
# where it cannot be caught "not contagious" would read "they will not get it", though they share
# the reader's genes
_SIBLING_GETS_MINE = re.compile(
    r"^(?:will|would|can|could|might|may|do|does)\s+(?:my|our)\s+(?:(?:twin|older|younger|little|big)\s+)?"
    r"(?:siblings?|brothers?|sisters?|family(?:\s+members?)?|relatives?|cousins?|twins?)\s+"
    r"(?:ever\s+|also\s+)?(?:get|catch|develop|have|inherit)\s+(?:my|our)\s+",
    re.I,
)
# "Can I pass my thyroid disease to my baby?", "Can Graves disease be passed to the baby?": a
# mother passes some conditions to her baby in pregnancy, at birth or in breast milk by other
# means than genes (her antibodies cross the placenta and give the newborn a passing form of
# Graves' disease or lupus; infections pass at birth), so "inherited" answers another question
_TO_THE_BABY = re.compile(
    r"\b(?:pass\w*|transmit\w*|transferr?\w*|give|given|handed)\b.*\bto\s+(?:(?:my|the|your|her|our|their|a)\s+)?"
    r"(?:(?:unborn|newborn|new)\s+)?baby\b|\b(?:pregnan\w*|womb|placenta|at\s+birth|during\s+(?:labou?r|delivery|birth)|"
    r"breast[\s-]?(?:feed\w*|milk)|nursing)\b",
    re.I,
)


def _from_another_source(t: str, kb: KnowledgeBase) -> bool:
    """Whether ``t`` is "Can you catch X from Y?" with Y no person, or a person with another
    condition (``_CATCH_FROM``, ``_PERSON_SOURCE``)."""
    if " from " not in t.lower():
        return False
    m = _CATCH_FROM.match(t)
    if m is None:
        return False
    src = _PERSON_SOURCE.match(m.group("src"))
    if src is None:
        # "from your genes", "from your parents' genes": heredity's own source (the inherited form)
        return not re.search(r"\b(?:genes?|genetics|dna|bloodline)$", m.group("src"), re.I)
    other = src.group("with")
    if other is None or re.fullmatch(r"(?:it|that|this|the\s+same(?:\s+thing)?)", other, re.I):
        return False
    # "from someone with shingles" for shingles is the family's question; any other words ("with
    # the flu", "with no symptoms": a time, as "before the spots appear") are not
    x = _condition_of(m.group("x"), kb)
    return x is None or _best(match_subject(_subject(other), kb, inside=False).ids, kb) != x


# "Can you catch the flu from your dad?", "Can you get chickenpox from your mother?": the
# inherited form's "from your parents" is heredity only for a condition that cannot be caught;
# for one that can, the "no, not inherited" answers another question (a parent is a person to
# catch it from)
_FROM_A_PARENT = re.compile(
    r"^(?:can|could|do|does)\s+.+?\s+(?:get|catch)\s+(?P<x>.+?)\s+from\s+(?:your\s+|their\s+|my\s+|his\s+|her\s+|"
    r"its\s+|a\s+|the\s+)?(?:parents?|mother|father|mom|mum|dad|family|grandparents?)$",
    re.I,
)


def _one_parent_passes_it(subject: str, kb: KnowledgeBase) -> bool:
    """Whether the knowledge base says the condition ``subject`` names is passed on in a dominant
    pattern only (no X-linked or recessive form), so one parent who has it can pass it on."""
    cid = _condition_of(subject, kb)
    record = kb.record(cid) if cid is not None else None
    verdict = kb.property(cid, "inherited") if cid is not None else None
    if record is None or verdict is None:
        return False
    text = f"{record.reason} {verdict.reason}".lower()
    return "dominant" in text and "recessive" not in text and "x-linked" not in text


def _caught(subject: str, kb: KnowledgeBase) -> bool:
    """Whether the knowledge base says the condition ``subject`` names can be caught (its
    contagious verdict is anything but "no")."""
    return _verdict_of(subject, "contagious", kb) not in (None, "no")


def _asks_another_question(
    t: str, readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> bool:
    """Whether every reading of ``t`` must be dropped: it asks about a source, a person or a
    time the family's verdict does not answer (see the block's comment)."""
    if not readings:
        return False
    first = readings[0][0][0] if readings[0][0] else None
    if first == "contagious" and _from_another_source(t, kb):
        return True
    if first == "inherited" and (_SIBLING_GETS_MINE.match(t) or _TO_THE_BABY.search(t)):
        return True
    # from a parent, where X can be caught; "Can you catch the flu from your dad?" is read as
    # contagious ("catch" is no inherited form: the comment at that form) and stays unknown in
    # the same way (tests/test_question_who_and_which.py)
    if (
        (first == "inherited" or (first == "contagious" and _CATCH.search(t)))
        and (m := _FROM_A_PARENT.match(t))
        and _caught(m.group("x"), kb)
    ):
        return True
    # the reader as the one parent ("Can my son inherit hemophilia from me?"): the block's comment
    if (
        first == "inherited"
        and _FROM_ME.search(t)
        and _verdict_of(readings[0][1], "inherited", kb) == "yes"
        and not _one_parent_passes_it(readings[0][1], kb)
    ):
        return True
    # which relative passes it on (the block's comment below)
    # (any reading: "Can you get peanut allergy from your mom?" read "an allergy from your mom"
    # first)
    return bool(
        any(p[:1] in (["inherited"], ["contagious"]) for p, _, _ in readings)
        and _ONE_RELATIVE.search(t)
        and not _CATCH.search(t)
    )


# -- verbs of getting and giving: growing out of it, a baby from its mother, forecasts ----------
# (one block: the questions below were each answered as another question before)
#
# * Outgrowing: "Do kids outgrow asthma?", "Can you outgrow migraines?", "Will my son grow out of
#   hay fever?" got curable's "No ... cannot be cured", and "Can a child outgrow EoE?" its "No".
#   Growing out of a condition is its going away with age, often for a while, which is no cure:
#   the curable verdict (cured, or gone for good in most people, with treatment or on its own;
#   docs/knowledge-schema.md) answers another question, and no record field says whether
#   children outgrow it. Outgrowing, and going away "by adulthood" / "when they get older" /
#   "with age", stay unknown in every family (``_OUTGROWS``); "Is X curable?", "Can kids be
#   cured of X?" and "Does X go away?" keep the verdict.
# * A baby from its mother: "Can my baby get lupus from me?", "Can a baby get Graves' disease
#   from its mother?" got inherited's "partly" (and "Can a newborn get lupus from mum?" would get
#   contagious "no"), though a mother passes some conditions to her baby by neither genes nor
#   contagion: her antibodies cross the placenta (neonatal lupus, neonatal Graves', passing
#   myasthenia, low platelets), and infections pass at birth. Where the question says neither
#   genes ("inherit", "genetic") nor catching ("catch"), a baby, newborn, infant or unborn child
#   getting X from its mother or from the reader stays unknown, unless X can be caught as a rule
#   (contagious "yes": "Can my baby get the flu from me?" is so, by any route). "Can my baby
#   inherit lupus from me?", "Can a baby catch eczema from mum?" and "Can my kids get psoriasis
#   from me?" (children, whose question is genes) keep their readings (``_A_BABY_FROM_MOTHER``).
#   Passed or given "to babies" is the same question ("Can Graves disease be passed to babies?"
#   got inherited's "partly"; "to the baby" was refused already, ``_TO_THE_BABY``), where
#   "contagious to babies" asks whether babies catch it and keeps its verdict.
#   "from its mother" is one parent named, as "from your mother" is (``_ONE_RELATIVE``), and a
#   parent or relative named is refused whichever reading comes first ("Can you get peanut
#   allergy from your mom?" got "partly": its first reading was "an allergy from your mom").
# * Forecasts: "Will my kids get chickenpox?", "Will I catch the flu from my kids?", "Will the
#   flu spread?" got contagious "Yes", which reads "they will", "you will", "it will"; whether
#   it can pass from person to person is another question. A forecast ("will", "would") of
#   getting, catching or spreading X keeps a contagious verdict only where it is "no" (what
#   cannot be caught will not be caught: "Will my husband catch lupus from me?") (``_FORECAST``).
#   "Will cystic fibrosis be passed on to my children?" got inherited's "Yes" ("they will", where
#   a recessive gene needs both parents), as "Will my kids get my psoriasis?" was refused
#   already: a forecast of passing X on, without "inherit", stays unknown in the inherited family.
# * "Can you get the flu from genetics?" got contagious "yes" ("from your genes" was read as
#   inherited, "from genetics" and "from DNA" were not): now the inherited form's source.
# * "Can lupus be passed between family members?" got contagious "no", which reads "it does not
#   pass in families", though it runs in them: passing or spreading within a family, without
#   "catch" or "contagious", keeps a contagious verdict only where it is "yes" (``_IN_A_FAMILY``).
# * "Can you get chickenpox from someone who had it?" got contagious "yes", which reads "yes, from
#   someone who had it", though one who had it and got better passes nothing on: a time, as
#   "before the spots appear" is. A source who had X (in the past) keeps only a contagious "no"
#   (``_WHO_HAD_IT``); "from someone who has it" keeps its verdict.
# * "Is lupus caught or inherited?", "Is the flu caught or genetic?" got only the inherited verdict
#   ("caught" is no contagious form's word, so the either/or was read as "Is <X caught or>
#   inherited?"), whose one side reads as the other's denial; "Is lupus inherited or caught?"
#   was not understood. Both orders stay unknown (``_CAUGHT_OR_INHERITED``); "Is lupus
#   contagious / catching or genetic?" asks both families and gets both answers.
_OUTGROWS = re.compile(
    r"\b(?:outgr[eo]w\w*|out[\s-]grow\w*|gr[eo]w(?:s|n|ing)?\s+out\s+of)\b|"
    r"\b(?:by|until|before)\s+(?:adulthood|adolescence|puberty|(?:the\s+)?teen(?:age)?\s*(?:years|s)?)\b|"
    r"\b(?:when|as|once)\s+(?:they|he|she|you|i|we|kids|children|babies|my\s+\w+)\s+(?:get|gets|grow|grows|are|is)\s+"
    r"(?:older|up|bigger)\b|"
    # "in adulthood", "with age" only after going away ("Is acne in teens contagious?" is no
    # question of outgrowing)
    r"\b(?:go(?:es)?\s+away|clears?\s+up|disappears?|resolves?|stops?|get\s+better)\b.*?"
    r"\b(?:(?:in|into|at|during|after)\s+(?:adulthood|adolescence|puberty|(?:the\s+)?teen(?:age)?\s*(?:years|s)?)|"
    r"with\s+age)\b",
    re.I,
)
_A_BABY_FROM_MOTHER = re.compile(
    r"\b(?:bab(?:y|ies)|newborns?|infants?|fo?etus(?:es)?)\b.*?\b(?:get|gets|getting|got|develop|develops|have|has|"
    r"be\s+born\s+with|end\s+up\s+with)\b.+?\bfrom\s+(?:me|us|(?:(?:its|their|his|her|the|my|your|our|a)\s+)?"
    r"(?:mother|mothers|mom|moms|mum|mums|mommy|mummy|mama|parents?))\b",
    re.I,
)
_PASSED_TO_BABIES = re.compile(
    r"\b(?:pass\w*|transmit\w*|transferr?\w*|give|given|gives|handed|hand)\b.*?\bto\s+"
    r"(?:(?:their|the|your|her|our|my|unborn|newborn)\s+)*(?:babies|newborns|infants|fo?etus(?:es)?)\b",
    re.I,
)
_FORECAST = re.compile(
    r"^(?:will|would|shall)\b.*\b(?:get|gets|catch|catches|develop|contract|spread|spreads|pass|passed|"
    r"give|given|handed|transmitted|transferred)\b",
    re.I,
)
_IN_A_FAMILY = re.compile(
    r"\b(?:between|among(?:st)?|within|in|around|through(?:out)?)\s+(?:(?:the|a|your|my|our|their)\s+)?"
    r"famil(?:y|ies)(?:\s+members?)?\b",
    re.I,
)
_WHO_HAD_IT = re.compile(
    r"\bfrom\s+(?:someone|somebody|a\s+person|people|persons|anyone|anybody|others?|(?:a|my|your)\s+\w+)\s+"
    r"(?:who|that)\s+(?:had|has\s+had|have\s+had|used\s+to\s+have|recovered\s+from|got\s+over|"
    r"(?:has|have)\s+(?:recovered|got(?:ten)?\s+over))\b",
    re.I,
)
_CAUGHT_OR_INHERITED = re.compile(
    r"\b(?:caught|catchable)\s+or\s+(?:is\s+it\s+)?(?:inherited|genetic|hereditary|passed\s+down)\b|"
    r"\b(?:inherited|genetic|hereditary|passed\s+down)\s+or\s+(?:is\s+it\s+)?(?:caught|catchable)\b",
    re.I,
)
_CONTAGION_WORD = re.compile(r"\b(?:catch\w*|caught|contagious|infectious)\b", re.I)


def _getting_and_giving(
    t: str, readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> bool:
    """Whether every reading of ``t`` must be dropped: growing out of X, a baby getting X from
    its mother, a forecast or passing within a family, whose family verdict answers another
    question (see the block's comment)."""
    if not readings:
        return False
    if _OUTGROWS.search(t) or _CAUGHT_OR_INHERITED.search(t):
        return True
    passing = [(p[0], x) for p, x, _ in readings if p and p[0] in ("inherited", "contagious")]
    if not passing:
        return False
    first, x = passing[0]
    baby = bool(
        (_A_BABY_FROM_MOTHER.search(t) or _PASSED_TO_BABIES.search(t))
        and not _CATCH.search(t)
        and not _HEREDITY.search(t)
    )
    if first == "inherited":
        # a forecast of passing it on, without "inherit"
        if _FORECAST.match(t) and not _HEREDITY.search(t):
            return True
        return baby and _verdict_of(x, "contagious", kb) != "yes"
    # contagious: each rule keeps one verdict only (looked up where a rule's words are there)
    keeps_no = bool(_WHO_HAD_IT.search(t) or _FORECAST.match(t))
    keeps_yes = baby or bool(_IN_A_FAMILY.search(t) and not _CONTAGION_WORD.search(t))
    if not (keeps_no or keeps_yes):
        return False
    caught = _verdict_of(x, "contagious", kb)
    return (keeps_no and caught != "no") or (keeps_yes and caught != "yes")


# -- giving X to someone, contracting X from a parent, forecasts of inheriting ----------------
# * "Can I give the flu to my husband?", "Can you give someone chickenpox?" were not understood,
#   where "Can my husband catch the flu from me?" got contagious "yes". Giving a condition to a
#   person is passing a germ only where the condition is caught as a rule (contagious "yes"); a
#   parent also gives a child genes ("Can I give my baby cystic fibrosis?"), and a condition that
#   is not caught as a rule ("Can you give someone lupus?") keeps the doubt: read as contagious,
#   kept only where the verdict is "yes" (``_GIVES_SOMEONE``).
# * "Can you contract the flu from your parents?" got contagious "yes" where "Can you catch the
#   flu from your parents?" is refused (a parent passes genes too, and "yes" reads "from them, by
#   heredity"): "contract" and "pick up" are refused where "catch" is (``_CONTRACTS_FROM_A_PARENT``).
# * "Will my children inherit cystic fibrosis?" got inherited's "yes", which reads "they will";
#   a recessive condition needs a gene from both parents, a dominant one passes to half the
#   children: a forecast about one family, which a "yes" reads as "they will". The "no" (what is
#   not inherited will not be) and the "partly" (genes add to the risk, and nothing is foretold:
#   the labelled corpus reads "Will my children inherit schizophrenia?" so) are kept; "Can my
#   children inherit X?" keeps its verdict (``_WILL_INHERIT``).
_GIVES_SOMEONE = re.compile(
    r"^(?:can|could|do|does)\s+(?:you|i|one|people|someone|somebody|a\s+person)\s+give\b", re.I
)
_CONTRACTS_FROM_A_PARENT = re.compile(
    r"^(?:can|could|do|does|will|would|might|may)\s+.+?\s+(?:contract|pick\s+up)\s+(?P<x>.+?)\s+from\s+"
    r"(?:your\s+|their\s+|my\s+|his\s+|her\s+|its\s+|a\s+|the\s+|one'?s\s+)?"
    r"(?:parents?|mother|father|mom|mum|dad|family|grandparents?)$",
    re.I,
)
_WILL_INHERIT = re.compile(r"^(?:will|would|shall)\b.*\binherit\b", re.I)
# * "Can my baby catch neonatal lupus from me?" got contagious "no", which reads "the baby cannot
#   get it from you", though neonatal lupus is the mother's antibodies crossing the placenta, as
#   are haemolytic disease of the newborn and Rh disease (a mother's antibodies against her baby's
#   blood): "catch" asks about catching, but a baby gets these from its mother and from no one
#   else. Where the record says the condition comes from the mother before birth (the placenta,
#   or the mother's antibodies), a baby catching it from its mother stays not understood;
#   "Can my baby catch eczema from me?" and "... the flu from me" keep their readings
#   (``_A_BABY_CATCHING_FROM_MOTHER``).
_A_BABY_CATCHING_FROM_MOTHER = re.compile(
    r"\b(?:bab(?:y|ies)|newborns?|infants?|fo?etus(?:es)?)\b.*?\b(?:catch|catches|catching|caught|"
    r"contract|contracts|pick\s+up)\b.+?\bfrom\s+(?:me|us|(?:(?:its|their|his|her|the|my|your|our|a)\s+)?"
    r"(?:mother|mothers|mom|moms|mum|mums|mommy|mummy|mama|parents?))\b",
    re.I,
)
_BEFORE_BIRTH = re.compile(
    r"placenta|\bmother'?s?\b[^.]*\bantibod|\bmaternal\b[^.]*\bantibod", re.I
)


def _from_the_mother_before_birth(subject: str, kb: KnowledgeBase) -> bool:
    """Whether the record of the condition ``subject`` names says it comes from the mother before
    birth (the block's comment)."""
    cid = _condition_of(subject, kb)
    rec = kb.record(cid) if cid is not None else None
    return rec is not None and bool(_BEFORE_BIRTH.search(f"{rec.reason} {rec.caution or ''}"))


# -- a baby getting X from its mother before or at birth, asked as catching -------------------
# * "Can my baby catch lupus from me?" got contagious "no", which reads "your baby cannot get it
#   from you", though a mother with lupus or Sjögren's can give her newborn neonatal lupus (her
#   anti-Ro antibodies cross the placenta: the neonatal lupus record names both as its risk),
#   and other mothers' antibodies do the same: myasthenia gravis (a newborn's passing weakness),
#   Graves' disease and the overactive thyroid it causes (a newborn's too), immune
#   thrombocytopenia (a newborn's low platelets), pemphigus (a newborn's blisters). The
#   condition still cannot be caught, but a
#   baby can get a form of it from its mother, and from no one else: "catch ... from me" asked of
#   a baby is that other question. Where a record of a form that comes from the mother before
#   birth names X as its risk, or X's record names the form her antibodies give a newborn (its
#   ``newborn_form``, knowledge/records.py: the data, with its sources, not a table here), a
#   baby catching X from its mother stays unknown; "Can my baby catch eczema from me?" and "...
#   the flu from me" keep their readings.
# * "Can I give my unborn baby ringworm?" got contagious "yes" (giving is read as catching where
#   X is caught as a rule), though ringworm does not reach a baby in the womb; "mono", "hep C",
#   "chickenpox" the same. An unborn baby or a fetus is reached through the placenta, which is
#   no question of catching (as "Is hep B contagious to my unborn baby?" and "in pregnancy" stay
#   unknown already): giving X to an unborn baby stays unknown in every family.
_UNBORN = re.compile(r"\b(?:unborn|fo?etus(?:es)?|fetal|foetal|in\s+(?:the|my|her)\s+womb)\b", re.I)
# -- a baby as the one who would catch X, where X's record has a newborn form -----------------
# "Is GD contagious can my baby catch it" got Graves' disease's "no" (no "from me" is typed, so
# the block above did not hold), "Can a newborn catch myasthenia gravis?" its record's "no",
# though a mother's antibodies can give her newborn a passing
# form of either: the reader asks about her own baby, which "not caught" does not answer. Where
# the condition's record has a newborn form (``newborn_form``) or a record of a form that comes
# from the mother before birth names it as its risk (neonatal lupus: lupus, Sjögren's), one
# baby, newborn or infant named as the one who would catch it (its verb within two words after
# it) stays unknown, with or without "from me", as "contagious to my baby" does; babies as a
# group ("can babies catch X", "contagious to newborns") are other people by age and keep the
# family's verdict (``_OTHER_PEOPLE``); a baby who has it ("my baby has Graves disease, can I
# catch it") and the conditions with no newborn form ("can my baby catch eczema", "the flu")
# keep their readings.
_A_BABY_CATCHING = re.compile(
    r"\b(?:baby|newborn|infant|neonate)\s+(?:\w+\s+){0,2}?(?:catch|catches|catching|contract|"
    r"contracts|contracting|pick\s+up|picks\s+up|get|gets|getting)\b",
    re.I,
)


def _a_mothers_form_for_her_baby(t: str, x: str, kb: KnowledgeBase) -> bool:
    """Whether ``t`` asks about a baby getting the condition ``x`` names from its mother before
    or at birth, as catching or giving (the block's comment)."""
    if _UNBORN.search(t):
        return True
    if not (_A_BABY_CATCHING_FROM_MOTHER.search(t) or _A_BABY_CATCHING.search(t)):
        return False
    cid = _condition_of(x, kb)
    rec = kb.record(cid) if cid is not None else None
    return cid is not None and (
        (rec is not None and rec.newborn_form is not None) or cid in _babies_forms(kb)
    )


def _babies_forms(kb: KnowledgeBase) -> frozenset[str]:
    """The conditions a record of a form that comes from the mother before birth names as its
    risk (neonatal lupus: lupus, Sjögren's)."""

    def build() -> frozenset[str]:
        out: set[str] = set()
        for cid in kb.records:
            rec = kb.record(cid)
            if rec is not None and _BEFORE_BIRTH.search(f"{rec.reason} {rec.caution or ''}"):
                out.update(a.condition for a in rec.associations if a.relation == "risk-factor")
        return frozenset(out)

    return _per_kb("babies_forms", kb, build)


def _giving_and_forecasts(
    t: str, readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> bool:
    """Whether every reading of ``t`` must be dropped: giving X to someone where X is not caught
    as a rule, contracting X from a parent where X can be caught, or a forecast of inheriting X
    whose answer is "yes" (see the block's comment)."""
    if not readings or not readings[0][0]:
        return False
    first, x = readings[0][0][0], readings[0][1]
    if first == "contagious" and _a_mothers_form_for_her_baby(t, x, kb):
        return True
    if first == "contagious" and _GIVES_SOMEONE.match(t):
        return _verdict_of(x, "contagious", kb) != "yes"
    if first == "contagious" and _A_BABY_CATCHING_FROM_MOTHER.search(t):
        return _from_the_mother_before_birth(x, kb)
    if first in ("contagious", "inherited") and (m := _CONTRACTS_FROM_A_PARENT.match(t)):
        return _caught(m.group("x"), kb)
    if first == "inherited" and _WILL_INHERIT.match(t):
        return _verdict_of(x, "inherited", kb) == "yes"
    return False


# -- a degree or a frequency beside the family's word: only a verdict that answers it ---------
# Earlier hunts refused most degree and frequency words ("usually", "mostly", "always", "100%",
# ``_FRAMED_SUBJECT``, ``_HEDGED``); a few were kept as words that only insist, and their
# verdict answered another question for some conditions:
# * "Is cystic fibrosis partly genetic?", "Is hemophilia partly inherited?" got "yes", which reads
#   "yes, partly"; the record says wholly. "partly" and "no" ("not even in part") answer it.
# * "Can eczema be fully cured?", "Is eczema completely curable?" got "partly" (some cases, some
#   kinds), which says neither that it can nor that it cannot be cured completely; "yes" (a cure)
#   and "no" answer it. A cure that lasts ("cured permanently", "for good") is what a cure is
#   (docs/knowledge-schema.md), and keeps every verdict: the labelled corpus reads "Can Graves
#   disease be cured permanently?" as the curable question.
# * "Is asthma generally genetic?", "Is eczema generally curable?" got "partly": "generally" asks
#   what holds as a rule, as "usually" does (refused already), and only "yes" or "no" answers it
#   ("generally considered / regarded" only insists, and keeps its verdict).
# * "Is HIV highly contagious?", "Is the flu very contagious?" got "yes": the record says it can
#   be caught, not how easily (HIV is not caught in everyday contact); only "no" (not at all)
#   answers a degree.
_PART_DEGREE = re.compile(r"\b(?:partly|partially|in\s+part)\b", re.I)
_WHOLE_DEGREE = re.compile(
    r"\b(?:fully|completely|wholly|totally|entirely|100\s*(?:%|percent))\b|"
    r"\b(?:cured|curable|treatable|healed)\s+(?:completely|fully|100\s*(?:%|percent))",
    re.I,
)
_AS_A_RULE = re.compile(
    r"\bgenerally\b(?!\s+(?:considered|regarded|thought|seen|viewed|accepted|classified|known|believed|"
    r"described|recognised|recognized|called|agreed))",
    re.I,
)
_HIGH_DEGREE = re.compile(
    r"\b(?:highly|very|extremely|super|so|too|quite|really\s+very)\s+(?:contagious|infectious|catching|catchy|"
    r"transmissible|communicable|easy\s+to\s+catch)\b",
    re.I,
)


def _degree_unanswered(
    t: str, readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> bool:
    """Whether the first reading's verdict does not answer the degree or frequency ``t`` asks
    about (see the block's comment)."""
    if not readings or not readings[0][0]:
        return False
    predicate, x = readings[0][0][0], readings[0][1]
    degrees = (_PART_DEGREE, _WHOLE_DEGREE, _AS_A_RULE, _HIGH_DEGREE)
    if not any(r.search(t) for r in degrees):
        return False
    # the question's own words, a condition's name ("complete heart block") set aside
    t = _outside_names(t, _PART_DEGREE, kb)
    cid = _condition_of(x, kb)
    record = kb.record(cid) if cid is not None else None
    verdict = verdict_for(record, predicate, kb.records, kb.properties) if record else None
    if _PART_DEGREE.search(t) and verdict == "yes":
        return True
    if (_WHOLE_DEGREE.search(t) or _AS_A_RULE.search(t)) and verdict == "partly":
        return True
    return bool(_HIGH_DEGREE.search(t) and verdict not in ("no", None))


# -- a narrower form a record names, whose verdict the review shared for autoimmunity only -------
# Some records list a narrower form of their condition among their names: hemophagocytic
# lymphohistiocytosis lists its familial and its secondary form, multiple sclerosis its primary and
# secondary progressive forms, Castleman disease its idiopathic multicentric form. Each was
# reviewed (knowledge/data/subtype_review.yaml, ``subtype_shares_verdict``) for the autoimmune
# verdict alone. Asked another family, the form got the record's verdict for every form: "Is
# familial HLH genetic?" and "Is secondary HLH genetic?" both got "partly" (some forms are
# inherited, others not), the answer to "Is HLH genetic?"; familial HLH is inherited, and secondary
# HLH, after an infection, a cancer or an autoimmune disease, is not. A "partly" or "uncertain"
# verdict says the forms differ, so a form named with the word that tells it apart ("familial",
# "secondary", "primary", "idiopathic", "congenital") is refused in any family but the autoimmune
# one; a firm verdict holds for every form ("Is secondary progressive MS contagious?": no form is).
_MIXED = ("partly", "uncertain")


def _one_reviewed_form(
    subject: str, cid: str | None, families: list[str] | tuple[str, ...], kb: KnowledgeBase
) -> str | None:
    """Why ``subject`` names a narrower form of ``cid`` whose verdict for an asked family the
    record's need not be (the block's comment); else None."""
    record = kb.record(cid) if cid else None
    forms = load_subtype_review().get(cid or "", {})
    if record is None or not forms:
        return None
    asked = [f for f in families if f not in ("autoimmune", "definition")]
    if not any(verdict_for(record, f, kb.records, kb.properties) in _MIXED for f in asked):
        return None
    typed = set(_key(subject).split())
    own = set(_key(record.name).split())
    for name, decision in forms.items():
        if decision == "subtype_shares_verdict" and (set(_key(name).split()) - own) & typed:
            return (
                f"“{subject.strip()}” names one form of {record.name} ({name}); "
                f"{record.name}'s verdict is for all its forms, which differ, so it need not "
                "hold for this one"
            )
    return None


# The same holds for a form named with a word of the asked family itself, which the record lists
# under its condition without review (the word is no subtype word of the knowledge base's check):
# "Is allergic urticaria an allergy?" got urticaria's "partly" (some hives are allergic), the
# answer for hives in general, and "Is autoimmune myocarditis autoimmune?" myocarditis's "partly";
# "Is hereditary periodic fever syndrome inherited?" and "Is familial tremor genetic?" got
# "partly", "Is acquired aplastic anemia genetic?" "partly" (acquired says it is not inherited);
# "Is acute hepatitis B curable?" and "Is chronic hepatitis B curable?" both got "partly", though
# most adults clear the acute infection and the chronic one is rarely cured. Where the record's
# verdict for the family is "partly" or "uncertain" and the subject holds one of the family's own
# words that the record's preferred name lacks (``_FAMILY_FORM_WORDS``), the word picks a form and
# the question stays unknown. A firm verdict keeps its reading ("Is extrinsic allergic alveolitis an
# allergy?" keeps hypersensitivity pneumonitis's "no": an old name, not a form), and so does a word
# in the preferred name itself ("Is chronic urticaria curable?" asks about chronic spontaneous
# urticaria). (Latent tuberculosis, not passed on as the active disease is, is one of the forms a
# record sets apart in its data: ``_a_form_the_record_sets_apart``.)
_FAMILY_FORM_WORDS = {
    "allergy": frozenset("allergic allergy atopic".split()),
    "autoimmune": frozenset("autoimmune".split()),
    "inherited": frozenset("familial hereditary inherited genetic acquired sporadic".split()),
    "curable": frozenset("acute chronic".split()),
    "contagious": frozenset(),
}


def _a_form_named_by_the_family(
    subject: str, cid: str | None, families: list[str] | tuple[str, ...], kb: KnowledgeBase
) -> str | None:
    """Why ``subject`` names, with a word of an asked family, a form of ``cid`` whose verdict the
    record's need not be (the block's comment); else None."""
    record = kb.record(cid) if cid else None
    if record is None:
        return None
    typed = set(_key(subject).split()) - set(_key(record.name).split())
    for family in families:
        verdict = verdict_for(record, family, kb.records, kb.properties)
        words = typed & _FAMILY_FORM_WORDS.get(family, frozenset())
        if not (words and verdict in _MIXED):
            continue
        word = sorted(words)[0]
        return (
            f"“{subject.strip()}” names the {word} form of {record.name}; {record.name}'s verdict "
            "is for all its forms, which differ, so it need not hold for this one"
        )
    return None


# -- a name the record itself sets apart: its answer to a family is not the record's ------------
# A record's names include narrower forms and, lent by ICD-10-CM, other conditions filed under its
# codes, whose answer to a family can differ from the record's: "Is porphyria cutanea tarda
# inherited?" got porphyria's "yes" (PCT is mostly acquired), "Is folic acid deficiency
# autoimmune?" vitamin B12 deficiency's "partly" (ICD files it beside B12 deficiency), "Is
# congenital intrinsic factor deficiency autoimmune?" pernicious anaemia's "yes" (a gene defect,
# no autoimmunity), "Is cradle cap curable?" seborrhoeic dermatitis's "no" (it clears in
# infancy), "Is being immunocompromised genetic?" primary immunodeficiency's "yes", "Is latent
# tuberculosis infection contagious?" tuberculosis's "yes". The record lists each such name under
# ``forms_that_differ`` with the families whose answer differs (knowledge/records.py,
# docs/knowledge-schema.md); a subject that names one (the name inside it, or a slip of the
# whole name) asked in one of those families stays unknown. No verdict is given for the form: a
# refusal needs no source, a verdict would. The record's other names and families keep theirs
# ("Is porphyria cutanea tarda contagious?" keeps porphyria's "no": no form is caught).
def _names_a_form(typed: str, name: str, own: list[str]) -> bool:
    """Whether the subject's key ``typed`` names ``name``: the name inside it as words (plural
    too), or the whole subject a slip of it (``_FUZZY_MIN``) closer to it than to any of the
    record's own names ``own`` ("parkinsons" is Parkinson's, no slip for "parkinsonism")."""
    key = _key(name)
    padded = f" {typed} "
    if f" {key} " in padded or f" {key}s " in padded or f" {key}es " in padded:
        return True
    rf = _rapidfuzz()
    if not rf or len(key) < _LONG_WORD:
        return False
    similarity = rf[1].OSA.normalized_similarity
    close = similarity(typed, key)
    return close >= _FUZZY_MIN and all(similarity(typed, k) < close for k in own)


def _a_form_the_record_sets_apart(
    subject: str, cid: str | None, families: list[str] | tuple[str, ...], kb: KnowledgeBase
) -> str | None:
    """Why ``subject`` names a form ``cid``'s record sets apart for an asked family (the block's
    comment); else None."""
    record = kb.record(cid) if cid else None
    if record is None or not record.forms_that_differ:
        return None
    typed = _key(subject)
    names = [_key(n) for n in record.names]
    # a longer name of the record's own that holds the form's ("chronic low back pain" holds
    # "low back pain", "idiopathic facial palsy" "facial palsy") is the record's condition
    inside = [k for k in names if f" {k} " in f" {typed} "]
    for form in record.forms_that_differ:
        if not any(f in form.families for f in families):
            continue
        for name in form.names:
            key = _key(name)
            others = [k for k in names if k not in map(_key, form.names)]
            if _names_a_form(typed, name, others) and not any(
                key in k and len(k) > len(key) for k in inside
            ):
                # the curator's reason stays in the YAML: it carries no source, so the reader
                # is told only that the record's answer does not hold, never why in medical terms
                return (
                    f"“{subject.strip()}” names {name}, which the knowledge base files under "
                    f"{record.name} but whose answer to this question is not {record.name}'s; "
                    "the knowledge base holds no sourced answer of its own for it"
                )
    return None


# -- "infectious": an infection, or passed from person to person --------------------------------
# "Is Lyme disease infectious?" got "No. Lyme disease is not contagious": the contagious family
# reads "infectious" as passing from person to person, and Lyme disease does not, yet it is an
# infection (from a tick), which is what "infectious" most often asks; so were sepsis, septic
# arthritis and infective endocarditis ("no"), and shingles, candidiasis and Zika got "partly". A
# "yes" answers both senses, and a condition that is no infection gets a "no" in both (eczema);
# an infection the knowledge base says is not (or not always) caught from a person, asked with
# "infectious" or "infective" and no word of catching, stays unknown.
_INFECTIOUS_WORD = re.compile(r"\binfect(?:ious|ive)\b", re.I)
_CATCHING_WORD = re.compile(
    r"\b(?:contag\w*|catch\w*|spread\w*|pass\w*|transmi\w*|communicable|person|people|someone|"
    r"others?|another)\b",
    re.I,
)


def _infection_not_caught(t: str, cid: str | None, kb: KnowledgeBase) -> str | None:
    """Why "infectious" in ``t`` has no one contagious verdict for ``cid`` (the block's comment);
    else None."""
    record = kb.record(cid) if cid else None
    if record is None or record.mechanism != "infectious":
        return None
    if not _INFECTIOUS_WORD.search(t) or _CATCHING_WORD.search(t):
        return None
    if verdict_for(record, "contagious", kb.records, kb.properties) == "yes":
        return None
    return (
        f"{record.name} comes from an infection, but the knowledge base says it is not always caught "
        "from another person: “infectious” asks either, so neither answer is given. Ask whether "
        "it is contagious"
    )


# -- a kind of allergy ("a food allergy", "a skin allergy", "a drug allergy") -------------------
# "Is hay fever a food allergy?" got hay fever's allergy "Yes", "Is penicillin allergy a food
# allergy?" penicillin allergy's "Yes", "Is hay fever a skin allergy?" "Yes", "Is anaphylaxis a
# food allergy?" "Yes" (a reaction that food, stings or drugs can set off), "Is eczema / asthma /
# hives a food allergy?" their "Partly": the allergy family answers whether X is an allergy at all,
# and a kind before "allergy" asks a narrower question. Its "no" still answers it (what is no
# allergy is no food allergy: "Is celiac a food allergy?" keeps its "No"); a "yes", "partly" or
# "uncertain" is kept only where X is itself of that kind in the knowledge base: the kind's own
# record ("Food allergy", "Drug allergy", "Allergic contact dermatitis" for the skin), a name that
# holds the kind's word ("Food protein-induced enteropathy", "Drug reaction with eosinophilia"),
# a record that ``overlaps`` the kind's record or such a record one step on ("peanut allergy",
# "penicillin allergy", "nickel allergy"; not the class above several kinds, "Allergy"), or one
# whose own account is a reaction to foods ("eosinophilic esophagitis ... in response to
# foods", alpha-gal syndrome's sugar "found in meat"; not a complication of the kind:
# anaphylaxis). Else the question stays not understood.
_KIND_OF_ALLERGY = re.compile(r"\b(?P<kind>food|drug|skin)\s+(?:allergy|allergies)\b", re.I)
_ALLERGY_KIND_RECORD = {
    "food": "food_allergy",
    "drug": "drug_allergy",
    "skin": "allergic_contact_dermatitis",
}
_ALLERGY_KIND_WORD = {
    "food": re.compile(r"\bfoods?\b", re.I),
    "drug": re.compile(r"\b(?:drugs?|medicines?|medications?)\b", re.I),
    "skin": re.compile(r"\bskin\b", re.I),
}
# an account of a reaction to the kind's triggers ("in response to foods")
_A_REACTION_TO_KIND = {
    "food": re.compile(
        r"\b(?:to|by|after\s+eating)\s+(?:certain\s+|specific\s+|particular\s+)?foods?\b"
        r"|\bfood\s+(?:allergens?|proteins?|triggers?)\b"
        # alpha-gal syndrome: an allergy to a sugar "found in meat"
        r"|\b(?:in|to)\s+(?:red\s+)?meat\b",
        re.I,
    ),
}


def _of_an_allergy_kind(cid: str, kind: str, kb: KnowledgeBase, step: bool = True) -> bool:
    """Whether the record ``cid`` is of the allergy ``kind`` (the block's comment); ``step``: or
    overlaps a record that is."""
    own = _ALLERGY_KIND_RECORD[kind]
    kinds = set(_ALLERGY_KIND_RECORD.values())
    record = kb.record(cid)
    if record is None:
        return False
    if cid == own or any(_ALLERGY_KIND_WORD[kind].search(n) for n in record.names):
        return True
    over = {a.condition for a in record.associations if a.relation == "overlaps"}
    if own in over:
        return len(over & kinds) == 1  # not the class above several kinds ("Allergy")
    reaction = _A_REACTION_TO_KIND.get(kind)
    if (
        reaction is not None
        and reaction.search(record.reason or "")
        and not any(
            a.condition == own and a.relation == "complication-of" for a in record.associations
        )
    ):
        return True
    return step and any(_of_an_allergy_kind(o, kind, kb, step=False) for o in sorted(over - kinds))


def _a_kind_of_allergy(t: str, subject: str, cid: str | None, kb: KnowledgeBase) -> str | None:
    """Why "a food / skin / drug allergy" in ``t`` beside the ``subject`` has no verdict for
    ``cid`` (the block's comment); else None."""
    record = kb.record(cid) if cid else None
    if record is None:
        return None
    m = _KIND_OF_ALLERGY.search(t.replace(subject, "X", 1) if subject else t)
    if m is None:
        return None
    kind = m.group("kind").lower()
    if verdict_for(record, "allergy", kb.records, kb.properties) == "no":
        return None
    if _of_an_allergy_kind(record.id, kind, kb):
        return None
    return (
        f"the question asks whether {record.name} is a {kind} allergy, a narrower question than "
        "whether it is an allergy at all, and the knowledge base does not record it as one: ask "
        "whether it is an allergy"
    )


# -- which parent or relative, asked with "inherit" or "get" -------------------------------------
# "Is hemophilia inherited from the father?" stays unknown (which parent passes it on is another
# question: a father passes no X-linked gene to a son, a recessive condition needs both parents),
# but the same question asked with "inherit" or "get" was answered: "Can a son inherit hemophilia
# from his father?" and "Can you get hemophilia from your dad?" got "Yes", "Can I get sickle cell
# from my dad?" "Yes" (one parent passes on the trait), "Can you inherit MS from your dad?"
# "Partly"; "Can you get eczema from your grandma?" got the contagious "No" (it cannot be caught)
# where the reader asks whether it comes down the family. A parent or relative named on its own
# ("the mother", "my dad", "grandma", "my mother's side", "one parent", "both parents") keeps
# these forms unknown in the inherited and contagious families; any parent ("from your
# parents", "from a parent", "from parent to child") keeps its reading, and "catch" asks only the
# contagious question ("Can you catch eczema from your sister?": no).
_ONE_RELATIVE = re.compile(
    r"\bfrom\s+(?:(?:your|my|the|his|her|their|our|one'?s|its|a|an)\s+)?"
    r"(?:(?:mother|father|mom|mum|dad|mommy|mummy|daddy|mama|papa|ma|pa)(?:'?s\s+side)?|"
    r"grand(?:ma|pa|mother|father|parents?|mom|mum|dad)s?|nan|nana|granny|aunts?|uncles?|cousins?|"
    r"(?:one|both|either)\s+parents?|(?:maternal|paternal)\s+side|(?:mother|father)'?s\s+side)\b",
    re.I,
)
_CATCH = re.compile(r"\bcatch(?:es|ing)?\b", re.I)
# "Can my son inherit hemophilia from me?", "Can my son inherit fragile X from me?" got "Yes": the
# reader is one parent, and for a condition of one gene (the knowledge base's "yes") which parent
# that is decides the answer (a father passes no X-linked gene to a son; a recessive condition
# needs a gene from both parents, so "from me" alone gives a carrier). These stay unknown; a
# condition the knowledge base calls "partly" inherited ("Can my kids get psoriasis from me?")
# keeps its reading, as the genes of either parent add to the risk.
# The one exception is a condition the knowledge base says is passed on only in a dominant pattern
# (Huntington's disease): one parent who has it passes it on, whichever parent that is, so "Can my
# kids get Huntington's from me?" keeps its "yes" (``_one_parent_passes_it``).
_FROM_ME = re.compile(
    r"\bfrom\s+(?:me|myself)\b|\bi\s+(?:(?:pass|give|hand|transmit)(?:\s+on|\s+down)?)\b", re.I
)


# "Is the virus behind reactive arthritis contagious?", "Is hair loss from lupus contagious?", "Is
# positive rheumatoid factor autoimmune?": a subject that holds a condition's name among other
# words (the last resort of ``match_subject``) may name something else than the condition: the
# germ that set it off, a symptom it causes that is a condition of its own, a test result. Each
# got the condition's verdict before ("no" for the germ, which can be caught; alopecia's "partly"
# for lupus hair loss; "yes" for a test that healthy people may have).
_AGENT = re.compile(
    r"\b(?:virus(?:es)?|viral|bacteri(?:a|um|al)|germs?|bugs?|fung(?:us|i|al)|parasites?|microbes?|"
    r"pathogens?|infections?|organisms?|triggers?)\b",
    re.I,
)
# -- a symptom, a part or a cause of a condition ----------------------------------------------
# "Is the rash from lupus contagious?", "Is the itch in eczema an allergy?", "Is the cough from
# asthma contagious?", "Is the rash from shingles contagious?": words before the condition's name
# that end in "from", "of", "in" (and the like) name a thing of the condition, a symptom, a part,
# a stage or a risk, whose yes/no is its own (the fluid of shingles blisters passes the virus on
# though shingles itself is "partly" contagious; an itch is no allergy though eczema "partly"
# is). Each got the condition's verdict before. One answer holds for every part: nothing of a
# condition that cannot be caught can be caught ("Is the rash of lupus contagious?" keeps "no",
# tests/test_question_who_and_which.py). The condition first and words after it ("eczema in children", "eczema on the hands") keep the
# condition's question, as before.
_OF_THE_CONDITION = re.compile(
    r"\S\s+(?:from|of|in|with|by|after|during|for|on|to|within|behind|caused\s+by|due\s+to|"
    r"because\s+of|related\s+to|linked\s+to|associated\s+with)\s*$",
    re.I,
)
_TEST_RESULT = re.compile(
    r"\b(?:positive|negative|high|low|elevated|raised|abnormal|factor|antibod(?:y|ies)|tests?|levels?|"
    r"counts?|results?|markers?|tit(?:er|re)s?|genes?|mutations?|scans?|biopsy|readings?)\b",
    re.I,
)


# "Are children of parents with lupus more likely to get autoimmune disease?": the forms take
# "children of parents with lupus more likely to" as the subject, and the last resort found lupus
# in it (read as "Is lupus autoimmune?" before). People who have X, or their risk, are not X.
_PEOPLE_AT_RISK = re.compile(
    r"\b(?:more|less)\s+likely\b|\b(?:higher|greater|increased|raised|lower)\s+risk\b|\bat\s+risk\b|"
    r"\bprone\b|\b(?:people|persons?|children|kids|women|men|patients|parents|relatives|those|"
    r"someone|anyone|family\s+members)\s+(?:with|who)\b",
    re.I,
)


def _words_not_a_typo(subject: str, kb: KnowledgeBase) -> str | None:
    """ "sore throat", read as strep throat by the fuzzy match: a subject of two words or more
    that ends a curated name ("streptococcal sore throat") is that name without the words that
    tell it apart (here a symptom with many causes, of which strep throat is one), never a
    misspelling of a near name; ``_suffix`` says so, as it does where no name is near."""
    if len(_key(subject).split()) < 2 or _exact(subject, kb) or not _fuzzy(subject, kb).ids:
        return None
    return _suffix(subject, kb).problem


# lay names that hold the flu's name and are other illnesses: "stomach flu" is a gut infection
# (often norovirus), not influenza, and "bird flu" (avian influenza, a name ICD-10-CM's J09 gives
# the influenza record) rarely passes from person to person; influenza's "contagious: yes, person
# to person" answered both. "Swine flu" (the 2009 H1N1 pandemic) is human influenza, and stays.
# "Summer flu" is the lay name of the summer's enterovirus and other viral fevers, not influenza
# (a winter illness): "Is summer flu contagious?" got influenza's "yes".
_ANOTHER_FLU = re.compile(
    r"^(?:the\s+|a\s+)?(?:stomach|tummy|gastric|gastro|intestinal|24[\s-]?hours?|bird|avian|man|summer)\s+"
    r"(?:flu|influenza)$",
    re.I,
)


# -- a kind named before a class's name ---------------------------------------------------------
# "Is bacterial conjunctivitis contagious?" got conjunctivitis's "partly" (bacterial conjunctivitis
# is caught), "Is autoimmune hair loss contagious?" alopecia's "partly" (alopecia areata is not),
# "Is stress hair loss autoimmune?" alopecia's "partly" (shedding after a shock, telogen
# effluvium, is not; "postpartum hair loss" is now that record's own lay name), "Is infected
# eczema contagious?" eczema's "no" (the germs in it are caught), "Is German measles
# contagious?" measles's verdict (German measles is rubella, another virus). The last resort of
# ``match_subject`` found the class's name and dropped the words before it, which name one kind:
# * a word of cause or kind (a germ's kind, "infected", "autoimmune", "allergic", "German") is
#   refused whatever the verdict (``_KIND_WORD``; "herpetic eczema", eczema infected with the
#   cold-sore virus, is caught, and got eczema's "not contagious");
# * any other word before the name is refused where the class's verdict for an asked family is
#   "partly" or "uncertain" (its kinds differ, so a word that picks one may pick either: "stress
#   hair loss", "traction alopecia", "cold urticaria"), unless it only names people, a degree or a
#   place on the body ("baby eczema", "my son's asthma", "female hair loss", "severe eczema",
#   "scalp psoriasis": ``_NEUTRAL_BEFORE``; hair loss in women is the class in some people, whose
#   "partly" holds, while "female pattern hair loss" names a kind).
#   "Newborn" is no such word: the first weeks of life have kinds of their own ("Is newborn
#   conjunctivitis contagious?" got conjunctivitis's "partly", though conjunctivitis of the newborn
#   is an infection caught at birth, or a blocked tear duct that is not caught at all; "in
#   newborns" after the name is the same kind: ``_IN_NEWBORNS``).
_KIND_WORD = re.compile(
    r"\b(?:viral|virus|bacterial|bacteria|fungal|fungus|yeast|parasitic|infected|infective|"
    r"impetigini[sz]ed|super-?infected|herpetic|auto[\s-]?immune|allergic|allergy|non-?allergic|german|"
    r"three[\s-]day|3[\s-]day|black)\b",
    re.I,
)
_NEUTRAL_BEFORE = frozenset(
    (
        "a an the my your his her their our its this that these those i im i'm i’m am me "
        "baby babies babys infant "
        "infants toddler toddlers child children childs childhood kid kids son sons "
        "daughter daughters childrens kids' adult adults teen teens teenage teenager teenagers elderly "
        "female male women woman men man girl girls boy boys "
        "mild moderate severe bad really very little slight face facial scalp hand hands foot feet "
        "skin body nail nails eye eyes ear ears leg legs arm arms back neck"
    ).split()
)


# -- a verdict that need not hold for every kind or stage ---------------------------------------
# A word before a class's name that picks a kind, a trigger or a stage was let be where the
# class's verdict was a plain "yes" or "no", as if it held for every kind. Some do not: "Is cold
# urticaria curable?" and "Is chronic cold urticaria curable?" got hives' "yes" (hives set off by
# cold, heat or pressure last for years; the "yes" is for hives that clear in weeks), "Is heat
# urticaria genetic?" hives' "no" (a familial form of cold-triggered hives is inherited), "Is
# latex asthma curable?" asthma's "no" (asthma from a substance at work may clear once it is
# avoided), "Is scabbed over chickenpox contagious?", "Is tertiary syphilis contagious?", "Is
# resolved hepatitis B contagious?", "Is dead ringworm contagious?" the infection's "yes" (a stage,
# or a time after it, that is no longer caught).
# * Whether a condition clears, whether it is inherited and what it is linked to belong to its
#   kinds, not its class: a class's "yes" or "no" for curable, inherited or link is what holds as
#   a rule, and a word that picks a kind (a trigger, a time, a cause) may pick the exception ("Is
#   cold urticaria linked to autoimmune disease?" got hives' "yes", which comes from chronic
#   spontaneous hives). For these families every verdict counts as mixed here, as "partly" does
#   for the others: the words before the name are refused
#   unless they only name people, a degree or a place on the body (``_NEUTRAL_BEFORE``: "baby
#   eczema", "my son's hives").
# * A contagious "yes" holds for the kinds of an infection ("swine flu" is caught), not for every
#   stage of it: a word of a stage or a time that may be past the contagious period
#   (``_STAGE_BEFORE``) is refused where the verdict is "yes". A contagious "no" holds for every
#   kind and stage (what is not caught has no caught stage; a kind caught from a germ names it, as
#   "infected eczema": ``_KIND_WORD``), and keeps its reading ("Is winter eczema contagious?").
_EVERY_VERDICT_BY_KIND = frozenset({"curable", "inherited", "link"})
_STAGE_BEFORE = re.compile(
    r"\b(?:scabb(?:ed|y|ing)|scabs?|crust(?:ed|y|ing)|dr(?:y|ied|ying)|heal(?:ed|ing)|old|dead|"
    r"dying|fad(?:ed|ing)|peel(?:ed|ing)|flak(?:ed|ing|y)|late|later|final|end|stage|tertiary|"
    r"latent|dormant|inactive|quiet|resolved|resolving|cleared|clearing|past|previous|former|"
    r"treated|cured|recovered|recovering|asymptomatic|symptomless|silent|day|days|week|weeks|"
    r"month|months|year|years|\d+)\b",
    re.I,
)


# the first weeks of life named after a class's name ("pink eye in newborns")
_IN_NEWBORNS = re.compile(
    r"^\s*(?:in|of)\s+(?:an?\s+|the\s+)?(?:newborns?|neonates?|newborn\s+bab(?:y|ies))\s*$", re.I
)


_HAVING = re.compile(
    r"\b(?:has|have|had|having|got|gets|getting|with|diagnosed|developed|suffers?\s+from|of)\b",
    re.I,
)


def _kind_before_a_name(
    before: str, cid: str, name: str, families: tuple[str, ...] | list[str], kb: KnowledgeBase
) -> str | None:
    """Why the words ``before`` a class's name, found by the last resort, name a kind whose
    verdict the class's need not be (the block's comment); else None."""
    # only the words after a verb of having are the name's ("my dad has psoriasis, is it
    # hereditary?" asks about psoriasis)
    before = _HAVING.split(before)[-1]
    words = [w.lower().rstrip("'’").removesuffix("'s").removesuffix("’s") for w in before.split()]
    if not words:
        return None
    kind = _KIND_WORD.search(before)
    if not kind:
        record = kb.record(cid)
        mixed = record is not None and any(
            (v := verdict_for(record, f, kb.records, kb.properties)) in ("partly", "uncertain")
            or f in _EVERY_VERDICT_BY_KIND
            or ((f, v) == ("contagious", "yes") and bool(_STAGE_BEFORE.search(before)))
            for f in families
            if f != "definition"
        )
        if not mixed or all(w in _NEUTRAL_BEFORE for w in words):
            return None
    return (
        f"“{before.strip()} {name.lower()}” names one kind of {name}, or another condition: "
        f"{name}'s verdict, which holds for the whole class, need not hold for it"
    )


# -- a quantifier before a name -----------------------------------------------------------------
# "Are all thyroid problems autoimmune?" got thyroid disease's "partly", "Are all kinds of eczema
# contagious?" and "Are some types of eczema contagious?" eczema's "no", "Are all primary
# immunodeficiencies genetic?" primary immunodeficiency's "yes", "Are both hepatitis B and C
# contagious?" hepatitis B's "yes": the last resort (or a typo match) found the name and dropped
# the quantifier before it. A class's verdict says what holds of the condition as a rule ("yes"
# of most, "partly" of some); whether it holds of all, of any, of some or of both of its kinds is
# another question, which "partly" does not answer ("are all ... ?" wants "no") and "yes" may
# overstate. So a subject that opens with a quantifier ("all", "every", "each", "any", "some",
# "both", "many", "most", "certain", "several", "few", "various") is no condition's name, unless
# the whole is a curated name; the question stays unknown, naming why.
# -- "all" beside a "no" ------------------------------------------------------------------------
# One answer does hold whatever the kinds: where the condition's verdict for every family asked is
# "no" (not so as a rule), "all of it is so" is false, so "Are all kinds of eczema contagious?"
# and "Is every type of psoriasis an allergy?" keep the "no" they were refused last round (the
# refusal was made in doubt; the "no" answers exactly the question asked). Only "all", "every"
# and "each": "Are any / some types of eczema contagious?" wants "yes" where one kind is
# (infected eczema), which "no" denies; and a "yes" or "partly" beside "all" stays refused ("Are
# all cold sores contagious?": a "yes" says what holds as a rule, not of every case).
_QUANTIFIED = re.compile(
    r"^(?:all|every|each|any|some|both|many|most|certain|several|few|various)\b", re.I
)
_EVERY_ONE = frozenset(("all", "every", "each"))


def _quantified(
    subject: str,
    kb: KnowledgeBase,
    cid: str | None = None,
    families: tuple[str, ...] | list[str] = (),
) -> str | None:
    """Why a subject that opens with a quantifier is not its condition (the block's comment);
    else None. ``cid``, ``families``: the condition found and the families asked, whose "no"
    answers "all" (the second block's comment)."""
    m = _QUANTIFIED.match(subject.strip())
    if m is None or _exact(subject, kb):
        return None
    record = kb.record(cid) if cid else None
    if (
        m.group(0).lower() in _EVERY_ONE
        and record is not None
        and families
        and all(verdict_for(record, f, kb.records, kb.properties) == "no" for f in families)
    ):
        return None
    return (
        f"“{subject.strip()}” asks about {m.group(0).lower()} of a class's kinds or cases: the "
        "condition's own verdict says what holds as a rule, not whether it holds of "
        f"{m.group(0).lower()}"
    )


# -- a carrier state is not the condition -------------------------------------------------------
# "What is thalassemia trait?" defined thalassemia, "Is thalassemia trait curable?" got its
# "partly": ICD-10-CM files the trait (one changed gene, a carrier, mostly well) under
# thalassemia's code, so the name reached the record. A carrier of a gene is not a person with the
# condition; whether the carrier state is curable, or what it is, is another question. A subject
# that names a trait or a carrier ("trait", "carrier") of a condition that is not caught, where
# the record's own names do not hold that word, stays unknown. A carrier of an infection is refused
# too, by the words after a name (``_LIKE_AFTER``), unless the record lends a carrier name of its
# own: a carrier of a germ has it but may not pass it on ("a TB carrier" is latent TB, which is not
# caught, while "a hepatitis B carrier" passes it on), and a carrier's infection is the lasting
# form ("Is a hepatitis B carrier curable?" is not hepatitis B's "partly"), so no record's verdict
# answers for its carriers as a rule.
# (``_LIKE_AFTER``'s carrier words; "minor" only last, where it names the carrier state: before a
# name it is a degree, "minor eczema")
_CARRIER_STATE = re.compile(rf"\b(?:{_CARRIER_WORDS})\b|\bminor\s*$", re.I)


def _carrier_state(subject: str, ids: list[str], kb: KnowledgeBase) -> str | None:
    """Why a subject that names the carrier state of a condition not caught is not the condition
    (the block's comment); else None."""
    m = _CARRIER_STATE.search(subject)
    cid = _best(ids, kb)
    if m is None or cid is None or _caught(kb.name(cid), kb):
        return None
    own = _own_forms(kb).get(cid, frozenset())
    if any(_CARRIER_STATE.search(f) for f in own):
        return None
    return (
        f"“{subject.strip()}” names a carrier state ({m.group(0).lower()}), not {kb.name(cid)}: a "
        f"carrier of its gene is not a person with it, so {kb.name(cid)}'s verdict does not "
        "answer for it"
    )


# -- a carrier asked whether it is inherited ------------------------------------------------------
# The carrier refusals above were made for every family, in doubt: "Is sickle cell trait genetic?",
# "Is beta thalassemia trait inherited?", "Is hemophilia carrier genetic?" got no answer, though
# a carrier is one by the gene it got from a parent, so the condition's inherited "yes" answers
# exactly whether the carrier state is genetic. A subject that is a condition's name with a carrier
# word after it ("trait", "carrier", "carrier state", "minor"), asked only whether it is inherited,
# keeps the condition's "yes" where the condition is not caught and nothing else in the subject
# is refused; any other verdict ("partly", "no") stays refused, as do the other families ("Is
# thalassemia minor curable?": a carrier has no disease to cure) and a carrier of an infection ("Is
# a hepatitis B carrier genetic?": its carrier has the germ, not a gene).
_A_CARRIER_LAST = re.compile(
    rf"\s+(?:silent\s+)?(?:{_CARRIER_WORDS}|minor)\s*$",
    re.I,
)


def _a_carrier_inherits(subject: str, kb: KnowledgeBase) -> list[str]:
    """The condition whose carrier ``subject`` names, where its inherited "yes" answers whether
    the carrier state is inherited (the block's comment); else []."""
    rest = _A_CARRIER_LAST.sub("", subject.strip())
    if rest == subject.strip() or not rest:
        return []
    found = match_subject(rest, kb)
    cid = _best(found.ids, kb)
    record = kb.record(cid) if cid else None
    if record is None or found.problem or _caught(kb.name(record.id), kb):
        return []
    if _another_subject(rest, kb, ("inherited",), record.id):
        return []
    if verdict_for(record, "inherited", kb.records, kb.properties) != "yes":
        return []
    return [record.id]


# -- a marker, or a person, named where a condition's name was found --------------------------
# Subjects that are not conditions were read as the condition whose name they share:
# * a marker (an antibody, a protein in the blood) for the disease it marks: "Is MOG antibody
#   autoimmune?" got MOG antibody-associated disease's "yes" ("MOG antibody" completed to "MOG
#   antibody disease"), "cold agglutinins" cold agglutinin disease's, "cryoglobulin"
#   cryoglobulinemia's (read as its start), "antiphospholipid" and "anti-phospholipid"
#   antiphospholipid syndrome's, "p-ANCA" and "c-ANCA" ANCA-associated vasculitis's "yes". A
#   marker is found in more than its disease (p-ANCA in ulcerative colitis, cold agglutinins after
#   an infection), and whether an antibody "is autoimmune" or "genetic" is not the disease's
#   verdict; the disease's full name ("cold agglutinin disease", "antiphospholipid syndrome",
#   "ANCA vasculitis") keeps its reading;
# * a person, by title, for the condition named after them: "Is Dr Crohn contagious?" got Crohn
#   disease's "no", "Is Dr Hashimoto autoimmune?" Hashimoto's thyroiditis's "yes".
# * a germ's letters for a condition the germ can cause: "Is STEC contagious?" got hemolytic
#   uremic syndrome's "no" (the terminology lends the letters of Shiga toxin-producing E. coli,
#   which is caught, to the kidney condition it can cause). Letters that the terminology also
#   files as an infectious agent (ICD-10-CM B95-B97, "... as the cause of diseases classified
#   elsewhere") name that germ; a curated infection of the germ's own (H. pylori, "HP") keeps its
#   reading as one of the letters' readings.
_MARKER_NOUN = re.compile(
    r"\b(?:(?:auto)?antibod(?:y|ies)|agglutinins?|cryoglobulins?|antigens?)$", re.I
)
# "anti-phospholipid", "anti GBM" with no noun after them: the antibodies' name
_ANTI_WORD = re.compile(r"^anti[\s-]?[a-z0-9]+$", re.I)
_MARKER_KIND = re.compile(r"(?:^|\s)[pc][\s-]?anca\b", re.I)
_TITLE = re.compile(r"^(?:dr|doctor|drs|prof|professor|mr|mrs|sir|dame)\b\.?\s*(?=\w)", re.I)


_GERM_CODE = re.compile(r"^B9[5-7]")


def _a_germs_letters(letters: str, kb: KnowledgeBase) -> bool:
    """Whether ``letters`` are an abbreviation the terminology also files as an infectious agent
    (not a curated record's own code)."""
    if not (letters.isalnum() and 2 <= len(letters) <= 6):
        return False
    terms = kb.terms
    return any(
        kb.record(cid) is None
        and any(_GERM_CODE.match(code) for code in getattr(terms.concepts.get(cid), "codes", ()))
        for cid in terms.readings(letters.upper())
    )


def _marker_or_person(subject: str, kb: KnowledgeBase) -> str | None:
    """Why ``subject`` names a marker, a person or a germ rather than the condition it was read as
    (the block's comment); else None. A curated name as typed is never refused."""
    s = " ".join(subject.strip().strip(_QUOTES).split())
    if _TITLE.match(s):
        return f"“{subject}” names a person, not the condition named after them"
    if _a_germs_letters(s, kb):
        return (
            f"“{subject}” names a germ, not a condition it can cause; that condition's verdict "
            "does not answer for the germ"
        )
    marker = _MARKER_NOUN.search(s) or _ANTI_WORD.match(s) or _MARKER_KIND.search(s)
    if marker and not kb.terms.lookup(s, include_generic=True):
        return (
            f"“{subject}” names a marker (an antibody or a protein in the blood), not the disease "
            "it is found in; that disease's verdict does not answer for the marker"
        )
    return None


# -- a class's name before "with" and another name ----------------------------------------------
# "Is hepatitis with polyarteritis nodosa contagious?" got polyarteritis nodosa's "no", and "Is
# anemia with small intestinal bacterial overgrowth contagious?" the overgrowth's: "with" was
# read as "a person with", so only the name after it was read, though the words before it name
# a condition too (hepatitis, which can be caught). Two names side by side stay two
# (``_another_subject``), but a class's name (an umbrella record's, "hepatitis", "anemia",
# "arthritis") is never found inside a longer subject, so nothing saw it. A class's name before
# "with", "and", "plus", "from" or "in" and another condition's name makes the question about
# one through the other, which neither verdict answers; "my son with eczema" keeps its reading.
# An illness named in lay words, which no record holds, is the same ("Is a cold with asthma
# contagious?" got asthma's "no", though the cold is caught): ``_AN_ILLNESS``; a symptom ("is
# cough from asthma contagious") is the condition's own, and keeps its reading.
_A_CLASS_BEFORE = re.compile(
    r"^\s*(?:(?:a|an|the|my|his|her|their|your|our)\s+)?(?P<cls>[a-z][a-z'’ -]*?)\s+"
    r"(?:with|and|plus|alongside|from|in|caused\s+by|due\s+to)\s+$",
    re.I,
)
_AN_ILLNESS = re.compile(
    r"^(?:common\s+|head\s+|chest\s+|stomach\s+|tummy\s+|viral\s+|bacterial\s+)?"
    r"(?:colds?|virus(?:es)?|bugs?|infections?)$",
    re.I,
)


def _a_class_named_before(before: str, ids: tuple[str, ...], kb: KnowledgeBase) -> str | None:
    """The name of the class or illness ``before`` opens with, before "with" and the like, where
    it is another condition than ``ids`` (the block's comment); else None."""
    m = _A_CLASS_BEFORE.match(before)
    if not m:
        return None
    if _AN_ILLNESS.match(m.group("cls")):
        return m.group("cls")
    found = [c for c in _exact(m.group("cls"), kb) if kb.record(c) is not None and c not in ids]
    return kb.name(found[0]) if found else None


# -- a site inside the body named with an infection that is caught -----------------------------
# "Is bone tuberculosis contagious?", "spinal", "renal", "pericardial" and "urogenital
# tuberculosis" got tuberculosis's "yes", though only tuberculosis of the lungs or throat
# passes to other people (the record says as much of its latent form); "Is eye flu contagious?"
# got influenza's "yes", though "eye flu" is a lay name for conjunctivitis. The last
# resort found the infection's name and dropped the site. A contagious "yes" says the infection
# passes from person to person as a rule, by the route it takes; an organ inside the body, or the
# eye, named with it picks a form whose spread the record does not give. Where the verdict is
# "yes", such a site just before the name stays unknown in the contagious family
# (``_INNER_SITE``; "of / in the <site>" after it is refused already); the skin and its parts
# ("scalp ringworm", "face impetigo") keep their reading, as does a "no" (what is not caught is caught nowhere: "Is kidney
# lupus contagious?").
_INNER_SITE = (
    r"(?:bones?|bony|spine|spinal|vertebral|vertebrae|joints?|kidneys?|renal|urinary|urogenital|"
    r"genito[\s-]?urinary|bladder|prostate|testicular|testes|ovarian|ovaries|uterine|womb|pericardial|"
    r"pericardium|heart|cardiac|abdominal|abdomen|intestinal|intestines?|bowels?|peritoneal|liver|"
    r"hepatic|spleen|splenic|brain|cerebral|meningeal|meninges|lymph\s+nodes?|lymphatic|adrenal|"
    r"eyes?|ocular)"
)
_INNER_SITE_BEFORE = re.compile(rf"\b{_INNER_SITE}\s*$", re.I)


def _an_inner_site_of_a_caught_infection(
    subject: str,
    start: int,
    cid: str,
    name: str,
    families: tuple[str, ...] | list[str],
    kb: KnowledgeBase,
) -> str | None:
    """Why a site inside the body named just before the name found at ``subject[start:]`` leaves
    the contagious "yes" unsaid (the block's comment); else None."""
    record = kb.record(cid)
    if "contagious" not in families or record is None:
        return None
    if verdict_for(record, "contagious", kb.records, kb.properties) != "yes":
        return None
    before = _HAVING.split(subject[:start])[-1]
    if not _INNER_SITE_BEFORE.search(before):
        return None
    return (
        f"“{subject.strip()}” names {name} in one part of the body, or another condition: "
        f"whether that form passes to other people is not what {name}'s verdict says"
    )


def _another_subject(
    subject: str,
    kb: KnowledgeBase,
    families: tuple[str, ...] | list[str] = (),
    cid: str | None = None,
) -> str | None:
    """Why a subject whose condition was found among other words names something else (a germ
    where the condition cannot be caught, a second condition, a test result, another illness
    called a flu), or other words close to a name (``_words_not_a_typo``); else None."""
    if _ANOTHER_FLU.match(subject):
        return (
            f"“{subject}” is another illness than influenza, so influenza's verdict does not "
            "answer for it"
        )
    if problem := _marker_or_person(subject, kb):
        return problem
    if problem := _quantified(subject, kb, cid, families):
        return problem
    if (ids := _exact(subject, kb)) and (problem := _carrier_state(subject, ids, kb)):
        return problem
    if ids:
        return None  # (cheap: most subjects are a name as typed)
    if problem := _words_not_a_typo(subject, kb):
        return problem
    if match_subject(subject, kb, inside=False).ids:
        return None
    hits = [h for h in kb.find(subject) if any(kb.record(c) for c in h.concept_ids)]
    if not hits:
        return None
    best = max(hits, key=lambda h: h.end - h.start)
    name = kb.name(_best(list(best.concept_ids), kb) or best.concept_ids[0])
    outside = subject[: best.start] + " " + subject[best.end :]
    if problem := _a_longer_name_misspelt(subject, best.start, best.end, best.concept_ids, kb):
        return problem
    if _HYPHEN_JOINED.search(subject[: best.start]) or _HYPHEN_JOINED_AFTER.match(
        subject[best.end :]
    ):
        # another word joined to the name by a hyphen (the block's comment at ``_HYPHEN_JOINED``)
        return (
            f"“{subject.strip()}” joins another word to {name}'s name: it names another "
            f"condition, whose answer {name}'s verdict does not give"
        )
    # two names side by side ("MODY diabetes") stay two: the longer is not always the one meant
    # (diabetes mellitus's verdict would answer for MODY, which is inherited)
    others = {
        c
        for h in hits
        if h.end <= best.start or h.start >= best.end
        for c in h.concept_ids
        if kb.record(c) and c not in best.concept_ids
    }
    if others:
        return (
            f"“{subject}” names {name} and {kb.name(sorted(others)[0])}: the question is about "
            "one through the other, which neither condition's verdict answers"
        )
    # a class's name before "with" (the block's comment at ``_A_CLASS_BEFORE``)
    if other := _a_class_named_before(subject[: best.start], best.concept_ids, kb):
        return (
            f"“{subject}” names {other} and {name}: the question is about one through the "
            "other, which neither condition's verdict answers"
        )
    if _PEOPLE_AT_RISK.search(outside):
        return (
            f"“{subject}” names people and their risk, not {name}: {name}'s verdict does not "
            "answer for them"
        )
    if _TEST_RESULT.search(outside):
        return (
            f"“{subject}” names a test or a finding, not {name}: it can be found without "
            f"{name}, so {name}'s verdict does not answer for it"
        )
    if _AGENT.search(outside) and not _caught(subject, kb):
        return (
            f"“{subject}” names what sets {name} off, not {name} itself: {name}'s verdict "
            "does not answer for it"
        )
    if _OF_THE_CONDITION.search(subject[: best.start]) and not (
        families
        and all(f == "contagious" for f in families)
        and (v := kb.property(best.concept_ids[0], "contagious")) is not None
        and v.verdict == "no"
    ):
        # (nothing of a condition that cannot be caught can be caught: "Is the rash of lupus
        # contagious?" keeps lupus's "no")
        return (
            f"“{subject}” names something of {name} (a symptom, a part, a time or a risk), not "
            f"{name} itself: {name}'s verdict does not answer for it"
        )
    cid = _best(list(best.concept_ids), kb) or best.concept_ids[0]
    if problem := _kind_before_a_name(subject[: best.start], cid, name, families, kb):
        return problem
    if problem := _an_inner_site_of_a_caught_infection(
        subject, best.start, cid, name, families, kb
    ):
        return problem
    # "Is conjunctivitis in newborns contagious?" is "newborn conjunctivitis" (the block's
    # comment at ``_kind_before_a_name``)
    if _IN_NEWBORNS.match(subject[best.end :]) and (
        problem := _kind_before_a_name("newborn", cid, name, families, kb)
    ):
        return problem
    return None


# -- a misspelt word of a longer name ------------------------------------------------------------
# A typed subject whose one word was misspelt beyond what the fuzzy match takes for a typo ("lng
# covid", "skn lupus", "discod lupus", "noon hodgkin lymphoma") was read by the last resort of
# ``match_subject``, which found the shorter name inside it and dropped the misspelt word: "Is lng
# covid contagious?" got COVID-19's "yes" (long COVID, the illness that lasts after it, is not
# caught), "Is skn lupus autoimmune?" and "Is discod lupus genetic?" systemic lupus's verdicts for
# the skin's own forms. The word dropped was the very word that names the other condition, typed
# with a letter or two left out or changed. So where the words beside the name found are each a
# loose misspelling (``_loosely_misspelt``: the word's letters in order with one or two left out,
# its letters in another order, or in a word of five letters or more one edit, or two from the
# same first letter) of a word of a longer curated name of another condition that holds the name
# found ("long COVID", "skin lupus", "discoid lupus erythematosus"; other words of that name may be
# typed right, "aspirin nduced asthma"), the question stays unknown, naming the condition it may
# mean.
# Words that are the name's word as typed, or a real misspelling of it (``_word_a_typo``), are
# already read by the fuzzy match or the earlier blocks; this block only weighs what they left.


def _loosely_misspelt(t: str, n: str, osa: Any) -> bool:
    """Whether the typed word ``t`` may be ``n`` typed with a letter or two left out or changed
    (the block's comment); a word the same as ``n`` is not (it is no misspelling)."""
    if t == n or len(n) < 3 or len(t) < 3:
        return False
    if _letters(t) == _letters(n):
        return True  # "onn" for "non", "taopic" for "atopic"
    if 0 < len(n) - len(t) <= (2 if t[0] == n[0] else 1):
        it = iter(n)
        if all(c in it for c in t):
            return True  # "lng" for "long", "discod" for "discoid", "iscoid" (its first letter)
    if len(n) >= 5 and osa.distance(t, n) <= 1:
        return True  # "otxic" for "toxic"
    return bool(len(n) >= 5 and t[:1] == n[:1] and osa.distance(t, n) <= 2)


def _a_longer_name_misspelt(
    subject: str, start: int, end: int, found: Any, kb: KnowledgeBase
) -> str | None:
    """Why a subject whose name was found beside misspelt words may be another condition's longer
    name (the block's comment); else None."""
    rf = _rapidfuzz()
    if rf is None:
        return None
    osa = rf[1].OSA
    inner = _key(subject[start:end]).split()
    outside = [w for w in _key(subject[:start] + " " + subject[end:]).split() if w not in _JOINING]
    if not inner or not outside:
        return None
    keys, ids, _shown, _anagrams = _fuzzy_index(kb)
    n = len(inner)
    meant: list[str] = []
    for key, rid in zip(keys, ids, strict=True):
        if kb.record(rid) is None:
            continue
        words = key.split()
        at = next((i for i in range(len(words) - n + 1) if words[i : i + n] == inner), None)
        if at is None:
            continue
        rest = [w for w in words[:at] + words[at + n :] if w not in _JOINING]
        if len(outside) > len(rest):
            continue
        left, misspelt = list(rest), False
        for w in outside:
            hit = next((r for r in left if r == w or _loosely_misspelt(w, r, osa)), None)
            if hit is None:
                break
            left.remove(hit)
            misspelt = misspelt or hit != w
        else:
            if not misspelt:
                continue  # the words typed right: a name the earlier blocks weigh
            if rid in found:
                return None  # the found condition's own longer name ("itamin B12 deficiency")
            meant.append(rid)
    if not meant:
        return None
    return (
        f"“{subject}” may be {kb.name(meant[0])} misspelt, not {kb.name(found[0])}: write the "
        "name out in full"
    )


# -- context, comparisons and a second condition ---------------------------------------------------
# A question that sets its condition beside another, or asks about something only resembling it,
# got the first condition's verdict alone, though that verdict answers another question:
# * "Is IBD autoimmune like IBS?", "Is flu contagious like eczema?", "Is sickle cell genetic like
#   lupus?", "Is hep C curable like hep B?" got "Yes" with "like Y" named as not judged; a "yes"
#   beside "like Y" reads "yes, as Y is", and Y is not (IBS is not autoimmune, eczema not caught).
#   A verdict stays beside "like Y" only where it is "no" (X is not so, like Y or not), or where
#   the knowledge base gives Y at least as much of the property ("Is psoriasis autoimmune like
#   lupus?": both "yes"; "Is lupus genetic like sickle cell?": "partly" beside a "yes"). Y may
#   share the end of X's name ("Is type 1 diabetes autoimmune like type 2?"); where Y names no
#   condition healthlens knows ("like a cold"), the part stays not judged, as before. So for a
#   comparison in a clause before the question ("Like IBS, is IBD autoimmune?", ``_LIKE_FIRST``).
# * "Is lupus an autoimmune reaction to RA?", "Is celiac an autoimmune reaction to type 1
#   diabetes?", "Is eczema an allergic reaction to asthma?", "Are hives an allergic reaction to
#   lupus?" got the autoimmune or allergy verdict, the rest named as not judged: the part says one
#   condition is a reaction to another, and a condition that cannot be caught is neither an
#   allergen nor a germ to react to. A part "to / after / from Y" naming such a condition is
#   refused; one naming what can be caught ("an autoimmune reaction to strep throat") or no
#   condition ("to gluten", "to medication") stays, as does a "no" ("Is psoriasis an allergy to
#   eczema?": psoriasis is no allergy to anything).
# * "My son has something like eczema, is it contagious?", "Is anything like eczema contagious?",
#   "Is an illness like MS contagious?", "my son has what looks like ringworm", "my son has eczema
#   or something": the subject is
#   something resembling the condition, or it or another, whose own yes/no is not the condition's
#   (``_RESEMBLING``).
# * "Does strep make psoriasis contagious?", "Does a cold make eczema contagious?" got psoriasis's
#   and eczema's "no": the question asks whether something changes the condition (as "Can X become
#   contagious?", refused with the framed questions), not the plain question (``_MADE``).
# * "Are crohns/colitis autoimmune?" got Crohn disease's "Yes": a typed slash was read as a space,
#   and "crohns colitis" is a name of Crohn disease; the reader joins two conditions (a slash
#   between two names is a joining word, ``_JOIN``, so "Is celiac/IBS autoimmune?" gets an answer
#   for each).
# * "What does having lupus mean?" got the definition of lupus: what having a condition means for
#   someone is no definition of it (``_WHAT_HAVING_MEANS``).
_LIKE_PART = re.compile(r"^(?:just\s+|much\s+)?like\s+(?P<y>.+)$", re.I)
_REACTION_PART = re.compile(
    r"^(?:to|after|following|against|from|(?:triggered|caused|set\s+off|brought\s+on)\s+by)\s+"
    r"(?P<y>.+)$",
    re.I,
)
# "Like IBS, is IBD autoimmune?": the comparison in a clause before the question
_LIKE_FIRST = re.compile(r"^(?:just\s+)?(?P<part>like\s+[^,]+?)\s*,\s*\S", re.I)
_RESEMBLING = re.compile(
    r"\b(?:(?:some|any|a)\s*thing|what|one|(?:illness|condition|disease|disorder|problem|rash)e?s?)"
    r"\s+(?:(?:that|which)\s+)?"
    r"(?:(?:looks?|seems?|is|feels?|sounds?)\s+)?(?:like|similar\s+to)\s+X\b|"
    r"\blooks?\s+like\s+X\b|\bX\s+or\s+(?:something|what(?:ever)?)\b",
    re.I,
)
_MADE = re.compile(r"\b(?:make|makes|made|making|turn|turns|turned)\s+X\b", re.I)
_WHAT_HAVING_MEANS = re.compile(
    r"^what\s+(?:does|do|would|will)\s+(?:having|being\s+diagnosed\s+with|a\s+diagnosis\s+of)\s",
    re.I,
)
_VERDICT_RANK = {"no": 0, "uncertain": 1, "partly": 1, "yes": 2}


def _another_condition_in_context(
    t: str,
    raw: str,
    subject: str,
    unjudged: tuple[str, ...],
    cid: str | None,
    predicates: list[str],
    kb: KnowledgeBase,
) -> str | None:
    """Why a reading whose condition was found answers another question than the one asked: a
    "yes" beside "like Y" where the knowledge base holds Y less so, a reaction to a condition that cannot be
    caught, something resembling the condition, something making it so, what having it means
    (the block's comment above); else None. ``t`` is the question read, ``raw`` the question as
    typed (cleaned), with any clause before it ("Like IBS, is IBD autoimmune?")."""
    record = kb.record(cid) if cid else None
    if cid is None or record is None or not predicates:
        return None
    name = kb.name(cid)
    if predicates[0] == "definition":
        if _WHAT_HAVING_MEANS.match(t):
            return (
                f"the question asks what having {name} means for someone, which the definition "
                "of it does not answer"
            )
        return None
    first = _LIKE_FIRST.match(raw)
    for part in (*unjudged, *((first.group("part"),) if first else ())):
        if m := _LIKE_PART.match(part):
            y = m.group("y")
            # "like type 2" beside "type 1 diabetes": Y shares the end of X's name
            tail = subject.split()
            other = _condition_of(y, kb) or next(
                (
                    c
                    for j in (1, 2)
                    if len(tail) > j
                    and (c := _condition_of(f"{y} {' '.join(tail[-j:])}", kb)) not in (None, cid)
                ),
                None,
            )
            if other is None:
                continue  # no condition named ("like a cold"): the part stays not judged
            for family in predicates:
                mine = verdict_for(record, family, kb.records, kb.properties)
                if _VERDICT_RANK.get(mine or "", 0) == 0:
                    continue  # "no": not so, like Y or not
                yours = kb.record(other)
                theirs = verdict_for(yours, family, kb.records, kb.properties) if yours else None
                if theirs is None or _VERDICT_RANK.get(theirs, 0) < _VERDICT_RANK[mine]:
                    return (
                        f"the question sets {name} beside “{y}”, which the knowledge base does "
                        f"not hold to be as much so: {name}'s verdict alone would answer “as {y} "
                        "is”"
                    )
        elif (m := _REACTION_PART.match(part)) and (named := _exact(_subject(m.group("y")), kb)):
            caught = kb.property(named[0], "contagious")
            if (
                named[0] != cid
                and (caught is None or caught.verdict == "no")
                # "no" (X is no allergy, no reaction of that kind to anything) answers it
                and any(
                    verdict_for(record, f, kb.records, kb.properties) not in (None, "no")
                    for f in predicates
                )
            ):
                return (
                    f"the question asks whether {name} is a reaction to {kb.name(named[0])}, "
                    "a condition that cannot be caught: no verdict of one condition answers it"
                )
    if (
        "/" in subject
        and not any("/" in n for n in record.names)
        and len({_condition_of(x, kb) for x in subject.split("/")}) > 1
    ):
        # "crohns/colitis" read as the one name "Crohn's colitis" (the slash taken as a space)
        return (
            f"“{subject}” joins words with a slash, which {name}'s names do not hold: ask about "
            "each condition on its own"
        )
    unnamed = _outside_names(subject, _RESEMBLING, kb)
    if _RESEMBLING.search(unnamed):
        return (
            f"“{subject}” is something resembling {name}, or it or another: {name}'s verdict "
            "does not answer for it"
        )
    if _MADE.search(unnamed):
        return (
            f"“{subject}” asks whether something makes {name} so, which {name}'s verdict does "
            "not answer"
        )
    return None


# -- a family's words that ask another question ------------------------------------------------
# Questions in a property family's words whose yes/no is not the family's verdict; each got the
# family's verdict before:
# * "Can psoriasis spread?", "Does melanoma spread?": "spread" with no person is as often spread
#   over the body or to other organs as to other people, and "no, not contagious" read "no, it
#   does not spread" (a cancer spreads). Kept only where the knowledge base says X can be caught
#   ("yes"), where either sense gets the same answer (``_SPREADS``).
# * "Can you get rid of ringworm?" got ringworm's contagious "yes" (the catch/get form took "rid of
#   ringworm" as its subject), and "Can you get impetigo on your face?", "... twice", "... at the
#   gym" ask where, how often or where from, not whether it can be caught: the catch/get form
#   keeps no words after the condition's name but those that only insist (``_GETS_X``).
# * "Can you get pink eye from allergies?": a cause, not a person to catch it from (the who and
#   which check looked at the first reading only, an allergy reading there).
# * "Does hepatitis C go away on its own?": curable's "yes" is "cured with treatment or on its own"
#   (docs/knowledge-schema.md), so only its "no" (lifelong) answers whether it clears untreated
#   (``_UNTREATED``).
# * "Can Marfan syndrome skip a generation?": whether it skips is the pattern of inheritance; a
#   dominant condition ("yes, inherited") does not skip, so no verdict answers it (``_SKIPS``).
# * "Can HIV be passed on?", "Can HIV be passed on to children?" got inherited's "No", and "Can
#   lupus be passed?" the contagious "No": passing on is how genes and germs both go, so an
#   inherited reading in passing words is kept only where X cannot be caught (as "passed from
#   parents to kids"), and a contagious reading of a bare "passed" / "given" only where it can
#   ("yes"), where either sense gets the same answer (``_PASSED``, ``_BARE_PASSED``). So is a
#   bare "transmitted": "Can hemophilia / cystic fibrosis be transmitted?" got the contagious "no",
#   though genes are transmitted too (a mother transmits hemophilia to a son).
# * "Do head lice run in families?", "Does TB run in families?", "Does strep throat run in the
#   family?" got inherited's "no": a family is also a household, and what is caught as a rule
#   goes round one (lice, TB, strep do), so "no, not inherited" read "no, it does not go round a
#   family". An inherited reading with no word of heredity (``_HEREDITY``: "inherited",
#   "genetic", "genes") is kept only where X is not caught as a rule (contagious "yes"), nor
#   caught at all where the answer would be "no, not inherited" ("Does pink eye / thrush run in
#   families?": some kinds go round a household, and "no" would deny it); "Does hair loss run in
#   families?" keeps its "partly" (a kind of hair loss is caught, the class is not as a rule, and
#   its answer does not deny it), and "Is TB genetic?" its "no".
# * "Is type 1 diabetes a genetic disorder or autoimmune?": a subject that holds another family's
#   word outside a condition's name ("type 1 diabetes a genetic disorder or") is no condition
#   (``_OTHER_FAMILY_WORD``).
_SPREADS = re.compile(
    rf"^(?:{_AUX})\s+(?P<x>.+?)(?:\s+(?:be|get))?\s+(?:spread|spreads|spreading)$",
    re.I,
)
# passing words, and the words of heredity that settle which sense they have
_PASSED = re.compile(r"\b(?:pass|passes|passed|passing|handed|hand|given|give|transmit\w*)\b", re.I)
_HEREDITY = re.compile(
    r"\b(?:inherit\w*|genes?|genetic\w*|hereditary|heredity|dna|bloodline)\b", re.I
)
_BARE_PASSED = re.compile(
    rf"^(?:{_AUX})\s+(?P<x>.+?)(?:\s+(?:be|get))?\s+(?:passed|given|shared|transferred|transmitted)$",
    re.I,
)
_GETS_X = re.compile(
    r"^(?:can|could|do|does|will|would)\s+.+?\s+(?:catch|get|contract|pick\s+up)\s+(?P<x>.+?)"
    r"(?:\s+from\s+.+)?$",
    re.I,
)
# words after a name in the catch/get form that leave its question as it was
_ONLY_INSIST = frozenset("too also really actually ever as well even".split())
_NOT_A_CONDITION_AFTER_GET = re.compile(
    r"^(?:rid\s+of|over|better|worse|through|past|used\s+to|tested)\b", re.I
)
_UNTREATED = re.compile(
    r"\b(?:on\s+(?:its|their)\s+own|by\s+(?:itself|themselves)|without\s+(?:any\s+)?(?:treatment|medicine|"
    r"medication|help|doing\s+anything)|naturally|untreated|spontaneously)\b",
    re.I,
)
_SKIPS = re.compile(r"\bskip(?:s|ping|ped)?\s+(?:a\s+|one\s+|the\s+)?generations?\b", re.I)
_OTHER_FAMILY_WORD = re.compile(rf"\b(?:{_PROPERTY_WORDS}|genetically|heritable)\b", re.I)


def _in_other_words(
    t: str, reading: tuple[list[str], str, tuple[str, ...]], kb: KnowledgeBase
) -> bool:
    """Whether ``reading`` of ``t`` is in its family's words yet asks another question (see the
    block's comment)."""
    predicates, x, _ = reading
    first = predicates[0] if predicates else None
    if first == "contagious":
        if (m := _SPREADS.match(t)) and _verdict_of(m.group("x"), "contagious", kb) != "yes":
            return True
        if (g := _GETS_X.match(t)) and _subject(g.group("x")) == x:
            if _NOT_A_CONDITION_AFTER_GET.match(x):
                return True
            words = [
                _POSSESSIVE.sub("", w.lower())
                for w in _TOKEN.findall(_outside_names(x, _OTHER_FAMILY_WORD, kb))
            ]
            if "x" in words and not _exact(x, kb):
                after = words[len(words) - words[::-1].index("x") :]
                if any(w not in _ONLY_INSIST for w in after):
                    return True
        if (m := _BARE_PASSED.match(t)) and _verdict_of(m.group("x"), "contagious", kb) != "yes":
            return True
    if (
        first == "inherited"
        and not _HEREDITY.search(t)
        and (
            (_PASSED.search(t) and _caught(x, kb))
            or _verdict_of(x, "contagious", kb) == "yes"
            or (_caught(x, kb) and _verdict_of(x, "inherited", kb) == "no")
        )
    ):
        # passing words, or a family's ("runs in families"): genes and germs both (the block's
        # comment)
        return True
    if first == "curable" and _UNTREATED.search(t) and _verdict_of(x, "curable", kb) != "no":
        return True
    if first == "inherited" and _SKIPS.search(t):
        return True
    return bool(
        _OTHER_FAMILY_WORD.search(x)
        and not _exact(x, kb)
        and _OTHER_FAMILY_WORD.search(_outside_names(x, _OTHER_FAMILY_WORD, kb))
    )


# "Is X an immune system disease / problem / disorder?" can ask whether X is caused by the immune
# system (the immune family) or whether it is a disease of the immune system. The two part where
# X weakens or is a cancer of the immune system: "Is CVID / HIV / leukaemia an immune system
# disease?" got the family's "No" (not caused by it), which reads "not a disease of the immune
# system". For a condition ICD-10-CM files there (the immunodeficiencies, D80-D84; HIV, B20-B24;
# the cancers of blood and immune cells, C81-C96) the question stays unanswered and says why.
_IMMUNE_SYSTEM_NOUN = re.compile(
    r"\bimmune(?:[\s-]+system)?\s+(?:diseases?|problems?|disorders?|conditions?|illness(?:es)?|"
    r"issues?|dysfunctions?|deficienc(?:y|ies)|cancers?)\b",
    re.I,
)
_IMMUNE_SYSTEM_BLOCKS = (("D80", "D84"), ("B20", "B24"), ("C81", "C96"))


def _of_the_immune_system(cid: str | None, kb: KnowledgeBase) -> str | None:
    """Why "Is X an immune system disease?" is not answered for a condition of the immune system
    itself (``_IMMUNE_SYSTEM_BLOCKS``), else None."""
    rec = kb.record(cid) if cid else None
    if rec is None:
        return None
    codes = {code[:3].upper() for code in rec.icd10cm}
    if not any(lo <= code <= hi for code in codes for lo, hi in _IMMUNE_SYSTEM_BLOCKS):
        return None
    return (
        f"{rec.name} is a condition of the immune system itself (it weakens it, or is a cancer "
        "of its cells); healthlens answers whether a condition is caused by the immune system, "
        "and that answer would not say whether this one is a disease of the immune system"
    )


# -- an infection asked as "an immune response" ------------------------------------------------
# "Is sepsis an immune response?" got the immune family's "No" (sepsis is recorded as an infection,
# not caused by the immune system), yet sepsis is the body's own overwhelming response to an
# infection, and the fever and swelling of any infection are the immune system's response to the
# germ. For a condition the knowledge base records as an infection, "an immune response / immune
# reaction" asks whether its illness is that response, which "not caused by the immune system"
# does not answer (the docstring's "the immune system overreacting" stays not understood alike).
_IMMUNE_RESPONSE = re.compile(
    r"\bimmune(?:[\s-]+system(?:'?s)?)?\s+(?:responses?|reactions?|over-?reactions?|attacks?)\b",
    re.I,
)


def _infection_as_a_response(cid: str | None, kb: KnowledgeBase) -> str | None:
    """Why "Is X an immune response?" is not answered for an infection (the block's comment);
    else None."""
    rec = kb.record(cid) if cid else None
    if rec is None or rec.mechanism != "infectious":
        return None
    return (
        f"{rec.name} is an infection, and its illness is in part the immune system's response to "
        "the germ; healthlens answers whether a condition is caused by the immune system, which "
        "does not say whether this one is an immune response"
    )


def _in_organ(cid: str, organ: str, kb: KnowledgeBase) -> bool:
    """Whether the knowledge base places ``cid`` in ``organ`` (a word of ``_ORGANS``)."""
    rec = kb.record(cid)
    if rec is None:
        return False
    for words, blocks, roots in _ORGANS:
        if not re.fullmatch(words, organ, re.I):
            continue
        codes = {code[:3].upper() for code in rec.icd10cm}
        if any(lo <= code <= hi for code in codes for lo, hi in blocks):
            return True
        return any(re.search(roots, name, re.I) for name in rec.names)
    return False


def _organ_reading(t: str, kb: KnowledgeBase) -> tuple[list[str], str, tuple[str, ...]] | None:
    """The autoimmune reading of "Is X an autoimmune <organ> disease?" where the knowledge base
    places X in that organ, else None (``_ORGANS``)."""
    if "immun" not in t.lower():
        return None
    m = _ORGAN_FORM.match(t)
    if not m or not (subject := _subject(m.group("x"))) or not _names_something(subject):
        return None
    cid = _best(match_subject(subject, kb).ids, kb)
    organ = " ".join((m.group("organ") or m.group("organ2")).split())
    if cid is None or not _in_organ(cid, organ, kb):
        return None
    return ["autoimmune"], subject, ()


def _two_sides(t: str) -> list[tuple[list[str], str, tuple[str, ...]]]:
    """Readings of a question that sets a family's own question beside its opposite, or beside a
    part not judged (``_SIDES``, ``_CURE_BESIDE``)."""
    low = t.lower()
    if " or " not in low:
        return []
    out: list[tuple[list[str], str, tuple[str, ...]]] = []
    for family, pattern in _SIDES:
        m = pattern.match(t)
        if m and m.group("q"):
            shorter = m.group("q") + (m.group("n1") or m.group("n2") or "")
        elif m:
            shorter = f"{m.group('q2')} {m.group('own2')}{m.group('n3') or m.group('n4') or ''}"
        else:
            continue
        out += [r for r in _candidates(shorter) if r[0] == [family] and not r[2]]
    if "cur" in low or "heal" in low:
        for pattern in _CURE_BESIDE:
            m = pattern.match(t)
            if m and (subject := _subject(m.group("x"))) and _names_something(subject):
                part = m.group("u") or m.group("u2")
                out.append((["curable"], subject, (part,)))
    return out


# "Is X contagious like pink eye?": the family's question beside a comparison with another
# condition (at most four words), which healthlens does not judge: the question is answered as
# without it, and the comparison named as not judged (``unjudged``)
_LIKE = re.compile(
    r"^(?P<q>.+?)\s*,?\s+(?P<u>(?:just\s+)?like\s+(?!or\b|and\b)[\w'’-]+(?:\s+(?!or\b|and\b)[\w'’-]+){0,3})$",
    re.I,
)


def _beside_a_comparison(t: str) -> list[tuple[list[str], str, tuple[str, ...]]]:
    """Readings of a family's question followed by "like Y" (``_LIKE``)."""
    if " like " not in t.lower():
        return []
    m = _LIKE.match(t)
    if m is None:
        return []
    part = m.group("u")
    q = m.group("q")
    # "what is a flu like illness": "like" right after the name makes it another condition (a
    # flu-like illness, ``_another_form_beside``), not a comparison beside the question; one
    # follows the family's word ("Is X contagious like pink eye?") or a comma
    glued = "," not in t[len(q) : m.start("u")]
    return [
        (p, x, (*u, part))
        for p, x, u in _candidates(q)
        if not (glued and _key(q).endswith(_key(x)))
    ]


def _candidates(t: str) -> list[tuple[list[str], str, tuple[str, ...]]]:
    """Every (predicates, subject, parts not judged) reading of ``t``, most specific form first:
    two predicates for a compound question."""
    out = _two_sides(t) + _beside_a_comparison(t)
    compound = _compound(t)
    if compound:
        out.append(compound)
    low = t.lower()
    for predicate, pattern in _FORMS:
        gate = _GATES.get(id(pattern))
        if gate is not None and not any(word in low for word in gate):
            continue
        m = pattern.match(t)
        if m and (subject := _subject(m.group("x"))) and _names_something(subject):
            out.append(([predicate], subject, ()))
    return out


def _unnamed(text: str, kb: KnowledgeBase | None) -> str:
    """``text`` with each curated condition name in it replaced by "X", so that a cue word inside a
    name ("treatment" in "post-treatment Lyme disease syndrome", "drug" in "drug-induced lupus")
    is not read as the question's own word; ``text`` itself without a knowledge base."""
    if kb is None:
        return text
    for hit in sorted(kb.find(text), key=lambda h: -h.start):
        if any(kb.record(c) is not None for c in hit.concept_ids):
            # a word, not a gap: cues such as "make X worse" still need one there
            text = text[: hit.start] + "X" + text[hit.end :]
    return text


def _read_all(
    text: str, kb: KnowledgeBase | None = None
) -> tuple[str, list[tuple[list[str], str, tuple[str, ...]]]]:
    """(cleaned text, readings): the readings of a question, best first, each (predicates,
    subject, parts not judged). Knowledge-free without ``kb``; with it, the words of a condition
    name the knowledge base holds never make a subject "not a condition"."""
    t = _clean(text)
    # "In conclusion, is EoE an autoimmune disease": the question is the clause after the comma
    clause = _CLAUSE_QUESTION.search(t)
    if clause and not _OPENS_QUESTION.match(t):
        t = clause.group(1)
    readings = _candidates(t)
    if not readings:
        fixed = _fix_typos(t)
        if fixed != t:
            readings = _candidates(fixed)
            if readings:
                t = fixed
    # "What is the treatment for X?": a question about something else
    # (the names are masked only when a cue is there: kb.find is the slow part)
    return t, [
        r
        for r in readings
        if not (_NOT_A_CONDITION.search(r[1]) and _NOT_A_CONDITION.search(_unnamed(r[1], kb)))
    ]


def _read(text: str) -> tuple[str, list[str], str | None]:
    """(cleaned text, predicates, subject) of the first reading; ``[]`` and None for none."""
    t, readings = _read_all(text)
    return (t, readings[0][0], readings[0][1]) if readings else (t, [], None)


def question_form(text: str) -> tuple[str, str | None, str | None]:
    """(cleaned text, predicate, subject) of the first question form ``text`` takes; predicate and
    subject are None when it takes none. The knowledge-free half of ``parse_question``."""
    t, predicates, subject = _read(text)
    return t, (predicates[0] if predicates else None), subject


def declined_kind(text: str) -> str | None:
    """The kind of question healthlens declines (treatment, prevention, cause, prognosis,
    advice) that ``text`` is, or None."""
    t = _clean(text)
    for kind, pattern in _DECLINE:
        if pattern.search(t):
            return kind
    return None


def parse_questions(
    text: str, kb: KnowledgeBase, source: QuestionSource = "argument"
) -> list[Question]:
    """One ``Question`` per property asked about: two for "Is X an allergy or autoimmune?"; and
    one per condition where the subject joins several ("Is lupus or fibromyalgia autoimmune?",
    "Are lupus, MS and psoriasis autoimmune?")."""
    q = parse_question(text, kb, source)
    subject = q.subject or ""
    # (split only where the subject stands in the text as typed, so each part can replace it)
    parts = _conditions(subject, kb) if q.concept_id is None and subject in text else None
    if subject and parts is not None:
        out = []
        for part in parts:
            one = parse_question(text.replace(subject, part, 1), kb, source)
            one.text = q.text
            out.extend(parse_questions_of(one))
        return out
    return parse_questions_of(q)


def parse_questions_of(q: Question) -> list[Question]:
    """``q`` and one more ``Question`` for each further property it asks about (``also``)."""
    out = [q]
    for predicate in q.also:
        out.append(
            Question(
                q.text,
                predicate,
                q.subject,
                q.concept_id,
                q.concept_name,
                q.source,
                read_as=q.read_as,
                unresolved=q.unresolved,
                unjudged=q.unjudged,
            )
        )
    return out


# -- definitions, abbreviations and links: the thing asked about ----------------------------------
# "What is ESR in lupus?" was answered "ESR in lupus refers to systemic lupus erythematosus", "What
# is GBS in babies?" as Guillain-Barré syndrome (in a baby GBS is group B strep), "What is PID in
# women?" as primary immunodeficiency (pelvic inflammatory disease), "What is lupus caused by?" and
# "What is the autoimmune version of diabetes?" as the definition of lupus and of diabetes: the
# definition family found a condition's name inside the subject and defined it, whatever the other
# words asked. "Is psoriasis linked to autoimmune disease or allergies?" got "No" (psoriasis is not
# an allergy), "Is eczema linked to allergies or autoimmune disease?" "No" (eczema is not
# autoimmune): a link was read as the property itself. "Is psoriasis linked to autoimmune diseases
# like lupus?" got the general link's "Yes" (read as "yes, to lupus"). Each is another question.

# what a definition's subject may be wrapped in and still ask for that thing's definition: "the
# full form of GBS", "the meaning of MS", "another name for hives" (the definition names the
# expansion and the other names); the wrapper is taken off the subject
_DEFINITION_WRAPPER = re.compile(
    r"^(?:the\s+)?(?:full\s+(?:form|name)|long\s+form|expansion|meaning|definition|"
    r"(?:(?:medical|scientific|technical|proper|official|full|other|real|correct)\s+|an?other\s+)?(?:name|term|word)|"
    r"short\s+form|"
    r"(?:medical\s+)?(?:abbreviation|acronym))\s+(?:of|for)\s+(?:an?\s+|the\s+)?(?P<x>.+)$|"
    # "the word lupus", "the term MS"
    r"^(?:the\s+)?(?:word|term|abbreviation|acronym|letters)\s+(?P<y>.+)$|"
    # "What is meant by X?"
    r"^meant\s+by\s+(?P<z>.+)$",
    re.I,
)
# people named by who they are, after a full name: "eczema in babies" is still eczema
_DEFINITION_PEOPLE = re.compile(
    r"^in\s+(?:(?:babies|infants|newborns|toddlers|children|kids|teens|teenagers|adolescents|adults|"
    r"women|men|boys|girls|(?:older|elderly)\s+(?:people|adults)|the\s+elderly))$",
    re.I,
)
# letters followed by who has them or when: "GBS in babies", "PID in women", "APS in pregnancy"
_LETTERS_IN_A_SETTING = re.compile(r"^([A-Za-z][A-Za-z0-9]{1,6})\s+(?:in|during|among|for)\s+\S.*$")
# a head noun that repeats the kind of the name: "What is CVS syndrome?", "PCH disease"
_DEFINITION_HEAD = re.compile(r"^(?:syndrome|disease|disorder|condition|illness)$", re.I)
# a link between conditions, outside condition names: the link family's words, never another
# family's property ("linked to allergies" is not "an allergy")
_LINK_WORDS = re.compile(
    r"\b(?:linked|related|connected|associated|tied|correlated|link|links|connection|association|"
    r"complication|complications|trigger|triggers|risk\s+factor)\b",
    re.I,
)
# a property word that is no condition's name ("autoimmune" completed to "autoimmune thyroiditis"
# is Hashimoto's, "What is autoimmune?" is not a question about it)
_PROPERTY_WORD = re.compile(
    r"^(?:auto[\s-]?immune|autoimmunity|immune|allergic|genetic|hereditary|inherited|"
    r"contagious|infectious|curable)$",
    re.I,
)


def _a_class_word(query: str, kb: KnowledgeBase) -> bool:
    """One word that ends curated names ("colitis" ends "ulcerative colitis", "syndrome" many): a
    class, wider than the one name that starts with it ("colitis ulcerosa", "dermatitis
    herpetiformis", "syndrome X"), so never a short form of that name (``_prefix``)."""
    if " " in query:
        return False
    last = _per_kb(
        "class",
        kb,
        lambda: frozenset(k.rsplit(" ", 1)[1] for k in _fuzzy_index(kb)[0] if " " in k),
    )
    return query in last


def _several_readings(name: str, kb: KnowledgeBase) -> bool:
    """Letters the knowledge base marks as standing for several things ("GBS", "PID"): which one
    is meant can turn on who has it ("GBS in babies" is group B strep)."""
    return kb.terms.is_ambiguous(name.strip())


def _defined_subject(subject: str, kb: KnowledgeBase) -> str | None:
    """The subject a definition asks about, its wrapper taken off ("the full form of GBS" ->
    "GBS"), or None when the subject asks about something else beside a condition's name ("ESR in
    lupus", "lupus caused by", "the autoimmune version of diabetes") or letters with several
    readings in a setting that may choose one ("GBS in babies", "PID in women")."""
    m = _DEFINITION_WRAPPER.match(subject)
    if m is not None and not _exact(subject, kb):
        subject = m.group("x") or m.group("y") or m.group("z")
    if match_subject(subject, kb, inside=False).ids or not kb.find(subject):
        return subject  # the whole subject names it, or nothing in it does (stays unresolved)
    if _conditions(subject, kb):
        return subject  # "lupus or MS": each is defined on its own (``parse_questions``)
    best = max(kb.find(subject), key=lambda h: h.end - h.start)
    before = subject[: best.start].strip(" ,")
    after = subject[best.end :].strip(" ,")
    name = subject[best.start : best.end]
    if before and _ARTICLE.sub("", before + " ").strip():
        return None
    if after and not (
        (_DEFINITION_PEOPLE.match(after) and not _several_readings(name, kb))
        or _DEFINITION_HEAD.match(after)
    ):
        return None
    return subject


def _defs_and_links(
    readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> list[tuple[list[str], str, tuple[str, ...]]]:
    """The readings that ask the question as typed (see the block's comment above)."""
    out = []
    for p, x, u in readings:
        if p == ["definition"]:
            defined = _defined_subject(x, kb)
            if defined is None:
                continue
            x = defined
        if (m := _LETTERS_IN_A_SETTING.match(x.strip())) and _several_readings(m.group(1), kb):
            continue  # "Is GBS in babies contagious?": in a baby GBS is group B strep
        if _PROPERTY_WORD.match(x.strip()):
            continue  # "What is autoimmune?", "Is autoimmune contagious?": no condition named
        if p == ["link"] and re.search(r"\s(?:or|and)$", x.strip(), re.I):
            continue  # "Is X autoimmune or linked to ...": the subject is half of another question
        if "link" not in p and any(_LINK_WORDS.search(_unnamed(w, kb)) for w in (x, *u)):
            continue  # "Is eczema linked to allergies or autoimmune disease?" is no property
        if p == ["link"] and u:
            continue  # "linked to autoimmune diseases like lupus": which diseases, not all
        out.append((p, x, u))
    return out


# -- typed forms read as the plain question they hold ---------------------------------------------
# Searchers type more than the question: where they want the answer from, the question asked
# twice, the people they worry about. Each block below names words that leave the question's
# yes/no the family's yes/no for the named condition, takes them off, and reads what is left with
# every rule above (``_parse_one``): the typed form gets the plain form's reading or stays not
# understood, never another question's verdict. A form whose yes/no is another question (the
# refused forms in the module's docstring) stays not understood, as before.


def parse_question(text: str, kb: KnowledgeBase, source: QuestionSource = "argument") -> Question:
    """The condition and property a question asks about; ``concept_id`` is None when unknown.

    ``predicate`` is None when the form is not understood; ``declined`` then names the kind of
    question healthlens recognises and does not judge. A compound question's further
    properties are in ``also`` (``parse_questions`` splits them)."""
    if (linked := _and_autoimmune_disease(text, kb, source)) is not None:
        return linked
    q = _parse_one(text, kb, source)
    if q.predicate is not None and q.concept_id is not None:
        return q
    for plain, accept in _plain_forms(text, kb):
        p = _parse_one(plain, kb, source)
        if p.predicate is None or (q.predicate is not None and p.concept_id is None):
            continue  # a form read with no condition keeps its own reading
        if accept is None or accept(p, kb):
            p.text = text.strip()
            return p
    return q


# a check a plain form's reading must pass to stand for the typed question (None: any reading)
_Accept = Callable[[Question, KnowledgeBase], bool] | None


def _plain_forms(text: str, kb: KnowledgeBase) -> list[tuple[str, _Accept]]:
    """The plain questions a typed question holds, each with the typed block's words taken off
    (the blocks below), most likely first, with the check its reading must pass; [] where it
    holds none."""
    out: list[tuple[str, _Accept]] = []
    t = " ".join(text.split())
    if (plain := _without_where_to_look(t, kb)) is not None:
        out.append((plain, None))
        t = plain
    if (plain := _without_a_place_first(t, kb)) is not None:
        out.append((plain, None))
        t = plain
    if (plain := _without_asking_for_an_answer(t, kb)) is not None:
        out.append((plain, None))
        t = plain
    if (plain := _without_anyone_else(t, kb)) is not None:
        out.append((plain, None))
        t = plain
    if (first := _asked_twice(t, kb)) is not None:
        out.append((first, None))
    if (plain := _to_other_people(t)) is not None:
        out.append((plain, None))
    if (who_has_it := _who_has_it_named_alone(t, kb)) is not None:
        out.append(who_has_it)
    if (diagnosed := _diagnosed_then_asked(t, kb)) is not None:
        out.append(diagnosed)
    if (has_it := _has_it_then_asked(t, kb)) is not None:
        out.append(has_it)
    if (named := _named_then_asked(t, kb)) is not None:
        out.append(named)
    if (field := _in_a_field(t)) is not None:
        out.append(field)
    out.extend(_letters_with_their_words(t, kb))
    out.extend(_letters_with_their_words_last(t, kb))
    if (plain := _rash_of_a_condition(t)) is not None:
        out.append((plain, _the_rash_shares_the_verdict))
    if (allergy := _an_allergy_to_the_name_alone(t, kb)) is not None:
        out.append(allergy)
    out.extend(_a_link_in_keywords(t))
    if (from_a_pet := _caught_from_a_pet(t, kb)) is not None:
        out.append(from_a_pet)
    if (present := _a_cure_asked_of_the_present(t)) is not None:
        out.append(present)
    if (low := _low_for_a_deficiency(t, kb)) is not None:
        out.append(low)
    if (food := _a_germs_food_poisoning(t, kb)) is not None:
        out.append(food)
    return out


# -- where to look: "is lupus contagious forum", "is celiac genetic nhs" --------------------------
# A searcher adds the place they want the answer from after the question ("forum", "reddit",
# "nhs", "mayo clinic"): the word names where to read, not the condition or the property, and
# the question before it has the same yes/no. Only a name of a place to read is taken off, and
# only at the end, never from inside a condition's name the knowledge base holds. "symptoms",
# "treatment", "uk" and "in children" after a question are not here: they ask about something
# else, or narrow who is asked about.
_WHERE_TO_LOOK = re.compile(
    r"^(?P<q>.*?\w[)'’]?)[\s,?.!:;|–—-]+"
    r"(?:(?:forums?|reddit|quora|mumsnet|nhs|webmd|mayo\s+clinic|wikipedia|wiki)[\s?.!]*)+$",
    re.I,
)


def _without_where_to_look(t: str, kb: KnowledgeBase) -> str | None:
    """``t`` without the places to read after it (the block's comment); None where it names none
    or the word ends a condition's name."""
    m = _WHERE_TO_LOOK.match(t)
    if m is None:
        return None
    cut = len(m.group("q"))
    if any(h.start < cut < h.end or (h.start >= cut and h.end > cut) for h in kb.find(t)):
        return None  # the word belongs to a name the knowledge base holds
    return m.group("q")


# -- where to look, typed first: "reddit is eosinophilic esophagitis autoimmune" -----------------
# The place to read comes first as often as last ("reddit is lupus contagious", "nhs: is celiac
# genetic"): the same words (``_WHERE_TO_LOOK``), taken off the start, and the question after them
# read as typed alone, with its reading or its refusal. Only where a question word follows, so the
# place opens a question and is no part of a condition's name or of a statement ("mayo clinic
# lupus"), and never from inside a name the knowledge base holds.
_A_PLACE_FIRST = re.compile(
    r"^(?:(?:forums?|reddit|quora|mumsnet|nhs|webmd|mayo\s+clinic|wikipedia|wiki)[\s,:;|–—-]+)+"
    r"(?P<q>(?:is|are|can|could|does|do|what|how|will|would)\s+\S.*)$",
    re.I,
)


def _without_a_place_first(t: str, kb: KnowledgeBase) -> str | None:
    """``t`` without the places to read before it (the block's comment); None where it names none
    or the word opens a condition's name."""
    m = _A_PLACE_FIRST.match(t)
    if m is None:
        return None
    cut = m.start("q")
    if any(h.start < cut for h in kb.find(t)):
        return None  # the word belongs to a name the knowledge base holds
    return m.group("q")


# -- asking for an answer: "is lupus contagious yes or no", "is X curable please help" ------------
# Searchers ask for the answer around the question: "yes or no", "thanks", "please help", "help!"
# before it. The words ask for an answer, not about the condition or the property, and the
# question they wrap has the same yes/no: they are taken off (at the end, and "help"/"please"
# before a question word at the start) and the question read as typed alone, with its reading or
# its refusal. "Help" left alone inside a question is its own ("Does ibuprofen help lupus?" asks
# what helps, and stays declined), and a word inside a condition's name is never taken off.
_ASKING_AT_THE_END = re.compile(
    r"^(?P<q>.*?\w[)'’]?)[\s,?.!:;–—-]+"
    r"(?:(?:yes\s+or\s+no|thanks?(?:\s+(?:in\s+advance|all|everyone|so\s+much))?|thank\s+you|"
    r"please(?:\s+help)?|pls(?:\s+help)?|plz(?:\s+help)?|help(?:\s+(?:please|pls|me))?|"
    r"any\s+help\s+(?:is\s+)?appreciated|any\s+advice\s+appreciated)[\s?.!]*)+$",
    re.I,
)
_ASKING_AT_THE_START = re.compile(
    r"^(?:(?:help|please|pls|plz)[\s!,.:;–—-]+)+"
    r"(?P<q>(?:is|are|can|could|does|do|what|how|will|would)\s+\S.*)$",
    re.I,
)


def _without_asking_for_an_answer(t: str, kb: KnowledgeBase) -> str | None:
    """``t`` without the words that ask for an answer around it (the block's comment); None
    where it has none, or the words belong to a condition's name."""
    q = t
    if (m := _ASKING_AT_THE_START.match(q)) is not None:
        q = m.group("q")
    if (m := _ASKING_AT_THE_END.match(q)) is not None:
        q = m.group("q")
    if q == t:
        return None
    start, end = t.index(q), t.index(q) + len(q)
    if any(h.start < start < h.end or h.start < end < h.end for h in kb.find(t)):
        return None  # the words belong to a name the knowledge base holds
    return q


# -- asking others too: "is recurrent pericarditis autoimmune anyone else" ------------------------
# On a forum a searcher types the question and then "anyone else?" to ask others for their own
# story. The words ask who else can tell, not about the condition or the property, and the
# question before them has the same yes/no: they are taken off at the end and the question read
# as typed alone, with its reading or its refusal. Only after a word that can end a question: after
# "to", "from", "than", "like" or a verb ("can you catch lupus from anyone else", "is it
# contagious to anyone else", "will I give it anyone else") the words are the question's own
# people, left to the forms that read them; a question that starts with them ("anyone else told
# their hives are autoimmune", "has anyone else outgrown X") asks about others and is not here.
# Only after a question word opens the question: keywords without one ("endometriosis and
# autoimmune disease connection anyone else") may ask who else has both, and stay not understood
# as the link-in-keywords block decided.
_ANYONE_ELSE = re.compile(
    r"^(?P<q>(?:is|are|can|could|does|do|will|would|what|how)\s+.*?\w[)'’]?)[\s,?.!:;–—-]+"
    r"(?:(?:has|does|is)\s+)?(?:any\s?one|any\s?body)\s+else"
    r"(?:\s+here)?[\s?.!]*$",
    re.I,
)
_NOT_BEFORE_ANYONE_ELSE = re.compile(
    r"\b(?:to|from|than|like|with|by|for|of|off|onto|and|or|as|at|on|in|infect|infects|give|gives|"
    r"pass|passes|spread|spreads|catch|catches|get|gets|affect|affects|transmit|transmits|"
    r"tell|told|ask|asked|help|helps|have|has|had|got)$",
    re.I,
)


def _without_anyone_else(t: str, kb: KnowledgeBase) -> str | None:
    """``t`` without "anyone else" after it (the block's comment); None where it has none, the
    words follow one that makes them the question's own, or they belong to a condition's name."""
    m = _ANYONE_ELSE.match(t)
    if m is None or _NOT_BEFORE_ANYONE_ELSE.search(m.group("q")):
        return None
    cut = len(m.group("q"))
    if any(h.end > cut for h in kb.find(t)):
        return None  # the words belong to a name the knowledge base holds
    return m.group("q")


# -- the same question asked twice: "is chronic hives curable will it ever go away" ---------------
# A searcher asks the question and then again in other words, the second often with "it" for the
# condition ("is lupus genetic is it hereditary", "is impetigo contagious can you catch it"). Where
# each half alone is understood as the same family for the same condition ("it" read as the first
# half's condition), the question is that one; where the halves differ in family or condition, or
# either half is refused ("is chickenpox contagious is it contagious before the spots appear", "is
# eczema curable will it come back", "is lupus genetic is it contagious"), it stays not understood.
_SECOND_QUESTION = re.compile(
    r"[\s,;?.!]+(?=(?:is|are|can|could|does|do|will|would|what|how)\s+\S)", re.I
)
_IT = re.compile(r"\b(?:it|they|them)\b", re.I)


def _asked_twice(t: str, kb: KnowledgeBase) -> str | None:
    """The first half of ``t`` where ``t`` asks one question twice (the block's comment), else
    None."""
    for m in _SECOND_QUESTION.finditer(t):
        head, tail = t[: m.start()], t[m.end() :]
        if len(head.split()) < 2 or len(tail.split()) < 2:
            continue
        first = _parse_one(head, kb)
        if not first.understood or first.concept_id is None or not first.subject:
            continue
        second = _parse_one(_IT.sub(first.subject, tail, count=1), kb)
        if (second.understood, second.predicate, second.concept_id, second.also) == (
            True,
            first.predicate,
            first.concept_id,
            first.also,
        ):
            return head
        return None  # the halves ask two questions: the first split decides
    return None


# -- the people it would pass to: "can jock itch spread to my girlfriend" --------------------------
# Whether X passes from one person to another is the contagious question whoever the other person
# is: "can X spread to my girlfriend", "is X contagious to my family", "can my boyfriend catch X
# from me" ask it of people the reader names. They are read as "to other people" ("Can X spread to
# other people?", "Is X contagious to other people?") and a partner as "my partner" ("Can my
# partner catch X?"), which the contagious forms above read. People who could get X from the
# reader another way stay out: a baby (a mother's own: pregnancy, birth), and kin after "passed",
# "given" or "transmitted" (genes pass too: "Can lupus be passed to my family?" stays not
# understood). Kin after "spread" ("can the flu spread to my kids", "... to my family") asks "Can X
# spread?", kept only where X can be caught (``_SPREADS``); "contagious to my family" is the
# contagious question, as "contagious to family members" is. A route, time or place after the
# person ("... to my girlfriend sexually", "... before the rash") ends no form here, and a forecast
# ("will X spread to my husband") is none.
_NOT_KIN = (
    r"(?:(?:my|your|his|her|their|our|a|the|one'?s)\s+)?(?:(?:new|best|close)\s+)?"
    r"(?:partners?|spouses?|husband|wife|boyfriend|girlfriend|other\s+half|fianc[eé]e?|friends?|"
    r"room\s?mates?|flat\s?mates?|house\s?mates?|co-?workers?|colleagues?|classmates?)"
)
_OTHERS = (
    r"others|other\s+people|(?:someone|anyone|anybody|somebody)\s+else|"
    r"people\s+around\s+(?:me|you|them)"
)
_FAMILY = r"(?:(?:my|your|his|her|their|our|the)\s+)?(?:family|household|family\s+members)"
_HOUSEHOLD = rf"{_FAMILY}|{_OTHERS}"
# kin after "spread", a family among them: a family shares genes as well as a home
_KIN_TO_SPREAD = (
    r"(?:(?:my|your|his|her|their|our)\s+(?:kids?|children|child|sons?|daughters?|toddlers?|"
    rf"brothers?|sisters?|siblings?))|{_FAMILY}"
)
_PEOPLE_NAMED = (
    (
        re.compile(
            rf"^(?P<aux>can|could|does|do)\s+(?P<x>.+?)\s+spread\s+to\s+(?:{_NOT_KIN}|{_OTHERS})$",
            re.I,
        ),
        "{aux} {x} spread to other people",
    ),
    (
        re.compile(
            rf"^(?P<aux>can|could|does|do)\s+(?P<x>.+?)\s+spread\s+to\s+(?:{_KIN_TO_SPREAD})$", re.I
        ),
        "{aux} {x} spread",
    ),
    (
        re.compile(
            r"^(?P<aux>is|are)\s+(?P<x>.+?)\s+(?P<w>contagious|infectious|catching)\s+to\s+"
            rf"(?:{_NOT_KIN}|{_HOUSEHOLD})$",
            re.I,
        ),
        "{aux} {x} {w} to other people",
    ),
    (
        re.compile(
            r"^(?P<aux>can|could)\s+(?P<x>.+?)\s+be\s+(?:spread|passed(?:\s+on)?|transmitted|given)\s+"
            rf"to\s+{_NOT_KIN}$",
            re.I,
        ),
        "{aux} {x} be spread to other people",
    ),
    (
        re.compile(
            rf"^(?P<aux>can|could)\s+{_NOT_KIN}\s+(?P<w>catch|get|contract|pick\s+up)\s+(?P<x>.+?)"
            r"(?P<tail>\s+from\s+me)?$",
            re.I,
        ),
        "{aux} my partner {w} {x}{tail}",
    ),
)


def _to_other_people(t: str) -> str | None:
    """``t`` with the people it names read as other people (the block's comment), else None."""
    t = t.strip().rstrip(" ?.!")
    for pattern, plain in _PEOPLE_NAMED:
        if m := pattern.match(t):
            return plain.format(**{k: v or "" for k, v in m.groupdict().items()})
    return None


# -- the person who has it, named first: "my husband has shingles can I catch it" ----------------
# A reader names the person who has X and then asks whether they can catch it: "my husband has
# shingles, can I catch it", "my roommate has the flu can I get it from her". That is "Can I catch
# X from my husband?", the contagious question with a person named, which the forms above read
# (and refuse where they refuse it). Only people who share no genes with the reader and are no
# baby of theirs (``_NOT_KIN``): "my dad has X, can I get it" may ask whether it is inherited, and
# "my dad has X, will I get it" is a personal forecast, both left not understood. Only "has" (now):
# "my husband had shingles, can I catch it" asks about a time; only "can"/"could" (not "will": a
# forecast), and nothing after "it" but the person it would come from.
_WHO_HAS_IT = re.compile(
    rf"^(?P<who>{_NOT_KIN})\s+(?:has|has\s+got|'s\s+got)\s+(?P<x>.+?)[\s,;:.?!–—-]+"
    r"(?:so\s+|and\s+)?(?:can|could)\s+(?:i|we)\s+(?P<v>catch|get|contract)\s+it"
    r"(?:\s+from\s+(?:him|her|them))?(?:\s+too)?$",
    re.I,
)


def _who_has_it_first(t: str) -> str | None:
    """``t`` as "can I catch X from <the person>" (the block's comment), else None."""
    m = _WHO_HAS_IT.match(t.strip().rstrip(" ?.!"))
    if m is None:
        return None
    return f"can I {m.group('v')} {m.group('x')} from {m.group('who')}"


def _a_contagious_reading(q: Question, kb: KnowledgeBase) -> bool:
    return q.predicate == "contagious" and q.concept_id is not None and not q.also


# -- the person who has it: only the condition's name after "has" -------------------------------
# "my husband has shingles, can I catch it" is read as "can I catch shingles from my husband"
# (the block above) only where the words after "has" are the condition's name alone (an article
# before a common name is the name's: "my friend has a cold sore"), and the reading is that
# condition. Anything more asks another question, though the contagious forms would read the
# name inside it: "my husband has had the flu, can I catch it" and "... has recently had covid"
# ask about an illness that is over (the time "had" names), "my friend has a baby with hand,
# foot and mouth disease" or "a dog with ringworm" names someone else who has it (a baby, a
# pet), and "my husband has shingles vaccine" a vaccine, not the condition. They stay not
# understood.
def _who_has_it_named_alone(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """``_who_has_it_first``'s reading of ``t`` with the check that it is read as the condition
    named alone after "has" (the block's comment); None where ``t`` names no condition so."""
    plain = _who_has_it_first(t)
    m = _WHO_HAS_IT.match(t.strip().rstrip(" ?.!"))
    if plain is None or m is None:
        return None
    x = re.sub(r"^(?:a|an|the)\s+", "", m.group("x").strip(), flags=re.I)
    named = match_subject(x, kb, inside=False).ids
    if not named:
        return None
    cid = _best(named, kb)

    def accept(q: Question, kb: KnowledgeBase) -> bool:
        return _a_contagious_reading(q, kb) and q.concept_id == cid

    return plain, accept


# -- the reader's diagnosis, then the question: "newly diagnosed with X, is it hereditary?" -------
# A reader writes that they were just diagnosed with X and asks about "it": "hi all, newly
# diagnosed with myasthenia gravis, is it hereditary?", "I was just diagnosed with lupus. Is it
# contagious?". "It" is X, and the question is the plain one about X ("Is myasthenia gravis
# hereditary?"), read with every rule above, its reading or its refusal ("will it go away on its
# own" stays not understood). Only the reader's own diagnosis: another person's ("my son was
# diagnosed with X, did he get it from me") may ask which parent. Only a question with "it" as its
# subject, right after the name, and at most one sentence after it saying the reader worries about
# passing it to people named as the contagious forms name them (not a baby: a mother passes some
# conditions by other means than genes or germs). The question is read as X's only where X alone
# names that condition.
_READER_DIAGNOSED = re.compile(
    r"^(?:(?:hi|hello|hey)(?:\s+(?:all|everyone|everybody|guys|there|folks))?[\s,.!:;–—-]+)?"
    r"(?:(?:i\s+was|i'?ve\s+been|i\s+have\s+been|i'?m|i\s+am|i\s+got|got|been|was)\s+)?"
    r"(?:(?:newly|just|recently|finally)\s+)?diagnosed\s+with\s+"
    r"(?P<x>[^,;:.?!]+?)[\s,;:.!–—-]+(?:(?:and|so)\s+)?"
    r"(?P<q>(?:is|can|could|does|do|will)\s+it\b[^?.!]*)"
    r"(?:[?.!]+\s*(?P<tail>.*?))?[\s?.!]*$",
    re.I,
)
_PASSING_IT_ON = re.compile(
    r"^(?:i'?m\s+|i\s+am\s+|am\s+)?(?:worried|scared|afraid|concerned|nervous|anxious)\s+"
    r"(?:about|of)\s+(?:passing|giving|spreading)\s+it\s+(?:on\s+)?to\s+"
    rf"(?:{_NOT_KIN}|{_HOUSEHOLD}|(?:my|our)\s+(?:kids|children|sons?|daughters?))$",
    re.I,
)


def _diagnosed_then_asked(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """The plain question about the condition the reader was diagnosed with (the block's
    comment), with the check that it is read as that condition; None where ``t`` asks none."""
    m = _READER_DIAGNOSED.match(t.strip())
    return _asked_about_it(m, kb) if m is not None else None


def _asked_about_it(m: re.Match[str], kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """The plain question a match of ``_READER_DIAGNOSED`` or ``_READER_HAS`` holds, with "it"
    read as its condition ``x``, and the check that it is read as that condition; None where the
    tail is no worry about passing it on, or ``x`` names no condition."""
    tail = (m.group("tail") or "").strip()
    if tail and not _PASSING_IT_ON.match(tail.rstrip(" ?.!")):
        return None
    x = m.group("x").strip()
    named = match_subject(re.sub(r"^(?:a|an|the)\s+", "", x, flags=re.I), kb, inside=False).ids
    if not named:
        return None
    cid = _best(named, kb)
    plain = re.sub(r"\bit\b", x, m.group("q"), count=1, flags=re.I)

    def accept(q: Question, kb: KnowledgeBase) -> bool:
        return q.concept_id == cid and q.understood and not q.also

    return plain, accept


# -- the reader has it, then the question: "I have psoriasis, is it contagious?" -----------------
# As a diagnosis (the block above), a reader says they have X and asks about "it": "I have
# psoriasis, is it contagious?", "I've got lupus is it genetic". "It" is X, and the question is the
# plain one about X, read with every rule above and kept only where it is read as X. Only "have"
# or "have got" now: "I had X" names a time ("I had shingles, is it contagious" asks whether it
# still is), and another person's X ("my son has X, is it genetic") may ask which parent. The
# article before a common name ("I have the flu") is the name's; anything else between "have" and
# the name ("I have had", "I have X symptoms") leaves it not understood.
_READER_HAS = re.compile(
    r"^(?:(?:hi|hello|hey)(?:\s+(?:all|everyone|everybody|guys|there|folks))?[\s,.!:;–—-]+)?"
    r"(?:i\s+have|i'?ve\s+got|i\s+have\s+got|i\s+got)\s+"
    r"(?P<x>[^,;:.?!]+?)[\s,;:.!–—-]+(?:(?:and|so)\s+)?"
    r"(?P<q>(?:is|can|could|does|do|will)\s+it\b[^?.!]*)"
    r"(?:[?.!]+\s*(?P<tail>.*?))?[\s?.!]*$",
    re.I,
)


def _has_it_then_asked(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """The plain question about the condition the reader has (the block's comment), with the
    check that it is read as that condition; None where ``t`` asks none."""
    m = _READER_HAS.match(t.strip())
    return _asked_about_it(m, kb) if m is not None else None


# -- the name, then the question about "it": "psoriasis, is it contagious?" ---------------------
# A searcher types the condition's name first, then asks about "it": "psoriasis, is it
# contagious?", "celiac; can it be cured". "It" is the name, and the question is the plain one
# about it, read with every rule above and kept only where it is read as that condition. Only a
# name alone before the comma ("lupus in children, is it genetic", "my sister has lupus, is it
# contagious" name more than the condition and stay as they were).
_NAMED_THEN_ASKED = re.compile(
    r"^(?P<x>[^,;:.?!]+?)\s*[,;]\s*(?P<q>(?:is|can|could|does|do|will)\s+it\b[^?.!]*)"
    r"(?:[?.!]+\s*(?P<tail>.*?))?[\s?.!]*$",
    re.I,
)


def _named_then_asked(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """The plain question about the condition named before it (the block's comment), with the
    check that it is read as that condition; None where ``t`` asks none."""
    m = _NAMED_THEN_ASKED.match(t.strip())
    return _asked_about_it(m, kb) if m is not None else None


# -- the field a definition is asked in: "what does TM mean in neurology" ------------------------
# "What does X stand for medical" is "... in medicine" (``_IN_MEDICINE``), typed without "in". A
# branch of medicine after a definition ("in neurology", "in dermatology") says where the letters
# are met, and may choose among their readings ("TM" in neurology is transverse myelitis, in an
# ear clinic the tympanic membrane): the question is read without it only where the condition it
# is read as lies in that branch (an ICD-10-CM code of the record in the branch's chapter), and
# stays not understood elsewhere ("What does MS mean in dermatology?"). Only definitions: a branch
# after a property question ("Is X contagious in neurology?") is no search a reader types.
_FIELDS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (r"neurology|neuro", (("G00", "G99"),)),
    (r"dermatology|derm", (("L00", "L99"),)),
    (r"rheumatology|rheum", (("M00", "M99"),)),
    (r"gastroenterology|gastro", (("K00", "K95"),)),
    (r"cardiology", (("I00", "I99"),)),
    (r"pulmonology|respiratory\s+medicine", (("J00", "J99"),)),
    (r"nephrology", (("N00", "N29"),)),
    (r"endocrinology", (("E00", "E89"),)),
    (r"h(?:a)?ematology", (("D50", "D89"),)),
    (r"ophthalmology", (("H00", "H59"),)),
    (r"psychiatry", (("F01", "F99"),)),
    (r"infectious\s+diseases?", (("A00", "B99"),)),
    (r"immunology", (("D80", "D89"),)),
)
_IN_A_FIELD = re.compile(
    r"^(?P<q>(?:what|define)\b.*?\S)\s+(?:in\s+(?P<field>"
    + "|".join(f"(?:{words})" for words, _ in _FIELDS)
    + r")|(?P<med>medical|medicine))[\s?.!]*$",
    re.I,
)


def _in_a_field(t: str) -> tuple[str, _Accept] | None:
    """The definition question without its field, and the check that its condition lies in the
    field (the block's comment); None where ``t`` names none."""
    m = _IN_A_FIELD.match(t)
    if m is None:
        return None
    if m.group("med"):
        return f"{m.group('q')} in medicine", _a_definition
    field = m.group("field")
    blocks = next(b for words, b in _FIELDS if re.fullmatch(words, field, re.I))

    def in_field(q: Question, kb: KnowledgeBase) -> bool:
        rec = kb.record(q.concept_id) if q.concept_id else None
        codes = {code[:3].upper() for code in rec.icd10cm} if rec is not None else set()
        return _a_definition(q, kb) and any(lo <= c <= hi for c in codes for lo, hi in blocks)

    return m.group("q"), in_field


def _a_definition(q: Question, kb: KnowledgeBase) -> bool:
    return q.predicate == "definition" and q.concept_id is not None


# -- letters with words of their own name: "what is TRAPS fever syndrome" ------------------------
# Searchers type a condition's letters with a few words that say what it is: "is SCID bubble boy
# disease inherited" (its lay name), "what is TRAPS fever syndrome" (words of its other names),
# "what does NT1 mean narcolepsy diagnosis" (the condition it is a type of, as its name says). The
# words are read as part of the letters' name, not as another condition: the question is read
# without them where every word is a word of the names of the condition the letters stand for
# (its name, synonyms, lay and British names; "disease", "syndrome", "disorder", "condition"; and
# for a definition, "diagnosis"), and the question without them is read as that condition. A word
# of another name ("is PID pelvic inflammatory disease contagious": primary immunodeficiency's
# letters, pelvic inflammatory disease's words), or of the question ("is HAE hereditary ..."), is
# none: those stay as they were. The words stand right after the letters, or end a definition.
_LETTERS = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
_NAME_WORD = re.compile(r"[a-z0-9]+")
_CLASS_NOUNS = frozenset({"disease", "syndrome", "disorder", "condition"})
_NOT_A_NAME_WORD = re.compile(
    rf"^(?:{_FAMILY_WORDS}|immune|immunity|of|the|and|or|with|a|an|in|to|for|by|from|on|at|not|"
    r"non|no|type|\d+)$",
    re.I,
)


def _letter_index(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each curated abbreviation (upper case) and the records it stands for."""

    def build() -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for rec in kb.records.values():
            for entry in rec.abbreviations:
                out.setdefault(entry.short.upper(), []).append(rec.id)
        return {k: tuple(v) for k, v in out.items()}

    return _per_kb("letter_index", kb, build)


def _words_of_its_names(cid: str, kb: KnowledgeBase) -> frozenset[str]:
    rec = kb.record(cid)
    if rec is None:
        return frozenset()
    words = {
        w
        for n in (rec.name, *rec.synonyms, *rec.lay_names, *rec.british)
        for w in _NAME_WORD.findall(fold(n))
    }
    return frozenset(w for w in words if not _NOT_A_NAME_WORD.match(w))


def _letters_with_their_words(t: str, kb: KnowledgeBase) -> list[tuple[str, _Accept]]:
    """The question without words of its letters' names (the block's comment), each with the
    check that it is read as the letters' condition; [] where there are none."""
    tokens = t.strip().rstrip(" ?.!").split(" ")
    index = _letter_index(kb)
    out: list[tuple[str, _Accept]] = []
    for i, token in enumerate(tokens):
        cids = index.get(token) if _LETTERS.match(token) else None
        if not cids:
            continue
        runs = []
        for start in (i + 1, None):  # right after the letters, or ending the question
            for k in range(min(4, len(tokens) - i - 1), 0, -1):
                lo = i + 1 if start is not None else len(tokens) - k
                if lo <= i or (start is None and lo == i + 1):
                    continue
                runs.append((lo, lo + k))
        for lo, hi in runs:
            words = [fold(w).strip(",;:'’") for w in tokens[lo:hi]]
            plain = " ".join(tokens[:lo] + tokens[hi:])
            out.append((plain, _of_these_letters(cids, words, lo == i + 1)))
    return out


def _of_these_letters(cids: tuple[str, ...], words: list[str], after: bool) -> _Accept:
    def accept(q: Question, kb: KnowledgeBase) -> bool:
        if q.concept_id not in cids or not q.understood:
            return False
        own = _words_of_its_names(q.concept_id, kb) | _CLASS_NOUNS
        if q.predicate == "definition":
            own = own | {"diagnosis"}
        elif not after:
            return False  # the words end a question of a family: they may be its own
        return all(w in own for w in words)

    return accept


# -- letters with words of their own name after the question: "is IC contagious bladder" --------
# The words that say what the letters are may come after the whole question: "is IC contagious
# bladder" (interstitial cystitis, the bladder pain syndrome), "is HS genetic skin" for a
# searcher who adds where the condition is. The question is read without them where every word
# is a word of the letters' condition's own names (not "disease", "syndrome" and the like alone,
# which end the family's own phrase: "is MS an autoimmune disease"), and the question without them
# is read as that condition, in a family (definitions are the block above's). Words between the
# letters and the last words that are themselves words of the condition's names leave it as it
# was: "is HAE hereditary angioedema", "is AIH autoimmune hepatitis" ask whether the letters are
# that name, and reading them as "is HAE hereditary" would answer another question; so does a
# name the knowledge base or the terminology holds that runs from the question's words into the
# last ones ("is HSP allergic purpura": allergic purpura is an old name of HSP, not a question
# whether HSP is an allergy). Words of another condition ("is IC contagious bladder infection")
# are none.
def _letters_with_their_words_last(t: str, kb: KnowledgeBase) -> list[tuple[str, _Accept]]:
    """The question without the words of its letters' names that end it (the block's comment),
    each with the check that it is read as the letters' condition; [] where there are none."""
    tokens = t.strip().rstrip(" ?.!").split(" ")
    index = _letter_index(kb)
    out: list[tuple[str, _Accept]] = []
    for i, token in enumerate(tokens):
        cids = index.get(token) if _LETTERS.match(token) else None
        if not cids:
            continue
        for k in range(min(3, len(tokens) - i - 2), 0, -1):
            lo = len(tokens) - k
            between = [fold(w).strip(",;:'’") for w in tokens[i + 1 : lo]]
            words = [fold(w).strip(",;:'’") for w in tokens[lo:]]
            head = " ".join(tokens[:lo])
            accept = _the_letters_words_last(cids, between, words, t, len(head))
            out.append((head, _no_kind_named_last(token, words, accept)))
    return out


def _the_letters_words_last(
    cids: tuple[str, ...], between: list[str], words: list[str], typed: str, cut: int
) -> _Accept:
    def accept(q: Question, kb: KnowledgeBase) -> bool:
        if q.concept_id not in cids or not q.understood or q.predicate == "definition":
            return False
        if any(h.start < cut < h.end for h in kb.find(typed)):
            return False  # a name runs across into the last words ("allergic purpura")
        rec = kb.record(q.concept_id)
        if rec is None:
            return False
        every = {
            w
            for n in (rec.name, *rec.synonyms, *rec.lay_names, *rec.british)
            for w in _NAME_WORD.findall(fold(n))
        }
        own = _words_of_its_names(q.concept_id, kb) - _CLASS_NOUNS
        return all(w in own for w in words) and not any(w in every for w in between)

    return accept


# -- a word naming one kind of the condition after the letters: "is TB contagious latent" ---------
# The words after the question are taken off where each is a word of one of the condition's
# names (the block above), and a record's synonyms name its kinds too: "latent tuberculosis
# infection" is filed under tuberculosis, so "is TB contagious latent" got tuberculosis's "yes",
# though latent tuberculosis is not passed on (and "is latent TB contagious" stays unknown); "is
# HBV curable chronic" hepatitis B's "partly" (chronic hepatitis B is not cured), "is MS curable
# progressive", "is MG autoimmune ocular" the same. A word that names a kind, a stage or a course
# (``_A_KIND_WORD``: "latent", "chronic", "secondary", "ocular") says which kind is meant, not
# what the letters are, and the question stays not understood, unless the word is one of the
# name the letters stand for ("is AIDP autoimmune acute": acute inflammatory demyelinating
# polyneuropathy), or of the record's own name.
_A_KIND_WORD = re.compile(
    rf"(?:{_SUBTYPE.pattern}|\b(?:latent|active|acute|chronic|subacute|ocular|generali[sz]ed|"
    r"locali[sz]ed|systemic|cutaneous|oral|genital|progressive|relapsing|remitting|recurrent|"
    r"sporadic|neonatal|infantile|pediatric|paediatric|adult|onset|early|late|benign|severe|mild|"
    r"drug|induced|post|reactive|atypical)\b)",
    re.I,
)


def _no_kind_named_last(letters: str, words: list[str], accept: _Accept) -> _Accept:
    """``accept``, and no word of ``words`` naming a kind outside the letters' own name (the
    block's comment)."""

    def check(q: Question, kb: KnowledgeBase) -> bool:
        if accept is None or not accept(q, kb):
            return False
        rec = kb.record(q.concept_id) if q.concept_id else None
        if rec is None:
            return False
        spelt = set(_NAME_WORD.findall(fold(rec.name)))
        for name in (rec.name, *rec.synonyms, *rec.lay_names, *rec.british):
            joined = fold(name.replace("-", "")).replace(",", " ").split()  # "acute-onset": one
            if fold(letters) in (
                "".join(p[0] for p in fold(name).split()),
                "".join(p[0] for p in joined),
            ):
                spelt |= set(_NAME_WORD.findall(fold(name)))
        return not any(_A_KIND_WORD.search(w) and w not in spelt for w in words)

    return check


# -- the rash of a condition asked about as an allergy: "is scarlet fever rash an allergic reaction" -
# A reader who sees a condition's rash asks whether it is an allergic reaction. Where the
# condition is no allergy ("no": an infection, an autoimmune disease) nothing of it is one, its
# rash included, and where it is an allergy ("yes") its rash is the allergic reaction: the rash
# gets the condition's verdict. Where the condition is partly an allergy ("Is eczema rash an
# allergic reaction?", hives) the rash's own answer is not the condition's (an itch is no allergy
# though eczema partly is: ``_OF_THE_CONDITION``), and it stays not understood. Only the allergy
# family: whether a rash passes a condition on is its own question ("Is roseola rash contagious?":
# the rash comes when the child no longer is), as is whether it clears or is inherited. The word
# before "rash" must name the condition exactly ("diaper rash", "heat rash" are their own names,
# and a word read as a typo or inside a longer name is no condition). Nor is a "no" the rash's
# where the record calls the condition the body's reaction to something: "Is scabies rash an
# allergic reaction?" got scabies's "no" (an infestation), though its itchy rash is the body's
# reaction to the mite, which sources call allergic; erythema nodosum, erythema multiforme and
# seborrheic dermatitis are reactions to a trigger too.
_A_REACTION_TO = re.compile(r"\breactions?\s+to\b|hypersensitivity", re.I)
_A_CONDITIONS_RASH = re.compile(
    r"^(?P<aux>is|are)\s+(?:the\s+|a\s+)?(?P<x>.+?)\s+rash(?:es)?\s+(?P<rest>(?:an?\s+)?"
    r"(?:allerg(?:y|ic|ies)|allergic\s+reactions?))$",
    re.I,
)


def _rash_of_a_condition(t: str) -> str | None:
    """The allergy question of the condition whose rash ``t`` asks about, else None."""
    m = _A_CONDITIONS_RASH.match(t.strip().rstrip(" ?.!"))
    if m is None:
        return None
    return f"{m.group('aux')} {m.group('x')} {m.group('rest')}"


def _the_rash_shares_the_verdict(q: Question, kb: KnowledgeBase) -> bool:
    """Whether the condition's allergy verdict is its rash's too (the block's comment)."""
    if q.predicate != "allergy" or q.concept_id is None or q.read_as or q.also or q.unjudged:
        return False
    rec = kb.record(q.concept_id)
    if rec is None or not q.subject:
        return False
    # the word before "rash" is one of the record's own names ("viral" completes to viral
    # thyroiditis, and a viral rash is no thyroiditis)
    typed = _key(_subject(q.subject))
    names = {_key(n) for n in (*rec.names, *(a.short for a in rec.abbreviations))}
    if not any(
        typed in (n, f"{n} disease", f"{n} syndrome")
        or n in (f"{typed} disease", f"{typed} syndrome")
        for n in names
    ):
        return False
    verdict = verdict_for(rec, "allergy", kb.records, kb.properties)
    if verdict == "no" and _A_REACTION_TO.search(f"{rec.reason} {rec.caution or ''}"):
        # the record calls the condition, or its rash, the body's reaction to something ("the
        # itch is the body's reaction to the mite"): its rash may be that reaction, and whether
        # that is an allergic one is the rash's own question (the block's comment)
        return False
    return verdict in ("yes", "no")


# -- a link typed as keywords: "primary immunodeficiency linked to autoimmune disease" ------------
# Searchers type the link question without its verb: "X linked to autoimmune disease", "X and
# autoimmune disease connection", "X autoimmune disease risk". The first two are "Is X linked to
# autoimmune disease?" and "Is there a link between X and autoimmune disease?" as typed without
# "is" ("X autoimmune" without a verb is already read). "X autoimmune disease risk" (or "link",
# "connection") could also be X named as an autoimmune disease and its own risk asked ("celiac
# autoimmune disease risk": the risk of getting celiac): it is read as the link question only
# where the knowledge base says X is no autoimmune disease ("digeorge syndrome autoimmune disease
# risk"), so the words can be nothing but the link. Only autoimmune disease in general is the
# other side: "X linked to lupus" names two conditions, which the forms above decline. A question
# word before X, or words after the last, end no form here ("anyone else", "in women").
_AUTOIMMUNE_DISEASE = r"(?:other\s+)?auto[\s-]?immun(?:e|ity)(?:\s+(?:diseases?|disorders?|conditions?|illness(?:es)?))?"
_A_LINK_WORD = r"(?:links?|connections?|associations?|relationships?|correlations?)"
_LINK_KEYWORDS = (
    (
        re.compile(rf"^(?P<x>.+?)\s+(?P<v>{_LINKED})\s+(?P<o>{_AUTOIMMUNE_DISEASE})$", re.I),
        "is {x} {v} {o}",
        False,
    ),
    (
        re.compile(
            rf"^(?P<x>.+?)\s+(?:and|&)\s+(?P<o>{_AUTOIMMUNE_DISEASE})\s+{_A_LINK_WORD}$", re.I
        ),
        "is there a link between {x} and {o}",
        False,
    ),
    (
        re.compile(
            rf"^(?P<x>.+?)\s+(?P<o>{_AUTOIMMUNE_DISEASE})\s+(?:risks?|{_A_LINK_WORD})$", re.I
        ),
        "does {x} raise the risk of {o}",
        True,
    ),
)
# "glaucoma and autoimmune disease", typed with no question word and no link word, asks how the
# two go together (the link question), not whether X is one: it got glaucoma's "No, not an
# autoimmune disease", a verdict to the property question, where the pages answer whether glaucoma
# comes with autoimmune diseases. It is read as the link question or stays not understood. With
# "is" before it ("is glaucoma and autoimmune disease") it is the typo for "an" and keeps the
# property question; an adjective alone ("X and contagious") names only the property.
_AND_AUTOIMMUNE_DISEASE = re.compile(
    r"^(?P<x>.+?)\s+(?:and|&)\s+(?P<o>(?:other\s+)?auto[\s-]?immune\s+"
    r"(?:diseases?|disorders?|conditions?|illness(?:es)?))$",
    re.I,
)
# words that make the part before "and" more than a condition's name: a question ("isn't there a
# link between X"), which the rules above read as typed
_NOT_A_BARE_SUBJECT = re.compile(
    r"(?<![\w–-])(?:links?|linked|between|connections?|relationships?|associations?|associated|there|"
    r"(?:is|are|was|were|do|does|did|has|have|can|could|would|should)n[’']?t)\b",
    re.I,
)
_A_QUESTION_WORD = re.compile(
    r"^(?:is|are|was|were|can|could|does|do|did|will|would|should|what|how|why|when|which|who|"
    r"where|has|have)\b",
    re.I,
)


def _a_link_in_keywords(t: str) -> list[tuple[str, _Accept]]:
    """The link question ``t`` types as keywords (the block's comment), with the check its reading
    must pass; [] where it types none."""
    t = t.strip().rstrip(" ?.!")
    for pattern, plain, not_autoimmune in _LINK_KEYWORDS:
        m = pattern.match(t)
        if m is None or _A_QUESTION_WORD.match(m.group("x")):
            continue
        return [(plain.format(**m.groupdict()), _no_autoimmune_link if not_autoimmune else _a_link)]
    return []


def _and_autoimmune_disease(
    text: str, kb: KnowledgeBase, source: QuestionSource
) -> Question | None:
    """The link reading of "X and autoimmune disease" (``_AND_AUTOIMMUNE_DISEASE``), or the
    question not understood where X has none; None where ``text`` is not that form."""
    t = " ".join(text.split()).strip().rstrip(" ?.!")
    m = _AND_AUTOIMMUNE_DISEASE.match(t)
    if (
        m is None
        or _A_QUESTION_WORD.match(m.group("x"))
        or _NOT_A_BARE_SUBJECT.search(m.group("x"))
    ):
        return None
    p = _parse_one(f"is there a link between {m.group('x')} and {m.group('o')}", kb, source)
    if _a_link(p, kb):
        p.text = text.strip()
        return p
    hits = kb.find(m.group("x"))
    cid = max(hits, key=lambda h: h.end - h.start).concept_ids[0] if hits else None
    return Question(text.strip(), None, None, cid, kb.name(cid) if cid else None, source)


def _a_link(q: Question, kb: KnowledgeBase) -> bool:
    return q.predicate == "link" and q.concept_id is not None and not q.also


def _no_autoimmune_link(q: Question, kb: KnowledgeBase) -> bool:
    """A link reading whose condition the knowledge base calls no autoimmune disease."""
    rec = kb.record(q.concept_id) if q.concept_id else None
    return (
        _a_link(q, kb)
        and rec is not None
        and verdict_for(rec, "autoimmune", kb.records, kb.properties) == "no"
    )


# -- caught from a pet, where the record says so: "can my dog give me ringworm" -------------------
# "Can you catch X from Y?" with Y an animal stays not understood (``_PEOPLE_WORDS``): the contagious
# verdict is about people, and "Can you get chickenpox from a dog?" would read its "yes" as "yes,
# from a dog". Where the record's own contagious reason says X is picked up from a pet ("... or
# from a pet": tinea), the question asks what the record answers: "can my dog give me ringworm",
# "can you catch ringworm from a cat", "can ringworm spread from dogs to humans", "is ringworm
# contagious from cats" are read as the contagious question, kept only where its verdict is "yes"
# and the record names pets as a source in a sentence that does not deny it (scabies's "it is not
# caught from pets" gets nothing). Only a pet (a dog, a cat, a puppy, a kitten, a guinea pig, a
# hamster) and only one of the record's own names typed alone: a kind the record covers
# ("athlete's foot", "scalp ringworm") may not pass from pets, a farm or wild animal is no pet, and
# a condition whose record names no pet, or a "no" (toxoplasmosis and cat scratch disease are not
# caught from people, yet come from cats), stays not understood; so does a forecast ("will my dog
# give me ringworm", ``_FORECAST``).
_A_PET = (
    r"(?:(?:an?|my|your|our|their|his|her|the|one'?s)\s+)?(?:(?:pet|family|new)\s+)?"
    r"(?P<pet>pets?|dogs?|cats?|pupp(?:y|ies)|kittens?|kitty|guinea\s+pigs?|hamsters?)"
)
_A_PERSON_FROM_A_PET = (
    r"(?:you|i|we|me|us|people|humans?|a\s+(?:person|human)|someone|anyone|kids|children|"
    r"(?:my|our)\s+(?:kids?|children|child|sons?|daughters?|family|husband|wife|partner))"
)
_FROM_A_PET = (
    re.compile(
        r"^(?:can|could|do|does)\s+"
        rf"{_A_PERSON_FROM_A_PET}\s+(?:catch|get|contract|pick\s+up)\s+(?P<x>.+?)\s+(?:from|off)\s+"
        rf"{_A_PET}(?:\s+too)?$",
        re.I,
    ),
    re.compile(
        rf"^(?:can|could|do|does)\s+{_A_PET}\s+(?:give|pass|spread)\s+"
        rf"{_A_PERSON_FROM_A_PET}\s+(?P<x>.+?)$",
        re.I,
    ),
    re.compile(
        rf"^(?:can|could|do|does)\s+{_A_PET}\s+(?:give|pass|spread|transmit)\s+"
        rf"(?P<x>.+?)\s+to\s+{_A_PERSON_FROM_A_PET}$",
        re.I,
    ),
    re.compile(
        r"^(?:can|could|does|do)\s+(?P<x>.+?)\s+(?:spread|pass|be\s+(?:passed|spread|transmitted|caught))"
        rf"\s+from\s+{_A_PET}\s+to\s+{_A_PERSON_FROM_A_PET}$",
        re.I,
    ),
    re.compile(
        rf"^(?:is|are)\s+(?P<x>.+?)\s+contagious\s+from\s+{_A_PET}(?:\s+to\s+{_A_PERSON_FROM_A_PET})?$",
        re.I,
    ),
)
_A_PET_AS_SOURCE = re.compile(r"\bfrom\s+(?:an?\s+|their\s+|the\s+)?pets?\b", re.I)
_DENIED = re.compile(r"\b(?:not|no|never|cannot|can't|isn't|doesn't|don't|rarely)\b", re.I)


def _caught_from_a_pet(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """The contagious question ``t`` asks of a pet where the record says X is caught from one (the
    block's comment), with the check its reading must pass; None where it asks none."""
    t = t.strip().rstrip(" ?.!")
    m = next((m for p in _FROM_A_PET if (m := p.match(t)) is not None), None)
    if m is None:
        return None
    x = m.group("x").strip()
    cid = _own_name_caught_from_pets(x, kb)
    if cid is None:
        return None
    return f"is {x} contagious", lambda q, kb: _caught_from_pets_yes(q, kb, cid)


def _own_name_caught_from_pets(x: str, kb: KnowledgeBase) -> str | None:
    """The record whose own name ``x`` is (its name, a synonym, a lay name, a British spelling or
    its letters), where its contagious reason names pets as a source; else None."""
    key = " ".join(x.lower().split())
    for cid, rec in kb.records.items():
        names = [rec.name, *rec.synonyms, *rec.lay_names, *rec.british]
        names += [a.short for a in rec.abbreviations]
        if key not in {n.lower() for n in names}:
            continue
        prop = kb.property(cid, "contagious")
        if prop is None:
            return None
        for sentence in re.split(r"(?<=[.;])\s+", f"{prop.reason} {prop.caution or ''}"):
            if _A_PET_AS_SOURCE.search(sentence) and not _DENIED.search(sentence):
                return cid
        return None
    return None


def _caught_from_pets_yes(q: Question, kb: KnowledgeBase, cid: str) -> bool:
    """A contagious reading of the record named, whose verdict is "yes"."""
    if q.predicate != "contagious" or q.concept_id != cid or q.also:
        return False
    rec = kb.record(cid)
    return rec is not None and verdict_for(rec, "contagious", kb.records, kb.properties) == "yes"


# -- a cure asked of the present: "is multiple myeloma curable now", "is there a cure for X yet" ---
# A searcher asks whether a cure exists today by adding "now", "yet", "today", "nowadays", "these
# days" or the year after the curable question: the knowledge base's curable verdict is what is
# known today, so the question before the words has the same yes/no, and is read as typed alone.
# Only in the curable family, only at the end and only after a question word opens the question:
# "now" after another family ("is COVID contagious now") asks about a stage of an illness, not what
# is known; a future ("will X ever be curable", "curable soon", "in the future") and a stage ("is X
# still curable", "curable now that it has spread") stay not understood, as does "my" ("is my
# cancer curable now": one person's course).
_NOW = re.compile(
    r"^(?P<q>(?:is|are|can|could|has|have)\s+.*?\w[)'’]?)[\s,]+"
    r"(?:now|yet|today|nowadays|these\s+days|in\s+20\d\d)[\s?.!]*$",
    re.I,
)
_ONE_PERSON = re.compile(r"\b(?:my|our|his|her|their)\b", re.I)


def _a_cure_asked_of_the_present(t: str) -> tuple[str, _Accept] | None:
    """The curable question ``t`` asks of the present (the block's comment), with the check its
    reading must pass; None where it asks none."""
    m = _NOW.match(t.strip())
    if m is None or _ONE_PERSON.search(m.group("q")):
        return None
    return m.group("q"), _a_cure_alone


def _a_cure_alone(q: Question, kb: KnowledgeBase) -> bool:
    return q.predicate == "curable" and q.concept_id is not None and not q.also


# -- "low" for a deficiency: "does low vitamin d cause autoimmune disease" -------------------------
# Searchers name a deficiency by what is low: "low vitamin d" is vitamin D deficiency, "low b12"
# B12 deficiency, "low IgA" IgA deficiency. Where the words after "low" with "deficiency" are a
# curated name of a record (its name, a synonym, a lay name or a British spelling: never a
# terminology name alone), the question is read with that name in their place ("vitamin" alone
# had the question declined as a treatment), kept only where it reads as that record. "levels"
# after the words is theirs ("low vitamin d levels"). Only after a question word, a verb or a
# joining word: "very low", "too low" and "low-grade" are other words, and "low back pain", "low
# blood pressure" name no deficiency a record holds, so they stay as typed.
_LOW = re.compile(r"(?:^|(?<=\s))low\s+", re.I)
_BEFORE_LOW = re.compile(
    r"(?:^|\b(?:is|are|does|do|can|could|did|has|have|cause|causes|with|and|or|between|to|of|from|"
    r"by)\s+)$",
    re.I,
)
_A_WORD = re.compile(r"[^\s?.!,;:]+")
_LEVELS = re.compile(r"\s+levels?\b", re.I)


def _deficiency_names(kb: KnowledgeBase) -> dict[str, str]:
    """Each record's curated names that end in "deficiency", lower case, less the word, with the
    record's id (the block's comment)."""

    def build() -> dict[str, str]:
        out: dict[str, str] = {}
        for cid, rec in kb.records.items():
            for name in (rec.name, *rec.synonyms, *rec.lay_names, *rec.british):
                m = re.fullmatch(r"(.+?)\s+deficiency", " ".join(name.lower().split()))
                if m is not None:
                    out.setdefault(m.group(1), cid)
        return out

    return _per_kb("deficiency_names", kb, build)


def _low_for_a_deficiency(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """``t`` with "low X" read as "X deficiency" where that is a record's curated name (the
    block's comment), with the check its reading must pass; None where it names none."""
    names = _deficiency_names(kb)
    for m in _LOW.finditer(t):
        if not _BEFORE_LOW.search(t[: m.start()]):
            continue  # "very low", "too low": another word before it
        words = list(itertools.islice(_A_WORD.finditer(t, m.end()), 4))
        for n in range(len(words), 0, -1):
            if words[0].start() != m.end() or any(
                t[a.end() : b.start()] != " " for a, b in itertools.pairwise(words[:n])
            ):
                continue  # the words must follow "low" one space apart
            key = t[m.end() : words[n - 1].end()]
            if key.lower() not in names:
                continue
            end = words[n - 1].end()
            if (lv := _LEVELS.match(t, end)) is not None:
                end = lv.end()
            plain = f"{t[: m.start()]}{key} deficiency{t[end:]}"
            return plain, _reads_the_record(names[key.lower()])
    return None


def _reads_the_record(cid: str) -> _Accept:
    """The check that a reading is of record ``cid`` and asks one family."""
    return lambda q, kb: q.concept_id == cid and not q.also


# -- a germ's food poisoning: "can campylobacter food poisoning cause an autoimmune disease" --------
# Searchers name an infection caught from food by its germ and "food poisoning": "campylobacter food
# poisoning" is campylobacter infection. The words are read as the germ's name alone only where it,
# or it with "infection", is a curated name of a record of an infection whose own contagious reason
# says it is caught
# mainly from food (undercooked meat or poultry, unpasteurised milk, contaminated food or water), so
# food poisoning is how that infection is caught, and the reading is kept only where it is that
# record's. Food poisoning by a germ's toxin is no infection with the germ ("staph food poisoning"
# is not contagious, though staph infections are): a germ whose record does not say it is caught
# mainly from food, or has no record, stays as typed.
_FOOD_POISONING = re.compile(r"\b(?P<x>[\w.-]+(?:\s+[\w.-]+){0,2}?)\s+food\s+poisoning\b", re.I)
_CAUGHT_FROM_FOOD = re.compile(
    r"\bcaught\s+mainly\s+from\s+(?:[\w,]+\s+){0,3}?(?:undercooked|raw|unpasteuri[sz]ed|"
    r"contaminated\s+(?:food|water))\b",
    re.I,
)


def _a_germs_food_poisoning(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """``t`` with "X food poisoning" read as X where X's record is an infection caught mainly from
    food (the block's comment), with the check its reading must pass; None where it names none."""
    for m in _FOOD_POISONING.finditer(t):
        words = m.group("x").split()
        for n in range(len(words), 0, -1):
            x = " ".join(words[-n:])
            cid = _caught_from_food(x, kb)
            if cid is None:
                continue
            start = m.end("x") - len(x)
            return f"{t[:start]}{x}{t[m.end() :]}", _reads_the_record(cid)
    return None


def _caught_from_food(x: str, kb: KnowledgeBase) -> str | None:
    """The record whose curated name ``x`` is, where it is an infection its contagious reason says
    is caught mainly from food; else None."""
    key = " ".join(x.lower().split())
    for cid, rec in kb.records.items():
        names = (rec.name, *rec.synonyms, *rec.lay_names, *rec.british)
        own = {" ".join(n.lower().split()) for n in names}
        if key not in own and f"{key} infection" not in own:
            continue
        prop = kb.property(cid, "contagious")
        if (
            rec.mechanism == "infectious"
            and prop is not None
            and _CAUGHT_FROM_FOOD.search(prop.reason)
        ):
            return cid
        return None
    return None


# -- an allergy to one thing: "is celiac disease a gluten allergy" ------------------------------
# A reader asks whether X is an allergy to the thing that sets it off: "is celiac disease a gluten
# allergy", "is lactose intolerance a milk allergy", "is lupus a sun allergy". Where the knowledge
# base says X is no allergy at all ("no"), it is no allergy to gluten either, and the question
# gets that "no". Where X is an allergy, or partly one, whether it is one to that thing is its own
# question ("Is FPIAP a milk allergy?": mostly, not always; "Is hay fever a pollen allergy?": one
# of several triggers), and it stays not understood. So does a "no" where the record calls X the
# body's reaction to something ("Is scabies a mite allergy?": its itch is a reaction to the mite,
# ``_A_REACTION_TO``). Only a named allergen or trigger stands between "a" and "allergy"; a word
# that judges the allergy ("a fake allergy", "a true allergy", "a pseudo allergy") turns the
# question round and is none, and "food", "skin", "drug" are kinds read above
# (``_a_kind_of_allergy``).
_ALLERGENS = (
    r"gluten|wheat|milk|dairy|lactose|cow'?s\s+milk|egg|peanut|nut|tree\s+nut|soy|fish|shellfish|"
    r"sesame|corn|meat|red\s+meat|fruit|pollen|grass|hay|dust|dust\s+mites?|mites?|mould|mold|"
    r"pet|cat|dog|"
    r"animal|sun|sunlight|light|cold|heat|water|latex|nickel|metal|penicillin|antibiotic|"
    r"medication|insect|bee|wasp|sting|sulfite|sulphite|alcohol|chemical|perfume|"
    r"fragrance|sugar|yeast|mushroom|mushrooms|spice|caffeine"
)
_AN_ALLERGY_TO_ONE_THING = re.compile(
    rf"^(?P<aux>is|are)\s+(?P<x>.+?)\s+(?:an?\s+)?(?:{_ALLERGENS})\s+allerg(?:y|ies)$", re.I
)


def _an_allergy_to_one_thing(t: str) -> str | None:
    """The allergy question of ``t`` without the thing it names (the block's comment), else None."""
    m = _AN_ALLERGY_TO_ONE_THING.match(t.strip().rstrip(" ?.!"))
    if m is None:
        return None
    return f"{m.group('aux')} {m.group('x')} an allergy"


def _no_allergy_at_all(q: Question, kb: KnowledgeBase) -> bool:
    """Whether the condition is no allergy at all, and no reaction to something (the block's
    comment)."""
    if q.predicate != "allergy" or q.concept_id is None or q.also or q.unjudged:
        return False
    rec = kb.record(q.concept_id)
    if rec is None or verdict_for(rec, "allergy", kb.records, kb.properties) != "no":
        return False
    return not _A_REACTION_TO.search(f"{rec.reason} {rec.caution or ''}")


# -- an allergy to one thing: only the condition's name before it --------------------------------
# "is celiac disease a gluten allergy" gets celiac's "no" (the block above) only where the words
# between "is" and the thing are the condition's name alone, and the reading is that condition.
# Anything more turns the question round, though the allergy forms read the name inside it: "is
# hair loss caused by a gluten allergy" and "is autism caused by a milk allergy" ask whether the
# allergy (or what goes with it: gluten harms the gut in celiac disease, which thins the hair)
# brings the condition on, which a "no, it is no allergy" does not settle; "is X in babies a milk
# allergy" names a setting, and "or", "and" join two things. They stay not understood ("is X the
# same as a gluten allergy" is the comparison read above, ``_compared``).
def _an_allergy_to_the_name_alone(t: str, kb: KnowledgeBase) -> tuple[str, _Accept] | None:
    """``_an_allergy_to_one_thing``'s reading of ``t`` with the check that it is read as the
    condition named alone before the thing (the block's comment); None where there is none."""
    plain = _an_allergy_to_one_thing(t)
    m = _AN_ALLERGY_TO_ONE_THING.match(t.strip().rstrip(" ?.!"))
    if plain is None or m is None:
        return None
    x = re.sub(r"^(?:a|an|the)\s+", "", m.group("x").strip(), flags=re.I)
    named = match_subject(x, kb, inside=False).ids
    if not named:
        return None
    cid = _best(named, kb)

    def accept(q: Question, kb: KnowledgeBase) -> bool:
        return _no_allergy_at_all(q, kb) and q.concept_id == cid

    return plain, accept


def _parse_one(text: str, kb: KnowledgeBase, source: QuestionSource = "argument") -> Question:
    """``parse_question`` for the question as typed, without the typed forms' plain questions."""
    t, readings = _read_all(text, kb)
    readings = [_beside_other_word(p, _letter_a(x, text, kb), u, kb) for p, x, u in readings]
    organ = _organ_reading(t, kb)
    if organ is not None:
        readings.insert(0, organ)
    parent_to_child = _parent_to_child_reading(t, kb)
    if parent_to_child is _NO_READING:
        readings = []
    elif parent_to_child is not None:
        readings.insert(0, parent_to_child)
    # who and which: a source, person or time the family's verdict does not answer
    if _asks_another_question(t, readings, kb):
        readings = []
    # a person named with one condition before the comma, pointed back to after it
    if _a_person_with_another_condition_before(text, t, readings, kb):
        readings = []
    # whether a child's condition will go away: growing out of it
    if readings and _A_CHILDS_CONDITION_GOING_AWAY.search(t):
        readings = []
    # getting and giving: outgrowing, a baby from its mother, forecasts, within a family
    if _getting_and_giving(t, readings, kb):
        readings = []
    # giving X to someone, contracting X from a parent, "Will my children inherit X?"
    if _giving_and_forecasts(t, readings, kb):
        readings = []
    # a degree or a frequency beside the family's word ("partly genetic", "fully cured")
    if _degree_unanswered(t, readings, kb):
        readings = []
    # a family's words that ask another question ("Can psoriasis spread?", "Does X go away on its
    # own?"), and a source no person behind a later contagious reading ("from allergies" behind an
    # allergy reading); an inherited reading first keeps its own sources ("from its mother")
    if (
        readings
        and readings[0][0][:1] != ["inherited"]
        and any(p[:1] == ["contagious"] for p, _, _ in readings)
        and _from_another_source(t, kb)
    ):
        readings = []
    readings = [r for r in readings if not _in_other_words(t, r, kb)]
    readings = [r for r in (_compared(p, x, u, kb) for p, x, u in readings) if r is not None]
    # a subject whose condition is an animal's is declined below, not read as a family's question
    animal = {x for _, x, _ in readings if _animal_host(x, kb)}
    # "Does oral immunotherapy work for peanut allergy?", "Can I get the flu shot if I have an egg
    # allergy?": the property words are there, but the subject is no condition
    readings = [
        (p, x, u)
        for p, x, u in readings
        if not (_I_OR_IF.search(x) and not _exact(x, kb))
        and not _qualifies_the_verb(x, kb)
        and x not in animal
        and not (_PRONOUN.match(x) and t != _clean(text))
        # negated and framed questions: another yes/no than the family's
        and not _framed(x, u, kb)
        and not (
            any(d.search(x) for k, d in _DECLINE if k in _NOT_IN_A_NAME)
            and any(d.search(_unnamed(x, kb)) for k, d in _DECLINE if k in _NOT_IN_A_NAME)
            and not match_subject(x, kb, inside=False).ids
        )
    ]
    # definitions, abbreviations and links: the thing asked about (``_defs_and_links``)
    readings = _defs_and_links(readings, kb)
    if readings and _negated_or_hedged(t, kb):
        readings = []  # negated and framed questions: another yes/no than the family's
    if readings and _another_language(_clean(text), kb):
        readings = []  # a question in another language (``_another_language``)
    predicates, subject, found = [], None, None
    unjudged: tuple[str, ...] = ()
    for p, x, u in readings:
        # the first reading whose subject names a condition ("can children outgrow peanut
        # allergy" is about outgrowing, not "is 'children outgrow peanut' an allergy")
        m = match_subject(x, kb)
        if m.ids or found is None:
            predicates, subject, found, unjudged = p, x, m, u
        if m.ids:
            break
    if (
        predicates
        and found is not None
        and not found.ids
        and subject
        and (ids := _every_kind_agrees(subject, predicates, kb))
    ):
        found = SubjectMatch(ids)  # a class whose kinds all get one verdict (``_class_kinds``)
    if predicates and found is not None and subject and (parts := _conditions(subject, kb)):
        # "Is lupus or fibromyalgia autoimmune?": the last resort would find one of the two inside
        # the subject and answer for it alone; each condition gets its own answer
        # (``parse_questions``), and a page asked this is judged for neither
        found = SubjectMatch(
            [],
            problem=f"“{subject}” names {_COUNT.get(len(parts), len(parts))} conditions "
            f"({', '.join(parts)}): ask about each on its own",
        )
    elif (
        predicates
        and found is not None
        and subject
        and (unknown := _pieces_beside_a_name(subject, kb))
    ):
        # "Is lupus or xyzitis autoimmune?": the last resort would answer for lupus alone
        found = SubjectMatch(
            [],
            problem=f"“{subject}” joins a condition to {', '.join(f'“{x}”' for x in unknown)}, "
            "which names no condition healthlens knows: ask about each condition on its own",
        )
    elif (
        predicates
        and predicates[0] == "link"
        and found is not None
        and found.ids
        and _RAISES.search(t)
        and (problem := _link_the_other_way(_best(found.ids, kb), kb))
    ):
        found = SubjectMatch([], problem=problem)
    # a subject that names something else than its condition (who and which: a germ, a second
    # condition, a test result), or, asked as "an immune system disease", a condition of the
    # immune system itself, which the immune family's "not caused by it" would deny
    if predicates and found is not None and found.ids and subject:
        problem = (
            _another_subject(subject, kb, predicates, _best(found.ids, kb))
            or (
                _of_the_immune_system(_best(found.ids, kb), kb)
                if predicates[0] == "immune" and _IMMUNE_SYSTEM_NOUN.search(t)
                else None
            )
            or (
                _infection_as_a_response(_best(found.ids, kb), kb)
                if predicates[0] == "immune" and _IMMUNE_RESPONSE.search(t)
                else None
            )
            # a condition named before "from", "with" or "caused by" another
            or _a_condition_through_another(subject, kb)
        )
        if problem:
            found = SubjectMatch([], problem=problem)
    # context, comparisons and a second condition (``_another_condition_in_context``)
    if (
        predicates
        and found is not None
        and found.ids
        and subject
        and (
            problem := _another_condition_in_context(
                t, _clean(text), subject, unjudged, _best(found.ids, kb), predicates, kb
            )
        )
    ):
        found = SubjectMatch([], problem=problem)
    if (
        predicates
        and "contagious" in predicates
        and found is not None
        and found.ids
        and (problem := _infection_not_caught(t, _best(found.ids, kb), kb))
    ):
        found = SubjectMatch([], problem=problem)
    if (
        predicates
        and predicates[0] == "allergy"
        and found is not None
        and found.ids
        and (problem := _a_kind_of_allergy(t, subject or "", _best(found.ids, kb), kb))
    ):
        found = SubjectMatch([], problem=problem)  # a kind of allergy (``_a_kind_of_allergy``)
    if (
        predicates
        and found is not None
        and found.ids
        and subject
        and (
            problem := _one_reviewed_form(subject, _best(found.ids, kb), predicates, kb)
            or _a_form_named_by_the_family(subject, _best(found.ids, kb), predicates, kb)
            or _a_form_the_record_sets_apart(subject, _best(found.ids, kb), predicates, kb)
            or _other_reading_splits(subject, _best(found.ids, kb), predicates, kb)
        )
    ):
        found = SubjectMatch([], problem=problem)
    if (
        predicates == ["inherited"]
        and found is not None
        and not found.ids
        and subject
        and (ids := _a_carrier_inherits(subject, kb))
    ):
        found = SubjectMatch(ids)  # a carrier asked whether it is inherited (the block's comment)
    if predicates and found is not None:
        cid = _best(found.ids, kb)
        return Question(
            text.strip(),
            predicates[0],
            found.subject or subject,
            cid,
            kb.name(cid) if cid else None,
            source,
            read_as=found.read_as if cid else None,
            also=tuple(predicates[1:]),
            unresolved=found.problem,
            unjudged=unjudged,
        )
    # not a known form: still find the condition in it, to say what the knowledge base holds
    # a cue word inside a condition's own name is not the question's ("Is post-treatment Lyme
    # disease syndrome real?" is not a treatment question)
    declined = declined_kind(t) or ("other" if animal or _NOT_A_CONDITION.search(t) else None)
    if declined and not animal:
        unnamed = _unnamed(t, kb)
        declined = declined_kind(unnamed) or ("other" if _NOT_A_CONDITION.search(unnamed) else None)
    pair = _pair(t, kb)
    if pair:
        return Question(
            text.strip(),
            None,
            None,
            pair[0],
            kb.name(pair[0]),
            source,
            declined=declined or "other",
            link_between=pair,
        )
    # the condition may be in the words before the question's clause ("My mum has X, will I get
    # it too?")
    hits = kb.find(t) or kb.find(_clean(text))
    cid = max(hits, key=lambda h: h.end - h.start).concept_ids[0] if hits else None
    return Question(
        text.strip(),
        None,
        None,
        cid,
        kb.name(cid) if cid else None,
        source,
        declined=declined,
    )


def _animal_host(subject: str, kb: KnowledgeBase) -> bool:
    """ "flu in dogs", "canine lupus": the condition asked about is an animal's. A name that holds
    the animal ("cat scratch disease") is exact, and stays."""
    return bool(_ANIMAL_HOST.search(subject)) and not _exact(subject, kb)


def _qualifies_the_verb(subject: str, kb: KnowledgeBase) -> bool:
    """ "flu sexually" in "Is flu sexually transmitted?": the subject is a condition followed by a
    word that says how the form's verb happens (a route, a manner), so the question is how, not
    whether. A name that ends so ("acromegaly") is exact, and an -ly word after words that name
    nothing may be part of a name, left to the matcher."""
    m = _HOW_WORD.search(subject)
    if m is None or _exact(subject, kb):
        return False
    return bool(match_subject(subject[: m.start()], kb, inside=False).ids)


# "Is X painful or contagious?", "Is X itchy and contagious?": the forms take "X painful or" as the
# subject; the condition is X, and "painful" another question, which is named as not judged
# (``unjudged``), never answered by the family's verdict. A word of the family itself ("Is X
# genetic or hereditary?", "caused by inflammation or the immune system") is the same question.
_BESIDE = re.compile(r"^(?P<x>.+?)\s+(?P<w>[\w'’-]+(?:\s+[\w'’-]+){0,3})\s+(?P<c>or|and)$", re.I)
_SAME_FAMILY = {family: own for family, own, _ in _OPPOSITES} | {
    "immune": r"immune|inflammat\w*|(?:caused|triggered|driven)\s+by\s+(?:inflammation|the\s+immune\s+system)",
}


def _beside_other_word(
    predicates: list[str], subject: str, unjudged: tuple[str, ...], kb: KnowledgeBase
) -> tuple[list[str], str, tuple[str, ...]]:
    """The reading with its subject's trailing "<words> or" taken off (``_BESIDE``)."""
    m = _BESIDE.match(subject)
    if m is None or match_subject(subject, kb, inside=False).ids:
        return predicates, subject, unjudged
    # the longest name first: "Is Down syndrome genetic or hereditary?" took "down" (a short form
    # of Down syndrome) as X and "syndrome genetic" as another question beside it, so its answer
    # said it did not judge "syndrome genetic"; the fewest words beside the name are tried first
    head = subject[: m.start("c")].rstrip()
    tokens = head.split()
    for k in range(1, min(4, len(tokens) - 1) + 1):
        x, words = " ".join(tokens[:-k]), " ".join(tokens[-k:])
        if match_subject(x, kb, inside=False).ids:
            break
    else:
        return predicates, subject, unjudged
    same = _SAME_FAMILY.get(predicates[0]) if predicates else None
    if same and re.fullmatch(same, words, re.I):
        return predicates, x, unjudged
    if _OTHER_FAMILY_WORD.search(words):
        # "Is lupus a genetic disorder or autoimmune?": another family's word is the other side
        # of an either/or, whose one answer would read as the other's denial (lupus is partly
        # inherited); the subject keeps the word and stays no condition, as "Is type 1 diabetes a
        # genetic disorder or autoimmune?" did (``_OTHER_FAMILY_WORD``)
        return predicates, subject, unjudged
    return predicates, x, (*unjudged, words)


# what joins conditions in a subject: a comma (with or without "or"/"and" after it), a bare
# "or"/"and"/"&", or a slash ("Is celiac/IBS autoimmune?" got irritable bowel syndrome's "No"
# alone, "Are crohns/colitis autoimmune?" Crohn disease's "Yes": each condition gets its own
# answer; a name that holds a slash, "HIV/AIDS", "ME/CFS", stays whole)
_JOIN = re.compile(r"\s*,\s*(?:(?:or|and|&)\s+)?|\s+(?:or|and|&)\s+|\s*/\s*", re.I)


_COUNT = {2: "two", 3: "three", 4: "four", 5: "five"}
# an article or possessive before one of the joined conditions ("a cold or the flu")
_DETERMINER = re.compile(r"^(?:a|an|the|my|your|his|her|our|their)\s+", re.I)


def _is_name(text: str, kb: KnowledgeBase) -> bool:
    return bool(match_subject(_DETERMINER.sub("", text.strip()), kb, inside=False).ids)


def _conditions(subject: str, kb: KnowledgeBase) -> tuple[str, ...] | None:
    """The conditions a subject joins with commas, "or" or "and" ("lupus or fibromyalgia",
    "lupus, MS or fibromyalgia"), each a name on its own; None where the subject is one name
    ("hand, foot and mouth disease") or no way of cutting it gives names only. A name that holds
    a joining word stays whole ("lupus or hand, foot and mouth disease": two)."""
    if match_subject(subject, kb, inside=False).ids:
        return None
    cuts = [(m.start(), m.end()) for m in _JOIN.finditer(subject)]
    if not cuts:
        return None
    bounds = [0, *(x for c in cuts for x in c), len(subject)]
    # piece i runs from bounds[2i] to bounds[2i+1]; a name is a run of pieces with the joining
    # words between them kept
    n = len(cuts) + 1

    # (cached: a cut that fails from piece i fails from every way of reaching it, and a subject
    # with many commas would otherwise be cut again for each of those ways)
    @cache
    def is_name(i: int, j: int) -> bool:
        return _is_name(subject[bounds[2 * i] : bounds[2 * j + 1]], kb)

    @cache
    def split(i: int) -> tuple[str, ...] | None:
        if i == n:
            return ()
        for j in range(n - 1, i - 1, -1):  # longest name first
            if is_name(i, j) and (rest := split(j + 1)) is not None:
                name = _DETERMINER.sub("", subject[bounds[2 * i] : bounds[2 * j + 1]].strip())
                return (name, *rest)
        return None

    parts = split(0) or _sharing_a_head(subject, kb)
    if parts is not None and "/" in subject and len({_condition_of(x, kb) for x in parts}) == 1:
        return None  # "HIV/AIDS", "SJS/TEN", "celiac/coeliac": one condition by its names
    return parts if parts is not None and len(parts) > 1 else None


def _sharing_a_head(subject: str, kb: KnowledgeBase) -> tuple[str, ...] | None:
    """ "peanut and tree nut allergy", "type 1 or type 2 diabetes": the last piece's last word
    belongs to every piece that is no name without it."""
    pieces = [x.strip() for x in _JOIN.split(subject) if x.strip()]
    head = pieces[-1].rsplit(None, 1)[-1] if pieces else ""
    if len(pieces) < 2 or head == pieces[-1]:
        return None
    out = []
    for x in pieces:
        for name in (x, f"{x} {head}"):
            if _is_name(name, kb):
                out.append(_DETERMINER.sub("", name))
                break
        else:
            return None
    return tuple(out)


# a link question with a direction: X causes autoimmune disease or raises its risk
_RAISES = re.compile(
    r"\b(?:cause|trigger|lead\s+to|raise|increase|risk\s+factor|(?:higher|greater|increased|"
    r"raised)\s+risk|more\s+likely)\b",
    re.I,
)
# the knowledge base's relations that read "X ... autoimmune condition" in the asked direction, or
# in none (co-occurring); the others run the other way (X is made more likely by it, follows it)
_FORWARD = ("complication", "risk-factor-for", "co-occurs", "overlaps")


def _link_the_other_way(cid: str | None, kb: KnowledgeBase) -> str | None:
    """Why "Does X raise the risk of autoimmune disease?" is not answered where the knowledge
    base records X's links to autoimmune conditions only the other way (non-Hodgkin lymphoma is
    made more likely by Sjögren syndrome): its link verdict would answer the reverse question."""
    record = kb.record(cid) if cid else None
    if record is None or record.autoimmune in ("yes", "partly"):
        return None
    links = autoimmune_links(record, kb.records)
    if not links or any(a.relation in _FORWARD for a in links):
        return None
    a = links[0]
    return (
        f"the knowledge base records the link the other way: {kb.name(record.id)} "
        f"{RELATIONS[a.relation]} {kb.name(a.condition)}; it does not say whether "
        f"{kb.name(record.id)} raises the risk of autoimmune disease"
    )


def _pieces_beside_a_name(subject: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The pieces of a subject that joins a condition's name to words that name none ("lupus or
    xyzitis"): answering for the one name would answer another question. Empty where no piece
    is a name on its own ("eczema on hands and feet") or the whole is a name."""
    if match_subject(subject, kb, inside=False).ids:
        return ()
    pieces = [x.strip() for x in _JOIN.split(subject) if x.strip()]
    if len(pieces) < 2:
        return ()
    unknown = tuple(x for x in pieces if not _is_name(x, kb))
    if len(unknown) == len(pieces):
        return _pieces_beside_a_name_inside(subject, kb)
    return unknown if len(unknown) < len(pieces) else ()


# -- a condition named before "from", "with" or "caused by" another ------------------------------
# "is splenic sequestration from the flu contagious", "is hepatitis from the flu contagious", "is
# chlamydia from the flu contagious" got influenza's "yes", "is Caroli disease from MS contagious"
# and "is preterm premature rupture of the membranes from MS contagious" multiple sclerosis's "no":
# the condition after the link word was read and the one before it, which the question asks about,
# dropped (a class's name before it is refused already where both names are curated,
# ``_a_class_named_before``; a name outside the knowledge base, or "the flu" after it, slipped
# through). Any words before the link are read as a condition brought on by, or met with, the
# other, and the question stays not understood, unless they end in a person ("my 5 year old son
# with eczema") or are only a symptom, a part of the body or a plain describing word
# (``_SYMPTOM_WORDS``: "a rash", "an itchy rash", "cough", "my skin"), which keep the reading; in
# doubt it stays unknown.
_THROUGH_ANOTHER = re.compile(
    r"^(?P<before>.+?)\s+(?:from|with|caused\s+by|due\s+to|secondary\s+to|triggered\s+by|"
    r"induced\s+by|brought\s+on\s+by|after|following)\s+(?P<after>.+)$",
    re.I,
)
_A_PERSON_LAST = re.compile(rf"\b(?:{_PEOPLE_WORDS})$", re.I)
_LEADING_ARTICLE = re.compile(
    r"^(?:(?:a|an|the|my|your|his|her|our|their|this|that|these|those|some)\s+)+", re.I
)
_SYMPTOM_WORDS = frozenset(
    "rash rashes cough coughing coughs fever fevers itch itching itchiness itchy spots spot "
    "blister blisters sores sore bumps bump pain pains ache aches aching headache headaches "
    "swelling swollen fatigue tiredness tired sneezing sneezes sneeze runny stuffy nose throat "
    "diarrhea diarrhoea vomiting vomit nausea chills redness red dry flaky scaly peeling "
    "skin scalp face hands hand feet foot eyes eye mouth lips tongue chest joints joint back "
    "stomach tummy belly lungs breath breathing wheeze wheezing congestion mucus phlegm snot "
    "discharge pus scab scabs scar scars patch patches lump lumps welts hives bruise bruises "
    "bruising bleeding weakness numbness tingling dizziness fog brain hair loss weight gain "
    "bad little small mild severe new nasty constant chronic acute persistent "
    "and or".split()
)


def _more_than_a_symptom(before: str, kb: KnowledgeBase) -> bool:
    """Whether the words ``before`` a link word name a condition rather than a symptom or a
    person (the block's comment)."""
    if _A_PERSON_LAST.search(before):
        return False
    words = _LEADING_ARTICLE.sub("", before).lower().split()
    return not words or any(w not in _SYMPTOM_WORDS for w in words)


def _a_condition_through_another(subject: str, kb: KnowledgeBase) -> str | None:
    """Why ``subject``, naming a condition before a link word and another after it, is read as
    neither (the block's comment); else None."""
    m = _THROUGH_ANOTHER.match(subject.strip())
    if m is None or not _more_than_a_symptom(m.group("before").strip(), kb):
        return None
    if match_subject(subject, kb, inside=False).ids:
        return None  # a name that holds the link word ("graft versus host disease ...")
    at = m.end("before")
    if any(h.start < at < h.end for h in kb.find(subject)):
        return None  # a name across the link word ("granulomatosis with polyangiitis or ...")
    if not match_subject(m.group("after"), kb).ids:
        return None
    return (
        f"“{subject.strip()}” names {m.group('before').strip()} with {m.group('after').strip()}: "
        "the verdict for the one after does not answer for the one before"
    )


# -- whether a child's condition will go away: growing out of it ----------------------------------
# "will my son's asthma ever go away" got asthma's curable "no" ("it cannot be cured"), "will my
# baby's eczema ever go away" and "is eczema curable will my daughter's eczema ever go away"
# eczema's "partly": "Does X go away?" keeps the curable verdict, but asked of a child the
# question is whether the child will grow out of it, which the curable verdict does not answer
# (many children's asthma and eczema fade with age; outgrowing is refused already, ``_OUTGROWS``,
# and "Will my son grow out of hay fever?" stays unknown). A baby's, child's, son's or daughter's
# condition asked whether it goes away, clears up or fades stays not understood, in every family;
# "will my eczema ever go away", "does eczema go away" and "can my daughter's eczema be cured"
# keep their reading.
_A_CHILD = (
    r"(?:bab(?:y|ies)|sons?|daughters?|child|children|kids?|toddlers?|teens?|teenagers?|infants?|"
    r"newborns?|grandsons?|granddaughters?|grandchild(?:ren)?|boys?|girls?|little\s+ones?)"
)
_A_CHILDS_CONDITION_GOING_AWAY = re.compile(
    rf"\b(?:my|our|your|his|her|their|a|the)\s+(?:\w+\s+)?{_A_CHILD}(?:'s|s'|’s)?\b.*?"
    r"\b(?:go(?:es)?\s+away|went\s+away|clears?\s+up|disappears?|fades?(?:\s+away)?|resolves?|"
    r"get\s+better|heal)\b",
    re.I,
)


# -- a person with another condition before the comma, pointed back to after it ----------------
# "my husband has lupus, can i catch the flu from him" got influenza's "yes", "my husband has the
# flu, can i catch covid from him" covid's, "my son has a cold, can I catch the flu from him" the
# flu's: the question is read as the clause after the comma ("In conclusion, is EoE ..."), and
# "him" points back to a person the words before name with another condition. The verdict says
# the asked condition passes from that person, who has not got it (he has lupus, not the flu):
# another question. Where the clause points back to a person ("him", "her", "them", "he", "she")
# and the words before the comma name a condition other than the clause's, the question stays not
# understood; the same condition ("my husband has shingles, can i catch shingles from him"), no
# person pointed back to ("I have lupus, is the flu contagious") or no condition before ("my
# husband was sick, can I catch the flu from him") keep their reading. An illness in lay words,
# which no record holds ("a cold", "a stomach bug", ``_AN_ILLNESS``), is another condition too.
_AN_ILLNESS_BEFORE = re.compile(
    r"\b(?:common\s+|head\s+|chest\s+|stomach\s+|tummy\s+|viral\s+|bacterial\s+)?"
    r"(?:colds?|virus(?:es)?|bugs?|infections?)\b",
    re.I,
)
_POINTS_BACK_TO_A_PERSON = re.compile(
    r"\b(?:him|her|them|he|she|they|his|hers|their|theirs|himself|herself|themselves)\b", re.I
)


def _a_person_with_another_condition_before(
    text: str, t: str, readings: list[tuple[list[str], str, tuple[str, ...]]], kb: KnowledgeBase
) -> bool:
    """Whether ``t``, the clause after the comma of ``text``, points back to a person the words
    before it name with a condition other than its own (the block's comment)."""
    if not readings or not _POINTS_BACK_TO_A_PERSON.search(t):
        return False
    cleaned = _clean(text)
    clause = _CLAUSE_QUESTION.search(cleaned)
    if clause is None or _OPENS_QUESTION.match(cleaned) or clause.group(1) != t:
        return False
    before = cleaned[: clause.start()]
    own = _condition_of(readings[0][1], kb)
    named = {c for h in kb.find(before) for c in h.concept_ids if kb.record(c) is not None}
    return bool(named - {own}) or (own is not None and bool(_AN_ILLNESS_BEFORE.search(before)))


# -- a name the last resort reads in one piece, joined to words that name nothing ----------------
# "is Chilblain lupus or a gluten allergy" got systemic lupus's "no", "is heart lymphoma or a
# gluten allergy" non-Hodgkin lymphoma's, "is chilblain lupus or frostbite contagious" lupus's
# "no", "is heart lymphoma and a gluten allergy" the lymphoma's: the block above refuses a piece
# joined to a name only where that piece is a name on its own ("lupus or a milk allergy"), and a
# name the last resort finds inside a longer piece ("Chilblain lupus", "psoriasis 15", "melancholic
# depression") was answered alone, the other piece ("a gluten", "frostbite") dropped. A piece
# that holds a curated name with nothing after it but words of its own (a number, a kind) joined
# to a piece that names nothing, even inside, is two things asked about: not understood, naming
# the piece. A place or a setting after the name ("eczema on the face or hands", "psoriasis on
# elbows or knees", "lupus in women or men") is one condition asked about in several places, and
# keeps its reading, as do people joined before it ("my mother and grandmother both had alopecia
# areata, is it genetic"); "or something" is left to the check of what only resembles a condition
# (``_RESEMBLING``).
_A_PLACE_OR_SETTING_AFTER = re.compile(
    r"\b(?:on|in|of|at|around|behind|under|over|near|inside|between|to|from|for|during|among)\b",
    re.I,
)
# a joining word or a slash (a comma alone may write a name as an index does, "melanoma, malignant")
_JOINING_WORD = re.compile(r"\s*,?\s+(?:or|and|&)\s+|\s*/\s*", re.I)
_A_PERSON_PIECE = re.compile(
    rf"^(?:(?:my|your|his|her|our|their|a|an|the)\s+)?(?:\w+\s+)?(?:{_PEOPLE_WORDS}|men|women)$|"
    r"^(?:something|anything|whatever|stuff)(?:\s+(?:else|like\s+that|similar))?$",
    re.I,
)


def _pieces_beside_a_name_inside(subject: str, kb: KnowledgeBase) -> tuple[str, ...]:
    """The pieces of ``subject`` naming nothing, where another piece holds a name the last
    resort reads with no place or setting after it (the block's comment); else empty. A joining
    word inside that name ("autoimmune/inflammatory syndrome") cuts nothing."""
    hits = [h for h in kb.find(subject) if any(kb.record(c) for c in h.concept_ids)]
    best = max(hits, key=lambda h: h.end - h.start) if hits else None
    if best is None:
        return ()
    cuts = [
        m for m in _JOINING_WORD.finditer(subject) if m.end() <= best.start or m.start() >= best.end
    ]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(subject)]
    holds, unknown = False, []
    for i in range(0, len(bounds), 2):
        start, end = bounds[i], bounds[i + 1]
        piece = subject[start:end].strip()
        if not piece:
            continue
        if start <= best.start and best.end <= end:
            holds = not _A_PLACE_OR_SETTING_AFTER.search(subject[best.end : end])
        elif (
            not _A_PERSON_PIECE.match(piece)
            and not match_subject(_DETERMINER.sub("", piece), kb).ids
        ):
            unknown.append(piece)
    return tuple(unknown) if holds and unknown else ()


# "is hepatitis a contagious", typed in lower case, got hepatitis's "partly" (hepatitis A is caught
# from people): the forms read "a contagious" as an article and its word. A lower-case "a" before a
# bare family word that ends the question ("contagious", "genetic": no noun follows, so no article
# is needed) is the subject's letter where the subject with it is a name the knowledge base holds
# ("is lupus a genetic" keeps lupus; "is lupus a genetic disease" keeps its article).
# -- the letter "a" after a misspelt name ---------------------------------------------------------
# The same held only for a name typed right: "is hepatits a contagious", "is heptitis a
# contagious", "is hepititis a contagious" (and "is hepatitis  a contagious", two spaces) still got
# hepatitis's "partly", the letter read as an article and the misspelt name as hepatitis itself. So
# the subject with the letter is also taken where it is a curated name misspelt (the fuzzy match
# reads it, the letter and all, as one condition, ``_a_misspelt_name_with_a``), and any run of
# spaces may stand between the subject and its letter; "is lupis a genetic" keeps lupus (no name
# with a letter is near "lupis a").
_BARE_WORD_AFTER_A = re.compile(
    rf"^\s+a\s+(?:{_PROPERTY_WORDS}|auto[\s-]?immune|allergic)\s*[?.!]*\s*$",
    re.I,
)


def _a_misspelt_name_with_a(subject: str, kb: KnowledgeBase) -> bool:
    """Whether ``subject`` with the letter A after it is a curated name misspelt (the block's
    comment): the fuzzy match reads it as one condition whose name holds the letter."""
    ids = _fuzzy(subject + " a", kb).ids
    return len(ids) == 1 and "a" in _marks(_key(kb.name(ids[0])))


def _letter_a(subject: str, text: str, kb: KnowledgeBase | None = None) -> str:
    """ "Is hepatitis A contagious?": a capital A between the subject and a word in lower case is
    the subject's own letter (hepatitis A, not hepatitis), which the forms, reading "a
    contagious" as an article and its word, leave out. "Is Psoriasis A Autoimmune Disease?", in
    title case, keeps its article. In lower case, "a" before a bare family word that ends the
    question is the letter where the subject with it is an exact name (the block's comment)."""
    at = text.find(subject + " A ")
    if at < 0 or not text[at + len(subject) + 3 : at + len(subject) + 4].islower():
        found = re.search(re.escape(subject.lower()) + r"\s+a\s", text.lower())
        if (
            kb is not None
            and found is not None
            and _BARE_WORD_AFTER_A.match(text[found.start() + len(subject) :])
            and (_exact(subject + " A", kb) or _a_misspelt_name_with_a(subject, kb))
        ):
            return subject + " A"
        return subject
    return subject + " A"


def _best(ids: list[str], kb: KnowledgeBase) -> str | None:
    """The first curated concept, else the first of any kind."""
    for cid in ids:
        if kb.record(cid) is not None:
            return cid
    return ids[0] if ids else None

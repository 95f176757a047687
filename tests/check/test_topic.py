"""The topic check (check/topic.py): the off-topic finding says which reading of the question's
letters the page uses, and where; an off-topic page's coincidental answer is never shown as
agreeing with the evidence."""

from __future__ import annotations

from conftest import make_page
from healthlens.report.labels import agreement_label

GBS_STREP = (
    "Group B strep and your baby\n"
    "Group B strep (GBS) is a bacterium many healthy adults carry. GBS is not contagious "
    "between adults in daily life, but GBS can pass to a newborn during birth, so pregnant "
    "women are offered a swab test."
)


def _off_topic(page):
    [finding] = [f for f in page.findings if f.kind == "off_topic"]
    return finding


def test_off_topic_finding_points_at_the_definition_that_decided_it(kb):
    page = make_page(GBS_STREP, kb, question="Is GBS curable?")
    assert page.on_topic is False
    evidence = _off_topic(page).evidence[-1]
    assert evidence.text.startswith("The page reads GBS as Group B strep")
    assert "spells GBS out" in evidence.text
    assert page.text[evidence.start : evidence.end] == "Group B strep"
    assert evidence.ref == str(page.sentence_of(evidence.start).index)


def test_off_topic_finding_names_the_words_when_vocabulary_decided(kb):
    # HS is never spelled out and neither reading is named: the words are spherocytosis's
    text = (
        "Blood cell shapes\n"
        "In HS the red cells are round spheres instead of discs, so the spleen destroys them "
        "early. HS runs in families through spectrin and ankyrin genes; removing the spleen "
        "helps. HS is found on a blood smear."
    )
    page = make_page(text, kb, question="Is HS hereditary?")
    assert page.on_topic is False
    evidence = _off_topic(page).evidence[-1]
    assert "Hereditary spherocytosis" in evidence.text and "its words" in evidence.text
    assert evidence.start is not None and evidence.end > evidence.start


def test_page_about_the_asked_reading_has_no_off_topic_finding(kb):
    text = (
        "Guillain-Barré syndrome\n"
        "Guillain-Barré syndrome (GBS) is a rare disorder in which the immune system attacks the "
        "nerves. GBS causes weakness that can spread to paralysis. GBS is not contagious."
    )
    page = make_page(text, kb, question="Is GBS curable?")
    assert page.on_topic is True
    assert not [f for f in page.findings if f.kind == "off_topic"]


def test_off_topic_answer_is_never_shown_as_agreeing(kb):
    # the strep page's "cured" matches Guillain-Barré syndrome's curable "yes" by chance
    text = GBS_STREP + " A GBS infection is cured with antibiotics."
    page = make_page(text, kb, question="Is GBS curable?")
    assert page.page_answer == "yes"
    assert page.on_topic is False
    label = agreement_label(
        {"on_topic": page.on_topic, "agrees_with_evidence": page.agrees_with_evidence}
    )
    assert label in ("—", "not compared (the page is about something else)")


def test_a_page_about_the_condition_in_animals_is_off_topic(kb):
    # a veterinary page answers "is it autoimmune?" for dogs; the reader asked about people
    text = (
        "Myasthenia gravis in dogs\n"
        "Myasthenia gravis is a disease of the nerves and muscles in dogs. "
        "Myasthenia gravis is an autoimmune disease: the dog's antibodies block its muscle receptors."
    )
    page = make_page(text, kb, question="Is myasthenia gravis autoimmune?")
    assert page.on_topic is False
    [off] = [f for f in page.findings if f.kind == "off_topic"]
    assert "in animals" in off.message and "in dogs" in off.message
    assert text.replace("\n", " ")[off.start : off.end] == off.sentence


def test_a_person_s_allergy_to_dogs_or_catching_a_disease_from_a_pet_stays_on_topic(kb):
    allergy = make_page(
        "Dog allergy\nMany people are allergic to dogs. A dog allergy is an allergic reaction "
        "to proteins in a dog's skin and saliva.",
        kb,
        question="Is dog allergy an allergy?",
    )
    assert "in animals" not in " ".join(f.message for f in allergy.findings)
    catching = make_page(
        "Toxoplasmosis in your pet\nToxoplasmosis is an infection people can catch from cats. "
        "Toxoplasmosis does not spread from person to person.",
        kb,
        question="Is toxoplasmosis contagious?",
    )
    assert catching.on_topic is True  # for "contagious?", animals are a way of catching it


# -- a wider or narrower form, or a class, as the page's main condition --------------------------


def test_a_page_on_a_subtype_that_calls_it_by_its_parent_s_name_is_on_topic(kb):
    # the page names the subtype twice and then says "asthma" for it: the knowledge base records
    # the two as overlapping, so the parent's name does not make the page about another condition
    text = (
        "Asthma that needs more than an inhaler\n"
        "Eosinophilic asthma is a form of asthma with many eosinophils in the airways. "
        "This asthma starts in adults. The asthma is often severe, and asthma attacks are "
        "frequent. Asthma of this kind responds to biologic drugs. Asthma inhalers help less. "
        "Doctors test the blood for eosinophilic asthma, and asthma nurses follow it up."
    )
    page = make_page(text, kb, question="Is eosinophilic asthma allergic?")
    assert page.main_condition == "asthma"
    assert page.on_topic is True


def test_a_page_on_the_parent_that_never_names_the_subtype_stays_off_topic(kb):
    text = (
        "Asthma basics\n"
        "Asthma narrows the airways. Asthma attacks bring wheezing. Asthma is treated with "
        "inhalers, and asthma action plans help families."
    )
    page = make_page(text, kb, question="Is eosinophilic asthma allergic?")
    assert page.on_topic is False


def test_a_page_weighing_whether_x_is_a_food_allergy_is_about_x(kb):
    # "food allergy" is what the question asks IBS to be: a page that names it more than twice as
    # often as IBS, and IBS three times, is still about IBS
    text = (
        "Could it be a food allergy?\n"
        "Many people with IBS wonder whether a food allergy is behind it. A food allergy makes "
        "the immune system react within minutes. Food allergy tests rarely explain IBS. "
        "Food allergy and IBS are different things, and a food allergy diary helps. "
        "A food allergy is an immune disorder, and "
        "food allergy symptoms include hives. Food allergy clinics see many people."
    )
    page = make_page(text, kb, question="Is IBS a food allergy?")
    assert page.main_condition == "food_allergy"
    assert page.on_topic is True


def test_a_page_on_food_allergy_that_names_x_once_stays_off_topic(kb):
    text = (
        "Food allergy\n"
        "A food allergy makes the immune system react within minutes. Food allergy is common "
        "in children. Food allergy tests are done by allergists, and food allergy plans help. "
        "Some people also have eczema."
    )
    # ("Is eczema a food allergy?" is not understood now: eczema is recorded as no food allergy)
    page = make_page(text, kb, question="Is eczema an allergy?")
    assert page.on_topic is False


def test_class_names_are_told_from_condition_names():
    from healthlens.check.topic import is_class_condition

    assert is_class_condition("Food allergies")
    assert is_class_condition("autoimmune disease")
    assert is_class_condition("Auto-immune diseases")
    assert not is_class_condition("Sesame allergy")
    assert not is_class_condition("Celiac disease")


# -- letters spelled out as something that is no condition ---------------------------------------


def test_letters_spelled_out_as_no_condition_make_the_page_off_topic(kb):
    # JDM is only juvenile dermatomyositis in the terminology; this page's initials say otherwise
    text = (
        "Car culture words\n"
        "The term JDM, an acronym for Japanese Domestic Market, names cars built for sale in "
        "Japan. A JDM car has its steering wheel on the right. Collectors import JDM models."
    )
    page = make_page(text, kb, question="What does JDM stand for?")
    assert page.on_topic is False
    evidence = _off_topic(page).evidence[-1]
    assert "spells JDM out" in evidence.text
    assert page.text[evidence.start : evidence.end] == "Japanese Domestic Market"


def test_lower_case_words_right_after_the_letters_spell_them_out_too(kb):
    text = (
        "Trade terms\n"
        "People say JDM, meaning joint design manufacturers, for firms that design and build "
        "devices for a brand. A JDM shares the design work."
    )
    page = make_page(text, kb, question="What does JDM stand for?")
    assert page.on_topic is False


def test_a_page_that_names_the_condition_keeps_its_letters_whatever_else_they_spell(kb):
    text = (
        "Juvenile dermatomyositis\n"
        "Juvenile dermatomyositis (JDM) is a rare autoimmune disease of children. JDM causes a "
        "rash and muscle weakness. The Junior Doctors Meeting discussed JDM care this year."
    )
    page = make_page(text, kb, question="What does JDM stand for?")
    assert page.on_topic is True


def test_initials_that_spell_a_condition_are_not_taken_for_another_reading(kb):
    from healthlens.understand.topic import _spelled_out

    text = "In JDM care, Juvenile Dermatomyositis Management needs a team."
    assert _spelled_out(text, "JDM", kb, ["Juvenile dermatomyositis"]) is None
    assert _spelled_out("AB is Alpha Beta here.", "AB", kb, []) is None  # two letters: too easy


def test_a_page_whose_patients_are_animals_throughout_is_off_topic(kb):
    # the opening says nothing of animals; the rest of the page is about dogs
    text = (
        "Selective IgA deficiency\n"
        "Selective IgA deficiency is a lack of one antibody class in the gut and airways. "
        + "It is a common primary immune deficiency, and it may come with autoimmune disease. "
        * 6
        + "A dog with it has repeated ear and skin infections. Affected dogs are often smaller "
        "than their littermates, and the breed most often affected is the shepherd dog."
    )
    assert text.index("dog") > 600  # past the opening the older rule reads
    page = make_page(text, kb, question="Is IgA deficiency linked to autoimmune disease?")
    assert page.on_topic is False
    assert "in animals" in _off_topic(page).message


def test_animals_named_less_often_than_people_or_as_the_cause_keep_the_page_on_topic(kb):
    people = make_page(
        "Selective IgA deficiency\n"
        "Selective IgA deficiency affects about one person in 600. Most people with it are "
        "healthy; some patients have infections. Children and adults are tested the same way. "
        "Pet owners ask whether dogs or cats can pass it on: they cannot, and a dog is no risk.",
        kb,
        question="Is IgA deficiency linked to autoimmune disease?",
    )
    assert people.on_topic is True
    allergy = make_page(
        "Pet allergy\n"
        "A pet allergy is a reaction to proteins in an animal's skin flakes and saliva. Cats "
        "cause it more often than dogs; a cat or a dog in the house keeps the symptoms going, and "
        "horses can cause it too.",
        kb,
        question="Is pet allergy an allergy?",
    )
    assert allergy.on_topic is True


def test_a_page_on_the_parent_that_names_the_subtype_only_in_the_question_stays_off_topic(kb):
    # the subtype is named in the title question, in "people ask whether", in "so, is ...?" and
    # the answer after it; everything the page states is about the parent
    text = (
        "Is eosinophilic asthma allergic?\n"
        "Asthma is common. People often ask whether eosinophilic asthma is allergic. Asthma "
        "narrows the airways. Asthma attacks bring wheezing. Asthma is treated with inhalers. "
        "Asthma plans help. Asthma gets worse in cold air. Asthma is lifelong. So, is "
        "eosinophilic asthma allergic? No. Asthma comes from the airways themselves."
    )
    page = make_page(text, kb, question="Is eosinophilic asthma allergic?")
    assert page.main_condition == "asthma"
    assert page.on_topic is False


def test_letters_the_page_defines_with_a_misspelt_name_of_the_asked_condition_name_it(kb):
    # the definition resembles Guillain-Barré syndrome; its letters count for it, not for a
    # condition of the page's own
    text = (
        "Nerve weakness after a cold\n"
        "Guillain-Barre Syndrom (GBS) is a rare nerve disorder. GBS starts with tingling in the "
        "feet. GBS is not passed from person to person, and GBS is treated in hospital."
    )
    page = make_page(text, kb, question="Is GBS curable?")
    assert page.main_condition == "guillain_barre_syndrome"
    assert page.on_topic is True


def test_a_page_on_people_allergic_to_cats_stays_on_topic_whatever_its_opening_says(kb):
    # "in cat saliva", "people with pet allergies", "the feline's dander": the animal causes it
    page = make_page(
        "What causes cat allergy?\n"
        "Cat allergy comes from a protein made in cat saliva and skin. People with pet "
        "allergies react to the feline’s dander on furniture. A cat allergy is an allergic "
        "reaction of the immune system.",
        kb,
        question="Is cat allergy an allergy?",
    )
    assert page.on_topic is True
    dogs_own = make_page(
        "How to tell if your dog has an allergy\n"
        "Pet allergy in dogs shows as itching and licking of the paws. Your dog may need a "
        "food trial.",
        kb,
        question="Is pet allergy an allergy?",
    )
    assert dogs_own.on_topic is False  # the dog is the patient: a page for its owner


def test_whether_animals_catch_it_is_off_topic_for_contagious_but_catching_it_from_them_is_not(kb):
    horses = make_page(
        "Hives in horses\n"
        "Hives in horses are raised bumps on the coat. Hives are not contagious from one horse to "
        "another.",
        kb,
        question="Are hives contagious?",
    )
    assert horses.on_topic is False
    assert "in animals" in _off_topic(horses).message
    dogs = make_page(
        "Can dogs get lupus from their owners?\n"
        "Lupus is not contagious. Lupus in a dog is an autoimmune disease of its own.",
        kb,
        question="Is lupus contagious?",
    )
    assert dogs.on_topic is False
    from_a_cat = make_page(
        "Can you catch ringworm from a cat?\n"
        "Ringworm is a fungal skin infection. People catch ringworm from a cat or a dog, and from "
        "one another; ask your vet to treat the pet.",
        kb,
        question="Is ringworm contagious?",
    )
    assert from_a_cat.on_topic is True


def test_a_page_on_the_condition_in_dogs_answers_whether_my_dog_can_give_it_to_me(kb):
    # the question names the dog as where the reader would catch it: a page on the dog's
    # infection that says it passes to people answers it
    text = (
        "Ringworm in dogs\n"
        "Ringworm in dogs is a fungal infection of the coat and skin. It is zoonotic: an "
        "infected dog can pass it to the people who stroke it."
    )
    asked_from_the_dog = make_page(text, kb, question="can my dog give me ringworm")
    assert asked_from_the_dog.on_topic is True
    assert not [f for f in asked_from_the_dog.findings if f.kind == "off_topic"]
    # the same page is about animals for a question about people alone
    asked_of_people = make_page(text, kb, question="Is ringworm curable?")
    assert asked_of_people.on_topic is False
    assert "in animals" in _off_topic(asked_of_people).message


def test_a_page_on_the_condition_in_pets_that_never_says_it_passes_to_people_stays_off_topic(kb):
    # both can have it; nothing says one catches it from the other
    page = make_page(
        "Vitiligo in dogs and cats\n"
        "Vitiligo is a skin condition that a human or an animal can develop. In dogs and cats "
        "it turns patches of the nose and coat white.",
        kb,
        question="Can you catch vitiligo from a pet?",
    )
    assert page.on_topic is False
    assert "in animals" in _off_topic(page).message


def test_the_autoimmune_diseases_a_link_question_asks_about_are_not_the_page_s_topic(kb):
    # "Can strep throat cause autoimmune disease?": the page names the diseases it leads to more
    # often than strep throat itself, and is about the link all the same
    text = (
        "What can follow a sore throat\n"
        "Strep throat that is not treated can lead to rheumatic fever. Rheumatic fever is an "
        "autoimmune reaction: rheumatic fever damages the heart valves, and rheumatic fever can "
        "come back. Strep throat is treated with antibiotics to prevent rheumatic fever."
    )
    page = make_page(text, kb, question="Can strep throat cause autoimmune disease?")
    assert page.on_topic is True
    # asked whether it is autoimmune, the same page is about rheumatic fever
    other = make_page(text, kb, question="Is strep throat contagious?")
    assert other.on_topic is False
    # a page on an autoimmune disease that never names the asked condition stays off topic
    lupus = make_page(
        "Lupus\nLupus is an autoimmune disease. Lupus affects the skin, joints and kidneys, and "
        "lupus flares come and go.",
        kb,
        question="Can strep throat cause autoimmune disease?",
    )
    assert lupus.on_topic is False


def test_a_page_that_calls_the_condition_by_its_short_lay_name_is_about_it(kb):
    # "H. pylori" and "fragile X" are what most pages call the infection and the syndrome
    germ = make_page(
        "Where stomach ulcers come from\n"
        "Most stomach ulcers are caused by H. pylori. Helicobacter pylori lives in the stomach "
        "lining, and H. pylori spreads through saliva in families.",
        kb,
        question="Is H. pylori infection contagious?",
    )
    assert germ.on_topic is True
    gene = make_page(
        "How is fragile X passed on?\n"
        "Fragile X comes from a change in one gene on the X chromosome. A mother who carries "
        "fragile X can pass it to a son or a daughter.",
        kb,
        question="Is fragile X syndrome hereditary?",
    )
    assert gene.on_topic is True


def test_letters_on_a_page_with_no_word_of_health_name_something_else(kb):
    software = make_page(
        "ALPS release notes\n"
        "ALPS 2.1 adds a faster installer. ALPS now runs on more servers, and the ALPS team "
        "fixed the login screen.",
        kb,
        question="What does ALPS stand for?",
    )
    assert software.on_topic is False
    assert "“ALPS” for something else" in _off_topic(software).message
    # the same letters beside words of health are the condition
    health = make_page(
        "IBS flares\nIBS gets worse with stress. Many people with IBS find their symptoms ease "
        "with more fibre.",
        kb,
        question="Is IBS an allergy?",
    )
    assert health.on_topic is True


def test_letters_beside_a_condition_named_in_full_are_the_condition(kb):
    # no word on the list of health words, but a knowledge-base condition is named in full
    page = make_page(
        "Who gets COPD?\n"
        "COPD mostly follows years of breathing cigarette smoke or dust at work. COPD tends to "
        "run in families, and a rare inherited condition called alpha-1 antitrypsin deficiency "
        "brings COPD on young.",
        kb,
        question="Is COPD hereditary?",
    )
    assert page.on_topic is True
    assert not [f for f in page.findings if f.kind == "off_topic"]


def test_a_name_whose_last_word_is_joined_with_another_names_the_condition(kb):
    # "gluten allergy or intolerance" writes gluten intolerance, its first word shared
    text = (
        "Gluten allergy or intolerance: which one do you have?\n"
        "More people now say bread upsets them. A few have celiac disease; others feel bloated "
        "after pasta and never learn why."
    )
    page = make_page(text, kb, question="Is gluten intolerance an allergy?")
    assert page.on_topic is True
    # a page that writes neither name stays off topic
    other = make_page(
        "Bread and bloating\nMore people now say bread upsets them. A few have celiac disease.",
        kb,
        question="Is gluten intolerance an allergy?",
    )
    assert other.on_topic is False


def test_letters_the_page_spells_out_as_the_asked_condition_in_other_words_name_it(kb):
    # the page's own letters, spelled out with another last word: no record knows "BII"
    text = (
        "Living with implant symptoms\n"
        "Breast implant disease (BII) is what some women call the tiredness and aches they feel "
        "after surgery. BII symptoms vary. Many with BII feel better once the implants are out."
    )
    page = make_page(text, kb, question="Is breast implant illness an autoimmune disease?")
    assert page.on_topic is True
    assert not [f for f in page.findings if f.kind == "off_topic"]


def test_own_letters_that_are_another_condition_s_stay_the_page_s_own(kb):
    # IBD is inflammatory bowel disease's letters: "irritable bowel disease (IBD)" is no
    # other way of writing irritable bowel syndrome
    text = (
        "Gut trouble explained\n"
        "Irritable bowel disease (IBD) flares with stress. IBD pain eases with rest. Most people "
        "with IBD learn their triggers."
    )
    page = make_page(text, kb, question="Is irritable bowel syndrome an allergy?")
    assert page.on_topic is False
    # nor, for the question's own letters, is it inflammatory bowel disease in other words:
    # "irritable" is no word of that name
    asked_by_letters = make_page(text, kb, question="Is IBD autoimmune?")
    assert asked_by_letters.on_topic is False


def test_acid_reflux_and_b_12_deficiency_name_their_conditions(kb):
    reflux = make_page(
        "Is it an allergy or acid reflux?\n"
        "A burning chest after meals is usually acid reflux, not a food allergy. Acid reflux "
        "happens when stomach acid rises into the gullet, and acid reflux is treated with "
        "antacids.",
        kb,
        question="Is GERD an allergy?",
    )
    assert reflux.on_topic is True
    b12 = make_page(
        "Low B-12 and your immune system\n"
        "B-12 deficiency often comes from pernicious anemia, an autoimmune disease. A B12 "
        "deficiency can also follow a vegan diet.",
        kb,
        question="Is vitamin B12 deficiency linked to autoimmune disease?",
    )
    assert b12.on_topic is True


def test_pfapa_spelled_out_in_full_is_one_condition_not_its_parts(kb):
    page = make_page(
        "Periodic Fever, Aphthous Stomatitis, Pharyngitis and Adenitis\n"
        "Children with it have fevers every few weeks with mouth sores, a sore throat and "
        "swollen neck glands. Aphthous stomatitis means mouth ulcers; adenitis means swollen "
        "glands.",
        kb,
        question="Is PFAPA an immune problem?",
    )
    assert page.main_condition == "pfapa_syndrome"
    assert page.on_topic is True


def test_carpal_tunnel_alone_names_the_syndrome(kb):
    page = make_page(
        "Wrist surgery outcomes\n"
        "Carpal tunnel surgery frees the squeezed nerve in the wrist. Most people with carpal "
        "tunnel regain feeling in their fingers within weeks.",
        kb,
        question="Can carpal tunnel syndrome be cured?",
    )
    assert page.on_topic is True


def test_a_condition_in_adult_dogs_is_about_animals(kb):
    page = make_page(
        "Polymyositis is an inflammatory muscle disorder in adult dogs. It causes weakness "
        "and muscle wasting, and polymyositis is treated with steroids.",
        kb,
        question="Is polymyositis an autoimmune disease?",
    )
    assert page.on_topic is False
    assert "in adult dogs" in _off_topic(page).message


def test_letters_beside_the_words_of_a_germ_name_the_infection(kb):
    # a page on how HIV passes between people never spells it out nor says "disease", but an
    # infected person, a virus and how it is transmitted are words of health
    page = make_page(
        "Can I get HIV from a hug\nNo. HIV is not an airborne virus. HIV can be found in the blood "
        "of an infected person.",
        kb,
        question="Is HIV contagious?",
    )
    assert page.on_topic is True


def test_gum_disease_and_periodontal_disease_name_periodontitis(kb):
    # consumer pages call periodontitis by its lay name and by "periodontal disease" (the title
    # of the record's own source); a page using only those names is about the asked condition
    lay = make_page(
        "Sharing a toothbrush\n"
        "Gum disease starts when plaque bacteria inflame the gums. You cannot pass gum disease "
        "to a partner the way you pass a cold, though the bacteria can be shared.",
        kb,
        question="Is periodontitis contagious?",
    )
    assert lay.on_topic is True
    formal = make_page(
        "Periodontal disease and your family\n"
        "Periodontal disease destroys the bone around teeth. Some people are more prone to "
        "periodontal disease because of their genes; smoking raises the risk too.",
        kb,
        question="Is periodontitis hereditary?",
    )
    assert formal.main_condition == "periodontitis"
    assert formal.on_topic is True


def test_a_question_naming_gum_disease_asks_about_periodontitis(kb):
    from healthlens.question import parse_question

    assert parse_question("Is gum disease contagious?", kb).concept_id == "periodontitis"


def test_a_page_on_a_form_named_after_the_asked_condition_is_on_topic(kb):
    # "primary adrenal insufficiency" is recorded as Addison's disease, but its name ends in the
    # asked condition's: the page is about a form of it, and names it each time
    page = make_page(
        "Other conditions that come with primary adrenal insufficiency\n"
        "People with primary adrenal insufficiency often have thyroid disease as well. Primary "
        "adrenal insufficiency also comes with type 1 diabetes more often than chance would "
        "suggest, and screening for primary adrenal insufficiency is advised.",
        kb,
        question="Is adrenal insufficiency linked to other autoimmune diseases?",
    )
    assert page.main_condition == "addison_disease"
    assert page.on_topic is True


def test_a_form_named_in_a_question_title_still_names_the_condition(kb):
    # nothing is named twice; the only condition named is a form of the asked one
    page = make_page(
        "Can you pass type 1 diabetes on?\nNo one catches type 1 diabetes from a friend.",
        kb,
        question="Can you catch diabetes from someone?",
    )
    assert page.on_topic is True


def test_a_form_named_in_passing_on_a_page_about_another_condition_stays_off_topic(kb):
    page = make_page(
        "Living with rheumatoid arthritis\n"
        "Rheumatoid arthritis inflames the joints. Rheumatoid arthritis is treated with "
        "methotrexate, and people with rheumatoid arthritis sometimes also have type 1 diabetes.",
        kb,
        question="Can you catch diabetes from someone?",
    )
    assert page.on_topic is False


def test_a_page_on_the_condition_in_reptiles_is_about_animals(kb):
    page = make_page(
        "Soft bones in reptiles\n"
        "Soft bones in reptiles come from too little calcium and no UV light. Osteomalacia "
        "makes the jaw rubbery; osteomalacia is treated with calcium and a UV lamp.",
        kb,
        question="Is osteomalacia curable?",
    )
    assert page.on_topic is False


def test_breeds_mark_a_page_about_kept_animals(kb):
    # people have no breeds: a page saying which breeds get it, and naming a cat, is about animals
    page = make_page(
        "Glaucoma\n"
        "Glaucoma raises the pressure inside the eye. Some breeds inherit narrow drainage "
        "angles, and those breeds get glaucoma young; a cat gets it after eye inflammation.",
        kb,
        question="Is glaucoma hereditary?",
    )
    assert page.on_topic is False


def test_breeds_as_a_verb_on_a_page_about_people_stays_on_topic(kb):
    page = make_page(
        "Glaucoma in families\n"
        "Glaucoma runs in families: people with a parent who has it are at higher risk. "
        "Worry breeds delay, so adults with a family history should have eye checks.",
        kb,
        question="Is glaucoma hereditary?",
    )
    assert page.on_topic is True


def test_letters_the_page_defines_as_a_form_of_the_asked_condition_name_it(kb):
    # the page's own expansion ends in the asked condition's name (its possessive aside)
    page = make_page(
        "Treating the multicentric form\n"
        "Multicentric Castleman's disease (MCD) swells lymph nodes in several places. MCD "
        "brings fevers and night sweats. MCD is driven by the cytokine IL-6, and MCD is treated "
        "with drugs that block it.",
        kb,
        question="Is Castleman disease autoimmune?",
    )
    assert page.on_topic is True


def test_forms_named_matches_the_plain_suffix_test():
    """``_forms_named`` looks a written name's word suffixes up in the set of the asked
    condition's names; it must keep exactly the mentions whose name ends in " " + one of them, as
    the plain test over every name does."""
    import random
    from types import SimpleNamespace

    from healthlens.check.topic import _folded_words, _forms_named

    rng = random.Random(13)
    vocab = ["type", "1", "diabetes", "primary", "adrenal", "insufficiency", "crohn's", "disease"]
    names = ["Diabetes", "Adrenal insufficiency", "Crohn's disease"]
    kb = SimpleNamespace(record=lambda t: SimpleNamespace(names=names), name=lambda t: names[0])
    heads = {_folded_words(n) for n in names}
    for _ in range(300):
        mentions = [
            SimpleNamespace(
                concept_id=rng.choice(["asked", "other", "third"]),
                text=" ".join(rng.choice(vocab) for _ in range(rng.randrange(0, 5))),
                via=rng.choice(["name", "letters"]),
            )
            for _ in range(6)
        ]
        page = SimpleNamespace(mentions=mentions)
        plain = [
            m
            for m in mentions
            if m.concept_id != "asked"
            and m.via == "name"
            and any(_folded_words(m.text).endswith(" " + h) for h in heads)
        ]
        assert _forms_named(page, kb, {"asked"}) == plain


def test_the_core_every_variant_of_the_name_ends_with_names_the_condition(kb):
    # immune, idiopathic and autoimmune thrombocytopenic purpura: the page drops the first word
    page = make_page(
        "Low platelets in children\n"
        "Thrombocytopenic purpura makes a child bruise easily and bleed from the gums. In "
        "thrombocytopenic purpura the platelet count falls because antibodies mark the platelets "
        "for removal. Most children with thrombocytopenic purpura recover within months.",
        kb,
        question="Is ITP contagious?",
    )
    assert page.on_topic is True


def test_a_core_inside_another_conditions_longer_name_stays_that_conditions(kb):
    # "thrombotic thrombocytopenic purpura" is another condition, whose name ends in the core
    page = make_page(
        "Clots in small vessels\n"
        "Thrombotic thrombocytopenic purpura forms clots in small blood vessels. Thrombotic "
        "thrombocytopenic purpura comes from a lack of the enzyme ADAMTS13, and thrombotic "
        "thrombocytopenic purpura is treated with plasma exchange.",
        kb,
        question="Is ITP contagious?",
    )
    assert page.on_topic is False


def test_core_names_are_the_longest_ending_the_variants_share(kb):
    from healthlens.check.topic import core_names

    assert core_names(kb, "immune_thrombocytopenia") == {"thrombocytopenic purpura"}
    # the thrombotic forms' shared ending is a name the terminology holds: no core
    assert "thrombocytopenic purpura" not in core_names(
        kb, "immune_thrombotic_thrombocytopenic_purpura"
    )
    # an ending of a word of kind, or after "of", is no name of the condition
    for cid in (
        "inflammatory_bowel_disease",
        "hemolytic_disease_of_the_newborn",
        "paget_disease_of_bone",
    ):
        assert not any(
            c.split()[0] in {"disease", "of"} or c.endswith("disease") for c in core_names(kb, cid)
        )


MG_LETTERS = (
    "Questions we hear\n"
    "What is MG? MG is a long-term illness in which messages from nerves fail to reach the "
    "muscles at the junction between them, because antibodies block the acetylcholine "
    "receptors there. With MG, the eyelids droop and chewing tires quickly. {extra}"
)


def test_two_words_of_the_asked_reading_decide_letters_nothing_else_points_to(kb):
    # MG is never spelled out; "junction" and "acetylcholine" are myasthenia gravis's words, and
    # no word of the other readings (milligram, monoclonal gammopathy) is on the page
    page = make_page(
        MG_LETTERS.format(extra="Rest helps."), kb, question="Is MG caused by the immune system?"
    )
    assert page.on_topic is True


def test_two_words_do_not_decide_letters_when_another_readings_word_is_there(kb):
    page = make_page(
        MG_LETTERS.format(extra="It is not a monoclonal protein disorder."),
        kb,
        question="Is MG caused by the immune system?",
    )
    assert page.on_topic is False


def test_a_page_naming_the_germ_is_about_its_infection(kb):
    # the virus's name alone, as consumer pages write it: cytomegalovirus for its infection
    page = make_page(
        "Cytomegalovirus and pregnancy\n"
        "Cytomegalovirus is a common virus that most healthy adults never notice. Toddlers shed "
        "cytomegalovirus in saliva and urine for months, so parents of young children catch "
        "cytomegalovirus often; washing hands after nappy changes lowers the risk.",
        kb,
        question="Is CMV contagious?",
    )
    assert page.on_topic is True


ADRENAL_LATE_ANIMALS = (
    "Low adrenal output\n"
    "Addison's disease is a failure of the adrenal glands to make enough cortisol and "
    "aldosterone. The glands sit on top of the kidneys, and their outer layer, the cortex, is "
    "usually destroyed slowly, so the signs creep up over months: tiredness, weight loss, "
    "vomiting, a craving for salt and, in a crisis, collapse. Blood tests show low sodium and "
    "high potassium, and a stimulation test confirms that the cortex cannot answer a signal to "
    "make more hormone. Treatment replaces both hormones by mouth for life, and the dose is "
    "raised during illness or surgery. Low blood pressure on standing and darker skin are common "
    "as well. {who} The disease is thought to be immune-mediated, and "
    "some breeds are over-represented."
)


def test_a_page_naming_no_people_whose_patients_appear_late_is_about_animals(kb):
    # the opening reads as about anyone; only later does the page say whom it affects
    page = make_page(
        ADRENAL_LATE_ANIMALS.format(who="It tends to affect dogs from six months of age."),
        kb,
        question="Is Addison's disease inherited?",
    )
    assert len(page.text) > 700 and page.text.find("affect dogs") > 600
    assert page.on_topic is False


def test_a_page_that_names_people_too_is_not_about_animals_for_a_late_dog(kb):
    page = make_page(
        ADRENAL_LATE_ANIMALS.format(
            who="It tends to affect dogs as well as people, from six months of age."
        ),
        kb,
        question="Is Addison's disease inherited?",
    )
    assert page.on_topic is True


def test_the_asked_name_with_one_typo_names_the_condition(kb):
    # "sclerosis" for "sclerosus", as consumer pages often write it; the terminology reads only
    # the first word ("lichen") there, as another condition
    page = make_page(
        "Lichen sclerosis explained\n"
        "Lichen sclerosis leaves thin white patches of skin, most often on the genitals. Nobody "
        "catches lichen sclerosis from a partner, and creams calm it down well.",
        kb,
        question="Is lichen sclerosus contagious?",
    )
    assert page.on_topic is True


def test_another_conditions_name_one_letter_away_is_no_typo(kb):
    page = make_page(
        "Living with type 2 diabetes\n"
        "Type 2 diabetes comes on slowly in adults, and type 2 diabetes is often managed with diet, "
        "exercise and metformin. Many people with type 2 diabetes never need insulin.",
        kb,
        question="Is type 1 diabetes hereditary?",
    )
    assert page.on_topic is False


def test_one_edit():
    from healthlens.check.topic import _one_edit

    assert _one_edit("lichen sclerosis", "lichen sclerosus")  # a letter changed
    assert _one_edit("disoder", "disorder") and _one_edit("disorder", "disoder")
    assert not _one_edit("same", "same")
    assert not _one_edit("arteries", "arteritis")  # two letters: another word
    assert not _one_edit("ab", "ba")


def test_a_name_written_apart_names_the_condition(kb):
    # a modifier shared with another ("autoimmune and chronic"), the name turned round as an
    # index writes it ("neutropenia, autoimmune"), and a parenthesis inside the name
    for text in (
        "Autoimmune and chronic neutropenia\n"
        "Both leave too few neutrophils to fight bacteria, so mouth ulcers and skin infections "
        "come often. Neutropenia of this kind in infants usually fades by school age.",
        "Neutropenia, autoimmune\n"
        "Antibodies remove the white cells that fight bacteria, so mouth ulcers and skin "
        "infections come often. Neutropenia of this kind in infants usually fades by school age.",
        "Autoimmune (antibody-driven) neutropenia\n"
        "Antibodies remove the white cells that fight bacteria, so mouth ulcers and skin "
        "infections come often. Neutropenia of this kind in infants usually fades by school age.",
    ):
        page = make_page(text, kb, question="Is autoimmune neutropenia an autoimmune disease?")
        assert page.on_topic is True, text


def test_words_of_another_name_are_not_a_name_turned_round(kb):
    # "disease, gum" here ends the name "Crohn's disease": no periodontitis turned round
    page = make_page(
        "Risks of smoking\n"
        "Crohn's disease, gum problems and kidney stones share a risk factor: smoking. "
        "Crohn's disease flares less in those who stop.",
        kb,
        question="Is gum disease hereditary?",
    )
    assert page.on_topic is False


def test_the_name_without_its_word_of_kind_names_the_condition_where_a_name_stands(kb):
    # "Fabry" for Fabry disease, after "in" and before a comma
    page = make_page(
        "How the gene passes on\n"
        "The gene sits on the X chromosome. In Fabry, a father passes it to every daughter and "
        "to no son; a mother passes it to half of her children. Carriers with Fabry may have "
        "symptoms too.",
        kb,
        question="Is Fabry disease inherited?",
    )
    assert page.on_topic is True


def test_a_short_name_inside_a_phrase_is_a_word_not_the_condition(kb):
    # "Still" of Still's disease and "Down" of Down syndrome stand in phrases here
    from healthlens.check.topic import _short_pattern, _short_spans

    assert _short_pattern(kb, "adult_onset_still_disease") is not None
    assert _short_pattern(kb, "down_syndrome") is not None
    page = make_page(
        "Sleeping well\nSwimming in still water and sleeping in down duvets help with pain.",
        kb,
        question="Is Still's disease hereditary?",
    )
    assert _short_spans(page, kb, {"adult_onset_still_disease", "down_syndrome"}) == []


def test_a_pages_own_name_for_a_kind_of_autoimmune_disease_is_the_other_side_of_a_link(kb):
    # the page defines its kinds of autoimmune disease by letters and names them most; for
    # "Is AIH linked to other autoimmune diseases?" they are what the link leads to
    page = make_page(
        "Liver autoimmunity and the rest of the body\n"
        "Autoimmune liver diseases (ALDs) include autoimmune hepatitis. Patients with ALDs often "
        "have extrahepatic autoimmune diseases (EADs) as well. EADs were found in a third of the "
        "ALDs cohort, and EADs were commoner in the hepatitis than in the other ALDs. "
        "Thyroid EADs led the list.",
        kb,
        question="Is AIH linked to other autoimmune diseases?",
    )
    assert page.on_topic is True


def test_a_condition_named_after_an_autoimmune_disease_is_no_kind_of_it():
    from healthlens.check.topic import _AUTOIMMUNE_KIND, _NAME_STOPS

    def kind(name):
        return bool(_AUTOIMMUNE_KIND.search(name)) and not any(
            w in _NAME_STOPS for w in name.lower().split()
        )

    assert kind("extrahepatic autoimmune diseases") and kind("immune-mediated diseases")
    assert not kind("encephalopathy associated with autoimmune thyroid disease")
    assert not kind("multiple autoimmune syndrome")


def test_a_typo_name_written_with_a_dotted_capital_i_is_read_not_failed(kb):
    # the case-blind search matches "LİCHEN", whose lower case is not "lichen": the page once
    # ended in an internal error instead of being read
    text = (
        "Skin notes\n"
        "Lichen sclerosis is a skin condition of thin white patches. Some write LİCHEN "
        "sclerosis. It is thought to be autoimmune."
    )
    page = make_page(text, kb, question="Is lichen sclerosus autoimmune?")
    assert page.on_topic is True


def _own_letters_for_asked_plain(page, kb, targets):
    """The plain reading the quick one in ``check.topic`` must agree with: each of the page's own
    conditions looked for among its definitions in turn."""
    from dataclasses import replace

    from healthlens.check.topic import _same_words
    from healthlens.understand import title_end, title_is_question
    from healthlens.understand.mentions import PAGE_CONCEPT
    from healthlens.understand.topic import _resembles, main_condition

    target = sorted(targets)[0] if targets else None
    own = {m.concept_id for m in page.mentions if m.concept_id.startswith(PAGE_CONCEPT)}
    if target is None or not own:
        return page
    names = [n for t in targets for n in kb.long_forms(t)]
    asked = set()
    for cid in own:
        long = cid[len(PAGE_CONCEPT) :]
        letters = {ab.short for ab in page.abbreviations if " ".join(ab.long.split()) == long}
        if not letters or any(set(kb.terms.readings(x)) - targets for x in letters):
            continue
        if _resembles(long, names) and _same_words(long, names):
            asked.add(cid)
    if not asked:
        return page
    mentions = [
        replace(m, concept_id=target) if m.concept_id in asked else m for m in page.mentions
    ]
    claims = [replace(c, concept_id=target) if c.concept_id in asked else c for c in page.claims]
    main = main_condition(mentions, title_end(page), title_is_question(page), claims)
    return replace(page, mentions=mentions, claims=claims, main_condition=main)


def test_own_letters_read_from_the_definitions_first_agree_with_the_plain_reading(kb):
    from healthlens.check import question_letters, question_targets
    from healthlens.check.topic import _own_letters_for_asked
    from healthlens.question import parse_question
    from healthlens.read import read_text
    from healthlens.understand import understand

    texts = [
        # letters spelled out as the asked condition with another word of kind: they count
        "Living with implant symptoms\nBreast implant disease (BII) is what some women call the "
        "aches after surgery. BII symptoms vary.",
        # spelled with extra spaces in the definition: the same condition of the page's own
        "Implant worries\nBreast  implant   disease (BII) is a name some use. BII is debated.",
        # another condition's letters: they stay the page's own
        "Gut trouble explained\nIrritable bowel disease (IBD) flares with stress. IBD eases.",
        # a page of its own condition that defines no letters: nothing to look up
        "Implant aches\nSome women describe breast implant disease after surgery.",
        # letters defined for something that is no condition of the page's own
        "Tests\nA complete blood count (CBC) is ordered. The CBC shows anemia.",
        # two definitions, one of them the asked condition in other words
        "Two names\nBreast implant disease (BII) and chronic tiredness syndrome (CTS) are "
        "described. BII and CTS overlap.",
        # no definitions at all
        "Plain words\nBreast implant illness is discussed here at length.",
    ]
    questions = [
        "Is breast implant illness an autoimmune disease?",
        "Is irritable bowel syndrome an allergy?",
        "Is IBD autoimmune?",
    ]
    fired = 0
    for text in texts:
        for question in questions:
            page = read_text(text, "<test>")
            understand(page, kb)
            q = parse_question(question, kb)
            targets = question_targets(page, q, question_letters(q, kb))
            quick = _own_letters_for_asked(page, kb, targets)
            plain = _own_letters_for_asked_plain(page, kb, targets)
            assert quick == plain, (text, question)
            assert (quick is page) == (plain is page), (text, question)
            fired += quick is not page
    assert fired >= 2  # the tests include pages where the letters count, not only where they do not

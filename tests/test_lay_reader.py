"""The lay reading of a question, without the model: noise, typos, lexicon, missing terms, abbreviations."""

import pytest

from painchat.embedding import model_dir
from painchat.lay import LayReader, defines_a_missing_term, dictionary_words, load_lexicon
from painchat.text import abbreviations, spelled_out, tokens

PAPER = (
    "Neuropathic pain (NP) is difficult to treat. Peripheral neuropathy affects sensory neurons. "
    "Routine exercise may help prevent some causes, and randomized controlled trials (RCTs) were included."
)


@pytest.fixture(scope="module")
def reader() -> LayReader:
    return LayReader(tokens(PAPER), dictionary_words(model_dir() / "tokenizer.json"), {"dobson": "Benefits of exercise"})


def test_typos_are_corrected_towards_the_papers_words(reader):
    assert reader.read("excercise for nueropathy").text == "exercise for neuropathy"


def test_real_words_are_never_corrected(reader):
    assert reader.read("is walking good for me").text.startswith("is walking good for me")


def test_emoji_and_formatting_are_dropped(reader):
    assert reader.read("🙂 **Exercise** for _neuropathy_!!").text == reader.read("exercise for neuropathy").text


def test_lay_phrases_add_the_papers_terms(reader):
    reading = reader.read("does working out help nerve pain")
    assert "exercise" in reading.words and "neuropathic" in reading.words


def test_missing_terms_are_words_the_papers_never_use(reader):
    assert reader.read("is yoga good for neuropathy").missing == ("yoga",)
    # lay phrases meaning the papers' terms, other forms of their words and generic words are not missing
    assert reader.read("my nerve pain feels really bad, is treating it possible").missing == ()


def test_plurals_and_possessives_of_asking_words_are_not_missing(reader):
    # "dad's" reads as "dads": a person asked about is no more a missing topic than "dad"
    assert reader.read("my dad's neuropathy and my husbands, is yoga ok").missing == ("yoga",)


def test_naming_a_paper_reads_its_title(reader):
    reading = reader.read("what is the dobson paper about")
    assert "benefits" in reading.text and reading.missing == ()


def test_lay_words_for_cost_and_disability_read_as_the_papers_words(reader):
    assert "economical" in reader.read("is exercise a cheap way to treat nerve pain").text
    assert "incapacitating" in reader.read("how disabling is neuropathy").text


def test_an_abbreviation_and_plain_phrases_read_as_the_papers_words(reader):
    assert "neurotropic" in reader.read("is bdnf involved in nerve pain at all").text
    assert "poorly understood" in reader.read("so nobody knows why it helps?").text
    assert "underlying mechanisms" in reader.read("can it fix the root cause").text
    assert "mechanisms" in reader.read("does anyone know how exercise helps my feet").text
    assert "diseases" in reader.read("which illnesses did they cover").text
    assert "mechanisms" in reader.read("whats the actual science behind it").text
    assert "quality assessment" in reader.read("were the studies any good").text
    # A kind of the nerves' response to exercise, which the papers never call regrowth: still named as missing.
    regrow = reader.read("will exercise regrow my nerves")
    assert "nervous system responds to exercise" in regrow.text and "regrow" in regrow.missing


def test_lay_descriptions_of_allodynia_and_hyperalgesia_read_as_the_papers_terms(reader):
    assert "allodynia" in reader.read("even the bed sheets on my feet are agony at night").text
    assert "hyperalgesia" in reader.read("a tiny knock hurts way more than it should").text


def test_a_verb_about_checking_is_not_a_missing_topic(reader):
    assert reader.read("how did they check that yoga helps neuropathy").missing == ("yoga",)
    assert reader.read("did they look at yoga for neuropathy").missing == ("yoga",)
    assert reader.read("how did they decide that yoga helps neuropathy").missing == ("yoga",)


def test_treatment_is_not_missing_from_papers_that_speak_of_therapy_and_treating(reader):
    assert reader.read("is exercise a good treatment for neuropathy").missing == ()


def test_the_lexicon_loads_and_maps_to_lower_case_words():
    lexicon = load_lexicon()
    assert lexicon.same["nerve pain"] == "neuropathic pain"
    assert all(key == key.lower() for key in [*lexicon.same, *lexicon.kind_of])


def test_abbreviations_a_paper_defines_are_written_out():
    defined = abbreviations(PAPER)
    assert defined == {"np": "neuropathic pain", "rct": "randomized controlled trials"}
    assert spelled_out("Exercise may help in NP management.", defined) == (
        "Exercise may help in neuropathic pain (NP) management."
    )
    assert spelled_out("Neuropathic pain (NP) is common.", defined) == "Neuropathic pain (NP) is common."


@pytest.mark.parametrize(("question", "missing", "defines"), [
    ("what is crps exactly?", ("crps",), True),
    ("ok so whats the difference between sciatica and neuropathy", ("sciatica",), True),
    ("what does allodynia mean in plain english pls", ("english",), False),
    ("what is the best exercise for sciatica", ("sciatica",), False),
    ("does sciatica get better with walking", ("sciatica",), False),
])
def test_a_definition_question_is_about_its_subject(question, missing, defines):
    assert defines_a_missing_term(question, missing) is defines


def test_help_other_than_medicines_reads_as_exercise_therapy(reader):
    reading = reader.read("anything for burning feet besides pills?")
    assert "exercise therapy" in reading.text and "pills" not in reading.missing


def test_a_gap_in_a_lexicon_phrase_spans_a_few_words(reader):
    # "exercise … worse": whether exercise can make it worse reads as the papers' "double-edged sword"
    assert "double edged sword" in reader.read("can exercise make my nerve pain worse??").text
    assert "double edged sword" not in reader.read("does smoking make neuropathy worse").text
    assert "double edged sword" not in reader.read("exercise helps my mood, the pain is worse on rainy days").text
    assert "…" not in load_lexicon().words


def test_autocorrect_and_lay_questions_about_the_papers_read_as_their_words(reader):
    assert "neuropathic pain" in reader.read("would cycling help my diabetic never pain").text
    assert "delphi consensus panel" in reader.read("who actually made the recommendations").text
    assert "experimental studies" in reader.read("is this all done on mice").text
    assert "restricts physical functions" in reader.read("the pain has stopped him doing everything").text


@pytest.mark.parametrize(("question", "moves"), [
    ("and what about acupuncture alongside?", True),
    ("what about yoga", False),  # the lexicon reads yoga as a kind of exercise
    ("what about neuropathy", False),  # a word the papers use
    ("can it stop you getting it in the first place", False),  # not "what about": a question on the same topic
])
def test_a_what_about_follow_up_naming_only_missing_terms_moves_off_the_papers(reader, question, moves):
    assert reader.moves_to_what_is_missing(question) is moves

from painchat.followup import is_follow_up, resolve
from painchat.models import Turn

HISTORY = [
    Turn(role="user", content="What is allodynia?"),
    Turn(role="assistant", content="Pain from stimuli that would not normally provoke pain [1]."),
]


def test_leaning_questions_are_follow_ups():
    for question in ["and hyperalgesia?", "what about swimming?", "how often?", "what causes it?"]:
        assert is_follow_up(question), question


def test_standalone_questions_are_not():
    assert not is_follow_up("Which exercises help diabetic nerve pain in older adults?")
    assert not is_follow_up("What is neuropathic pain?")


def test_resolve_prefixes_the_topic_question():
    assert resolve("and hyperalgesia?", HISTORY) == "What is allodynia? and hyperalgesia?"
    assert resolve("What is neuropathic pain?", HISTORY) == "What is neuropathic pain?"
    assert resolve("and hyperalgesia?", []) == "and hyperalgesia?"


def test_resolve_walks_back_over_earlier_follow_ups():
    history = HISTORY + [Turn(role="user", content="and hyperalgesia?"), Turn(role="assistant", content="…")]
    assert resolve("what causes it?", history) == "What is allodynia? and hyperalgesia? what causes it?"


def test_a_short_new_topic_is_not_glued_to_the_last_one():
    assert not is_follow_up("What is allodynia?")
    assert resolve("What is allodynia?", HISTORY[:1] + [Turn(role="user", content="Is walking good?")]) == (
        "What is allodynia?"
    )


def test_a_short_question_naming_no_topic_leans_on_the_last_one():
    for question in ["ok but how many times a week", "how many times a week tho", "is that normal?"]:
        assert is_follow_up(question), question
    assert resolve("ok but how many times a week", HISTORY) == "What is allodynia? ok but how many times a week"
    assert not is_follow_up("how many times a week should I exercise?")


def test_a_word_of_assent_before_the_leaning_word_still_leans():
    for question in ["ok but how long before i notice a difference", "thanks. and for the hands?", "right, so what causes it"]:
        assert is_follow_up(question), question
    assert not is_follow_up("ok what is neuropathic pain")


def test_the_letter_left_by_an_apostrophe_is_not_a_word():
    assert is_follow_up("she's 81 though, is it any different for older people")

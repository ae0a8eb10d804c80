from painchat.text import content_tokens, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_splits_on_sentence_ends_only():
    text = "Exercise helps, e.g. walking. It was 2.5 times better (Fig. 2). Zhang Y.-H. agreed! Why? Because."
    assert sentences(text) == [
        "Exercise helps, e.g. walking.",
        "It was 2.5 times better (Fig. 2).",
        "Zhang Y.-H. agreed!",
        "Why?",
        "Because.",
    ]


def test_spans_are_offsets_into_the_text():
    text = "  First one.  Second one. "
    spans = sentence_spans(text, offset=100)
    assert [text[s - 100 : e - 100] for s, e in spans] == ["First one.", "Second one."]


def test_a_text_without_full_stop_is_one_sentence():
    assert sentences("exercise training; neuropathic pain") == ["exercise training; neuropathic pain"]


def test_content_tokens_drop_stop_words_and_fold_plurals():
    assert content_tokens("Do the exercises help my nerves and injuries?") == ["exercise", "help", "nerve", "injury"]

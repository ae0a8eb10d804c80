"""Other languages through the semantic layer: a word-by-word English gloss catches what the rule lists miss."""

from __future__ import annotations

import re

import pytest

from painchat.guard import screen
from painchat.guard.gloss import GLOSS_DIR, dictionary, gloss, has_gloss
from painchat.guard.language import detect_language
from painchat.guard.normalize import normalize

LIMIT = 2000
LANGUAGES = ("es", "fr", "de", "it", "pt")
# Worded so that no rule of any language matches (checked below).
UNRULED = {
    "mi madre tiene la cara rara y no encuentra las palabras desde hace media hora": ("es", "stroke"),
    "mein vater ist ganz grau im gesicht, schwitzt kalt und sagt es drückt wie ein elefant": ("de", "cardiac"),
}
EVERYDAY = (
    "cuando subo las escaleras me falta un poco el aire pero se me pasa enseguida, sigo caminando?",
    "ho i piedi intorpiditi da anni, posso fare cyclette?",
    "je suis un peu déprimé ces temps-ci à cause de la douleur, quel sport me ferait du bien ?",
    "no me duele el pecho ni me falta el aire, solo quiero saber si nadar ayuda a los pies",
    "meu coração dispara quando subo a ladeira mas volta ao normal em um minuto, posso continuar?",
    "beim Bergauflaufen pocht mein Herz, nach der Pause ist alles gut, darf ich weitermachen?",
    "no tengo ganas de nada por el dolor, pero no pienso hacerme daño, solo quiero moverme más",
    # "Tomo" is "i take", not "i took": a medicine taken as prescribed, dizzy in the mornings.
    "tomo pregabalina y me mareo un poco por las mañanas, a que hora hago los ejercicios de equilibrio?",
    # Told in the past tense: it passed when the writer rested.
    "perdi o fôlego subindo a ladeira, mas melhorou quando parei, posso continuar a caminhar?",
    "ayer me faltó el aire en la cuesta pero se me pasó enseguida al parar, ¿sigo?",
    "nach dem Joggen war ich völlig außer Atem, nach kurzer Pause wieder okay, ist das normal?",
    # Figures of speech: dying to swim again, a pain that is "killing" the writer.
    "me muero de ganas de volver a nadar",
    "ich sterbe vor Lust, wieder zu joggen, wann darf ich?",
    "cette douleur aux pieds me tue, le vélo aide ?",
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_dictionary_key_is_a_word_as_the_rules_read_it(language):
    words = dictionary(language)
    assert len(words) > 1000
    assert all(re.fullmatch(r"[a-z0-9]+", key) and normalize(key) == key for key in words if key)


def test_a_gloss_leaves_out_the_past_and_says_ago_last():
    text = gloss("hace diez años tuve un infarto. ahora me duele mucho el pecho", "es")
    assert "chest" in text and "ago" not in text
    assert "minutes ago" in gloss("vor zehn Minuten", "de")


def test_a_figure_of_speech_is_glossed_as_meant():
    assert "hurts badly" in gloss("este dolor me está matando", "es")
    assert "eager" in gloss("muoio dalla voglia di correre", "it")


def test_only_the_five_languages_have_a_gloss():
    assert {path.stem for path in GLOSS_DIR.glob("*.tsv")} == set(LANGUAGES)
    assert not has_gloss("nl") and dictionary("nl") == {}


@pytest.mark.parametrize(("text", "expected"), UNRULED.items())
def test_the_gloss_catches_an_emergency_the_rules_miss_with_guidance_in_its_language(text, expected, alarm):
    language, category = expected
    assert screen(text, LIMIT).reason == "scope:language"
    verdict = screen(text, LIMIT, semantic=alarm)
    assert verdict.kind == "emergency" and verdict.layer == "semantic" and verdict.language == language
    assert category in verdict.reason.split(":")[1].split("+")
    assert detect_language(verdict.message) == language


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_messages_in_other_languages_stay_out_of_scope_with_the_gloss(text, alarm):
    verdict = screen(text, LIMIT, semantic=alarm)
    assert verdict.kind == "out_of_scope" and verdict.reason == "scope:language"

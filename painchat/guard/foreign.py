"""The main red flags in Spanish, French, German, Italian and Portuguese.

Only what must never wait: chest pain, can't breathe, stroke signs, collapse,
suicide and overdose. Rules run on normalised text (accents and apostrophes
removed, apostrophes split words: "j'ai mal à la poitrine" reads "j ai mal a la poitrine"), and on every
message, because a short cry for help ("quiero morir") is too short for
language detection to be sure of.
"""

from __future__ import annotations

import re

from painchat.guard.drugs import DRUG_NAMES
from painchat.guard.matching import Matcher, any_search, near, words
from painchat.guard.normalize import normalize

ES_PT_PILLS = r"(?:pastillas?|pildoras?|comprimidos?|capsulas?|medicamentos?|remedios?|" + "|".join(DRUG_NAMES) + ")"
FR_PILLS = r"(?:comprimes?|cachets?|pilules?|gelules?|medicaments?|" + "|".join(DRUG_NAMES) + ")"
DE_PILLS = r"(?:tabletten?|pillen?|medikamenten?|kapseln?|" + "|".join(DRUG_NAMES) + ")"
IT_PILLS = r"(?:pillole|pastiglie|compresse|farmaci|medicine|" + "|".join(DRUG_NAMES) + r"|\w+olo)"

# language → category → rules; categories share the English names so messages line up.
RULES: dict[str, dict[str, tuple[Matcher, ...]]] = {
    "es": {
        "cardiac": (near(40, words("pecho"), words("dolor", r"duele\w*", "presion", "opresion", r"aprieta\w*",
                                                 "punzada", "pesadez")),
                    re.compile(words("infarto", "ataque al corazon", "ataque cardiaco"))),
        "breathing": (re.compile(words(r"no (?:\w+ )?(?:puedo|puede) respirar", r"me ahog\w*", "falta de aire", r"me falta (?:el )?aire",
                                       r"(?:dificultad|cuesta) (?:para )?respirar", "no respira", "sin aire")),),
        "stroke": (re.compile(words("ictus", r"derrame (?:cerebral)?", r"boca (?:torcida|caida)",
                                    r"(?:cara|boca) (?:\w+ ){0,3}(?:torcida|caida|cayo|cae|dormida|paralizada)",
                                    r"(?:cayo|cae|caida|torcida) (?:\w+ ){0,2}(?:cara|boca)", r"no (?:puedo|puede) hablar",
                                    r"habla (?:raro|rara|arrastrada|mal)", r"paraliz\w*",
                                    r"no (?:puedo|puede) mover (?:el|la|mi|su) (?:brazo|pierna|lado)")),),
        "fainting": (re.compile(words(r"desmay\w*", r"perd\w* (?:el )?conocimiento", "inconsciente",
                                      r"no (?:reacciona|responde|despierta)", "convulsion\\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"quiero morir\w*", r"matarme", r"quitarme la vida",
                                     r"no quiero (?:seguir )?vivir", r"acabar con (?:todo|mi vida)", r"hacerme dano",
                                     r"(?:cortarme|me corto|me corte)", r"mejor (?:muerto|muerta)")),),
        "overdose": (re.compile(words("sobredosis", r"intoxica\w*")),
                     near(60, words(r"tom\w*", r"trag\w*"), words("toda", "todas", "todo", "todos", "demasiad\\w*", "muchas", "el doble",
                                                                  "doble", "la caja", r"\d+"), ES_PT_PILLS)),
    },
    "fr": {
        "cardiac": (near(40, words("poitrine", "thorax"), words("douleur", "mal", r"serre\w*", "oppression",
                                                                "pression", "ecrase", "brule")),
                    re.compile(words("crise cardiaque", "infarctus"))),
        "breathing": (re.compile(words(r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?respirer", r"etouff\w*",
                                       r"du mal a respirer", "difficulte a respirer", "manque d air",
                                       "respire plus")),),
        "stroke": (re.compile(words("avc", r"bouche (?:de travers|tordue)", r"visage (?:\w+ )?(?:paralyse|tombe"
                                    r"|affaisse|de travers)", r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?parler",
                                    r"parle (?:bizarre|mal|bizarrement|difficilement)", r"paralys\w*",
                                    r"bras (?:\w+ ){0,2}(?:bouge|bouger) plus")),),
        "fainting": (re.compile(words(r"evanoui\w*", "perdu connaissance", r"inconscient\w*", "convulsions?",
                                      r"(?:repond|reagit) plus")),),
        "suicide": (re.compile(words(r"suicid\w*", r"me tuer", r"(?:veux|envie de) mourir", r"en finir",
                                     r"mettre fin a (?:mes jours|ma vie)", r"(?:plus|pas) envie de vivre", r"(?:veux|peux) plus vivre",
                                     r"me faire du mal", r"me (?:scarifier|mutiler)")),),
        "overdose": (re.compile(words("surdose", "overdose", r"intoxica\w*")),
                     near(60, words(r"pris", r"avale\w*"), words("tous", "toutes", "tout", "toute", "trop", "double", "la boite",
                                                                 r"\d+"), FR_PILLS)),
    },
    "de": {
        "cardiac": (re.compile(words(r"brust\w*schmerz\w*", r"herzinfarkt", r"engegefuhl", r"brustenge")),
                    near(40, words("brust"), words(r"schmerz\w*", "druck", "eng", r"stech\w*", r"tut (?:\w+ )?weh"))),
        "breathing": (re.compile(words(r"(?:kann|bekomme|kriege|krieg) (?:\w+ )?(?:nicht|keine|kaum) (?:mehr )?"
                                       r"(?:atmen|luft)", "atemnot", r"erstick\w*", r"keine luft")),),
        "stroke": (re.compile(words("schlaganfall", r"gesicht (?:\w+ ){0,4}(?:hangt|schief)",
                                    r"(?:lahmung|gelahmt)", r"kann (?:\w+ ){0,2}nicht (?:mehr )?(?:richtig )?sprechen",
                                    r"(?:verwaschen\w*|lallend\w*) (?:sprache|sprechen)")),),
        "fainting": (re.compile(words(r"ohnmacht\w*", r"bewusstlos\w*", r"kollabiert", r"zusammengebrochen",
                                      r"krampfanfall")),),
        "suicide": (re.compile(words(r"suizid\w*", r"selbstmord\w*", r"umbringen", r"(?:will|mochte|moechte) sterben",
                                     r"(?:will|mochte|moechte) nicht mehr leben", r"leben beenden",
                                     r"mir (?:etwas|was) antun", r"ritze mich")),),
        "overdose": (re.compile(words(r"uberdosis", r"vergiftung")),
                     near(60, words("genommen", "geschluckt", "eingenommen"),
                          words("alle", "zu viele", "doppelte", "ganze packung", r"\d+"), DE_PILLS)),
    },
    "it": {
        "cardiac": (near(40, words("petto", "torace"), words("dolore", "male", "oppressione", "pressione",
                                                            "stretto", "stringe", "peso")),
                    re.compile(words("infarto", "attacco di cuore", "attacco cardiaco"))),
        "breathing": (re.compile(words(r"non (?:\w+ )?(?:riesco|riesce) (?:piu )?a respirare", "non respiro",
                                       r"mi manca (?:il respiro|l aria|il fiato)", r"soffoc\w*", "fame d aria")),),
        "stroke": (re.compile(words("ictus", r"bocca storta", r"viso (?:\w+ )?(?:storto|cadente|paralizzato)",
                                    r"non (?:riesco|riesce) (?:piu )?a (?:parlare|muovere)", r"parla (?:strano|male)",
                                    r"paralizz\w*")),),
        "fainting": (re.compile(words(r"sven\w*", r"perso (?:i sensi|conoscenza)",
                                      r"incoscien\w*", r"convulsion\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"uccidermi", r"ammazzarmi", r"togliermi la vita",
                                     r"voglio morire", r"non voglio piu vivere", r"farla finita", r"farmi del male")),),
        "overdose": (re.compile(words("overdose", r"sovradosaggio", r"intossica\w*")),
                     near(60, words("preso", "presa", "ingoiato", "ingoiata"),
                          words("tutte", "troppe", "doppia", "la scatola", r"\d+"), IT_PILLS)),
    },
    "pt": {
        "cardiac": (near(40, words("peito"), words("dor", r"doi\w*", "aperto", "pressao", "pontada")),
                    re.compile(words("ataque cardiaco", "infarto", "enfarte"))),
        "breathing": (re.compile(words(r"nao (?:\w+ )?(?:consigo|consegue) respirar", "falta de ar", r"sufoc\w*",
                                       r"nao (?:esta )?respira\w*")),),
        "stroke": (re.compile(words("avc", "derrame", r"boca torta", r"rosto (?:\w+ )?(?:caido|torto|paralisado)",
                                    r"nao (?:consigo|consegue) (?:falar|mexer)", r"fala (?:enrolada|estranha|estranho)",
                                    r"paralisi\w*")),),
        "fainting": (re.compile(words(r"desmai\w*", r"perd\w* (?:a )?consciencia", "inconsciente",
                                      r"convuls\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"me matar", r"matar me", r"quero morrer", r"tirar (?:a )?minha vida",
                                     r"nao quero (?:mais )?viver", r"acabar com tudo", r"me machucar")),),
        "overdose": (re.compile(words("overdose", "sobredose", r"intoxica\w*")),
                     near(60, words(r"tom\w*", r"engoli\w*"), words("todos", "todas", "demais", "muitos", "dose dupla",
                                                                   "a caixa", r"\d+"), ES_PT_PILLS)),
    },
}


# Elided words stand apart: "m'évanouir" is "m evanouir", "l'aria" is "l aria".
APOSTROPHE = re.compile(r"['’‘`´ʼ]")


def detect_foreign_emergency(text: str, language: str) -> tuple[str, tuple[str, ...]] | None:
    """(language, categories) of the red flags found in the text, or None.

    The detected ``language`` is tried first; Spanish and Portuguese share many words.
    """
    prepared = normalize(APOSTROPHE.sub(" ", text))
    order = sorted(RULES, key=lambda code: code != language)
    for code in order:
        found = tuple(name for name, rules in RULES[code].items() if any_search(rules, prepared))
        if found:
            return code, found
    return None

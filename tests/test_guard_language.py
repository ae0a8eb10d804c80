"""Other languages: detected with lingua, answered in their language, their red flags caught."""

from __future__ import annotations

import pytest

from painchat.guard import Contacts, screen
from painchat.guard.language import detect_language

LIMIT = 2000


@pytest.mark.parametrize(("text", "language"), [
    ("el ejercicio ayuda con el dolor neuropatico?", "es"),
    ("est-ce que la marche aide les douleurs neuropathiques ?", "fr"),
    ("Ist Schwimmen oder Radfahren besser bei Polyneuropathie?", "de"),
    ("lo yoga va bene per il dolore cronico?", "it"),
    ("exercicio ajuda na dor neuropatica?", "pt"),
    # Short, the detector unsure, but no English word and two of the language's own.
    ("le yoga ca aide pour le SDRC?", "fr"),
    # No English word in a longer message, and the detector's language well ahead of English.
    ("mia moglie ha la sciatica da anni, quali stretching puo fare?", "it"),
    ("glycemie a 1,10 ce matin avant le velo, c'est bon?", "fr"),
])
def test_other_languages_are_recognised(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", [
    "i wanna die", "is yoga ok", "cant breath", "ok", "yoga?", "gabapentin and swimming ok?",
    "is swiming good for neropathy", "Hello, my father he have the diabetes and the pain in feet since many years",
])
def test_short_or_misspelt_english_stays_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["is celecoxib an nsaid", "is naproxen a steroid"])
def test_a_medicines_name_does_not_make_a_short_question_foreign(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("text", "language"), [
    ("hola, tengo dolor cronico en los pies, sirve la natacion?", "es"),
    ("Ist Schwimmen oder Radfahren besser bei Polyneuropathie?", "de"),
])
def test_a_foreign_question_is_told_in_its_language_that_only_english_is_read(text, language):
    verdict = screen(text, LIMIT)
    assert verdict.kind == "out_of_scope" and verdict.reason == "scope:language" and verdict.language == language
    assert detect_language(verdict.message) == language
    assert "112" in verdict.message and "116 123" in verdict.message


@pytest.mark.parametrize(("text", "language", "category"), [
    ("me duele mucho el pecho y se me va al brazo izquierdo", "es", "cardiac"),
    ("jai une douleur dans la poitrine qui serre tres fort", "fr", "cardiac"),
    ("bekomme kaum Luft, kann keinen Satz mehr sprechen", "de", "breathing"),
    ("ho preso tutte le pastiglie di tramadolo che avevo in casa", "it", "overdose"),
    ("quero morrer, não aguento mais esta dor", "pt", "suicide"),
    ("quiero morir", "es", "suicide"),
    ("Mein Vater kann plötzlich nicht mehr richtig sprechen und sein Gesicht hängt", "de", "stroke"),
    ("no me entra el aire y tengo los labios morados", "es", "breathing"),
    ("j'ai avalé une plaquette entière de lyrica hier soir", "fr", "overdose"),
    ("mein Blutzucker ist im Keller, ich zittere und schwitze", "de", "hypoglycaemia"),
    ("typ 1, nach dem joggen ganz zittrig, schwitze und kann nicht klar denken", "de", "hypoglycaemia"),
    ("il peggior mal di testa della mia vita, all'improvviso", "it", "headache"),
    ("não consigo urinar e a virilha está dormente", "pt", "cauda_equina"),
    ("el dedo del pie está negro y tengo fiebre", "es", "diabetic_foot"),
    ("se me está hinchando la lengua desde la pastilla nueva", "es", "allergic"),
    ("meine Zunge schwillt an nach der neuen Tablette", "de", "allergic"),
    ("meu pai está com a boca torta e a fala enrolada", "pt", "stroke"),
    ("de repente no puedo levantar el brazo derecho, está muy débil", "es", "stroke"),
    ("mia madre parla in modo strano da dieci minuti", "it", "stroke"),
    ("er spricht plötzlich ganz undeutlich und der Mundwinkel hängt", "de", "stroke"),
    ("la plaie sous son pied a du pus et il a de la fièvre", "fr", "diabetic_foot"),
    ("a ferida no calcanhar está soltando pus e estou com febre", "pt", "diabetic_foot"),
    ("meu filho tomou a caixa inteira de gabapentina", "pt", "overdose"),
    ("se tomó el frasco entero de pregabalina", "es", "overdose"),
    ("ya escribí la carta de despedida para mis hijos", "es", "suicide"),
    ("je suis un fardeau pour tout le monde, ils seraient mieux sans moi", "fr", "suicide"),
    ("ich habe schon seit Wochen Tabletten gesammelt", "de", "suicide"),
    ("sono un peso per tutti, voglio sparire per sempre", "it", "suicide"),
    ("a vida não faz mais sentido, guardei uns comprimidos", "pt", "suicide"),
    ("mi glucosa está en 48 y estoy temblando", "es", "hypoglycaemia"),
    ("glicemia 3,2 e estou tremendo e suando", "pt", "hypoglycaemia"),
    ("me cuesta mucho respirar y tengo los labios azules", "es", "breathing"),
    ("de repente no siento el brazo izquierdo", "es", "stroke"),
    ("mon père est tout confus depuis 5 minutes, il ne me reconnait plus", "fr", "stroke"),
    ("mein Sohn hat Tabletten von Oma geschluckt", "de", "overdose"),
    ("mi sto tagliando le braccia adesso", "it", "suicide"),
    ("el glucometro marca 50 y estoy sudando", "es", "hypoglycaemia"),
    # France reads its meters in g/L.
    ("glycémie à 0,52 après la marche, je suis tout bizarre", "fr", "hypoglycaemia"),
    # English rules read "convulsioni" too; the guidance must still be in Italian.
    ("mio fratello e crollato in palestra, ha le convulsioni e nn risponde", "it", "fainting"),
    ("diabétique sous insuline, après le vélo je tremble et je sue à grosses gouttes", "fr", "hypoglycaemia"),
    ("ma femme est tombée dans les pommes et ne se réveille pas", "fr", "fainting"),
    ("mein Vater ist umgekippt und reagiert nicht", "de", "fainting"),
    ("he pensado en quitarme de en medio", "es", "suicide"),
    ("não aguento mais viver, quero sumir", "pt", "suicide"),
    ("j'ai une douleur thoracique qui serre très fort", "fr", "cardiac"),
    ("mein Kind bekommt kaum noch Luft", "de", "breathing"),
    ("ich denke daran, mir das Leben zu nehmen", "de", "suicide"),
    ("nn riesco a respirare bene da stamattina, mi sento soffocare", "it", "breathing"),
    ("mi hermana dice que ya no quiere vivir así y no contesta", "es", "suicide"),
    ("mio marito si vuole ammazzare, dice che non ce la fa più", "it", "suicide"),
    ("mein Herz rast seit dem Aufstehen und mir ist total schwindlig", "de", "cardiac"),
    ("le cœur qui bat très vite depuis une heure et des vertiges, je dois m'asseoir", "fr", "cardiac"),
    ("ontem me queimei de novo com o isqueiro nos braços", "pt", "suicide"),
    ("tengo la escopeta de mi abuelo en el armario y lo pienso cada noche", "es", "suicide"),
    # Said of someone else, and everyday idioms of wanting to die.
    ("mi padre dice que quiere quitarse la vida por el dolor", "es", "suicide"),
    ("ma mère a des idées noires, elle dit qu'elle veut en finir", "fr", "suicide"),
    ("mein Sohn sagt, er will sich etwas antun", "de", "suicide"),
    ("no aguanto más, voy a hacerme daño esta noche", "es", "suicide"),
    ("mia madre dice che è stanca di vivere con questo dolore", "it", "suicide"),
    ("meu pai falou que quer se matar, não aguenta a dor", "pt", "suicide"),
    # The pronoun before the verb, in the first person.
    ("esta noche me quito la vida, ya tengo todo preparado", "es", "suicide"),
    ("stanotte mi tolgo la vita, non ce la faccio più", "it", "suicide"),
    ("ich nehme mir heute nacht das leben", "de", "suicide"),
    ("ce soir je mets fin à mes jours", "fr", "suicide"),
    # An adverb between the auxiliary and the participle.
    ("mi sono appena bruciata il braccio con la sigaretta di nuovo, ho il coltello vicino", "it", "suicide"),
    # Goodbye to no one named, from someone who does not answer.
    ("mein freund schreibt, dass er sich verabschieden will, er geht nicht ans handy", "de", "suicide"),
])
def test_red_flags_in_other_languages_get_guidance_in_that_language(text, language, category):
    verdict = screen(text, LIMIT)
    assert verdict.kind == "emergency" and category in verdict.reason and verdict.language == language
    assert detect_language(verdict.message) == language
    if category in ("suicide", "overdose"):
        assert "988" in verdict.message and "116 123" in verdict.message


def test_a_red_flag_another_languages_list_reads_is_told_in_the_language_detected():
    # "me corto" is in the Spanish list; the message is Portuguese, and so is the reply.
    text = "quando a dor nas pernas fica demais eu me corto com a lâmina, hoje exagerei e não para de sangrar"
    verdict = screen(text, LIMIT)
    assert verdict.kind == "emergency" and verdict.language == "pt" and detect_language(verdict.message) == "pt"


def test_a_clinics_own_numbers_replace_the_generic_ones_in_every_language():
    contacts = Contacts(emergency_number="000", crisis_line="Lifeline 13 11 14")
    message = screen("quiero morir", LIMIT, contacts).message
    assert "000" in message and "Lifeline 13 11 14" in message and "911" not in message


@pytest.mark.parametrize("text", [
    "mi pierna derecha se duerme cuando camino mucho, es normal?",
    "j'ai les pieds engourdis depuis des années, la marche est-elle bonne?",
    "ho una piccola ferita al piede che sta guarendo bene, posso nuotare?",
    "das Training hat keinen Sinn mehr, wenn die Füße so brennen, oder?",
    "quando faccio gli esercizi mi butto giù, è normale sentirsi così stanchi?",
    "posso me jogar na piscina com neuropatia nos pés?",
    "mi glucosa está en 110 después de caminar, ¿está bien?",
    "no me duele el pecho, solo quiero saber si nadar es bueno para los pies",
    "je me suis évanoui une fois il y a des années, puis-je faire du vélo ?",
    "keine Brustschmerzen, nur Muskelkater vom Training, ist Schwimmen gut?",
    "je ne me réveille pas bien le matin, vaut-il mieux marcher le soir ?",
    "mein Knie reagiert nicht gut auf Joggen, ist Radfahren besser für die Nerven?",
    # Long past, said in the message's language, while another language's rules read the word.
    "hace diez años tuve un infarto y desde entonces bien, ¿puedo nadar?",
    "j'ai eu un AVC il y a huit ans, je marche bien maintenant, le vélo est-il bon ?",
    # Last year, in a given year: past too.
    "el año pasado tuve un infarto, ya estoy recuperado, ¿puedo nadar?",
    "ich hatte letztes Jahr einen Herzinfarkt, jetzt geht es mir gut, darf ich joggen?",
    "tive um AVC em 2019, agora estou bem, posso fazer hidroginástica?",
    # Breathless on a climb, gone when the writer stops: the effort of the walk.
    "me quedo sin aire en las escaleras pero se me pasa cuando paro, ¿sigo caminando?",
    "mi manca il fiato in salita ma passa subito quando mi fermo, va bene camminare?",
    # "No" said with "nessun", "ningún", "nenhuma".
    "nessun dolore al petto, solo le gambe stanche dopo la bici, posso continuare?",
    "ningún dolor en el pecho ni mareo, solo las piernas cansadas tras la bici",
    "nenhuma dor no peito, só cãibra na panturrilha depois da caminhada",
    # 1,05 g/L is a normal reading, not 1.05 mmol/L.
    "ma glycémie est à 1,05 avant le vélo, c'est bon ?",
    # Jumping into water is a swim.
    "mi hijo quiere tirarse a la piscina conmigo, ¿nadar es bueno para la neuropatía?",
    "je vais me jeter à l'eau et commencer la natation pour mes pieds",
    # "Mi ammazzo di lavoro" works too hard; a goodbye to the physio is a goodbye.
    "mi ammazzo di lavoro tutto il giorno, quale esercizio per la sciatica?",
    "ich will mich von meinem physio verabschieden, welche übungen soll ich zuhause machen?",
    # Shaking and sweating after a workout, diabetes denied.
    "nach dem krafttraining bin ich zittrig und schwitze, ich habe keinen diabetes und nehme kein insulin",
])
def test_everyday_neuropathy_in_other_languages_is_not_a_red_flag(text):
    verdict = screen(text, LIMIT)
    assert verdict.kind == "out_of_scope" and verdict.reason == "scope:language"


def test_english_words_that_look_foreign_do_not_raise_a_foreign_alarm():
    assert screen("does exercise help after paralysis from a spinal injury?", LIMIT) is None


@pytest.mark.parametrize(("text", "language"), [
    ("se me está hinchando la lengua y la garganta después de la pastilla nueva", "es"),
    ("ma langue gonfle depuis la piqûre de guêpe", "fr"),
    ("meine Zunge schwillt an nach der neuen Tablette", "de"),
    ("mi si sta gonfiando la gola dopo la puntura di un'ape", "it"),
    ("minha língua está inchando depois do remédio novo", "pt"),
    # A throat closing, as each language says it.
    ("después de la picadura se me cierra la garganta", "es"),
    ("j'ai la gorge qui se ferme après avoir mangé des noix", "fr"),
    ("nach dem Wespenstich wird mir der Hals eng", "de"),
    ("dopo l'iniezione mi si chiude la gola e mi gira la testa", "it"),
    ("depois da picada sinto a garganta fechando", "pt"),
])
def test_an_allergic_reaction_in_another_language_is_told_to_use_adrenaline_in_that_language(text, language):
    verdict = screen(text, LIMIT)
    assert verdict.kind == "emergency" and "allergic" in verdict.reason and verdict.language == language
    assert "EpiPen" in verdict.message and detect_language(verdict.message) == language


@pytest.mark.parametrize("text", [
    "ho mal di gola da tre giorni, posso fare ginnastica?",
    "tenho dor de garganta e o nariz fechado, posso caminhar?",
    "j'ai mal à la gorge, je ferme la fenêtre?",
    "mein Hals tut zu sehr weh zum Sprechen, darf ich joggen?",
])
def test_a_sore_throat_in_another_language_is_no_emergency(text):
    assert screen(text, LIMIT).kind != "emergency"

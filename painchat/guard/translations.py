"""What the guard says to someone writing in Spanish, French, German, Italian or Portuguese.

Only two messages: "I only read English" (with the numbers to call) and the
urgent-care guidance for a red flag (with a line for an overdose or an allergic
reaction). Numbers come first, as in English. When the deployment keeps the
generic default numbers they are given in the reader's language, with a
national crisis line.
"""

from __future__ import annotations

from dataclasses import dataclass

from painchat.guard.texts import CRISIS_CATEGORIES, Contacts


@dataclass(frozen=True)
class Phrases:
    """One language's guard messages; ``{emergency}`` and ``{crisis}`` are filled from ``Contacts``."""

    emergency_label: str
    crisis_label: str
    generic_emergency: str
    generic_crisis: str
    only_english: str
    urgent: str
    crisis: str
    overdose: str
    allergic: str


PHRASES = {
    "es": Phrases(
        "Número de emergencias", "Línea de crisis",
        "911 en EE. UU. y Canadá, 112 en Europa, 999 en el Reino Unido",
        "024 en España, 988 en EE. UU., Samaritans 116 123 en el Reino Unido e Irlanda",
        "Lo siento: solo puedo leer preguntas en inglés, sobre ejercicio para el dolor neuropático y crónico. "
        "Si se trata de una emergencia, llame ahora a su número de emergencias.",
        "**Esto puede ser una emergencia médica. Pida ayuda ahora.** Deje de hacer ejercicio, siéntese o "
        "túmbese y **llame ahora a su número de emergencias** o vaya a urgencias. No conduzca usted mismo.",
        "**No está solo.** Si puede hacerse daño o ya lo ha hecho, llame ahora a su número de emergencias. "
        "Hable ahora con la línea de crisis y no se quede solo.",
        "**Demasiada medicina puede hacer daño aunque ahora se encuentre bien: no espere a tener síntomas.** "
        "Llame ahora a emergencias o a un centro de toxicología y guarde los envases.",
        "Una hinchazón de labios, lengua o garganta puede ser una reacción alérgica grave (anafilaxia). Si hay un "
        "autoinyector de adrenalina (como EpiPen), úselo ahora, y no tome más de ese medicamento.",
    ),
    "fr": Phrases(
        "Numéro d'urgence", "Ligne d'écoute",
        "112 en Europe, 15 (SAMU) en France, 911 aux États-Unis et au Canada, 999 au Royaume-Uni",
        "3114 en France, 988 aux États-Unis, Samaritans 116 123 au Royaume-Uni et en Irlande",
        "Désolé : je ne peux lire que des questions en anglais, sur l'exercice contre les douleurs "
        "neuropathiques et chroniques. En cas d'urgence, appelez maintenant votre numéro d'urgence.",
        "**Cela peut être une urgence médicale. Demandez de l'aide maintenant.** Arrêtez l'exercice, "
        "asseyez-vous ou allongez-vous et **appelez maintenant votre numéro d'urgence** ou allez aux "
        "urgences. Ne conduisez pas vous-même.",
        "**Vous n'êtes pas seul.** Si vous risquez de vous faire du mal ou si c'est déjà fait, appelez "
        "maintenant votre numéro d'urgence. Parlez maintenant à la ligne d'écoute et ne restez pas seul.",
        "**Trop de médicament peut être dangereux même si vous vous sentez bien : n'attendez pas les "
        "symptômes.** Appelez maintenant les urgences ou un centre antipoison et gardez les boîtes.",
        "Un gonflement des lèvres, de la langue ou de la gorge peut être une réaction allergique grave "
        "(anaphylaxie). S'il y a un stylo d'adrénaline (comme EpiPen), utilisez-le maintenant, et ne prenez plus "
        "ce médicament.",
    ),
    "de": Phrases(
        "Notruf", "Krisentelefon",
        "112 in Europa, 911 in den USA und Kanada, 999 im Vereinigten Königreich",
        "TelefonSeelsorge 0800 111 0 111 in Deutschland, 988 in den USA, Samaritans 116 123 in "
        "Großbritannien und Irland",
        "Entschuldigung: Ich kann nur Fragen auf Englisch lesen, zu Bewegung bei Nerven- und chronischen "
        "Schmerzen. Im Notfall rufen Sie jetzt den Notruf an.",
        "**Das kann ein medizinischer Notfall sein. Holen Sie jetzt Hilfe.** Hören Sie mit der Übung auf, "
        "setzen oder legen Sie sich hin und **rufen Sie jetzt den Notruf an** oder gehen Sie in die "
        "Notaufnahme. Fahren Sie nicht selbst.",
        "**Sie sind nicht allein.** Wenn Sie sich etwas antun könnten oder es schon getan haben, rufen Sie "
        "jetzt den Notruf an. Sprechen Sie jetzt mit dem Krisentelefon und bleiben Sie nicht allein.",
        "**Zu viel eines Medikaments kann schaden, auch wenn es Ihnen jetzt gut geht: Warten Sie nicht auf "
        "Beschwerden.** Rufen Sie jetzt den Notruf oder den Giftnotruf an und heben Sie die Packungen auf.",
        "Geschwollene Lippen, Zunge oder Hals können eine schwere allergische Reaktion sein (Anaphylaxie). Wenn "
        "ein Adrenalin-Autoinjektor (z. B. EpiPen) da ist, benutzen Sie ihn jetzt, und nehmen Sie nichts mehr von "
        "dem Medikament.",
    ),
    "it": Phrases(
        "Numero di emergenza", "Linea di ascolto",
        "112 in Europa, 911 negli Stati Uniti e in Canada, 999 nel Regno Unito",
        "Telefono Amico 02 2327 2327 in Italia, 988 negli Stati Uniti, Samaritans 116 123 nel Regno Unito "
        "e in Irlanda",
        "Mi dispiace: posso leggere solo domande in inglese, sull'esercizio per il dolore neuropatico e "
        "cronico. In caso di emergenza chiami ora il numero di emergenza.",
        "**Potrebbe essere un'emergenza medica. Chieda aiuto ora.** Smetta di fare esercizio, si sieda o si "
        "sdrai e **chiami ora il numero di emergenza** o vada al pronto soccorso. Non guidi.",
        "**Non è solo.** Se potrebbe farsi del male o l'ha già fatto, chiami ora il numero di emergenza. "
        "Parli ora con la linea di ascolto e non resti da solo.",
        "**Troppo farmaco può fare male anche se ora si sente bene: non aspetti i sintomi.** Chiami ora il "
        "numero di emergenza o un centro antiveleni e tenga le confezioni.",
        "Un gonfiore di labbra, lingua o gola può essere una reazione allergica grave (anafilassi). Se c'è un "
        "autoiniettore di adrenalina (come EpiPen), lo usi subito, e non prenda altro di quel farmaco.",
    ),
    "pt": Phrases(
        "Número de emergência", "Linha de apoio",
        "112 na Europa, 192 (SAMU) no Brasil, 911 nos EUA e no Canadá, 999 no Reino Unido",
        "CVV 188 no Brasil, SOS Voz Amiga 213 544 545 em Portugal, 988 nos EUA, Samaritans 116 123 no "
        "Reino Unido e na Irlanda",
        "Desculpe: só consigo ler perguntas em inglês, sobre exercício para a dor neuropática e crónica. "
        "Se for uma emergência, ligue agora para o seu número de emergência.",
        "**Isto pode ser uma emergência médica. Peça ajuda agora.** Pare o exercício, sente-se ou "
        "deite-se e **ligue agora para o número de emergência** ou vá às urgências. Não conduza.",
        "**Não está sozinho.** Se pode fazer-se mal ou já o fez, ligue agora para o número de emergência. "
        "Fale agora com a linha de apoio e não fique sozinho.",
        "**Remédio a mais pode fazer mal mesmo que agora se sinta bem: não espere por sintomas.** Ligue "
        "agora para a emergência ou um centro de informação antivenenos e guarde as embalagens.",
        "Um inchaço dos lábios, da língua ou da garganta pode ser uma reação alérgica grave (anafilaxia). Se "
        "houver uma caneta de adrenalina (como EpiPen), use-a agora, e não tome mais desse medicamento.",
    ),
}


def _numbers(phrases: Phrases, contacts: Contacts) -> str:
    default = Contacts()
    emergency = phrases.generic_emergency if contacts.emergency_number == default.emergency_number else (
        contacts.emergency_number)
    crisis = phrases.generic_crisis if contacts.crisis_line == default.crisis_line else contacts.crisis_line
    return f"**{phrases.emergency_label}: {emergency}.**\n**{phrases.crisis_label}: {crisis}.**"


def only_english_message(language: str, contacts: Contacts) -> str:
    """"I only read English", in ``language``, with the numbers to call first."""
    phrases = PHRASES[language]
    return f"{_numbers(phrases, contacts)}\n\n{phrases.only_english}"


def foreign_emergency_message(language: str, categories: tuple[str, ...], contacts: Contacts) -> str:
    """Urgent-care guidance in ``language``: poison advice for an overdose, adrenaline for an allergic reaction, crisis
    support for suicide and overdose."""
    phrases = PHRASES[language]
    parts = [_numbers(phrases, contacts)]
    if any(name not in CRISIS_CATEGORIES for name in categories) or "overdose" in categories:
        parts.append(phrases.urgent)
    if "overdose" in categories:
        parts.append(phrases.overdose)
    if "allergic" in categories:
        parts.append(phrases.allergic)
    if any(name in CRISIS_CATEGORIES for name in categories):
        parts.append(phrases.crisis)
    return "\n\n".join(parts)

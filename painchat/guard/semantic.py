"""The semantic layer: a question that reads like the known emergencies, and unlike the near misses, alarms.

Patients describe the same emergency in endless ways; the rules catch the
clear wordings, and this layer catches what reads like them. A small logistic
regression over the question's embedding, trained on a labelled bank
(``bank.jsonl``: emergencies and ordinary questions, many of them near misses
such as "chest day at the gym"), gives the probability that the question is an
emergency; it alarms above a threshold chosen by cross-validation on the tuning
sets, when most of the question's nearest bank examples are emergencies too.
The nearest emergency categories (their examples' mean embedding) name the
guidance shown.

``python -m evaluation.bank`` fits it and writes ``semantic.json`` (weights,
category centroids, threshold, and the bank's hash), like the calibration file:
answering loads numbers, it never embeds the bank, so a fresh process answers
its first question without that cost.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from painchat.guard.emergency import CHORE_OBJECT, CHORE_VERB, PHYSICAL, without_denials, without_the_past
from painchat.guard.segments import windows
from painchat.logistic import probability, train_logistic
from painchat.text import STOPWORDS, tokens

HERE = Path(__file__).parent
BANK_PATH = HERE / "bank.jsonl"
FIT_PATH = HERE / "semantic.json"
# The bank's embeddings (half precision, in bank order), for the neighbours a window is compared with.
NEIGHBOURS_PATH = HERE / "semantic_bank.npy"
# Categories named in the guidance: the nearest, and any other about as near (the default of the
# emergency_near_tie setting; painchat.settings imports it, so this module cannot import settings).
NEAR_TIE = 0.05
# L2 penalty of the logistic regression (weights only, not the bias).
L2 = 0.25
# A window alarms only when its nearest bank examples are all emergencies: a window is a fragment, and a
# fragment of an ordinary story ("some days i just sit and cry") can read like an emergency on its own.
NEIGHBOURS = 5
NEIGHBOUR_SHARE = 1.0
# A message judged whole alarms only when most of its nearest bank examples are emergencies too: a long
# story of tiredness, tears or a move ("sick of being sick", "left behind my physio") or a short one of happy
# tears can read like one. Most, not 4 of 5: the tuning sets' emergencies that only this judgement catches
# sit at 3 to 5 of 5, and a missed emergency costs more than a false alarm.
WHOLE_NEIGHBOUR_SHARE = 0.6
# A whole message also alarms when its nearest bank examples, each weighed by its similarity to the power
# KNN_SHARPNESS, are mostly emergencies (``Fit.knn_threshold``): the regression draws one line through the whole
# bank, and a new wording close to a handful of emergencies can sit on the ordinary side of that line. Chosen on
# the later rounds' tuning halves, each judged with its own round left out of the bank (``evaluation.bank``).
KNN = 10
KNN_SHARPNESS = 10
# A message of a few content words gives the embedding little to read: either judgement alone alarmed on "does it
# matter if its type 1 or type 2?" and "my arm went dead when i slept on it lol". It alarms when both lean to an
# emergency, as the tuning sets' short emergencies ("is a bottle of my sleeping tabs enough to be permanent") do.
SHORT_WORDS = 6
SHORT_AGREEMENT = 0.5
# A message reads near a crisis only with an emergency among its nearest bank examples: short questions ("how many
# minutes a day tho") can sit closest to the suicide examples' mean with none of them near.
NEAR_CRISIS_NEIGHBOURS = 0.2
# Categories of the body, whose denied symptoms the rules leave out ("no chest pain"); not a crisis's.
PHYSICAL_CATEGORIES = frozenset(category.name for category in PHYSICAL)
# Figures of speech read as meant before embedding: "dying to get back to running" is eagerness, and the
# embedding reads "dying". The rules need no such table: they look for a symptom beside the word (their one figure,
# collapsing onto a sofa tired out, is ``emergency.FLOPPED``).
FIGURES_OF_SPEECH = tuple((re.compile(pattern, re.IGNORECASE), meant) for pattern, meant in (
    (r"\bdying (?:to|for)\b", "eager to"),
    (r"\b(?:could|would|i ?'?d) (?:kill|die) for\b", "would love"),
    # Only as a feeling: "my husband was hit by a truck on his bike" is an accident.
    (r"\b(?:feel|feels|feeling|felt) like (?:i ?'?ve |ive |i |it ?'?s |its )?(?:been )?hit by a (?:bus|truck|lorry)\b",
     "feel worn out"),
    (r"\bi (?:could|want to|wanna) scream\b", "i am fed up"),
    (r"\bto die for\b", "excellent"),
    (rf"\b(?:i ?['’]?d )?rather die than {CHORE_VERB} (?={CHORE_OBJECT})", "i would hate to do "),
    (r"\b(?:is|are|it s|its) killing me\b(?!\w)", "hurts me"),
    (r"\bwill be the death of me\b", "wears me out"),
    # Too much exercise, not too many pills: "did too many reps again" read like a repeated overdose.
    ((r"\btoo many (?=(?:\w+ )?(?:reps|sets|laps|lengths|squats|lunges|miles|km|steps|stairs|hills|exercises"
      r"|classes|sessions|workouts)\b)"), "a lot of "),
))
# The writer's own word that they are safe outweighs this layer's reading of grief or tears as suicide; the
# rules, not this layer, judge what else the message says ("not suicidal but i've saved my tablets").
# Not when a "but" follows it: "i'm not suicidal but i want to sleep and never wake up".
SAID_SAFE = re.compile(r"(?:(?:\bi ?['’]?m|\bi am) (?:not (?:in (?:any )?danger|suicidal|going to (?:hurt|harm|kill)"
                       r" my ?self)|safe(?! to\b))|\b(?:no|not having any|not had any) (?:thoughts|plans?|intentions?)"
                       r" (?:of|to|about) (?:hurting|harming|killing|ending|hurt|harm|kill|end)\b)"
                       r"(?!.*\b(?:but|though|although|however|yet)\b)", re.IGNORECASE | re.DOTALL)

# Words that ask without telling: a message made only of these and stop words ("is this serious?", "please
# diagnose me", "tell me what is wrong", "ok but which symptoms exactly?") says nothing the layer could judge, and reads like the bank's short
# emergencies to the embedding.
ASKING_ONLY = frozenset("""diagnose diagnosis serious seriously wrong help bad ok okay whats thats something anything
    thing normal worried worry concerned sure think mean happening going on symptom symptoms sign signs exactly which
    kind type""".split())


@dataclass(frozen=True)
class BankEntry:
    """One labelled example: ``category`` is an emergency category, or "ordinary"."""

    text: str
    category: str

    @property
    def is_emergency(self) -> bool:
        return self.category != "ordinary"


@dataclass(frozen=True)
class Fit:
    """The fitted layer: regression weights (bias last), category centroids, and where it alarms.

    A whole message alarms by the regression (``threshold``, among emergency neighbours) or by its weighted
    nearest neighbours (``knn_threshold``). A window of a long message is judged with less context than the whole, so it must clear the
    threshold by ``window_margin`` (fitted so that windows add no false alarm on the bank nor on the long
    ordinary stories of the tuning sets), and its nearest ``neighbours`` (the bank's embeddings) must all be
    emergencies (``neighbour_is_emergency``).
    """

    threshold: float
    knn_threshold: float
    weights: np.ndarray
    centroids: dict[str, np.ndarray]
    window_margin: float
    neighbours: np.ndarray
    neighbour_is_emergency: np.ndarray
    bank_sha256: str = ""

    def whole_alarms(self, vector: np.ndarray, by_neighbours: bool = True, short: bool = False) -> bool:
        """A whole message alarms above the threshold when most of its neighbours are emergencies, or (if
        ``by_neighbours``) when its nearest neighbours, weighed by similarity, are emergencies above ``knn_threshold``.
        A ``short`` one alarms (if ``by_neighbours``) only when the regression and the weighted neighbours agree."""
        votes = self.votes(vector)
        if short and by_neighbours:
            return emergency_probability(self.weights, vector) >= SHORT_AGREEMENT and votes.weighted >= SHORT_AGREEMENT
        return ((emergency_probability(self.weights, vector) >= self.threshold and votes.share >= WHOLE_NEIGHBOUR_SHARE)
                or (by_neighbours and votes.weighted >= self.knn_threshold))

    def window_alarms(self, vector: np.ndarray) -> bool:
        return self.window_excess(vector) >= self.window_margin

    def window_excess(self, vector: np.ndarray) -> float:
        """How far a window's probability is above the threshold; -inf unless its neighbours are emergencies."""
        if self.votes(vector).share < NEIGHBOUR_SHARE:
            return -np.inf
        return emergency_probability(self.weights, vector) - self.threshold

    def votes(self, vector: np.ndarray) -> Votes:
        return votes(self.neighbours, self.neighbour_is_emergency, vector)


def _content_words(text: str) -> int:
    return sum(1 for word in tokens(text) if word not in STOPWORDS)


def as_judged(question: str) -> str:
    """What the layer reads: the question without its clauses about the past, figures of speech said plainly."""
    text = without_the_past(question)
    for pattern, meant in FIGURES_OF_SPEECH:
        text = pattern.sub(meant, text)
    return text


def load_bank(path: Path = BANK_PATH) -> tuple[BankEntry, ...]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return tuple(BankEntry(row["text"], row["category"]) for row in rows)


def bank_sha256(path: Path = BANK_PATH) -> str:
    """Hash of the bank file, stored with the fit so a stale fit is noticed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_fit(path: Path = FIT_PATH, neighbours: Path = NEIGHBOURS_PATH, bank: Path = BANK_PATH) -> Fit:
    data = json.loads(path.read_text(encoding="utf-8"))
    centroids = {name: np.asarray(vector, dtype=np.float32) for name, vector in data["centroids"].items()}
    is_emergency = np.array([entry.is_emergency for entry in load_bank(bank)])
    return Fit(data["threshold"], data["knn_threshold"], np.asarray(data["weights"], dtype=np.float64), centroids,
               data["window_margin"], np.load(neighbours).astype(np.float32), is_emergency, data["bank_sha256"])


@dataclass(frozen=True)
class Votes:
    """How a vector's nearest bank examples vote."""

    share: float  # share of emergencies among the NEIGHBOURS nearest
    weighted: float  # share of emergencies among the KNN nearest, each weighed by similarity ** KNN_SHARPNESS


def votes(neighbours: np.ndarray, is_emergency: np.ndarray, vector: np.ndarray) -> Votes:
    """The votes of the bank examples (``neighbours``, their embeddings) nearest ``vector``: one similarity for both."""
    similarity = neighbours @ vector.astype(neighbours.dtype)
    return Votes(neighbour_share(similarity, is_emergency), weighted_share(similarity, is_emergency))


def neighbour_share(similarity: np.ndarray, is_emergency: np.ndarray) -> float:
    """Share of emergencies among the ``NEIGHBOURS`` bank examples of highest ``similarity``."""
    nearest = np.argpartition(-similarity, NEIGHBOURS)[:NEIGHBOURS]
    return float(is_emergency[nearest].mean())


def weighted_share(similarity: np.ndarray, is_emergency: np.ndarray) -> float:
    """Share of emergencies among the ``KNN`` bank examples of highest ``similarity``, each weighed by similarity ** ``KNN_SHARPNESS``."""
    nearest = np.argpartition(-similarity, KNN)[:KNN]
    weight = np.maximum(similarity[nearest], 0.0) ** KNN_SHARPNESS
    total = weight.sum()
    return float((weight * is_emergency[nearest]).sum() / total) if total > 0 else 0.0


def fit_model(vectors: np.ndarray, bank: tuple[BankEntry, ...], threshold: float, knn_threshold: float,
              window_margin: float) -> Fit:
    """Weights trained on every bank example, each emergency category's unit-length mean embedding, the neighbours."""
    labels = np.array([entry.is_emergency for entry in bank], dtype=np.float64)
    centroids = {}
    for name in sorted({entry.category for entry in bank if entry.is_emergency}):
        mean = vectors[[i for i, entry in enumerate(bank) if entry.category == name]].mean(axis=0)
        centroids[name] = (mean / np.linalg.norm(mean)).astype(np.float32)
    return Fit(threshold, knn_threshold, train_emergency_model(vectors, labels), centroids, window_margin,
               vectors.astype(np.float16).astype(np.float32), labels.astype(bool))


def train_emergency_model(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Weights (bias last) of the emergency layer's logistic regression."""
    return train_logistic(vectors, labels, L2)


def emergency_probability(weights: np.ndarray, vector: np.ndarray) -> float:
    return probability(weights, vector)


class SemanticAlarm:
    """Judges a question's embedding.

    ``embed`` turns a question's text into its vector: by default the embedder alone; the assistant
    passes its own, which embeds the question in one batch with the lay reading retrieval needs.
    A long message's windows (``segments.windows``) are embedded by the embedder in one more batch.
    """

    def __init__(
        self,
        embedder,
        fit: Fit | None = None,
        embed: Callable[[str], np.ndarray] | None = None,
        near_tie: float = NEAR_TIE,
    ) -> None:
        """``near_tie``: the guidance names the nearest category and any other within this similarity of it."""
        self.encode = embedder.encode
        self.embed = embed or (lambda text: self.encode([text])[0])
        self.near_tie = near_tie
        self.fit = fit or load_fit()
        # What a message reads (see ``as_judged``) and its windows are judged by the alarm, then by the crisis
        # note: embedded once.
        self._encoded = lru_cache(maxsize=16)(lambda texts: self.encode(list(texts)))
        self._names = tuple(self.fit.centroids)
        self._centroids = np.stack([self.fit.centroids[name] for name in self._names])

    def categories(self, question: str, by_neighbours: bool = True) -> tuple[str, ...]:
        """Emergency categories the question, or a window of a long one, reads like, nearest first; () if none.

        Clauses about long ago or about a symptom since cleared are left out, as the rules leave them out.
        ``by_neighbours=False`` leaves out the weighted neighbours' vote: for a word-by-word gloss of another
        language, whose broken English sits near the bank's examples by their words more than by their meaning.
        """
        found = self._read(question, by_neighbours)
        return () if found[:1] == ("suicide",) and SAID_SAFE.search(question) else found

    def _read(self, question: str, by_neighbours: bool) -> tuple[str, ...]:
        found = self._read_as_written(question, by_neighbours)
        # The embedding reads "no numbness in the saddle area" as numbness: a bodily emergency must still read as one
        # with the symptoms the writer denies or only imagines left out. A crisis is judged as written ("not worth living").
        if found and found[0] in PHYSICAL_CATEGORIES and (undenied := without_denials(question)) != question:
            return found if self._read_as_written(undenied, by_neighbours) else ()
        return found

    def _read_as_written(self, question: str, by_neighbours: bool) -> tuple[str, ...]:
        judged = self._judged(question)
        if judged is None:
            return ()
        present, vector = judged
        if found := self.judge(vector, by_neighbours, short=_content_words(present) <= SHORT_WORDS):
            return found
        for window in self._window_vectors(present):
            if self.fit.window_alarms(window):
                return self._nearest_categories(window)
        return ()

    def _judged(self, question: str) -> tuple[str, np.ndarray] | None:
        """What the layer reads of the message and its vector; None when it is made of asking words only."""
        present = as_judged(question)
        if all(word in STOPWORDS or word in ASKING_ONLY for word in tokens(present)):
            return None
        return present, np.asarray(self.embed(question) if present == question else self._encoded((present,))[0])

    def _window_vectors(self, present: str) -> list[np.ndarray]:
        pieces = windows(present)
        return [np.asarray(vector) for vector in self._encoded(pieces)] if pieces else []

    def reads_near_crisis(self, question: str, probability: float, window_probability: float) -> bool:
        """The message reads somewhat like a crisis, and the writer has not said they are safe: the whole message's
        emergency probability is at least ``probability`` (below the alarm threshold), or one of a long message's
        windows' at least ``window_probability`` or its neighbours' vote at the alarm's, with suicide its nearest
        category and an emergency among its nearest bank examples."""
        judged = None if SAID_SAFE.search(question) else self._judged(question)
        if judged is None:
            return False
        present, whole = judged
        # Above 1 no window gets the note, by its probability or by its neighbours' vote (the setting's "never").
        windows = self._window_vectors(present) if window_probability <= 1 else []
        return self._near_crisis(whole, probability) or any(
            self._near_crisis(window, window_probability) for window in windows)

    def _near_crisis(self, vector: np.ndarray, probability: float) -> bool:
        """Suicide nearest, an emergency among the nearest bank examples, and the regression's probability at least
        ``probability`` or the weighted neighbours' vote at the alarm's ``knn_threshold`` (a window's vote never
        alarms: a window is a fragment)."""
        votes = self.fit.votes(vector)
        return ((emergency_probability(self.fit.weights, vector) >= probability or votes.weighted >= self.fit.knn_threshold)
                and votes.share >= NEAR_CRISIS_NEIGHBOURS
                and self._nearest_categories(vector)[:1] == ("suicide",))

    def judge(self, vector: np.ndarray, by_neighbours: bool = True, short: bool = False) -> tuple[str, ...]:
        """The categories of a whole message's embedding; () unless it alarms (``Fit.whole_alarms``)."""
        return self._nearest_categories(vector) if self.fit.whole_alarms(vector, by_neighbours, short) else ()

    def _nearest_categories(self, vector: np.ndarray) -> tuple[str, ...]:
        similarity = self._centroids @ vector
        order = np.argsort(similarity)[::-1]
        return tuple(self._names[i] for i in order if similarity[i] >= similarity[order[0]] - self.near_tie)


"""Fixed texts the assistant says. Named constants so tests and front ends share them."""

# One fixed text (every Answer carries exactly this one), so it names no paper count: the papers can be replaced.
DISCLAIMER = (
    "This assistant is for information and education only and is not medical advice. "
    "It only repeats what the research papers loaded here say. Talk to a doctor, physiotherapist "
    "or other healthcare professional before you start or change any exercise, and if "
    "you think you are having an emergency, call your local emergency number now."
)
# Every wording the disclaimer has shipped with, newest first: frozen first-run records keep theirs, and
# scoring counts any of them as the disclaimer (live answers can only carry DISCLAIMER).
SHIPPED_DISCLAIMERS = (
    DISCLAIMER,
    DISCLAIMER.replace("the research papers loaded here say", "three research papers say"),
)

NOT_COVERED = (
    "The papers loaded here do not address this question, so I can't answer it from them. "
    "Please ask a healthcare professional."
)

SUGGESTIONS_INTRO = "Questions the loaded papers do cover:"

ANSWER_INTRO = "Here is what the papers say:"

# Related evidence: the papers speak to the question's topic, not to the question itself.
RELATED_MISSING = "The loaded papers don't mention {terms}."
RELATED_NOT_DIRECT = "The loaded papers don't answer this question directly."
RELATED_INTRO = "Here is what they do say about the topic:"
# The title front ends show over related evidence.
RELATED_NOTE = "Not directly covered: related evidence from the papers"

# A follow-up whose best sentences were all quoted in the previous answer.
NOTHING_NEW = (
    "The loaded papers say nothing more about this than what I quoted above, so I can't add to it "
    "from them. Please ask a healthcare professional."
)

PARTIAL_COVERAGE_NOTE = (
    "Only part of some papers is loaded (see coverage), so the full papers may say more."
)

INVALID_QUESTION = "Please type your question as text."

INVALID_HISTORY = (
    "The conversation history could not be read: it must be a list of messages, each with a "
    '"role" of "user" or "assistant" and a "content" text.'
)

HISTORY_TOO_LONG = "The conversation history is too long to read. Please start a new chat and ask again."

# Calm texts for faults of the system (never the technical details, which go to the server log).
STORE_UNAVAILABLE = (
    "Sorry, the papers can't be searched right now, so I can't answer. "
    "Please try again in a few minutes."
)
SERVICE_UNAVAILABLE = "Sorry, something went wrong on our side and I can't answer right now. Please try again later."
CANNOT_START = "Sorry, the assistant is not available right now. Please try again later."
FEEDBACK_NOT_SAVED = "Sorry, your rating could not be saved. Thank you all the same."

LLM_ANSWER_INTRO = (
    "In plain words, from the papers (written by a language model; each sentence was checked against the "
    "source it cites):"
)

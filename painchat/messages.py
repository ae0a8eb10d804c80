"""Fixed texts the assistant says. Named constants so tests and front ends share them."""

DISCLAIMER = (
    "This assistant is for information and education only and is not medical advice. "
    "It only repeats what three research papers say. Talk to a doctor, physiotherapist "
    "or other healthcare professional before you start or change any exercise, and if "
    "you think you are having an emergency, call your local emergency number now."
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

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

PARTIAL_COVERAGE_NOTE = (
    "Only part of some papers is loaded (see coverage), so the full papers may say more."
)

INVALID_QUESTION = "Please type your question as text."

INVALID_HISTORY = (
    "The conversation history could not be read: it must be a list of messages, each with a "
    '"role" of "user" or "assistant" and a "content" text.'
)

LLM_ANSWER_INTRO = (
    "In plain words, from the papers (written by a language model; each sentence was checked against the "
    "source it cites):"
)

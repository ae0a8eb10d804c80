"""Fixed phrases of the chat page (beyond the answer texts in ``painchat.messages``)."""

# The pinned one-line disclaimer; opening it shows the full text (which also ends every answer).
DISCLAIMER_SHORT = "Not medical advice. Read the full disclaimer"

LOADING = (
    "Loading the papers and the search model. This happens once after the server starts "
    "and takes a few seconds…"
)
THINKING = "Looking through the papers…"

CONNECTION_LOST = (
    "The connection to the assistant was lost, for example because the server is restarting. "
    "Please wait: it reconnects by itself, and your conversation is kept in this browser tab."
)
RESTORED = "The connection was interrupted. Your conversation has been restored: the answers were looked up again."
NOT_RESTORED = (
    "The connection was interrupted and your earlier conversation could not be restored. "
    "Please ask your question again; follow-up questions will not know about the earlier ones."
)

TOO_LONG = (
    "Your question is {length:,} characters long; the limit is {limit:,}. Please shorten it: "
    "your text is still in the box."
)

FEEDBACK_STORED_WITH_QUESTION = (
    "Thank you. Stored on this server: your rating, the time, the answer type, the sources used and "
    "your question (question logging is switched on here). No name, IP address or account."
)
FEEDBACK_STORED_WITHOUT_QUESTION = (
    "Thank you. Stored on this server: your rating, the time, the answer type and the sources used. "
    "Not your question, name, IP address or account."
)

# Announced to screen readers when a reply arrives (followed by the reply's title).
ANNOUNCE_PREFIX = "New reply:"

"""The Streamlit chat: presentation only. Every answer comes from ``Assistant.answer``.

Serve it with ``python -m painchat.ui.serve`` (``make run``) so the model loads before the first visit.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ingest.manifest import manifest_words
from painchat import fault_messages, messages
from painchat.corpus_words import CorpusWords
from painchat.errors import PainchatError
from painchat.feedback import FeedbackStore
from painchat.models import Answer
from painchat.settings import Settings, load_settings
from painchat.streaming import stream_answer
from painchat.ui import page, render, texts
from painchat.ui.resources import start_loading


def corpus_words() -> CorpusWords:
    """The papers sources.toml lists: the title and intro are drawn before the store has loaded."""
    try:
        return manifest_words(load_settings().sources_file)
    except PainchatError:  # a bad setting or manifest: main() says so; meanwhile the texts stay generic
        return CorpusWords()


# Read once per script run: the tab title and the intro both name the papers.
PAPERS = corpus_words()
st.set_page_config(page_title=render.page_title(PAPERS), page_icon=render.PAGE_ICON, layout="centered")

CHAT_KEY = "question"


@dataclass(frozen=True)
class Exchange:
    """One question and its answer; ``id`` keys the exchange's widgets."""

    id: int
    question: str
    answer: Answer


@st.cache_resource
def load_feedback_store(settings_json: str) -> FeedbackStore:
    """One store (and so one file lock) per server and settings."""
    return FeedbackStore(Settings.model_validate_json(settings_json))


def feedback_store() -> FeedbackStore:
    return load_feedback_store(load_settings().model_dump_json())


def exchanges() -> list[Exchange]:
    return st.session_state.setdefault("exchanges", [])


def next_exchange_id() -> int:
    """Never reused, even after "New chat", so no rating widget's state carries over to a new answer."""
    st.session_state.next_id = st.session_state.get("next_id", -1) + 1
    return st.session_state.next_id


def waiting() -> list[str]:
    """Questions asked and not yet answered. They stay here until their answer is kept, so a run
    cut short by another click, a rating or a reconnect still answers them in the next run."""
    return st.session_state.setdefault("waiting", [])


def settle(queue: list[str], question: str) -> None:
    """Takes an answered (or failed) question off the queue, if it is still there."""
    if question in queue:
        queue.remove(question)


def ask_later(question: str) -> None:
    """Button callback: the question waits to be answered (once, however often it is clicked)."""
    if question not in waiting():
        waiting().append(question)


def new_chat() -> None:
    st.session_state.exchanges = []
    st.session_state.waiting = []
    st.session_state.pop("restore_note", None)


def take_typed(limit: int) -> None:
    """Chat box callback: the question waits to be answered; an over-long one is not sent, it goes
    back into the box with a note.

    (``st.chat_input(max_chars=…)`` would silently refuse a long paste, leaving the box empty.)
    """
    typed = st.session_state.get(CHAT_KEY)
    if not isinstance(typed, str):
        return
    if len(typed) > limit:
        st.session_state.too_long = typed
    else:
        ask_later(typed)


def history(done: list[Exchange]) -> list[dict[str, str]]:
    """Earlier questions and answer texts, in the shape ``Assistant.answer`` takes."""
    turns = []
    for exchange in done:
        turns.append({"role": "user", "content": exchange.question})
        turns.append({"role": "assistant", "content": exchange.answer.answer})
    return turns


def save_rating(exchange: Exchange, key: str) -> None:
    value = st.session_state.get(key)
    if value is not None:  # None: the rating was withdrawn
        try:
            feedback_store().record(exchange.question, exchange.answer, "up" if value == 1 else "down")
        except PainchatError as err:  # e.g. an unwritable data folder
            st.session_state[key] = None  # so no "Your rating is stored" note follows
            st.toast(fault_messages.for_patient(err), icon=":material/error:")


def show_question(question: str) -> None:
    with st.chat_message("user", avatar=render.AVATARS["user"]):
        st.text(question)  # plain text: no Markdown or HTML in what people type is interpreted


def show_answer(exchange: Exchange) -> None:
    render.answer(exchange.answer, anchor=f"sources-{exchange.id}")
    # Questions the papers answer, offered after a refusal: one click asks them.
    render.example_buttons(exchange.answer.suggestions, ask_later, key_prefix=f"suggested-{exchange.id}")
    key = f"feedback-{exchange.id}"
    st.feedback("thumbs", key=key, on_change=save_rating, args=(exchange, key))
    if st.session_state.get(key) is not None:
        stored = feedback_store().keeps_questions
        st.caption(texts.FEEDBACK_STORED_WITH_QUESTION if stored else texts.FEEDBACK_STORED_WITHOUT_QUESTION)


def reply(exchange_id: int):
    """The assistant's message, in a container page.js can find to scroll the reply into view."""
    with st.container(key=page.reply_key(exchange_id)):
        return st.chat_message("assistant", avatar=render.AVATARS["assistant"])


def show_exchange(exchange: Exchange) -> None:
    show_question(exchange.question)
    with reply(exchange.id):
        show_answer(exchange)


def answer_new(assistant, question: str) -> None:
    """Shows the question, answers it with the conversation so far, and keeps the exchange."""
    show_question(question)
    done, queue = exchanges(), waiting()
    exchange_id = next_exchange_id()
    with reply(exchange_id):
        try:
            if assistant.generator.enabled:
                result = streamed_answer(assistant, question, history(done))
            else:
                with st.spinner(texts.THINKING):
                    result = assistant.answer(question, history(done))
        except Exception as err:  # noqa: BLE001 - for_patient logs it; e.g. the store is gone; bad input never raises
            settle(queue, question)  # said once: a fault is not retried on every later run
            st.error(fault_messages.for_patient(err), icon=":material/error:")
            render.disclaimer(messages.DISCLAIMER)
            return
        exchange = Exchange(id=exchange_id, question=question, answer=result)
        # Kept and no longer waiting in one step: plain list operations, with no session-state access or
        # Streamlit call between them (either is a point where a run can stop).
        settle(queue, question)
        done.append(exchange)
        show_answer(exchange)


def streamed_answer(assistant, question: str, turns: list[dict[str, str]]) -> Answer:
    """Validated sentences appear as the model writes them; the whole answer then takes their place."""
    final: list[Answer] = []

    def pieces():
        for item in stream_answer(assistant, question, turns):
            if isinstance(item, Answer):
                final.append(item)
            else:
                yield item

    preview = st.empty()
    with preview.container(), st.spinner(texts.THINKING):
        st.write_stream(pieces())
    preview.empty()
    return final[-1]


def restore(assistant, questions: list[str]) -> None:
    """Asks the kept questions again, in order, so answers and follow-ups are as before the restart."""
    done = exchanges()
    try:
        for question in questions:
            result = assistant.answer(question, history(done))
            done.append(Exchange(id=next_exchange_id(), question=question, answer=result))
    except Exception:  # noqa: BLE001 — a fault while re-asking: the patient gets a note, not a traceback
        done.clear()
        st.session_state.restore_note = texts.NOT_RESTORED
        return
    st.session_state.restore_note = texts.RESTORED


def restore_note(asking: bool) -> None:
    """Says the conversation was restored (or lost) until the patient asks the next question."""
    note = st.session_state.pop("restore_note", None) if asking else st.session_state.get("restore_note")
    if note:
        st.info(note, icon=":material/history:")


def sidebar(assistant) -> None:
    with st.sidebar:
        render.papers(assistant.coverage, assistant.index.sources)
        st.header("Example questions", anchor=False)
        render.example_buttons(assistant.example_questions, ask_later, key_prefix="sidebar-example")
        render.how_it_works(assistant.corpus)


def offer_examples(assistant) -> None:
    """An empty chat starts with questions the papers answer (the sidebar is hidden on narrow screens)."""
    st.header("Try a question the papers answer", anchor=False)
    render.example_buttons(assistant.example_questions[:3], ask_later, key_prefix="start-example")


def pinned_input(limit: int) -> None:
    """The one-line disclaimer and the chat box, pinned at the bottom; drawn before anything loads."""
    too_long = st.session_state.pop("too_long", None)
    if too_long is not None:
        st.session_state[CHAT_KEY] = too_long  # back into the box, for the patient to shorten
    with st.bottom:
        render.pinned_disclaimer(messages.DISCLAIMER)
        if too_long is not None:
            st.warning(texts.TOO_LONG.format(length=len(too_long), limit=limit), icon=":material/edit_note:")
        st.chat_input(render.CHAT_PLACEHOLDER, key=CHAT_KEY, on_submit=take_typed, args=(limit,))


def ready_assistant():
    """The shared assistant; a visitor who comes while it loads sees why the page waits."""
    loading = start_loading(load_settings())
    if not loading.done():
        with st.spinner(texts.LOADING):
            loading.exception()  # waits; the outcome is read below
    return loading.result()


def conversation(assistant) -> tuple[bool, bool]:
    """Draws the chat and answers the questions waiting; returns (whether one was answered, whether a
    kept conversation was restored)."""
    restoring = st.session_state.pop("restore", None)
    if restoring:
        restore(assistant, restoring)
    questions = list(waiting())
    restore_note(asking=bool(questions))
    done = exchanges()
    chatting = bool(done or questions)  # new answers are only added below, after the button is drawn
    if not chatting:
        offer_examples(assistant)
    render.coverage_notice(assistant.coverage)
    if chatting:
        st.button("New chat", key="new-chat", icon=":material/add_comment:", on_click=new_chat)
    for exchange in done:
        show_exchange(exchange)
    for question in questions:
        answer_new(assistant, question)
    return bool(questions), bool(restoring)


def keep_page_in_step(asked: bool, restored: bool, max_chars: int) -> None:
    """page.js: announce and scroll to a new reply, keep the questions in the tab, restore them."""
    latest = exchanges()[-1] if exchanges() else None
    announcement = None
    if latest and asked:
        announcement = (latest.id, render.announcement(latest.answer))
    elif latest and restored:
        announcement = (latest.id, texts.RESTORED)
    kept = page.behaviour(
        questions=[e.question for e in exchanges()],
        offer_restore=not st.session_state.get("restore_offered", False) and not exchanges(),
        announcement=announcement,
        max_chars=max_chars,
    )
    st.session_state.restore_offered = True
    if kept and not exchanges():  # a conversation this server does not know (new session, restart)
        st.session_state.restore = kept
        st.rerun()


def main() -> None:
    st.title(render.HEADING, anchor=False)  # no empty "link to this heading" tab stop
    st.caption(render.intro(PAPERS))
    try:
        settings = load_settings()
        pinned_input(settings.max_question_chars)
        assistant = ready_assistant()
    except Exception as err:  # noqa: BLE001 - for_patient logs it; a missing, damaged or unreachable store
        render.disclaimer(messages.DISCLAIMER)
        st.error(fault_messages.for_patient(err, starting=True), icon=":material/error:")
        st.stop()
    sidebar(assistant)
    asked, restored = conversation(assistant)
    keep_page_in_step(asked, restored, settings.max_question_chars)


page.styles()
main()

"""The Streamlit chat: presentation only. Every answer comes from ``Assistant.answer``."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from painchat import fault_messages, messages
from painchat.errors import PainchatError
from painchat.feedback import FeedbackStore
from painchat.models import Answer
from painchat.settings import load_settings
from painchat.streaming import stream_answer
from painchat.ui import render

st.set_page_config(page_title=render.PAGE_TITLE, page_icon=":material/healing:", layout="centered")


@dataclass(frozen=True)
class Exchange:
    """One question and its answer; ``id`` keys the exchange's widgets."""

    id: int
    question: str
    answer: Answer


@st.cache_resource(show_spinner="Loading the papers and the search model (only once)…")
def load_assistant():
    from painchat.assistant import Assistant  # heavy (torch); imported only when the app runs

    return Assistant(load_settings())


@st.cache_resource
def load_feedback_store() -> FeedbackStore:
    return FeedbackStore(load_settings())


def exchanges() -> list[Exchange]:
    return st.session_state.setdefault("exchanges", [])


def next_exchange_id() -> int:
    """Never reused, even after "New chat", so no rating widget's state carries over to a new answer."""
    st.session_state.next_id = st.session_state.get("next_id", -1) + 1
    return st.session_state.next_id


def ask_later(question: str) -> None:
    """Button callback: the question is asked in the run the click starts."""
    st.session_state.pending_question = question


def new_chat() -> None:
    st.session_state.exchanges = []


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
            load_feedback_store().record(exchange.question, exchange.answer, "up" if value == 1 else "down")
        except PainchatError as err:  # e.g. an unwritable data folder
            st.session_state[key] = None  # so no "Your rating is stored" note follows
            st.toast(fault_messages.for_patient(err), icon=":material/error:")


def show_question(question: str) -> None:
    with st.chat_message("user", avatar=render.AVATARS["user"]):
        st.text(question)  # plain text: no Markdown or HTML in what people type is interpreted


def show_answer(exchange: Exchange) -> None:
    render.answer(exchange.answer)
    # Questions the papers answer, offered after a refusal: one click asks them.
    render.example_buttons(exchange.answer.suggestions, ask_later, key_prefix=f"suggested-{exchange.id}")
    key = f"feedback-{exchange.id}"
    st.feedback("thumbs", key=key, on_change=save_rating, args=(exchange, key))
    if st.session_state.get(key) is not None:
        st.caption("Thank you. Your rating is stored without any personal details.")


def answer_new(assistant, question: str) -> None:
    """Shows the question, answers it with the conversation so far, and keeps the exchange."""
    show_question(question)
    done = exchanges()
    with st.chat_message("assistant", avatar=render.AVATARS["assistant"]):
        try:
            if assistant.generator.enabled:
                result = streamed_answer(assistant, question, history(done))
            else:
                with st.spinner("Looking through the papers…"):
                    result = assistant.answer(question, history(done))
        except Exception as err:  # e.g. the store became unreachable; bad input never raises
            st.error(fault_messages.for_patient(err), icon=":material/error:")
            render.disclaimer(messages.DISCLAIMER)
            return
        exchange = Exchange(id=next_exchange_id(), question=question, answer=result)
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
    with preview.container(), st.spinner("Looking through the papers…"):
        st.write_stream(pieces())
    preview.empty()
    return final[-1]


def sidebar(assistant) -> None:
    with st.sidebar:
        render.papers(assistant.coverage, assistant.index.sources)
        st.header("Example questions")
        render.example_buttons(assistant.example_questions, ask_later, key_prefix="sidebar-example")
        render.how_it_works()


def show_exchange(exchange: Exchange) -> None:
    show_question(exchange.question)
    with st.chat_message("assistant", avatar=render.AVATARS["assistant"]):
        show_answer(exchange)


def offer_examples(assistant) -> None:
    """An empty chat starts with questions the papers answer (the sidebar is hidden on narrow screens)."""
    st.header("Try a question the papers answer")
    render.example_buttons(assistant.example_questions[:3], ask_later, key_prefix="start-example")


def main() -> None:
    st.title(render.HEADING)
    st.caption(render.INTRO)
    try:
        assistant = load_assistant()
    except Exception as err:  # a missing, damaged or unreachable store; a bad setting
        render.disclaimer(messages.DISCLAIMER)
        st.error(fault_messages.for_patient(err, starting=True), icon=":material/error:")
        st.stop()
    with st.bottom:  # pinned under the chat, so the disclaimer stays in view however far one scrolls
        render.disclaimer(messages.DISCLAIMER)
        typed = st.chat_input(render.CHAT_PLACEHOLDER, max_chars=assistant.settings.max_question_chars)
    render.coverage_notice(assistant.coverage)
    sidebar(assistant)

    picked = st.session_state.pop("pending_question", None)
    question = typed or picked
    done = exchanges()
    chatting = bool(done or question)  # a new answer is only added below, after the button is drawn
    st.button("New chat", key="new-chat", icon=":material/add_comment:", on_click=new_chat, disabled=not chatting)
    if not chatting:
        offer_examples(assistant)
    for exchange in done:
        show_exchange(exchange)
    if question:
        answer_new(assistant, question)


main()

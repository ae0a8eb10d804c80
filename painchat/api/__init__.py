"""The HTTP API (FastAPI) and the embeddable widget it serves: ``create_app`` in ``painchat.api.app``."""

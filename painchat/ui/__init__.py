"""Streamlit presentation helpers for ``app.py``: rendering only, no domain logic."""

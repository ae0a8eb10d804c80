"""Test, benchmark and screenshot support: launches the app, the API and Chromium on loopback.

Not part of the product: nothing under ``painchat/`` or ``ingest/`` imports it (tests/test_layers.py).
"""

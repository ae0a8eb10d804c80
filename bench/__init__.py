"""``python -m bench``: measures painchat against the bare cost of its parts; writes docs/BENCHMARKS.md.

It measures and reports; it never asserts a timing.
"""

"""Evaluation: QA metrics, the baseline comparison, and calibration of 'not covered'."""

"""Accuracy harnesses: the coder scored on the development gold data."""

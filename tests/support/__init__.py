"""Helpers shared by the test suite (not a test module)."""

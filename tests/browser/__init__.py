"""Tests of the built site in a real browser and with offline tools.

A package so that its conftest.py is imported as 'browser.conftest' and does not take the place
of tests/conftest.py, which other test modules import as plain 'conftest'.
"""

"""What editors run: `python -m strategi validera | skillnader | ny-version | mätvärde | ...`.

May import any layer; only strategi.__main__ imports it.
"""

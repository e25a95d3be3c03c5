"""Region Örebro län's digital strategy as data: load, check, render and compare it."""

from .check import Result, run
from .problems import Problem

__all__ = ["Problem", "Result", "run"]

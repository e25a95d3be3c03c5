"""What is worked out from a checked Strategy: versions, changes, open questions, follow-up,
the plan and the annual cycle, and the calendar feeds. Plain Python values, no HTML pages.

Imports only strategi.data.
"""

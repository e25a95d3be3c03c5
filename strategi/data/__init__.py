"""Data in: YAML files (or the tree at a git ref) -> one checked Strategy.

The lowest layer: reading (loader), what each file must look like (parts, schemas), the rules
beyond the schema (rules/), collecting problems (problems, check), the model, and the tree at a
git ref (git, gitref, history). It imports no other layer of strategi.
"""

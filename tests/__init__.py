"""Story Studio's test suite.

A package, so `tests` is this folder even where an installed package ships its own top-level
`tests` (spylls does).
"""

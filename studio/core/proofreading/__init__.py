"""Style checks beside the spelling: repeated words, filler, adverbs, long sentences, tags, readability."""

from studio.core.proofreading.findings import CHECK_HINTS, CHECK_LABELS, CHECKS, Finding, ProofOptions
from studio.core.proofreading.project import ProjectProof, ProjectWordsCache, base_language, proofread

__all__ = [
    "CHECKS",
    "CHECK_HINTS",
    "CHECK_LABELS",
    "Finding",
    "ProjectProof",
    "ProjectWordsCache",
    "ProofOptions",
    "base_language",
    "proofread",
]

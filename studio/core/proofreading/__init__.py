"""Style checks beside the spelling: repeated words, filler, adverbs, long sentences, tags, readability.

``findings`` (what is asked and found) is light; ``project`` (``proofread``, ``ProofCache``)
brings in the checks, so the window imports it only when it first proofreads.
"""

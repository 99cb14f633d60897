"""Spelling: the fiction tokenizer, dictionaries, rules and the checker."""

"""The Spelling feature: live highlighting, suggestions and word lists."""

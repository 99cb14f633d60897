"""Story Studio: a writing app for serial fiction."""

__version__ = "0.1.0"
APP_NAME = "Story Studio"

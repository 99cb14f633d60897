"""Proofreading's own worker thread, so a long project run never holds up spelling or search.

Jobs run in order on one thread; a job no longer wanted when its turn comes is skipped.
Results reach the GUI thread through a signal of a QObject living there.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

_log = logging.getLogger(__name__)
_executor: ThreadPoolExecutor | None = None
_relay: _Relay | None = None


class _Relay(QObject):
    """Calls ``(callback, result)`` packets on the GUI thread."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @Slot(object)
    def _deliver(self, packet: tuple[weakref.WeakMethod[Callable[[Any], object]], Any]) -> None:
        callback_ref, result = packet
        callback = callback_ref()
        if callback is None:
            return
        try:
            callback(result)
        except RuntimeError as error:  # the Qt side of the receiver is gone
            if "already deleted" not in str(error):
                raise


def run_proofreading(
    work: Callable[[], Any], done: Callable[[Any], object], wanted: Callable[[], bool]
) -> None:
    """Run ``work()`` on the proofreading thread, then the bound method ``done(result)`` on the GUI thread.

    When ``wanted()`` says no as the job's turn comes, nothing runs and ``done`` is not called.
    """
    global _executor, _relay
    if _relay is None:
        _relay = _Relay()
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="proofreading")
    relay = _relay
    callback_ref = weakref.WeakMethod(done)

    def job() -> None:
        if not wanted():
            return
        try:
            result = work()
        except Exception:
            _log.exception("proofreading job failed")
            return
        relay.delivered.emit((callback_ref, result))

    _executor.submit(job)


def wait_for_proofreading() -> None:
    """Block until every job queued so far has run (for tests and benchmarks)."""
    if _executor is not None:
        _executor.submit(lambda: None).result()

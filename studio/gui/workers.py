"""Spelling work off the GUI thread: one worker thread, results handed back through a relay.

Jobs run in order on a single ``ThreadPoolExecutor`` thread. A job that is no longer
wanted when its turn comes (its checker moved on to a newer generation) is skipped.
Results reach the GUI thread through ``Relay``, a QObject that lives on the GUI thread
for the life of the application, so no Qt object is ever touched from the worker.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

_log = logging.getLogger(__name__)
_executor: ThreadPoolExecutor | None = None
_relay: Relay | None = None


class Relay(QObject):
    """Delivers ``(receiver, callback name, result)`` on the GUI thread."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @Slot(object)
    def _deliver(self, packet: tuple[weakref.ref, str, Any]) -> None:
        receiver_ref, method, result = packet
        receiver = receiver_ref()
        if receiver is None:
            return
        try:
            getattr(receiver, method)(result)
        except RuntimeError as error:  # the Qt side of the receiver is gone
            if "already deleted" not in str(error):
                raise


def _get_relay() -> Relay:
    global _relay
    if _relay is None:
        _relay = Relay()  # first asked for on the GUI thread, so it lives there
    return _relay


def _get_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spelling")
    return _executor


def run_in_worker(
    work: Callable[[], Any], receiver: object, method: str, wanted: Callable[[], bool] | None = None
) -> Future:
    """Run ``work()`` on the spelling thread, then call ``receiver.method(result)`` on the GUI thread.

    ``wanted()`` is asked on the worker just before the work starts; when it says no the
    work is skipped and ``receiver.method(None)`` is called instead. ``receiver`` is held weakly.
    """
    relay = _get_relay()
    receiver_ref = weakref.ref(receiver)

    def job() -> None:
        result = None
        if wanted is None or wanted():
            try:
                result = work()
            except Exception:
                _log.exception("spelling job failed")
        relay.delivered.emit((receiver_ref, method, result))

    return _get_executor().submit(job)


def wait_for_worker() -> None:
    """Block until every job queued so far has run (for tests and benchmarks)."""
    _get_executor().submit(lambda: None).result()

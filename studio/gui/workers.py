"""Work off the GUI thread: one worker thread per lane, results handed back through a relay.

Each lane (``spelling``, which search shares, and ``proofreading``, so a long project run never
holds up spelling) runs its jobs in order on its own ``ThreadPoolExecutor`` thread. A job that is no longer
wanted when its turn comes (its checker moved on to a newer generation) is skipped.
Results reach the GUI thread through ``Relay``, a QObject that lives on the GUI thread
for the life of the application, so no Qt object is ever touched from the worker.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

_log = logging.getLogger(__name__)
_executors: dict[str, ThreadPoolExecutor] = {}
_relay: Relay | None = None


class Relay(QObject):
    """Delivers ``(callback reference, result)`` on the GUI thread."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @Slot(object)
    def _deliver(self, packet: tuple[Callable[[], Callable[[Any], object] | None], Any]) -> None:
        callback_ref, result = packet
        callback = callback_ref()
        if callback is None:
            return  # its object is gone
        try:
            callback(result)
        except RuntimeError as error:  # the Qt side of the receiver is gone
            if "already deleted" not in str(error):
                raise


def _get_relay() -> Relay:
    global _relay
    if _relay is None:
        _relay = Relay()  # first asked for on the GUI thread, so it lives there
    return _relay


def _get_executor(lane: str) -> ThreadPoolExecutor:
    if lane not in _executors:
        _executors[lane] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=lane)
    return _executors[lane]


def run_in_worker(
    work: Callable[[], Any],
    done: Callable[[Any], object],
    wanted: Callable[[], bool] | None = None,
    lane: str = "spelling",
) -> Future:
    """Run ``work()`` on the ``lane``'s thread, then call ``done(result)`` on the GUI thread.

    ``wanted()`` is asked on the worker just before the work starts; when it says no the
    work is skipped and ``done(None)`` is called instead. A bound method is held weakly
    (its object may go meanwhile: then nothing is called).
    """
    relay = _get_relay()
    callback_ref: Callable[[], Callable[[Any], object] | None] = (
        weakref.WeakMethod(done) if inspect.ismethod(done) else (lambda: done)
    )

    def job() -> None:
        result = None
        if wanted is None or wanted():
            try:
                result = work()
            except Exception:
                _log.exception("%s job failed", lane)
        relay.delivered.emit((callback_ref, result))

    return _get_executor(lane).submit(job)


def wait_for_worker(lane: str = "spelling") -> None:
    """Block until every job of ``lane`` queued so far has run (for tests and benchmarks)."""
    _get_executor(lane).submit(lambda: None).result()

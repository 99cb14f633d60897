"""Red wavy underlines under misspelt words, checked off the GUI thread.

``SpellHighlighter`` watches an editor's document. Blocks (paragraphs) that change
are re-checked a moment after typing pauses; a full check goes in batches, the
visible text first. Each batch carries the generation it was made for and the text of
each block: results for an older generation, or for a block whose text has changed
since, are dropped. Misspelt words are kept as ``QTextCursor`` selections, which Qt
moves along with edits, and painted as the editor's ``spelling`` extra-selection layer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from studio.core.spelling.checker import SpellEngine
from studio.core.spelling.tokenize import Token
from studio.gui.workers import run_in_worker

if TYPE_CHECKING:
    from studio.gui.editor.editor import SceneEditor

LAYER = "spelling"
BATCH_CHARS = 4000
TYPING_DELAY_MS = 150
# Underlines are repainted at most this often while a long check streams in.
PAINT_INTERVAL_MS = 40
# A change of at most this many characters is typing: the word at the caret waits to be judged.
TYPED_CHARS = 2
# A change touching more blocks than this is treated as new text: everything is re-checked.
FULL_CHECK_BLOCKS = 64
UNDERLINE_COLOR = QColor(220, 38, 38)


class _State:
    """The generation the worker may read without touching Qt objects."""

    def __init__(self) -> None:
        self.generation = 0


@dataclass
class _Batch:
    generation: int
    blocks: list[QTextBlock]
    texts: list[str]
    typing: bool = False
    tokens: list[list[Token]] | None = None


def underline_format() -> QTextCharFormat:
    """The red wavy underline of a misspelt word."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE_COLOR)
    return fmt


class SpellHighlighter(QObject):
    """Checks an editor's text with a ``SpellEngine`` and underlines the unknown words."""

    # Every change so far has been checked and painted.
    checked = Signal()

    def __init__(self, editor: SceneEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.engine: SpellEngine | None = None
        self.enabled = True
        self._state = _State()
        self._marks: list[QTextCursor] = []
        self._dirty: list[QTextBlock] = []
        self._full_pending = False
        self._jobs = 0
        self._held: QTextCursor | None = None
        self._typed = False
        self._format = underline_format()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check_pending)
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.timeout.connect(self._timed_paint)
        self._paint_clock = QElapsedTimer()
        editor.document().contentsChange.connect(self._on_contents_change)
        editor.cursorPositionChanged.connect(self._on_cursor_moved)

    # -- public API -------------------------------------------------------------------
    @property
    def generation(self) -> int:
        """Bumped whenever earlier results become worthless (new words, new text, off)."""
        return self._state.generation

    def set_engine(self, engine: SpellEngine | None) -> None:
        """Check with ``engine`` (None: nothing is checked until one is set) and re-check all."""
        self.engine = engine
        self.recheck_all()

    def set_enabled(self, enabled: bool) -> None:
        """Turn checking on (re-checks everything) or off (clears the underlines)."""
        self.enabled = enabled
        if enabled:
            self.recheck_all()
        else:
            self._state.generation += 1
            self._dirty.clear()
            self._full_pending = False
            self._marks.clear()
            self._paint()

    def recheck_all(self) -> None:
        """Re-check the whole text (visible part first); underlines stay until their block is redone."""
        self._state.generation += 1
        self._dirty.clear()
        self._full_pending = True
        self.refilter()
        self._timer.start(0)

    def refilter(self) -> None:
        """Drop at once the underlines of words the engine now knows (a word just added)."""
        if self.engine is None:
            return
        kept = [m for m in self._marks if m.hasSelection() and not self.engine.is_known(m.selectedText())]
        if len(kept) != len(self._marks):
            self._marks = kept
            self._paint()

    def misspelling_at(self, position: int) -> QTextCursor | None:
        """Return a cursor selecting the underlined word at document ``position``, if any."""
        for mark in self._marks:
            if mark.hasSelection() and mark.selectionStart() <= position <= mark.selectionEnd():
                return QTextCursor(mark)
        return None

    def marks(self) -> list[tuple[int, int, str]]:
        """The underlined words as (start, length, word), in document order."""
        found = [
            (m.selectionStart(), m.selectionEnd() - m.selectionStart(), m.selectedText())
            for m in self._marks
            if m.hasSelection()
        ]
        return sorted(found)

    def is_idle(self) -> bool:
        """Whether nothing is waiting to be checked or painted."""
        busy = self._timer.isActive() or self._paint_timer.isActive()
        return not (self._jobs or self._dirty or self._full_pending or busy)

    # -- scheduling -------------------------------------------------------------------
    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if not self.enabled:
            return
        loading = self.editor.is_loading()
        self._typed = not loading and max(added, removed) <= TYPED_CHARS
        document = self.editor.document()
        block = document.findBlock(position)
        end = position + added
        count = 0
        while block.isValid() and block.position() <= end:
            self._dirty.append(block)
            block = block.next()
            count += 1
            if count > FULL_CHECK_BLOCKS:
                self._marks = [m for m in self._marks if m.hasSelection()]
                self.recheck_all()
                return
        self._timer.start(TYPING_DELAY_MS)

    def _on_cursor_moved(self) -> None:
        held = self._held
        if held is None:
            return
        position = self.editor.textCursor().position()
        if not held.selectionStart() <= position <= held.selectionEnd():
            self._held = None
            self._dirty.append(held.block())
            self._timer.start(0)

    def _check_pending(self) -> None:
        if self.engine is None or not self.enabled:
            return
        typing = self._typed and not self._full_pending
        self._typed = False
        if self._full_pending:
            self._full_pending = False
            blocks = self._blocks_visible_first()
        else:
            seen: set[int] = set()
            blocks = []
            for block in self._dirty:
                if block.isValid() and block.blockNumber() not in seen:
                    seen.add(block.blockNumber())
                    blocks.append(block)
        self._dirty.clear()
        self._submit_batches(blocks, typing)

    def _blocks_visible_first(self) -> list[QTextBlock]:
        document = self.editor.document()
        first = self.editor.cursorForPosition(self.editor.viewport().rect().topLeft()).block()
        after: list[QTextBlock] = []
        before: list[QTextBlock] = []
        block = document.firstBlock()
        while block.isValid():
            (after if block.blockNumber() >= first.blockNumber() else before).append(block)
            block = block.next()
        return after + before

    def _submit_batches(self, blocks: list[QTextBlock], typing: bool) -> None:
        batch = _Batch(self.generation, [], [], typing)
        size = 0
        for block in blocks:
            text = block.text()
            batch.blocks.append(block)
            batch.texts.append(text)
            size += len(text) + 1
            if size >= BATCH_CHARS:
                self._submit(batch)
                batch, size = _Batch(self.generation, [], [], typing), 0
        if batch.blocks:
            self._submit(batch)
        if not self._jobs:
            self.checked.emit()

    def _submit(self, batch: _Batch) -> None:
        engine, state, generation, texts = self.engine, self._state, batch.generation, batch.texts
        assert engine is not None

        def work() -> _Batch:
            tokens = []
            for text in texts:
                tokens.append(engine.check(text))
                time.sleep(0)  # let the GUI thread have the interpreter between paragraphs
            batch.tokens = tokens
            return batch

        self._jobs += 1
        run_in_worker(work, self._apply, wanted=lambda: state.generation == generation)

    # -- results ----------------------------------------------------------------------
    def _apply(self, batch: _Batch | None) -> None:
        self._jobs = max(0, self._jobs - 1)
        if batch is None:
            pass  # skipped on the worker: a newer generation had begun
        elif batch.generation == self.generation and batch.tokens is not None and self.enabled:
            self._apply_tokens(batch)
        if self.is_idle():
            self.checked.emit()

    def _timed_paint(self) -> None:
        self._paint()
        if self.is_idle():
            self.checked.emit()

    def _apply_tokens(self, batch: _Batch) -> None:
        assert batch.tokens is not None
        document = self.editor.document()
        redone: set[int] = set()
        fresh: list[QTextCursor] = []
        caret = self.editor.textCursor().position()
        typing = batch.typing and self.editor.hasFocus() and not self.editor.textCursor().hasSelection()
        for block, text, tokens in zip(batch.blocks, batch.texts, batch.tokens, strict=True):
            if not block.isValid() or block.text() != text:
                continue  # changed since: it is dirty and will be checked again
            redone.add(block.blockNumber())
            base = block.position()
            for token in tokens:
                cursor = QTextCursor(document)
                cursor.setPosition(base + token.start)
                cursor.setPosition(base + token.start + token.length, QTextCursor.MoveMode.KeepAnchor)
                if typing and token.start <= caret - base <= token.start + token.length:
                    self._held = cursor  # the word being typed: judged when the caret leaves it
                    continue
                fresh.append(cursor)
        if not redone:
            return
        kept = [m for m in self._marks if m.hasSelection() and m.block().blockNumber() not in redone]
        self._marks = kept + fresh
        self._paint_soon()

    def _paint_soon(self) -> None:
        """Paint now, or shortly if we painted a moment ago (many batches arriving)."""
        if self._paint_timer.isActive():
            return
        since = self._paint_clock.elapsed() if self._paint_clock.isValid() else PAINT_INTERVAL_MS
        if since >= PAINT_INTERVAL_MS:
            self._paint()
        else:
            self._paint_timer.start(PAINT_INTERVAL_MS - since)

    def _paint(self) -> None:
        self._paint_timer.stop()
        self._paint_clock.start()
        selections = []
        for mark in self._marks:
            if mark.hasSelection():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = mark
                selection.format = self._format
                selections.append(selection)
        self.editor.set_extra_selections(LAYER, selections)

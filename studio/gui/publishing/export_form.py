"""The Export dialog's options: headings and breaks chosen by name, a live sample, templates under *Advanced*.

The writer picks the title lines, the part heading and the scene break from presets
(``studio/core/publishing/presets.py``) and sees a sample at once; the raw templates
(``{title}\\nBy {author}``), the closing line, the footer, wrapping and line endings sit in a
collapsed *Advanced* section. A preset only writes its template into the advanced field, so
the two never disagree; a template that matches no preset shows as *Custom*.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core.errors import StudioError
from studio.core.publishing.options import CHOICES, ExportOptions
from studio.core.publishing.presets import (
    HEADER_PRESETS,
    HEADING_PRESETS,
    SEPARATOR_PRESETS,
    Preset,
    matching_preset,
    options_sample,
)

CUSTOM = "Custom (see Advanced)"
CHOICE_LABELS = {
    "blank": "Blank line between",
    "newline": "Line break only",
    "keep": "Keep as written",
    "straight": "Straight ( \" ' )",
    "curly": "Curly ( “ ” ’ )",
    "em": "-- becomes —",
    "double-hyphen": "— becomes --",
    "lf": "LF (Linux, macOS)",
    "crlf": "CRLF (Windows)",
    "markers": "Markers as written",
    "asterisks": "*italic*, **bold**",
    "underscores": "_italic_, __bold__",
    "strip": "No markers",
}
TEXT_TIPS = {
    "header": "Printed first; {title} and {author}; \\n for a line break (\\\\ for a \\); empty for none",
    "part_heading": "{number}, {number_words} (Five), {roman} (V), {title}; empty for none",
    "separator": "Between scenes: any text (* * *, #, ~), or a number of blank lines, or empty",
    "closing": "After the last part when another follows: {next_number_words}, {next_title}…",
    "footer": "Printed last; {title}, {author}",
}
PRESETS: dict[str, tuple[Preset, ...]] = {
    "header": HEADER_PRESETS,
    "part_heading": HEADING_PRESETS,
    "separator": SEPARATOR_PRESETS,
}
TEXT_KEYS = ("header", "part_heading", "separator", "closing", "footer")
CHOICE_KEYS = ("paragraphs", "quotes", "dashes", "emphasis", "line_endings")
FIELD_MAX_LENGTH = 10_000_000  # a long footer (an author's note) is never cut (QLineEdit's default: 32,767)
ESCAPED = re.compile(r"\\([\\n])")


def escaped(text: str) -> str:
    """A template on one line: a line break as ``\\n``, a backslash as ``\\\\`` (reads back the same)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def unescaped(line: str) -> str:
    """The template a field's line stands for (``escaped``'s reverse; a lone backslash stays)."""
    return ESCAPED.sub(lambda found: "\n" if found.group(1) == "n" else "\\", line)


class ExportOptionsForm(QWidget):
    """Every export option as a field; ``changed`` on any edit; ``rows`` takes the dialog's own rows."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptionsForm")
        self.fields: dict[str, QWidget] = {}
        self.presets: dict[str, QComboBox] = {}
        self._sample_source = ("", "", "", 0)
        self._syncing = False
        self._loaded: dict[str, tuple[str, str]] = {}  # key: (the line shown, the option it came from)
        self._custom: dict[str, str] = {}  # key: the last line matching no preset (Custom brings it back)
        self.rows = QFormLayout()
        for key, label in (("header", "&Title lines:"), ("part_heading", "Part &heading:")):
            self.rows.addRow(label, self._preset_box(key))
        self.start_box = self._spin("start_number", 0, 100000)
        self.start_box.setToolTip("The number of the first part (parts posted from Part Five on: 5)")
        self.rows.addRow("First part &number:", self.start_box)
        self.rows.addRow("Scene &break:", self._preset_box("separator"))
        for key, label in (("paragraphs", "&Paragraphs:"), ("quotes", "&Quotes:"), ("dashes", "&Dashes:"),
                           ("emphasis", "&Italics, bold:")):  # fmt: skip
            self.rows.addRow(label, self._choice_box(key))
        self.notes_box = QCheckBox("Include part notes (author's notes, trailers)")
        self.notes_box.setObjectName("export_part_notes")
        self.notes_box.toggled.connect(self._on_edit)
        self.rows.addRow("", self.notes_box)
        self.sample = QLabel()
        self.sample.setObjectName("exportSample")
        self.sample.setFrameShape(QFrame.Shape.StyledPanel)
        self.sample.setTextFormat(Qt.TextFormat.PlainText)
        self.sample.setWordWrap(True)
        self.sample.setMargin(8)
        self.sample.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sample.setToolTip("How the title lines, a part heading and a scene break come out")
        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setObjectName("exportAdvancedToggle")
        self.advanced_toggle.setText("Advanced")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        # the style sheet's tool buttons (a toolbar's) are larger; this one reads as the form's text
        self.advanced_toggle.setStyleSheet(f"font-size: {self.font().pointSizeF()}pt; padding: 3px 0;")
        self.advanced_toggle.setToolTip("The templates behind the choices above, and more options")
        self.advanced_toggle.toggled.connect(self.set_advanced_shown)
        self.advanced = self._build_advanced()
        self.advanced.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows)
        layout.addWidget(QLabel("Sample:"))
        layout.addWidget(self.sample)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addStretch(1)

    # -- building ------------------------------------------------------------------------
    def _build_advanced(self) -> QWidget:
        box = QWidget()
        box.setObjectName("exportAdvanced")
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        templates = (
            ("header", "Title lines template:"),
            ("part_heading", "Heading template:"),
            ("separator", "Break text:"),
            ("closing", "&Closing line:"),
            ("footer", "F&ooter:"),
        )
        for key, label in templates:
            form.addRow(label, self._template_field(key))
        self.wrap_box = self._spin("wrap", 0, 500)
        self.wrap_box.setSpecialValueText("No wrap")
        form.addRow("&Wrap at:", self.wrap_box)
        form.addRow("&Line endings:", self._choice_box("line_endings"))
        return box

    def _preset_box(self, key: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"export_{key}_preset")
        for preset in PRESETS[key]:
            box.addItem(preset.label, preset.template)
        box.addItem(CUSTOM, None)
        box.setToolTip(TEXT_TIPS[key].split(";")[0])
        box.currentIndexChanged.connect(lambda _i, k=key: self._on_preset(k))
        self.presets[key] = box
        return box

    def _template_field(self, key: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(f"export_{key}")
        field.setMaxLength(FIELD_MAX_LENGTH)
        field.setToolTip(TEXT_TIPS[key])
        field.textChanged.connect(lambda _text, k=key: self._on_template(k))
        self.fields[key] = field
        return field

    def _choice_box(self, key: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"export_{key}")
        for choice in CHOICES[key]:
            box.addItem(CHOICE_LABELS[choice], choice)
        box.currentIndexChanged.connect(self._on_edit)
        self.fields[key] = box
        return box

    def _spin(self, key: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high)
        spin.setObjectName(f"export_{key}")
        spin.valueChanged.connect(self._on_edit)
        self.fields[key] = spin
        return spin

    def minimumSizeHint(self) -> QSize:
        """Qt override: never squeezed below its natural height (the dialog scrolls it instead)."""
        return self.sizeHint()

    # -- showing and reading ---------------------------------------------------------------
    def set_advanced_shown(self, shown: bool) -> None:
        """Open or fold the Advanced section."""
        self.advanced_toggle.setChecked(shown)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.advanced.setVisible(shown)

    def load(self, options: ExportOptions) -> None:
        """Show ``options`` in the fields (without emitting ``changed``)."""
        self._syncing = True
        for key in TEXT_KEYS:
            value = getattr(options, key)
            self.set_field(key, escaped(value))
            self._loaded[key] = (escaped(value), value)
        for key in CHOICE_KEYS:
            box = self.fields[key]
            assert isinstance(box, QComboBox)
            box.setCurrentIndex(max(0, box.findData(getattr(options, key))))
        self.wrap_box.setValue(options.wrap)
        self.start_box.setValue(options.start_number)
        self.notes_box.setChecked(options.part_notes == "include")
        self._syncing = False
        self._update_sample()

    def set_field(self, key: str, value: str) -> None:
        """Put a line in a text option's field (see ``escaped``); its preset follows."""
        field = self.fields[key]
        if isinstance(field, QLineEdit):
            field.setText(value)

    def read(self, base: ExportOptions) -> tuple[ExportOptions, list[str]]:
        """The options the fields show over ``base``, and one message per field not accepted."""
        options = ExportOptions.from_settings(base.to_settings())
        problems = []
        for key, field in self.fields.items():
            if isinstance(field, QLineEdit):
                shown, loaded = self._loaded.get(key, (None, ""))
                # a field the writer left as it was gives back exactly what was loaded
                value = loaded if field.text() == shown else unescaped(field.text())
            elif isinstance(field, QSpinBox):
                value = str(field.value())
            else:
                assert isinstance(field, QComboBox)
                value = field.currentData()
            try:
                options.apply_override(key, value, raw=isinstance(field, QLineEdit))
            except StudioError as error:
                problems.append(str(error))
        options.part_notes = "include" if self.notes_box.isChecked() else "omit"
        return options, problems

    def set_sample_source(self, title: str, author: str, part_title: str, part_index: int) -> None:
        """The story and the part the sample is written with (its place in the manuscript, from 0)."""
        self._sample_source = (title, author, part_title, part_index)
        self._update_sample()

    # -- keeping presets, templates and the sample in step ------------------------------
    def _on_preset(self, key: str) -> None:
        if self._syncing:
            return
        box = self.presets[key]
        template = box.currentData()
        if template is None:  # Custom: the template is written under Advanced (the last one typed back)
            if key in self._custom:
                self.set_field(key, self._custom[key])
            self.set_advanced_shown(True)
            self.fields[key].setFocus()
            return
        self.set_field(key, escaped(template))

    def _on_template(self, key: str) -> None:
        if key in self.presets:
            text = self.fields[key]
            assert isinstance(text, QLineEdit)
            preset = matching_preset(unescaped(text.text()), PRESETS[key])
            if preset is None:
                self._custom[key] = text.text()
            box = self.presets[key]
            index = box.findData(preset.template) if preset is not None else box.count() - 1
            was, self._syncing = self._syncing, True
            box.setCurrentIndex(index)
            self._syncing = was
        self._on_edit()

    def _on_edit(self, *_args: object) -> None:
        if self._syncing:
            return
        self._update_sample()
        self.changed.emit()

    def _update_sample(self) -> None:
        options, _problems = self.read(ExportOptions())
        title, author, part_title, part_index = self._sample_source
        number = options.start_number + part_index
        self.sample.setText(options_sample(options, title, author, part_title, number))

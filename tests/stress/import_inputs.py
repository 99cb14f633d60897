"""Attack the importer with random inputs: every byte sequence and every encoding gives a plan or one line.

    python tests/stress/import_inputs.py [--cases 10000] [--seed N] [--timeout 60]

Each case writes a file (random bytes, BOMs with bad bodies, huge lines, NULs, mixed newlines,
deep Markdown, real stories in odd encodings), picks an encoding (none, any codec name from
``encodings.aliases``, or a junk name), then runs the real importer in process: ``plan_import``,
then ``apply_plan`` into a new folder. Anything but a plan or a ``StudioError`` with a one-line
message is a failure, as is a case that runs past the timeout. Prints the cases, the outcomes,
the failures by kind, and the seconds; exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import encodings.aliases
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from studio.core.errors import StudioError  # noqa: E402
from studio.core.importing.apply import apply_plan  # noqa: E402
from studio.core.importing.reader import ImportOptions, plan_import  # noqa: E402

BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]
JUNK_NAMES = [
    "",
    " ",
    "utf-9",
    "rot13",
    "rot_13",
    "base64",
    "uu",
    "hex",
    "zlib",
    "bz2",
    "quopri",
    "a\x00b",
    "../../etc/passwd",
    "utf-8\n",
    "x" * 300,
    "mbcs",
    "undefined",
    "idna",
    "punycode",
    "☃",
    "utf_16_le ",
    "UTF8",
    "latin_1",
    "cp65001",
    "unicode_escape",
    "raw_unicode_escape",
]
STORY = (
    "The Title\nBy Some One\n\nChapter 1\n\n\u201cCaf\u00e9,\u201d she said. It\u2019s late.\n\n* * *\n\n"
    "Part Two: The Night\n\nMore words \u2014 and more.\n"
)
HUGE = 10 * 1024 * 1024


class CaseTimeoutError(Exception):
    """A case ran past its time limit."""


def codec_names() -> list[str]:
    """Every codec name Python knows by alias, plus the canonical names, plus junk."""
    names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    return sorted(names) + JUNK_NAMES


def make_case(rng: random.Random, names: list[str], huge: bool = True) -> tuple[str, bytes, str | None, str]:
    """Return (kind, file bytes, encoding or None, file suffix) for one random case."""
    kind = rng.choice(
        ["random", "bom-bad-body", "bom-good", "story-encoded", "nuls", "newlines", "markdown", "headings"]
        + ["huge-line"] * (1 if rng.random() < 0.05 and huge else 0)
    )
    if kind == "random":
        data = rng.randbytes(rng.randint(0, 2000))
    elif kind == "bom-bad-body":
        bom = rng.choice(BOMS)
        data = bom + rng.randbytes(rng.randint(0, 200)) + rng.choice([b"", b"\xff", b"\xd8\x00", b"\x00"])
    elif kind == "bom-good":
        encoding = rng.choice(["utf-8-sig", "utf-16", "utf-32"])
        data = STORY.encode(encoding)
        if rng.random() < 0.5 and len(data) > 4:
            cut = rng.randint(len(data) // 2, len(data) - 1)
            data = data[:cut]  # torn in the middle of a character, perhaps
    elif kind == "story-encoded":
        name = rng.choice(names)
        try:
            data = STORY.encode(name)
        except Exception:  # noqa: BLE001 - any codec, any failure: fall back to raw bytes
            data = STORY.encode("utf-8", "replace")
    elif kind == "nuls":
        data = b"\x00" * rng.randint(0, 50) + STORY.encode() + b"\x00" * rng.randint(0, 50)
    elif kind == "newlines":
        pieces = [
            rng.choice([b"\r", b"\n", b"\r\n", b"\n\r", b"\x0c", b"\xe2\x80\xa8", b"\x0b"])
            for _ in range(rng.randint(1, 400))
        ]
        words = [
            rng.choice([b"word", b"* * *", b"Chapter 1", b"#", b"By x", b"A/N:", b"   "]) for _ in pieces
        ]
        data = b"".join(w + p for w, p in zip(words, pieces, strict=True))
    elif kind == "markdown":
        depth = rng.randint(1, 5000)
        data = ("#" * rng.randint(1, 12) + " Heading\n").encode() * rng.randint(1, 50)
        data += (">" * depth + " quoted\n").encode() + ("- " * depth + "item\n").encode()
        data += ("\\" * rng.randint(0, 500) + "#\n").encode() + ("*" * rng.randint(0, 1000) + "\n").encode()
    elif kind == "headings":
        data = "".join(
            rng.choice(["Chapter ", "PART ", "Part Five: ", "CHAPTER III. ", "XIV\n", "Prologue\n", "# "])
            + rng.choice(["1", "IV", "ninety-nine", "", "\u2014"])
            + "\n"
            + "\n" * rng.randint(0, 3)
            for _ in range(rng.randint(1, 300))
        ).encode()
    else:  # huge-line: 10 MB on one line, words or not
        unit = rng.choice([b"word ", b"x", b"\xc3\xa9", b"* "])
        data = unit * (HUGE // len(unit))
    encoding: str | None = None
    roll = rng.random()
    if roll < 0.45:
        encoding = rng.choice(names)
    elif roll < 0.5:
        encoding = rng.choice(JUNK_NAMES)
    suffix = rng.choice([".txt", ".md", ".markdown", ""])
    return kind, data, encoding, suffix


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``CaseTimeoutError`` in this (main) thread after ``seconds``."""

    def expired(signum: int, frame: object) -> None:
        raise CaseTimeoutError

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_case(
    folder: Path, number: int, data: bytes, encoding: str | None, suffix: str, timeout: float
) -> str:
    """Import one file into a new project; return "plan", "refused", or a failure kind."""
    source = folder / f"case-{number}{suffix}"
    source.write_bytes(data)
    target = folder / f"project-{number}"
    try:
        with time_limit(timeout):
            plan = plan_import([source], ImportOptions(encoding=encoding))
            apply_plan(target, plan)
    except CaseTimeoutError:
        return "hang"
    except StudioError as error:
        return "refused" if "\n" not in str(error) and str(error) else "multi-line error"
    except Exception as error:  # noqa: BLE001 - exactly what this run is looking for
        last = traceback.extract_tb(error.__traceback__)[-1]
        return f"traceback {type(error).__name__} at {Path(last.filename).name}:{last.lineno}"
    finally:
        source.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
    return "plan"


def run(cases: int, seed: int, timeout: float, quiet: bool = False, huge: bool = True) -> dict[str, object]:
    """Run ``cases`` random cases; return the counts (and print them unless ``quiet``).

    ``huge=False`` leaves out the 10 MB lines (for the quick sample in the test suite).
    """
    rng = random.Random(seed)
    names = codec_names()
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    failures: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="studio-import-attack-") as tmp:
        folder = Path(tmp)
        for number in range(cases):
            kind, data, encoding, suffix = make_case(rng, names, huge)
            kinds[kind] += 1
            outcome = run_case(folder, number, data, encoding, suffix, timeout)
            outcomes[outcome] += 1
            if outcome not in ("plan", "refused"):
                failures.append(
                    f"case {number} ({kind}, encoding {encoding!r}, {len(data)} bytes): {outcome}"
                )
    seconds = time.monotonic() - started
    bad = Counter({k: v for k, v in outcomes.items() if k not in ("plan", "refused")})
    if not quiet:
        print(f"cases: {cases} (seed {seed}), {seconds:.1f} s")
        print("inputs: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        print(f"plans: {outcomes['plan']}, refused with one line: {outcomes['refused']}")
        print(f"failures: {sum(bad.values())}" + "".join(f"\n  {k}: {v}" for k, v in bad.most_common()))
        for line in failures[:20]:
            print("  " + line)
    return {"cases": cases, "outcomes": outcomes, "failures": failures, "seconds": seconds}


def main() -> int:
    """Parse the options, run, and exit 1 when a case failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per case before it counts as a hang"
    )
    args = parser.parse_args()
    result = run(args.cases, args.seed, args.timeout)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

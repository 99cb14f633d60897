"""SIGKILL a process reorganising and saving a project at random moments: nothing torn, no word lost.

    python tests/stress/kill_moves.py [--kills 700] [--seed S] [--jobs 2] [--only N]
                                      [--min-delay 0.05] [--max-delay 1.5]

A project of 60 scenes in 6 parts, with characters, is built once (``create_project`` and
the core operations) and copied for every round. Each round starts a subprocess that opens
the copy with ``load_project``, takes the project lock and keeps snapshots before a split
or merge, as the app does, then loops over random ``move_scenes``, ``move_part``,
``split_scene``, ``merge_scenes``, ``delete_scenes``, ``restore``, ``set_scene_text`` (an
autosave of an edited scene) and ``add_character``. It prints a ``begin`` line (with the
texts the operation will write) before each operation and a ``done`` line (with the texts
and the tree after it) once it returned. The round SIGKILLs it at a moment drawn uniformly
from 0.05 to 1.5 s after it opened the project, then checks:

* nothing torn: ``story.json`` parses as JSON; every file in ``scenes/`` and ``characters/``
  is valid UTF-8;
* the project opens (``load_project``), with no problem but scene files offered as
  recovered, and its lock is taken over (the killed holder is gone);
* a temp file the kill left is not listed, not offered as recovered and never read by the
  loader; aged past 60 s, the next ``load_project`` removes it (none may stay);
* the tree is the one after the last completed operation (a reorganisation in flight may
  have landed or not), and every scene holds the text of the last completed operation that
  wrote it (the operation in flight: its old or its new text) -- so the last completed text
  save is on disk;
* every word of the last-known state (the words of all scene texts, with the texts the
  child reported saved) is still somewhere: manuscript, trash, or an unlisted file offered as
  recovered (for the operation in flight, the count of a word may be its old or its new one).

Prints the kills, where they landed (per operation), the operations completed, torn files,
failed loads, words lost, temp files, the seconds; exits 1 when a check failed. ``--only N``
re-runs round N of a seed alone (its operations are the same; the kill moment too, though
where it lands depends on the machine's speed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from studio.core import create_project, load_project  # noqa: E402
from studio.core.counting import words_of  # noqa: E402
from studio.core.errors import StudioError  # noqa: E402
from studio.core.safety import locking  # noqa: E402

PARTS = 6
SCENES_PER_PART = 10
CHARACTERS = ("Mara Quell", "Captain Ørsted", "Élodie Fane", "Tobias Wren")
VOCABULARY = (  # noqa: SIM905 - prose is easier to read as prose
    "the lamp at the point went dark and nobody in the village could say who had last climbed "
    "stair wind came off sea in long grey sheets Mara stood top of stairs café naïve façade "
    "don’t it’s well-known 1920s Ørsted Élodie rope harbour lantern ledger tide salt gull "
    "whispered counted waited listened remembered told cold bright narrow"
).split()
TEMP_NAME = re.compile(r"^\..*\.tmp$")

CHILD = r"""
import copy, json, random, re, sys
from studio.core import load_project
from studio.core.operations import word_boundary
from studio.core.safety import locking, snapshots

def emit(record):
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()

root, seed = sys.stdin.readline().split()
rng = random.Random(int(seed))
project = load_project(root)
lock = locking.acquire(root)  # as the app does; the kill leaves it stale
project.before_text_change.append(lambda sid, reason: snapshots.take(project, sid, reason))

def tree():
    def node(item):
        return item.node.id
    return {
        "parts": [[p.id, [s.id for s in p.scenes]] for p in project.parts],
        "trash": [node(item) for item in project.trash],
        "characters": [c.id for c in project.characters],
    }

emit({"ready": True})
count = 0
typing_in = None
while True:
    count += 1
    scenes = [s for p in project.parts for s in p.scenes]
    trashed = [item.node.id for item in project.trash if item.kind == "scene"]
    # split and merge take longest (snapshots, two files): chosen less, so kills land on every kind
    choices = ["move_scenes"] * 6 + ["move_part"] * 3 + ["set_scene_text"] * 5 + ["add_character"]
    choices += ["split_scene"] * (1 if len(scenes) < 90 else 0)
    choices += ["merge_scenes"] * (1 if len(scenes) > 40 else 0)
    choices += ["delete_scenes"] * (2 if len(trashed) < 6 else 0)
    choices += ["restore"] * (3 if trashed else 0)
    op = rng.choice(choices)
    begin = {"begin": op, "n": count}
    if op == "move_scenes":
        moving = [s.id for s in rng.sample(scenes, rng.randint(1, 3))]
        part = rng.choice(project.parts)
        index = rng.randint(0, len(part.scenes))
        call = lambda: project.move_scenes(moving, part.id, index)
    elif op == "move_part":
        part = rng.choice(project.parts)
        index = rng.randint(0, len(project.parts) - 1)
        call = lambda: project.move_part(part.id, index)
    elif op == "split_scene":
        candidates = [s for s in scenes if len(project.scene_text(s.id)) > 80]
        scene = rng.choice(candidates)
        text = project.scene_text(scene.id)
        offset = word_boundary(text, rng.randint(1, len(text) - 1))
        head, tail = text[:offset].rstrip(), text[offset:].lstrip()
        begin["texts"] = {scene.id: head + ("\n" if head else "")}
        begin["tail"] = tail + ("\n" if tail and not tail.endswith("\n") else "")
        sid = scene.id
        call = lambda: project.split_scene(sid, offset)
    elif op == "merge_scenes":
        part = rng.choice([p for p in project.parts if len(p.scenes) > 1])
        index = rng.randrange(len(part.scenes) - 1)
        first, second = part.scenes[index].id, part.scenes[index + 1].id
        texts = [project.scene_text(first), project.scene_text(second)]
        joined = "\n\n".join(t.strip("\n") for t in texts if t.strip())
        begin["texts"] = {first: joined + ("\n" if joined else "")}
        begin["removes"] = second
        call = lambda: project.merge_scenes(first, second)
    elif op == "delete_scenes":
        gone = [s.id for s in rng.sample(scenes, rng.randint(1, 2))]
        call = lambda: project.delete_scenes(gone)
    elif op == "restore":
        back = rng.sample(trashed, rng.randint(1, min(2, len(trashed))))
        call = lambda: project.restore(back)
    elif op == "set_scene_text":
        # the writer mostly keeps typing in one scene, now and then moves to another
        if typing_in is None or typing_in not in {s.id for s in scenes} or rng.random() < 0.3:
            typing_in = rng.choice(scenes).id
        text = project.scene_text(typing_in)
        starts = [m.start() for m in re.finditer(r"(?<!\S)\S", text)] + [len(text)]
        cut = rng.randrange(len(starts))
        drop = rng.randint(0, 3) if rng.random() < 0.4 else 0
        end = starts[min(cut + drop, len(starts) - 1)]
        stems = ["typed", "wrote", "café"]
        typed = " ".join(f"{rng.choice(stems)}{seed}x{count}y{k}" for k in range(rng.randint(1, 8)))
        new = text[: starts[cut]] + typed + (" " if end < len(text) else "\n") + text[end:]
        begin["texts"] = {typing_in: new}
        sid = typing_in
        call = lambda: project.set_scene_text(sid, new)
    else:
        name = f"{rng.choice(['Ansel', 'Brigid', 'Cato', 'Dagný'])} {seed}x{count}"
        begin["character"] = name
        call = lambda: project.add_character(name, notes=f"Notes on {name}.\n", role="minor")
    if op in ("move_scenes", "move_part", "delete_scenes", "restore"):
        # the tree it should give: the same operation on a copy in memory that writes nothing
        real, project = project, copy.deepcopy(project)
        project.save = lambda force=False: False
        call()
        begin["tree"] = tree()
        project = real
    emit(begin)
    result = call()
    done = {"done": op, "n": count, "tree": tree()}
    if op == "split_scene":
        done["texts"] = {sid: project.scene_text(sid), result.id: project.scene_text(result.id)}
    elif op == "merge_scenes":
        done["texts"] = {first: project.scene_text(first)}
        done["removes"] = second
    elif op == "set_scene_text":
        done["texts"] = {sid: project.scene_text(sid)}
    emit(done)
"""


def paragraph(rng: random.Random, scene: int, number: int) -> str:
    """A paragraph of ordinary words, with words only this scene has."""
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(25, 45))]
    words.insert(rng.randrange(len(words)), f"scene{scene}mark{number}")
    return " ".join(words).capitalize() + "."


def build_template(root: Path, seed: int) -> None:
    """The project every round starts from: 6 parts of 10 scenes, a few characters."""
    rng = random.Random(seed)
    project = create_project(root, "The Lamp at Harrow Point", "A. Writer")
    first = project.parts[0]
    project.rename_part(first.id, "Part 1")
    parts = [first] + [project.add_part(f"Part {n + 1}") for n in range(1, PARTS)]
    number = 0
    with project.batch():
        for part in parts:
            for _ in range(SCENES_PER_PART):
                number += 1
                text = "\n\n".join(paragraph(rng, number, k) for k in range(rng.randint(2, 4))) + "\n"
                if part is first and not part.scenes[1:] and number == 1:
                    project.set_scene_text(part.scenes[0].id, text)
                    continue
                project.add_scene(part.id, title=f"Scene {number}", text=text)
        for name in CHARACTERS:
            project.add_character(name, notes=f"{name}: keeps the lamp, or wants to.\n", role="supporting")
    project.save()


@dataclass
class Model:
    """What the project holds after the last completed operation (the parent's view)."""

    texts: dict[str, str]  # scene id -> text, manuscript and trash
    tree: dict[str, object]

    @classmethod
    def read(cls, root: Path) -> Model:
        project = load_project(root, read_only=True)
        texts = {s.id: project.scene_text(s.id) for s in project.iter_scenes()}
        texts.update({s.id: project.scene_text(s.id) for s in project.iter_trash_scenes()})
        return cls(texts, tree_of(project))

    def copy(self) -> Model:
        return Model(dict(self.texts), json.loads(json.dumps(self.tree)))


def tree_of(project) -> dict[str, object]:  # noqa: ANN001 - a Project
    return {
        "parts": [[p.id, [s.id for s in p.scenes]] for p in project.parts],
        "trash": [item.node.id for item in project.trash],
        "characters": [c.id for c in project.characters],
    }


def word_counts(texts) -> Counter[str]:  # noqa: ANN001 - an iterable of texts
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words_of(text))
    return counts


@dataclass
class Outcome:
    """One round: where the kill landed and what the checks found."""

    number: int
    landed: str = ""
    completed: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    torn: int = 0
    failed_load: int = 0
    words_lost: int = 0
    temps_fresh: int = 0
    temps_left: int = 0
    recovered: int = 0
    inflight_landed: bool = False
    last_save_checked: bool = False


class Child:
    """The subprocess that opens the project and reorganises it; started ahead, so Python is loaded."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.lines: list[bytes] = []
        self.ready = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith(b'{"ready"'):
                self.ready.set()
        self.ready.set()

    def start(self, root: Path, seed: int) -> bool:
        """Open ``root``; return whether it got ready (opened the project) in time."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{root} {seed}\n".encode())
        self.process.stdin.close()
        return self.ready.wait(60) and self.process.poll() is None

    def kill(self) -> tuple[int, str]:
        """SIGKILL it; return its exit status and its error output."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        status = self.process.wait()
        self.reader.join(10)
        assert self.process.stderr is not None
        err = self.process.stderr.read().decode(errors="replace")
        self.process.stderr.close()
        return status, err

    def records(self) -> list[dict[str, object]]:
        """Its complete lines (a line cut by the kill is left out: its operation counts as in flight)."""
        found = []
        for line in self.lines:
            if not line.endswith(b"\n"):
                break
            try:
                found.append(json.loads(line))
            except ValueError:
                break
        return found


def temp_files(root: Path) -> list[Path]:
    """Temp files (``.name.xxxxxxxx.tmp``) anywhere in the project folder."""
    return [
        Path(folder) / name for folder, _, names in os.walk(root) for name in names if TEMP_NAME.match(name)
    ]


class Rounds:
    """The template, the per-round work and the tallies."""

    def __init__(self, work: Path, seed: int, min_delay: float, max_delay: float) -> None:
        self.work, self.seed = work, seed
        self.min_delay, self.max_delay = min_delay, max_delay
        self.template = work / "template"
        build_template(self.template, seed)
        self.start_model = Model.read(self.template)
        self.env = dict(os.environ, PYTHONPATH=str(REPO))
        self.env.pop("STUDIO_CONFIG_DIR", None)
        self.env["XDG_CONFIG_HOME"] = str(work / "config")

    def plan(self, number: int) -> tuple[int, float]:
        """The child's seed and the kill delay of round ``number`` (the same for a seed, run alone or not)."""
        rng = random.Random(f"{self.seed}-{number}")
        return rng.randrange(1 << 30), rng.uniform(self.min_delay, self.max_delay)

    def one(self, number: int, child: Child) -> Outcome:
        """Run round ``number`` with a started ``child``; return what the checks found."""
        outcome = Outcome(number)
        root = self.work / f"round-{number}"
        shutil.copytree(self.template, root, symlinks=True)
        child_seed, delay = self.plan(number)
        if not child.start(root, child_seed):
            status, err = child.kill()
            outcome.failures.append(
                f"the child did not open the project (exit {status}): {err.strip()[-300:]}"
            )
            outcome.landed = "before ready"
            shutil.rmtree(root, ignore_errors=True)
            return outcome
        time.sleep(delay)
        status, err = child.kill()
        if status != -signal.SIGKILL:
            outcome.failures.append(f"the child exited by itself ({status}): {err.strip()[-500:]}")
        records = child.records()
        model, inflight = self.replay(records, outcome)
        self.check(root, model, inflight, records, outcome)
        shutil.rmtree(root, ignore_errors=True)
        return outcome

    def replay(self, records: list[dict[str, object]], outcome: Outcome) -> tuple[Model, dict | None]:
        """The last-known state from the child's lines, and the operation in flight (None: between two)."""
        model = self.start_model.copy()
        inflight: dict | None = None
        for record in records:
            if "begin" in record:
                inflight = record
            elif "done" in record:
                assert inflight is not None and inflight["n"] == record["n"]
                model.tree = record["tree"]  # type: ignore[assignment]
                for sid, text in dict(record.get("texts", {})).items():  # type: ignore[arg-type]
                    model.texts[sid] = text
                if "removes" in record:
                    model.texts.pop(str(record["removes"]), None)
                expected = dict(inflight.get("texts", {}))  # type: ignore[arg-type]
                for sid, text in expected.items():
                    if model.texts.get(sid) != text:
                        outcome.failures.append(
                            f"op {record['n']} {record['done']}: wrote other text than foreseen"
                        )
                outcome.completed[str(record["done"])] += 1
                inflight = None
        outcome.landed = str(inflight["begin"]) if inflight else "between operations"
        return model, inflight

    def check(
        self,
        root: Path,
        model: Model,
        inflight: dict | None,
        records: list[dict[str, object]],
        outcome: Outcome,
    ) -> None:
        """Torn files, the open, temp files, the tree, the texts, the words."""
        fail = outcome.failures.append
        # -- torn files --------------------------------------------------------------------------
        try:
            json.loads((root / "story.json").read_bytes())
        except (OSError, ValueError) as error:
            outcome.torn += 1
            fail(f"story.json does not parse: {error}")
        for folder in ("scenes", "characters"):
            for path in sorted((root / folder).iterdir()):
                if TEMP_NAME.match(path.name):
                    continue
                try:
                    path.read_bytes().decode("utf-8")
                except UnicodeDecodeError as error:
                    outcome.torn += 1
                    fail(f"{folder}/{path.name}: not UTF-8 ({error})")
        temps = temp_files(root)
        outcome.temps_fresh = len(temps)
        # -- it opens; fresh temp files are ignored -----------------------------------------------
        try:
            project = load_project(root)
            tree = tree_of(project)
            listed = {s.id: s for s in project.iter_scenes()} | {s.id: s for s in project.iter_trash_scenes()}
            texts = {sid: project.scene_text(sid) for sid in listed}
            recovered = {
                name: (root / "scenes" / name).read_bytes().decode("utf-8") for name in project.recovered
            }
        except (StudioError, OSError, UnicodeDecodeError) as error:
            outcome.failed_load += 1
            fail(f"does not open: {error}")
            return
        outcome.recovered = len(recovered)
        problems = [p for p in project.problems if "offered as a recovered scene" not in p]
        if problems:
            fail(f"opens with problems: {problems[:3]}")
        read = set(project.store.known_digests)
        for temp in temps:
            if str(temp) in read or temp.name in project.recovered:
                fail(f"the temp file {temp.relative_to(root)} was read as a project file")
            if any(s.file == temp.name for s in listed.values()):
                fail(f"the temp file {temp.relative_to(root)} is listed as a scene")
        try:
            locking.acquire(root).release()
        except StudioError as error:
            fail(f"the killed child's lock is not taken over: {error}")
        # -- the tree: the last completed one (a reorganisation in flight: landed or not) ----------
        if tree != model.tree:
            if inflight is not None and landed_tree(tree, model.tree, inflight):
                outcome.inflight_landed = True
            else:
                fail(f"the tree is neither the last completed one nor the one in flight ({outcome.landed})")
        # -- every scene holds the text of the last completed write (in flight: old or new) -------
        new_texts = dict(inflight.get("texts", {})) if inflight else {}
        for sid, text in texts.items():
            if sid in model.texts:
                if text != model.texts[sid] and text != new_texts.get(sid):
                    fail(f"scene {sid} holds neither its last saved text nor the one in flight")
            elif not (inflight and inflight["begin"] == "split_scene" and text == inflight["tail"]):
                fail(f"scene {sid} is listed but the child never made it")
        for sid in set(model.texts) - set(texts):
            if not (inflight and inflight.get("removes") == sid):
                fail(f"scene {sid} is gone from the manuscript and the trash")
        on_disk = last_save_on_disk(records, texts)
        outcome.last_save_checked = on_disk is not None
        if on_disk is False:
            fail("the last completed text save is not on disk")
        # -- every word of the last-known state is somewhere --------------------------------------
        known = word_counts(model.texts.values())
        if new_texts:
            other = model.copy()
            other.texts.update(new_texts)
            if inflight and inflight["begin"] == "split_scene":
                other.texts["(tail)"] = str(inflight["tail"])
            if inflight and "removes" in inflight:
                other.texts.pop(str(inflight["removes"]), None)
            landed_counts = word_counts(other.texts.values())
            known = Counter({w: min(n, landed_counts[w]) for w, n in known.items()})
        found = word_counts(list(texts.values()) + list(recovered.values()))
        lost = {w: n - found[w] for w, n in known.items() if found[w] < n}
        if lost:
            outcome.words_lost = sum(lost.values())
            fail(f"{outcome.words_lost} words lost: {sorted(lost)[:8]}")
        if recovered and not (inflight and inflight["begin"] in ("split_scene", "merge_scenes")):
            fail(f"recovered files {sorted(recovered)} though no split or merge was in flight")
        # -- aged, a temp file is removed at the next open ----------------------------------------
        past = time.time() - 120
        for temp in temp_files(root):
            os.utime(temp, (past, past))
        try:
            load_project(root)
        except StudioError as error:
            outcome.failed_load += 1
            fail(f"does not open a second time: {error}")
        left = temp_files(root)
        outcome.temps_left = len(left)
        if left:
            fail(f"temp files not cleaned at open: {[str(p.relative_to(root)) for p in left]}")


def landed_tree(tree: dict, before: dict, inflight: dict) -> bool:  # type: ignore[type-arg]
    """Whether ``tree`` is what the operation in flight makes of ``before`` (ids it makes: any new one)."""
    op = inflight["begin"]
    if "tree" in inflight:  # move_scenes, move_part, delete_scenes, restore: foreseen exactly
        return tree == inflight["tree"]
    if op == "merge_scenes":
        second = inflight["removes"]
        expected = [[pid, [s for s in ids if s != second]] for pid, ids in before["parts"]]
        return tree == dict(before, parts=expected)
    if op == "split_scene":
        (first,) = inflight["texts"]
        for (pid, ids), (old_pid, old_ids) in zip(tree["parts"], before["parts"], strict=False):
            if first in old_ids and pid == old_pid:
                at = old_ids.index(first) + 1
                made = ids[at] if len(ids) == len(old_ids) + 1 else None
                known = {s for _, scene_ids in before["parts"] for s in scene_ids} | set(before["trash"])
                if made is None or made in known or ids[:at] + ids[at + 1 :] != old_ids:
                    return False
                parts = [[p, i if p != pid else old_ids] for p, i in tree["parts"]]
                return dict(tree, parts=parts) == before
        return False
    if op == "add_character":
        made = tree["characters"][-1:]
        return (
            bool(made)
            and made[0] not in before["characters"]
            and tree == dict(before, characters=before["characters"] + made)
        )
    return False


def last_save_on_disk(records: list[dict[str, object]], texts: dict[str, str]) -> bool | None:
    """Whether the last completed ``set_scene_text`` is on disk (None: none, or a later op rewrote it)."""
    saved: tuple[str, str] | None = None
    for record in records:
        if record.get("done") == "set_scene_text":
            saved = next(iter(dict(record["texts"]).items()))  # type: ignore[arg-type]
        elif saved and saved[0] in dict(record.get("texts", {})):  # type: ignore[arg-type]
            saved = None  # a later split or merge (done or in flight) rewrote that scene
        elif saved and record.get("removes") == saved[0]:
            saved = None
    if saved is None:
        return None
    return texts.get(saved[0]) == saved[1]


def run(
    kills: int,
    seed: int,
    jobs: int = 2,
    only: int | None = None,
    min_delay: float = 0.05,
    max_delay: float = 1.5,
    quiet: bool = False,
) -> dict[str, object]:
    """Run the rounds on ``jobs`` workers; print and return the tallies."""
    started = time.monotonic()
    numbers = [only] if only is not None else list(range(kills))
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    with tempfile.TemporaryDirectory(prefix="studio-kill-moves-") as tmp:
        rounds = Rounds(Path(tmp), seed, min_delay, max_delay)
        queue = list(reversed(numbers))

        def worker() -> None:
            child = Child(rounds.env)
            while True:
                with lock:
                    if not queue:
                        break
                    number = queue.pop()
                current = child
                try:
                    outcome = rounds.one(number, current)
                except Exception as error:  # a fault of this script: say so, never hang
                    current.kill()
                    outcome = Outcome(
                        number, landed="(harness error)", failures=[f"{type(error).__name__}: {error}"]
                    )
                child = Child(rounds.env)  # the next one loads Python while this round is checked
                with lock:
                    outcomes.append(outcome)
                    if not quiet and outcome.failures:
                        print(
                            f"round {number}: killed during {outcome.landed}: {outcome.failures}", flush=True
                        )
                    if not quiet and len(outcomes) % 50 == 0:
                        print(f"  {len(outcomes)} rounds, {time.monotonic() - started:.0f} s", flush=True)
            child.kill()

        threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    seconds = time.monotonic() - started
    landed = Counter(o.landed for o in outcomes)
    completed: Counter[str] = Counter()
    for o in outcomes:
        completed.update(o.completed)
    failures = [f"round {o.number} (killed during {o.landed}): {f}" for o in outcomes for f in o.failures]
    figures = {
        "kills": len(outcomes),
        "landed": landed,
        "completed": completed,
        "torn": sum(o.torn for o in outcomes),
        "failed_loads": sum(o.failed_load for o in outcomes),
        "words_lost": sum(o.words_lost for o in outcomes),
        "temps_fresh": sum(o.temps_fresh for o in outcomes),
        "temps_left": sum(o.temps_left for o in outcomes),
        "recovered": sum(1 for o in outcomes if o.recovered),
        "inflight_landed": sum(1 for o in outcomes if o.inflight_landed),
        "last_save_checked": sum(1 for o in outcomes if o.last_save_checked),
        "failures": failures,
        "seconds": seconds,
    }
    if not quiet:
        delays = f"{min_delay}-{max_delay} s after the open"
        print(f"seed {seed}, {len(outcomes)} kills, {jobs} at a time, killed {delays}")
        print("kill landed during:")
        for name, count in sorted(landed.items(), key=lambda item: -item[1]):
            print(f"  {name:20} {count}")
        print(f"operations completed before the kills: {sum(completed.values())}")
        print("  " + ", ".join(f"{name} {count}" for name, count in sorted(completed.items())))
        print(f"torn files {figures['torn']}")
        print(f"failed loads {figures['failed_loads']}")
        print(f"words lost {figures['words_lost']}")
        print(
            f"last text save checked on disk in {figures['last_save_checked']} rounds, missing in "
            f"{sum(1 for f in failures if 'last completed text save' in f)}"
        )
        print(f"reorganisations in flight that landed before the kill {figures['inflight_landed']}")
        print(f"rounds with a scene file offered as recovered {figures['recovered']}")
        print(
            f"fresh temp files left by kills {figures['temps_fresh']} (ignored at open), "
            f"left after an open past 60 s {figures['temps_left']}"
        )
        print(f"failed checks {len(failures)}")
        for line in failures[:30]:
            print("  " + line)
        print(f"time {seconds:.0f} s")
    return figures


def main() -> int:
    """Parse the options, run, and exit 1 when a check failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=700)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2, help="rounds run at a time")
    parser.add_argument("--only", type=int, default=None, help="run this round of the seed alone")
    parser.add_argument("--min-delay", type=float, default=0.05)
    parser.add_argument("--max-delay", type=float, default=1.5)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    figures = run(args.kills, seed, args.jobs, args.only, args.min_delay, args.max_delay)
    return 1 if figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())

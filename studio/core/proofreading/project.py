"""Proofreading a project: every scene's checks, the comparison with the project, the report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from studio.core.proofreading.findings import Finding, ProofOptions
from studio.core.proofreading.scene import ProjectWords, SceneResult, SceneText, SceneWords, check_scene


def base_language(language: str) -> str:
    """``en`` of ``en_GB``, ``en-US`` or ``EN`` (English when none is set)."""
    return re.split(r"[-_.@]", (language or "en").strip().lower(), maxsplit=1)[0] or "en"


class ProjectWordsCache:
    """Each scene's word counts, kept while its text stays the same (the panel's worker owns one)."""

    def __init__(self) -> None:
        self._scenes: dict[str, tuple[str, str, SceneWords]] = {}

    def project_words(self, texts: Mapping[str, str], language: str) -> ProjectWords:
        """The project's counts over ``texts`` (scene id → text), recounting changed scenes only."""
        kept: dict[str, tuple[str, str, SceneWords]] = {}
        for scene_id, text in texts.items():
            cached = self._scenes.get(scene_id)
            if cached is None or cached[0] != language or cached[1] != text:
                cached = (language, text, SceneText(scene_id, text, language).scene_words())
            kept[scene_id] = cached
        self._scenes = kept
        return ProjectWords.of([entry[2] for entry in kept.values()])


@dataclass
class ProjectProof:
    """Findings of the scenes asked for, in manuscript order, and each scene's figures."""

    findings: list[Finding] = field(default_factory=list)
    scenes: dict[str, SceneResult] = field(default_factory=dict)

    def tags(self) -> Counter[str]:
        """Dialogue tags over the scenes checked."""
        total: Counter[str] = Counter()
        for result in self.scenes.values():
            total.update(result.tags)
        return total


def proofread(
    texts: Mapping[str, str],
    language: str,
    options: ProofOptions | None = None,
    only: Iterable[str] | None = None,
    report: bool = False,
    words: ProjectWords | None = None,
) -> ProjectProof:
    """Check the scenes of ``texts`` (scene id → text, manuscript order), or just those in ``only``.

    Every scene counts for ``overused`` (or ``words``, the project's counts worked out before).
    """
    options = options or ProofOptions()
    language = base_language(language)
    wanted = set(texts) if only is None else set(only)
    prepared = {sid: SceneText(sid, text, language) for sid, text in texts.items() if sid in wanted}
    if words is None and ("overused" in options.checks or report):
        counts = [
            prepared[sid].scene_words() if sid in prepared else SceneText(sid, text, language).scene_words()
            for sid, text in texts.items()
        ]
        words = ProjectWords.of(counts)
    proof = ProjectProof()
    for scene_id, scene in prepared.items():
        result = check_scene(scene, options, words, report)
        proof.scenes[scene_id] = result
        proof.findings += result.findings
    return proof


class ProofCache:
    """Proofreads again after a change: scenes whose text is unchanged keep their results.

    (Their ``overused`` findings were judged against the project as it was then; the counts
    of a few typed words hardly move a project's rates.)
    """

    def __init__(self) -> None:
        self.words = ProjectWordsCache()
        self._results: dict[str, tuple[tuple[str, str, ProofOptions], SceneResult]] = {}

    def run(
        self,
        texts: Mapping[str, str],
        language: str,
        options: ProofOptions,
        only: Iterable[str] | None = None,
    ) -> ProjectProof:
        """Like ``proofread(texts, language, options, only)``, re-checking changed scenes only."""
        language = base_language(language)
        wanted = list(texts) if only is None else [sid for sid in only if sid in texts]
        words = self.words.project_words(texts, language)
        keys = {sid: (texts[sid], language, options) for sid in wanted}
        todo = [sid for sid in wanted if (cached := self._results.get(sid)) is None or cached[0] != keys[sid]]
        if todo:
            fresh = proofread(texts, language, options, only=todo, report=True, words=words)
            for sid, result in fresh.scenes.items():
                self._results[sid] = (keys[sid], result)
        self._results = {sid: entry for sid, entry in self._results.items() if sid in texts}
        proof = ProjectProof()
        for sid in wanted:
            result = self._results[sid][1]
            proof.scenes[sid] = result
            proof.findings += result.findings
        return proof

"""Goals and statistics in core: targets and release dates in the manifest, day records, the stats file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from studio.core import create_project, load_project
from studio.core.errors import ManifestError, StudioError
from studio.core.manifest import parse_manifest
from studio.core.stats import (
    DayRecord,
    WritingStats,
    count_change,
    dump_stats,
    field_value,
    is_release_date,
    parse_stats,
    parse_target,
    progress_text,
    words_per_day,
)

TODAY = date(2026, 12, 1)


def test_targets_and_release_are_set_undone_and_saved(tmp_path: Path) -> None:
    project = create_project(tmp_path / "story", "Goals")
    part = project.parts[0]
    scene = part.scenes[0]
    assert project.set_scene_fields(scene.id, target="1,000") == {"target": "0"}
    assert project.set_part_fields(part.id, target="5000", release="2027-01-31") == {
        "target": "0",
        "release": "",
    }
    again = load_project(project.root)
    assert again.scene(scene.id).target == 1000
    assert (again.part(part.id).target, again.part(part.id).release) == (5000, "2027-01-31")
    raw = json.loads((project.root / "story.json").read_text())
    assert raw["parts"][0]["target"] == 5000 and raw["parts"][0]["scenes"][0]["target"] == 1000
    assert project.set_scene_fields(scene.id, target="") == {"target": "1000"}
    assert project.set_part_fields(part.id, release="") == {"release": "2027-01-31"}
    raw = json.loads((project.root / "story.json").read_text())
    assert "target" not in raw["parts"][0]["scenes"][0] and "release" not in raw["parts"][0]


@pytest.mark.parametrize(("key", "value"), [("target", "many"), ("target", "-5"), ("release", "31/01/2027")])
def test_bad_goal_values_are_refused_and_change_nothing(tmp_path: Path, key: str, value: str) -> None:
    project = create_project(tmp_path / "story", "Goals")
    part = project.parts[0]
    before = (project.root / "story.json").read_bytes()
    with pytest.raises(StudioError):
        project.set_part_fields(part.id, **{key: value})
    with pytest.raises(StudioError):
        project.set_scene_fields(part.scenes[0].id, target="lots")
    with pytest.raises(StudioError, match="unknown part field"):
        project.set_part_fields(part.id, colour="red")
    assert (project.root / "story.json").read_bytes() == before


def _manifest(scene: dict[str, object], part: dict[str, object]) -> bytes:
    document = {
        "format": 1,
        "title": "T",
        "parts": [
            {
                "id": "p1",
                "title": "P",
                **part,
                "scenes": [{"id": "s1", "title": "S", "file": "s1.md", **scene}],
            }
        ],
    }
    return json.dumps(document).encode()


def test_manifest_reads_goals_and_refuses_damaged_ones() -> None:
    data = parse_manifest(_manifest({"target": 800}, {"target": 3000, "release": "2027-02-01"}))
    assert data.parts[0].scenes[0].target == 800
    assert (data.parts[0].target, data.parts[0].release) == (3000, "2027-02-01")
    for scene, part in (
        ({"target": "800"}, {}),
        ({"target": -1}, {}),
        ({}, {"target": True}),
        ({}, {"release": "soon"}),
    ):
        with pytest.raises(ManifestError):
            parse_manifest(_manifest(scene, part))


def test_field_values_and_progress() -> None:
    assert parse_target(" 12,500 ") == 12500 and parse_target("") == 0
    with pytest.raises(ValueError, match="target"):
        parse_target("99999999999")
    assert field_value("target", "40") == 40 and field_value("release", "") == ""
    assert field_value("title", "x") == "x"
    assert (
        is_release_date("2027-01-31")
        and not is_release_date("2027-1-31")
        and not is_release_date("2027-02-30")
    )
    assert progress_text(434, 1000) == "434 / 1,000 (43 %)" and progress_text(434, 0) == "434"
    assert words_per_day(1000, 4000, "2026-12-10", TODAY) == 300  # 3,000 words over 10 days
    assert words_per_day(5000, 4000, "2026-12-10", TODAY) == 0
    assert words_per_day(1000, 4000, "2026-11-30", TODAY) == 3000  # passed: all that is left
    assert words_per_day(1000, 0, "2026-12-10", TODAY) is None and words_per_day(1, 9, "", TODAY) is None


def test_day_records_streak_average_best() -> None:
    assert count_change(100, 150) == (50, 0) and count_change(150, 100) == (0, 50)
    stats = WritingStats()
    stats.record_save(TODAY, 100, 400)
    stats.record_save(TODAY, 400, 350)
    stats.record_save(date(2026, 11, 30), 0, 200)
    stats.record_save(date(2026, 11, 28), 0, 900)
    assert (
        stats.days["2026-12-01"] == DayRecord(added=300, deleted=50) and stats.days["2026-12-01"].net == 250
    )
    assert stats.streak(TODAY) == 2  # 30 Nov and 1 Dec; 29 Nov is empty
    assert stats.streak(date(2026, 12, 2)) == 2  # today still empty: counted to yesterday
    assert stats.best_day() == ("2026-11-28", 900)
    assert stats.average(TODAY) == pytest.approx((250 + 200 + 900) / 3)
    days = stats.last_days(90, TODAY)
    assert len(days) == 90 and days[-1][0] == TODAY and days[0][0] == date(2026, 9, 3)
    assert WritingStats().best_day() is None and WritingStats().average(TODAY) == 0.0


def test_stats_file_round_trip_is_one_line_per_day_and_merges() -> None:
    stats = WritingStats({"2026-12-01": DayRecord(512, 40, 35), "2026-11-30": DayRecord(10, 0, 2)})
    text = dump_stats(stats)
    assert text.splitlines()[4] == '    "2026-12-01": {"added": 512, "deleted": 40, "minutes": 35}'
    assert parse_stats(text) == stats and dump_stats(WritingStats()).count("\n") == 4
    other = WritingStats({"2026-12-01": DayRecord(8, 2, 1)})
    other.merge(stats)
    assert other.days["2026-12-01"] == DayRecord(520, 42, 36)


def test_damaged_stats_files_start_afresh_or_skip_days() -> None:
    problems: list[str] = []
    assert parse_stats("{not json", problems) == WritingStats() and "not JSON" in problems[-1]
    assert parse_stats('{"days": []}', problems) == WritingStats() and "no days" in problems[-1]
    assert parse_stats("") == WritingStats()
    text = json.dumps({"days": {"2026-12-01": {"added": 5}, "yesterday": {}, "2026-11-30": {"added": -1}}})
    assert parse_stats(text, problems) == WritingStats({"2026-12-01": DayRecord(5, 0, 0)})
    assert len(problems) == 4

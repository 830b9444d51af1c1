"""The command line as a user meets it: help everywhere, JSON Lines on stdout, bad input named on stderr."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import EXIT_SKIPPED, app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["build"], ["extract"], ["resolve"], ["eval"], ["gazetteer"],
                                     ["gazetteer", "build"], ["gazetteer", "import"], ["gazetteer", "info"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_extract_prints_one_json_object_per_mention_with_offsets_into_the_file():
    result = runner.invoke(app, ["extract", str(SEEDS / "004_fe3c78f1a84e45e3.txt"), "--quiet"])
    assert result.exit_code == 0, result.output
    text = (SEEDS / "004_fe3c78f1a84e45e3.txt").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows
    for row in rows:
        assert row["doc_id"] == "004_fe3c78f1a84e45e3.txt"
        assert text[row["start"]:row["end"]] == row["surface"]
        assert {"place_id", "name", "place_kind", "country_code", "lat", "lon", "confidence"} <= set(row)
    tocoron = [r for r in rows if r["surface"].startswith("Tocorón")]
    assert tocoron and all(r["country_code"] == "VE" for r in tocoron)


def test_extract_skips_bad_files_by_name_and_maps_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("Flooding closed roads in Maracaibo, Venezuela.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Bogot\xe1".encode("latin-1"))
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = runner.invoke(app, ["extract", str(tmp_path), "--fast", "--quiet"])
    assert result.exit_code == EXIT_SKIPPED
    lines = result.stderr.splitlines()
    assert sorted(lines) == sorted([
        f"skipped {tmp_path / 'binary.txt'}: binary file, not text",
        f"skipped {tmp_path / 'empty.txt'}: empty file",
        f"skipped {tmp_path / 'huge.txt'}: too large (52.4 MB; the limit is 10 MB per document)",
        f"skipped {tmp_path / 'latin1.txt'}: not valid UTF-8 (byte 0xe1 at offset 5); convert it to UTF-8",
    ])
    names = {json.loads(line)["name"] for line in result.stdout.splitlines()}
    assert {"Maracaibo", "Venezuela"} <= names


def test_build_with_nothing_readable_fails_with_a_message(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    assert "Error: no readable document in the inputs" in result.stderr
    assert not (tmp_path / "out").exists()


def test_build_rejects_an_unknown_split(tmp_path):
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(tmp_path), "--split-by", "colour"])
    assert result.exit_code == 2
    assert "--split-by takes 'type' or 'month'" in result.output


def test_extract_explain_says_why_each_candidate_was_kept_or_dropped(tmp_path):
    (tmp_path / "a.txt").write_text("Guerrero Flores hid in Bolívar state.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--explain", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = {row["surface"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert rows["Guerrero"]["accepted"] is False and "part of the PERSON name" in rows["Guerrero"]["reasons"]
    assert rows["Bolívar"]["accepted"] is True and any("state" in reason for reason in rows["Bolívar"]["reasons"])

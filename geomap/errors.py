"""User-facing failures. The library raises these; only the CLI prints them."""


class GeomapError(Exception):
    """Base class for every failure a user can act on."""


class GazetteerNotFound(GeomapError):
    """The gazetteer data or index is missing."""


class GazetteerSchemaError(GeomapError):
    """The gazetteer index does not have the schema this version expects."""


class GazetteerBuildError(GeomapError):
    """A gazetteer source package could not be fetched, or its checksum does not match the pinned one."""


class GazetteerImportError(GeomapError):
    """A file given to `geomap gazetteer import` is malformed; the index is unchanged."""


class SpacyModelMissing(GeomapError):
    """The configured spaCy model is not installed."""


class InputNotReadable(GeomapError):
    """An input document is missing, binary, empty, too large or not valid text."""


class ExportError(GeomapError):
    """An output file could not be written."""


class CorpusMismatch(GeomapError):
    """An evaluation corpus's gold, documents or predictions do not line up."""

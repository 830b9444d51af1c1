"""geomap: find the places and incidents in news reports and map them, offline.

>>> import geomap
>>> result = geomap.build(["seeds"])
>>> result.events.head()   # a GeoDataFrame, one row per incident at one place
"""
from geomap.errors import GeomapError
from geomap.ingest import read_documents
from geomap.models import Candidate, Document, Event, Mention, Place, ResolvedMention, Source
from geomap.pipeline import Result, Settings, build, process_documents

__all__ = [
    "Candidate", "Document", "Event", "GeomapError", "Mention", "Place", "ResolvedMention", "Result",
    "Settings", "Source", "build", "process_documents", "read_documents",
]
__version__ = "0.1.0"

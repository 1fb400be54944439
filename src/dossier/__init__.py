"""Dossier: a pile of news copies in, a clean cited briefing out."""

from dossier.model import Briefing, Document
from dossier.pipeline import build

__all__ = ["Briefing", "Document", "build"]

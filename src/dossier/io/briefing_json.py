"""Write ``briefing.json`` (the contract in docs/briefing-contract.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from dossier.model import Briefing


def write_briefing_json(briefing: Briefing, path: Path) -> None:
    """Write atomically: a reader never sees half a file, even if the run is killed."""
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(briefing.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)

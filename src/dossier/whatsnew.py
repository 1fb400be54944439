"""What changed in a dossier since a date: the answer to "what's new since I last looked?".

Pure: a briefing and the ids of the documents added since then in, a summary
out.  ``dossier diff DIR --since DATE`` prints it.
"""

from __future__ import annotations

from typing import Any

from dossier.model import Briefing


def whats_new(briefing: Briefing, new_ids: set[str], since: str) -> dict[str, Any]:
    """New documents, their quotes and assessments, views that changed, contradictions they bring."""
    docs = [d for d in briefing.documents if d.id in new_ids and d.status == "ok"]
    failed = [d for d in briefing.documents if d.id in new_ids and d.status == "error"]
    claims = {c["id"]: c for c in briefing.claims}
    contradictions = [c for c in briefing.comparisons if c["verdict"] == "differ" and not c.get("differing_measures")
                      and any(claims[i]["doc"] in new_ids for i in c["claims"] if i in claims)]
    changed = [c for c in briefing.balance.get("changed_view", []) if (c.get("last") or "") >= since]
    return {
        "since": since,
        "documents": [{"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published, "status": d.status,
                       "kind": d.provenance.kind, "original_outlet": d.provenance.original_outlet} for d in docs],
        "failed": [{"source": d.source, "error": d.error} for d in failed],
        "quotes": [q for q in briefing.quotes if q["doc"] in new_ids],
        "assessments": [a for a in briefing.assessments if a["doc"] in new_ids],
        "changed_views": changed,
        "contradictions": contradictions,
        "flags": [f for f in briefing.flags if f["doc"] in new_ids],
    }

"""Features of stored conversations, read from the store in batches."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from cxreview.autoqa.features import conversation_features
from cxreview.store import Database
from cxreview.store import autoqa as store


def feature_rows(
    db: Database, ids: Sequence[str], inputs: dict[str, dict[str, Any]] | None = None
) -> tuple[dict[str, dict[str, float]], dict[str, str | None]]:
    """(id -> features, id -> outcome) for the conversations; ``inputs`` when already read."""
    rows = store.conversation_inputs(db, ids) if inputs is None else inputs
    messages: dict[str, list[tuple[int, str, str, str | None]]] = {}
    for conversation_id, turns in groupby(store.messages_for(db, ids), key=itemgetter(0)):
        messages[conversation_id] = [(t[1], t[2], t[3], t[4]) for t in turns]
    features = {cid: conversation_features(row, messages.get(cid, [])) for cid, row in rows.items()}
    return features, {cid: row.get("outcome") for cid, row in rows.items()}

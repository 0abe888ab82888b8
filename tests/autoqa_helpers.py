"""Put AutoQA models and machine scores into a test database through the store API."""

from __future__ import annotations

from collections.abc import Iterable

from cxreview.store import Database
from cxreview.store.autoqa import MachineScore, NewModel, save_model, write_scores


def predict(
    db: Database,
    criterion: str,
    rows: Iterable[tuple[str, float, float, list[str]]],
    *,
    reliable: bool = True,
    reason: str = "alpha 0.80 [0.72, 0.86] vs reviewers 0.75",
    rubric: tuple[str, int] = ("default", 1),
) -> int:
    """An active model of ``criterion`` scoring (conversation, value, uncertainty, reasons) rows."""
    model = save_model(
        db,
        NewModel(
            rubric_id=rubric[0],
            rubric_version=rubric[1],
            criterion=criterion,
            n_reviews=40,
            n_conversations=40,
            content_hash="test",
            params={},
            reliable=reliable,
            reason=reason,
            alpha=0.8 if reliable else 0.3,
        ),
    )
    write_scores(db, model, [MachineScore(c, value, sd, tuple(reasons)) for c, value, sd, reasons in rows])
    return model

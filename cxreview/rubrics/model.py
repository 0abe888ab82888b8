"""The rubric model: criteria with scales, anchors, weights, N/A and critical levels."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Critical:
    """A score below ``below`` either zeroes the whole review ("zero") or only flags it."""

    below: int
    effect: str = "zero"


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    question: str
    min: int
    max: int
    binary: bool
    anchors: dict[int, str]
    weight: float = 1.0
    allow_na: bool = False
    critical: Critical | None = None
    root_causes: tuple[str, ...] = ()
    guidance: str = ""
    signals: tuple[str, ...] = ()

    @property
    def levels(self) -> range:
        return range(self.min, self.max + 1)

    def level_name(self, score: int) -> str:
        if self.binary:
            return "yes" if score == 1 else "no"
        return str(score)

    def normalise(self, score: float) -> float:
        """0..100: (score - min) / (max - min) x 100; binary no = 0, yes = 100."""
        return (score - self.min) / (self.max - self.min) * 100.0

    def is_critical_fail(self, score: int | None) -> bool:
        return self.critical is not None and score is not None and score < self.critical.below


@dataclass(frozen=True)
class Rubric:
    id: str
    name: str
    version: int
    description: str
    language: str
    applies_to: str
    pass_threshold: float
    criteria: tuple[Criterion, ...]
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # Days after a review's submission during which agents may dispute it (None: no rubric limit).
    dispute_days: int | None = None

    @property
    def ids(self) -> list[str]:
        """The criterion ids in rubric order."""
        return [c.id for c in self.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def to_dict(self) -> dict[str, Any]:
        """A canonical, JSON-ready form; what the database keeps for old reviews."""
        data = asdict(self)
        data.pop("source", None)
        data.pop("extra", None)
        if data.get("dispute_days") is None:
            data.pop("dispute_days", None)  # keeps the hash of rubrics stored before this key existed
        for criterion in data["criteria"]:
            criterion["anchors"] = {str(k): v for k, v in criterion["anchors"].items()}
            criterion["root_causes"] = list(criterion["root_causes"])
            criterion["signals"] = list(criterion["signals"])
        return data

    @property
    def content_hash(self) -> str:
        """Changes when anything that affects scoring or reading changes, not on comments."""
        payload = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "") -> Rubric:
        criteria = tuple(
            Criterion(
                id=c["id"],
                label=c["label"],
                question=c["question"],
                min=c["min"],
                max=c["max"],
                binary=c["binary"],
                anchors={int(k): v for k, v in c["anchors"].items()},
                weight=c["weight"],
                allow_na=c["allow_na"],
                critical=Critical(**c["critical"]) if c.get("critical") else None,
                root_causes=tuple(c["root_causes"]),
                guidance=c["guidance"],
                signals=tuple(c["signals"]),
            )
            for c in data["criteria"]
        )
        return cls(
            id=data["id"],
            name=data["name"],
            version=data["version"],
            description=data["description"],
            language=data["language"],
            applies_to=data["applies_to"],
            pass_threshold=data["pass_threshold"],
            criteria=criteria,
            source=source,
            dispute_days=data.get("dispute_days"),
        )

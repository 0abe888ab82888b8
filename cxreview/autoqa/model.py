"""One small model per criterion: ridge regression on standardised, readable features.

Why this model: the data are a few hundred to a few thousand human scores, so a linear model
whose amount of regularisation is chosen from the data is about as much as they support; it
shrinks the weights of features that do not help to nothing (so a criterion that is noise gets
a flat model, and cross-validation says so), gives a predictive standard deviation per
conversation (its uncertainty) and every prediction splits into per-feature contributions (its
reasons). The regularisation is chosen by an inner cross-validation grouped by conversation
(``penalty``): the scores of one conversation share its figures, so they are one piece of
evidence, not several. Its parameters are a few hundred numbers, stored as JSON and applied
here with numpy: scoring never needs scikit-learn, and never unpickles.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from cxreview.autoqa.features import BY_NAME, FEATURES, label, shown

# 2: the uncertainty is in the units of the widened value shown (``error_variance``).
# 3: the distance from the training conversations (``far_*``, see ``distance``).
# 4: ridge with its penalty chosen by cross-validation grouped by conversation (``penalty``); the
#    same fields, but a new number, so that `autoqa train` on unchanged reviews fits anew.
PARAMS_FORMAT = 4
# Counts and waits have long tails: the model sees log(1 + x), people see x.
_LOG_KINDS = {"count", "seconds"}
# A reason must move the prediction by at least this much (in scale levels) to be named.
_REASON_FLOOR = 0.05
_MAX_SPREAD = 5.0
# The distance keeps the training figures' main directions and one variance for the rest:
# a few thousand numbers instead of a full precision matrix. Variances under the floor (a
# figure that never varied in training) count as the floor, so a conversation that has
# such a figure (a bot where training had none) is far by it.
_FAR_COMPONENTS = 20
_FAR_FLOOR = 0.01
# The ridge penalties the inner cross-validation chooses from, per training row (the penalty
# grows with the rows as the evidence does): from almost none to one that leaves every weight
# near zero (a criterion that is noise). On the rated USS dialogues it chose 0.3-0.6 per row.
_PENALTIES_PER_ROW = np.logspace(-4, 2, 25)
_INNER_FOLDS = 5


@dataclass
class LinearModel:
    """The fitted model of one criterion, as stored (``to_params``) and applied (``predict``)."""

    features: list[str]
    logged: list[bool]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    covariance: list[list[float]]
    noise_variance: float
    low: int
    high: int
    outcomes: list[str]
    # Predictions are spread like the reviewers' scores around their mean (see fit).
    center: float = 0.0
    spread: float = 1.0
    # Mean squared in-sample error of the widened value against the reviewers' scores
    # (None in models stored before format 2, whose uncertainty is the regression's own).
    error_variance: float | None = None
    # How unlike the training conversations a conversation is (``distance``): the training
    # figures' main directions, their variances and one variance for the other directions;
    # ``far_above`` is the distance above which a conversation is outside what the model
    # was trained on (set by training from cross-validated distances). None before format 3.
    far_components: list[list[float]] | None = None
    far_variances: list[float] | None = None
    far_rest: float | None = None
    far_above: float | None = None
    format: int = PARAMS_FORMAT
    # Cross-validated agreement per channel and language (cxreview.autoqa.segments), measured
    # by training; empty in models stored before it was.
    segments: list[dict[str, Any]] = field(default_factory=list)

    def to_params(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> LinearModel:
        return cls(**params)

    def _standardised(self, raw: np.ndarray) -> np.ndarray:
        x = np.where(np.array(self.logged), np.log1p(np.clip(raw, 0, None)), raw)
        z = (x - np.array(self.mean)) / np.array(self.scale)
        return np.nan_to_num(z, nan=0.0)  # a missing figure counts as the training mean

    def predict(self, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(value clipped to the scale, its uncertainty, per-feature contributions) per row.

        The uncertainty is a standard deviation in the units of the value shown: the value is
        the regression's mean widened by ``spread``, so the part of the uncertainty that comes
        from the weights (larger for conversations unlike the training ones) is widened the
        same way, and the rest is the widened value's own error on the training scores."""
        z = self._standardised(raw)
        contributions = z * np.array(self.coef) * self.spread
        value = np.clip(self._widened(z), self.low, self.high)
        # z_i' C z_i per row, as a matrix product (BLAS): a three-operand einsum was 5% of scoring.
        variance = ((z @ np.array(self.covariance)) * z).sum(axis=1) if self.features else np.zeros(len(z))
        if self.error_variance is None:
            sd = np.sqrt(np.maximum(variance, 0) + self.noise_variance)
        else:
            sd = np.sqrt(self.spread**2 * np.maximum(variance, 0) + self.error_variance)
        return value, sd, contributions

    def _widened(self, z: np.ndarray) -> np.ndarray:
        mean = z @ np.array(self.coef) + self.intercept if self.features else np.full(len(z), self.intercept)
        return np.asarray(self.center + self.spread * (mean - self.center))

    def unclipped(self, raw: np.ndarray) -> np.ndarray:
        """The value before it is clipped to the scale: below the lowest level or above the
        highest, it says how far the model puts a conversation past the scale's end, which
        orders the conversations piled up at an end (``predict`` clips them all to it)."""
        return self._widened(self._standardised(raw))

    def distance(self, raw: np.ndarray) -> np.ndarray | None:
        """Per row, how far the conversation's figures lie from the training conversations':
        a Mahalanobis distance over the standardised figures, as a root mean square per figure
        (about 1 for a typical training conversation). None for a model without the basis."""
        if self.far_components is None or self.far_variances is None or self.far_rest is None:
            return None
        z = self._standardised(raw)
        components = np.array(self.far_components).reshape(-1, z.shape[1])
        projected = z @ components.T
        main = (projected**2 / np.array(self.far_variances)).sum(axis=1)
        rest = np.maximum((z**2).sum(axis=1) - (projected**2).sum(axis=1), 0) / self.far_rest
        return np.sqrt((main + rest) / max(z.shape[1], 1))

    def reasons(self, raw: np.ndarray, contributions: np.ndarray, top: int = 3) -> list[tuple[str, ...]]:
        """The strongest contributions of each row in words: "agent turns with an apology: 40% (+0.3)"."""
        order = np.argsort(-np.abs(contributions), axis=1)[:, :top]
        strongest = np.take_along_axis(contributions, order, axis=1).tolist()
        values = np.take_along_axis(raw, order, axis=1).tolist()
        labels = [label(name) for name in self.features]
        return [
            tuple(
                f"{labels[j]}: {shown(self.features[j], value)} ({push:+.1f})"
                for j, value, push in zip(row, row_values, row_pushes, strict=True)
                if abs(push) >= _REASON_FLOOR
            )
            for row, row_values, row_pushes in zip(order.tolist(), values, strongest, strict=True)
        ]


def feature_names(outcomes: Sequence[str]) -> list[str]:
    return [f.name for f in FEATURES] + [f"outcome={o}" for o in outcomes]


def matrix(rows: Sequence[dict[str, float]], outcomes: Sequence[str | None], names: Sequence[str]) -> np.ndarray:
    """Raw feature matrix: one row per conversation, outcome one-hot over the known outcomes."""
    out = np.empty((len(rows), len(names)))
    nan = float("nan")
    for j, name in enumerate(names):
        if name.startswith("outcome="):
            wanted = name[len("outcome=") :]
            out[:, j] = [float(o == wanted) for o in outcomes]
        else:
            out[:, j] = [row.get(name, nan) for row in rows]
    return out


def standardisation(raw: np.ndarray, logged: Sequence[bool]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the figures as the model sees them, their mean, their scale) over the rows of ``raw``."""
    x = np.where(np.array(logged, dtype=bool), np.log1p(np.clip(raw, 0, None)), raw)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a feature never known: NaN, handled below
        mean = np.nanmean(x, axis=0) if len(x) else np.zeros(raw.shape[1])
        sd = np.nanstd(x, axis=0) if len(x) else np.ones(raw.shape[1])
    # A feature that never varies (or is never known) can teach nothing: scale 1, weight ~0.
    return x, np.nan_to_num(mean, nan=0.0), np.where(np.isfinite(sd) & (sd > 1e-9), sd, 1.0)


def fit(
    raw: np.ndarray,
    y: np.ndarray,
    names: list[str],
    low: int,
    high: int,
    outcomes: list[str],
    groups: np.ndarray | None = None,
) -> LinearModel:
    """Fit on one row per human score (a conversation scored twice is two rows); ``groups``
    holds the conversation of each row (None: every row its own conversation)."""
    logged = [BY_NAME[n].kind in _LOG_KINDS if n in BY_NAME else False for n in names]
    x, mean, scale = standardisation(raw, logged)
    z = np.nan_to_num((x - mean) / scale, nan=0.0)
    y = y.astype(float)
    groups = np.arange(len(y)) if groups is None else np.asarray(groups)
    chosen = penalty(z, y, groups)
    # Ridge regression in closed form: the weights, the noise left, and the weights' posterior
    # covariance (Gaussian prior with the chosen penalty as noise / prior variance).
    z_mean, y_mean = z.mean(axis=0), float(y.mean())
    centred = z - z_mean
    gram = centred.T @ centred + chosen * np.eye(z.shape[1])
    coef = np.linalg.solve(gram, centred.T @ (y - y_mean)) if z.shape[1] else np.zeros(0)
    intercept = y_mean - float(z_mean @ coef)
    fitted = z @ coef + intercept
    eigenvalues = np.maximum(np.linalg.eigvalsh(gram) - chosen, 0) if z.shape[1] else np.zeros(0)
    dof = float((eigenvalues / (eigenvalues + chosen)).sum())
    noise_variance = max(float(((y - fitted) ** 2).sum()) / max(len(y) - dof - 1, 1.0), 1e-9)
    covariance = noise_variance * np.linalg.inv(gram) if z.shape[1] else np.zeros((0, 0))
    # A regression predicts the expected score, which hugs the mean when the figures explain
    # little; a reviewer uses the whole scale. Agreement (alpha) compares spreads, so the
    # predictions are widened to the reviewers' spread (measured in-sample, at most 5x): the
    # order of conversations is unchanged, and a model that knows little still agrees little.
    spread = min(float(np.std(y) / np.std(fitted)) if np.std(fitted) > 1e-6 else 1.0, _MAX_SPREAD)
    center = float(np.mean(y))
    # The uncertainty must be in the units of the widened value shown (see predict).
    widened = np.clip(center + spread * (fitted - center), low, high)
    components, variances, rest = far_basis(z)
    return LinearModel(
        features=list(names),
        logged=logged,
        mean=[float(v) for v in mean],
        scale=[float(v) for v in scale],
        coef=[float(v) for v in coef],
        intercept=intercept,
        covariance=[[float(v) for v in row] for row in covariance],
        noise_variance=noise_variance,
        low=low,
        high=high,
        outcomes=list(outcomes),
        center=center,
        spread=spread,
        error_variance=float(np.mean((y - widened) ** 2)),
        far_components=components,
        far_variances=variances,
        far_rest=rest,
    )


def penalty(z: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """The ridge penalty whose predictions of held-out conversations are closest to their
    scores (squared error), by an inner cross-validation grouped by conversation.

    Grouped, because a conversation scored by five reviewers is five rows with the same
    figures: an evidence-based choice (Bayesian ridge, used before round 13) or a split by row
    counts them as five independent pieces of evidence and regularises too little. The folds
    come from a fixed seed, so the same reviews give the same model."""
    codes = np.unique(groups, return_inverse=True)[1]
    n_groups = int(codes.max()) + 1 if len(codes) else 0
    grid = _PENALTIES_PER_ROW * max(len(y), 1)
    if n_groups < 3 or z.shape[1] == 0:
        return float(grid[-1])  # too few conversations to choose: predict near the mean
    folds = min(_INNER_FOLDS, n_groups)
    fold = (np.random.default_rng(0).permutation(n_groups) % folds)[codes]
    error = np.zeros(len(grid))
    for k in range(folds):
        train, test = fold != k, fold == k
        z_mean, y_mean = z[train].mean(axis=0), y[train].mean()
        centred = z[train] - z_mean
        # Through the features' Gram matrix (p x p), not an SVD of the rows: 10,000 reviews
        # cost milliseconds per fold instead of a tenth of a second.
        eigenvalues, basis = np.linalg.eigh(centred.T @ centred)
        projected = basis.T @ (centred.T @ (y[train] - y_mean))
        held = (z[test] - z_mean) @ basis  # the held-out rows in the same basis
        for i, value in enumerate(grid):
            predicted = held @ (projected / (np.maximum(eigenvalues, 0) + value)) + y_mean
            error[i] += float(((predicted - y[test]) ** 2).sum())
    return float(grid[int(np.argmin(error))])


def far_basis(z: np.ndarray) -> tuple[list[list[float]], list[float], float]:
    """(main directions, their variances, the variance of the rest) of the standardised
    training figures: what ``LinearModel.distance`` measures against."""
    n, p = z.shape
    centred = z - z.mean(axis=0) if n else z
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    variance = singular**2 / max(n - 1, 1)
    k = min(_FAR_COMPONENTS, len(variance))
    rest = float(variance[k:].sum() / (p - k)) if p > k else _FAR_FLOOR
    return (
        [[float(v) for v in row] for row in vt[:k]],
        [float(v) for v in np.maximum(variance[:k], _FAR_FLOOR)],
        max(rest, _FAR_FLOOR),
    )

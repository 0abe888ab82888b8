"""Which party a rubric judges, and which rubrics a conversation of a session is scored with.

A session can carry an agent rubric and a bot rubric. A conversation where only the bot
took part is scored with the bot rubric, one handled by a person from the start with the
agent rubric, and a hybrid one with both, bot first (one review per party, so each keeps
its own score, pass mark and calibration). A session with one rubric scores every
conversation with it, as always.
"""

from __future__ import annotations

from cxreview.errors import UsageError
from cxreview.rubrics.model import Rubric

PARTIES = ("bot", "agent")


def party_of(rubric: Rubric | None = None, applies_to: str | None = None) -> str:
    """ "bot" for a rubric that judges the bot, "agent" for any other."""
    value = rubric.applies_to if rubric is not None else applies_to
    return "bot" if value == "bot" else "agent"


def rubrics_for(kind: str | None, rubric: Rubric, bot_rubric: Rubric | None) -> list[Rubric]:
    """The rubrics a conversation of this ``kind`` (hybrid, bot, agent, none) is scored with."""
    if bot_rubric is None:
        return [rubric]
    if kind == "bot":
        return [bot_rubric]
    if kind == "hybrid":
        return [bot_rubric, rubric]
    return [rubric]


def check_pair(rubric: Rubric, bot_rubric: Rubric | None) -> None:
    """A two-rubric session needs a rubric for the bot and another for the agent."""
    if bot_rubric is None:
        return
    if bot_rubric.applies_to != "bot":
        raise UsageError(
            f'--bot-rubric "{bot_rubric.id}" is not a bot rubric (applies_to: {bot_rubric.applies_to})',
            "pass a rubric with applies_to: bot, e.g. --bot-rubric bot",
        )
    if rubric.applies_to == "bot":
        raise UsageError(
            f'--rubric "{rubric.id}" is a bot rubric, and --bot-rubric already judges the bot',
            "pass the agent rubric with --rubric, e.g. --rubric default",
        )
    if rubric.id == bot_rubric.id:
        raise UsageError("--rubric and --bot-rubric name the same rubric", "pass two different rubrics")


def skipped_kinds(rubric: Rubric, bot_rubric: Rubric | None) -> tuple[str, ...]:
    """Conversations a session cannot score: a session with only an agent rubric leaves out
    the bot-only ones, one with only a bot rubric those a person handled alone."""
    if bot_rubric is not None or rubric.applies_to == "any":
        return ()
    return ("agent",) if rubric.applies_to == "bot" else ("bot",)


def agent_label(agent: str | None, kind: str | None) -> str:
    """Who handled a conversation, for lists and titles: the agent's name, else what its turns
    say. "bot only" needs a conversation without a human agent turn (its ``kind``, from the
    messages' roles), not just an empty agent field: people whose turns carry no name are
    "agent (unnamed)"."""
    if agent:
        return agent
    if kind in ("agent", "hybrid"):
        return "agent (unnamed)"
    if kind == "bot":
        return "bot only"
    return "no agent" if kind == "none" else "-"

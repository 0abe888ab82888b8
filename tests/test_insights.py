"""Insights: which answers go wrong, loop hotspots, drivers, repeat contact, QA linkage."""

from __future__ import annotations

import json

import pytest

from cxreview.filters import Filters
from cxreview.ingest.importer import import_files
from cxreview.insights import SMALL, compute
from cxreview.reports.insights_report import to_html, to_json, to_markdown
from cxreview.signals.analyze import analyze_conversations
from cxreview.store import Database
from tests.conftest import REPO, conversation


@pytest.fixture
def demo(db: Database) -> Database:
    import_files(db, [str(REPO / "samples" / "demo.jsonl")])
    analyze_conversations(db, workers=1)
    return db


def _bad_answer_conversations(count: int) -> list[dict]:
    records = []
    for i in range(count):
        records.append(
            conversation(
                f"b{i}",
                customer=f"K{i}",
                outcome="abandoned",
                started_at=f"2026-03-{1 + i % 20:02d}T10:00:00Z",
                messages=[
                    {"role": "customer", "text": "Hi, my parcel is late"},
                    {"role": "agent", "text": f"Please wait {10 + i % 3} working days before contacting us."},
                    {
                        "role": "customer",
                        "text": "That's ridiculous!! I want to file a complaint, this is unacceptable",
                    },
                    {"role": "agent", "text": "Sorry, nothing I can do."},
                ],
            )
        )
        records.append(
            conversation(
                f"g{i}",
                customer=f"K{i}",
                outcome="resolved",
                started_at=f"2026-03-{3 + i % 20:02d}T10:00:00Z",
                messages=[
                    {"role": "customer", "text": "Hi, my parcel is late"},
                    {"role": "agent", "text": "I'm sorry! I've sent a new one, it arrives tomorrow."},
                    {"role": "customer", "text": "Great, thank you so much"},
                ],
            )
        )
    return records


def test_a_bad_template_shows_as_one_row_with_its_rates(db: Database, write_jsonl) -> None:
    import_files(db, [str(write_jsonl(_bad_answer_conversations(30)))])
    analyze_conversations(db, workers=1)
    insights = compute(db, Filters())
    top = insights.answers["frustration"][0]
    assert top.text.startswith("Please wait") and top.variants == 3 and top.n == 30
    assert top.counts["frustration"] == 30 and top.rate("frustration") == 1.0
    # Abandonment: the last answer before an unresolved end.
    assert insights.answers["abandoned"][0].text == "Sorry, nothing I can do."
    # Repeat contact: every "b" customer comes back two days later, no "g" customer does.
    by_answer = {t.text: t for t in insights.repeat_by_answer}
    assert by_answer["Sorry, nothing I can do."].rate("came_back") == 1.0
    assert insights.repeat_by_queue[0].values["repeat_share"] == pytest.approx(0.5)


def test_demo_insights_cover_every_section_with_bases(demo: Database) -> None:
    insights = compute(demo, Filters())
    assert insights.conversations == 300
    assert insights.loop_prompts and insights.loop_prompts[0].n >= 2
    queues = {g.name for g in insights.stuck_by_queue}
    assert queues == {"billing", "delivery", "technical support", "cancellations"}
    assert any(g.values["median_turns"] is not None for g in insights.stuck_by_queue)
    agents = insights.agents
    ranked = [g.small for g in agents]
    assert ranked == sorted(ranked)  # small groups come after the ranked ones
    assert all(g.small == (g.n < SMALL) for g in agents)
    assert 0 < insights.trajectories["better"] < 1 and insights.trajectories["n"] > 200
    assert len(insights.weeks) >= 10 and sum(w.n for w in insights.weeks) == 300
    filtered = compute(demo, Filters(queues=["billing"]))
    assert filtered.conversations < 300 and {g.name for g in filtered.drivers["queue"]} == {"billing"}


def test_formats_carry_the_same_figures(demo: Database) -> None:
    # Personal data in an answer the report quotes (the demo's own addresses never reach it).
    demo.execute(
        "UPDATE messages SET text = '@jansen_nl jan@example.nl +31 6 12 34 56 78 ' || text "
        "WHERE text LIKE 'Could you give me your order number%'"
    )
    insights = compute(demo, Filters())
    data = json.loads(to_json(insights))
    assert data["conversations"] == 300 and "stuck_by_queue" in data and data["drivers"]["queue"]
    markdown = to_markdown(insights)
    html = to_html(insights)
    for section in (
        "Answers most often followed by frustration",
        "Loop hotspots",
        "Frustration drivers by queue",
        "Repeat contact within 7 days",
    ):
        assert section in markdown and section in html
    assert html.startswith("<!doctype html>") and "<svg" in html and "<script" not in html
    for document in (markdown, html):
        assert "Could you give me your order number" in document  # the answer is quoted...
        for personal in ("jan.jansen@example.nl", "12 34 56 78", "@jansen_nl"):
            assert personal not in document  # ...with its personal data masked
    assert all(label in markdown for label in ("\\[email\\]", "\\[phone\\]", "\\[handle\\]"))


def test_every_chart_draws_its_table_column_in_the_table_order(demo: Database) -> None:
    from cxreview.reports.insights_report import renderables, sections

    insights = compute(demo, Filters())
    charted = 0
    for title, columns, rows, bars in sections(insights):
        if not bars:
            continue
        charted += 1
        column = columns.index(bars.column)
        # The bars are the table's rows without the small ones, in the same order...
        assert [label for label, _ in bars.rows] == [row[0] for row in rows if "small" not in row[-1]], title
        # ...and each value is written as the table writes that cell.
        assert [bars.text(value) for _, value in bars.rows] == [row[column] for row in rows[: len(bars.rows)]]
        if not title.startswith("QA linkage"):  # csat keeps its natural order 1..5
            values = [value for _, value in bars.rows]
            assert values == sorted(values, reverse=True), f"{title}: bars not sorted like the table"
        assert bars.caption.startswith(f'Bars: "{bars.column}"')
    assert charted >= 5
    html, markdown = to_html(insights), to_markdown(insights)
    assert html.count("Bars: ") == markdown.count("Bars: ") == charted
    text = "".join(str(getattr(part, "plain", "")) for part in renderables(insights))
    assert text.count("Bars: ") == charted


def test_qa_linkage_splits_scores_by_signal(demo: Database) -> None:
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric

    rubric = resolve_rubric("default")
    rows = demo.query(
        "SELECT c.id, s.n_spikes FROM conversations c JOIN conversation_signals s ON s.conversation_id = c.id "
        "ORDER BY c.id LIMIT 40"
    )
    for row in rows:
        review = reviews.start_review(demo, row["id"], "ana", rubric)
        level = 2 if row["n_spikes"] else 4
        for criterion in ("empathy", "clarity", "resolution"):
            reviews.set_score(demo, review.id, criterion, level)
        reviews.submit(demo, review.id)
    insights = compute(demo, Filters())
    spike = next(q for q in insights.qa if q["signal"] == "emotion spike" and q["criterion"] == "empathy")
    assert spike["with"] == pytest.approx(2.0) and spike["without"] == pytest.approx(4.0)
    assert spike["n_with"] + spike["n_without"] == 40


def test_cli_insights_formats(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run_cli("import", "-q", str(REPO / "samples" / "demo.jsonl"))
    table = run_cli("insights")
    assert table.exit_code == 0 and "Frustration drivers by queue" in table.output
    out = tmp_path / "insights.html"
    assert run_cli("insights", "--format", "html", "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("<!doctype html>")
    bad = run_cli("insights", "--repeat-days", "0")
    assert bad.exit_code == 2 and "--repeat-days must be above 0" in bad.output


def _handover_conversation(index: int) -> dict:
    """Calm with the bot; "I'll connect you" is followed by the agent's greeting, and the
    customer's angry reply reacts to the agent's answer after it, not to the announcement."""
    return conversation(
        f"h{index}",
        agent="Kim",
        customer=f"H{index}",
        messages=[
            {"role": "bot", "text": "Hi, I'm the virtual assistant. How can I help?", "at": "2026-03-05T10:00:00Z"},
            {"role": "customer", "text": "I'd like to change my address please", "at": "2026-03-05T10:00:10Z"},
            {"role": "bot", "text": "I'll connect you with a colleague now.", "at": "2026-03-05T10:00:11Z"},
            {"role": "agent", "text": "Just read the website, it's all there.", "at": "2026-03-05T10:02:11Z"},
            {
                "role": "customer",
                "text": "That is ridiculous!! I want to file a complaint, this is terrible service.",
                "at": "2026-03-05T10:03:00Z",
            },
        ],
    )


def test_reactions_credit_the_answer_directly_before_and_announcements_stand_apart(db: Database, write_jsonl) -> None:
    from tests.signals.test_phases import ANGRY_AT_BOT

    angry = [
        conversation(f"a{i}", agent="Lea", messages=[{"role": r, "text": t, "at": at} for r, t, at in ANGRY_AT_BOT])
        for i in range(3)
    ]
    import_files(db, [str(write_jsonl([_handover_conversation(i) for i in range(3)] + angry))])
    analyze_conversations(db, workers=1)
    insights = compute(db, Filters())
    blamed = {t.text: t.counts.get("frustration", 0) for t in insights.answers["frustration"]}
    # The bot's repeated prompt is blamed for the anger in the bot phase; the announcement never.
    assert blamed == {
        "Just read the website, it's all there.": 3,
        "Could you give me your order number? It starts with NW.": 3,
    }
    [announcement] = insights.handovers
    assert announcement.text == "I'll connect you with a colleague now." and announcement.n == 6
    assert announcement.counts["reached_agent"] == 6 and announcement.counts["arrived_frustrated"] == 3
    assert announcement.counts["wait_seconds"] / announcement.counts["wait_known"] == 150
    # Kim made calm customers angry: that is hers. Lea's customers arrived angry from a bot
    # loop and left calm: inherited and recovered, and she ranks after Kim although the
    # peak frustration of her conversations is far higher.
    kim, lea = insights.agents
    assert kim.name == "Kim" and kim.values["inherited_share"] == 0 and kim.values["worse_share"] == 1
    assert lea.name == "Lea" and lea.values["inherited_share"] == 1 and lea.values["recovered_share"] == 1
    assert lea.values["worse_share"] == 0 and lea.values["bot_peak"] > kim.values["agent_peak"] - 0.2
    markdown = to_markdown(insights)
    assert "Handover announcements" in markdown and "what changed under the agent" in markdown


def test_the_drill_down_of_a_template_finds_every_wording(engine_db: Database, write_jsonl) -> None:
    """A template row stands for all its wordings ("wait 10/11/12 working days"), not only the
    most common one: the conversations behind it are all 30, on both engines."""
    from cxreview.store.drill import conversations_behind

    import_files(engine_db, [str(write_jsonl(_bad_answer_conversations(30)))])
    analyze_conversations(engine_db, workers=1)
    top = compute(engine_db, Filters()).answers["frustration"][0]
    assert sorted(top.texts) == [f"Please wait {d} working days before contacting us." for d in (10, 11, 12)]
    one = conversations_behind(engine_db.conn, "text", top.text, Filters(), top.role)
    every = conversations_behind(engine_db.conn, "text", top.text, Filters(), top.role, texts=top.texts)
    assert len(one) == 10 and {r["id"] for r in every} == {f"b{i}" for i in range(30)}
    assert [r["started_at"] for r in every] == sorted((r["started_at"] for r in every), reverse=True)
    # Chunked like a template with thousands of wordings, the answer is the same.
    many = [*top.texts, *(f"never said {i}" for i in range(1200))]
    assert [
        r["id"] for r in conversations_behind(engine_db.conn, "text", top.text, Filters(), "agent", texts=many)
    ] == [r["id"] for r in every]
    assert conversations_behind(engine_db.conn, "text", top.text, Filters(), "customer", texts=top.texts) == []


def test_csat_levels_name_their_scale_when_channels_differ(db: Database, write_jsonl) -> None:
    """A 4 on a 1..5 chat survey and a 4 on a 0..10 e-mail survey are two levels (audit defect 6)."""
    from cxreview import reviews
    from cxreview.rubrics import resolve_rubric

    calm = [{"role": "customer", "text": "When does my parcel come?"}, {"role": "agent", "text": "Tomorrow."}]
    rows = [
        conversation("chat-4", channel="chat", csat=4, messages=calm),
        conversation("chat-5", channel="chat", csat=5, customer="c5", messages=calm),
        conversation("mail-4", channel="email", csat=4, customer="m4", messages=calm),
        conversation("mail-9", channel="email", csat=9, customer="m9", messages=calm),
    ]
    import_files(db, [str(write_jsonl(rows))])
    rubric = resolve_rubric("default")
    for cid, level in (("chat-4", 4), ("mail-4", 2)):
        review = reviews.start_review(db, cid, "ana", rubric)
        for criterion in ("empathy", "clarity", "resolution"):
            reviews.set_score(db, review.id, criterion, level)
        reviews.submit(db, review.id)
    levels = {g.name: g.n for g in compute(db, Filters()).csat}
    assert levels == {"4 of 5": 1, "4 of 10": 1}


def test_the_intro_names_the_filters_in_words_not_as_python_lists() -> None:
    """Found with 'insights --agent Nobody': the intro read "(agents=['Nobody'])"."""
    from types import SimpleNamespace

    from cxreview.reports.insights_report import intro

    view = SimpleNamespace(
        conversations=0,
        languages={},
        filters={"since": "2026-10-01", "agents": ["Nobody"], "queues": ["billing", "returns"]},
    )
    text = intro(view)  # type: ignore[arg-type]
    assert "(since 2026-10-01, agent Nobody, queue billing or returns)" in text, text
    assert "[" not in text and "=" not in text

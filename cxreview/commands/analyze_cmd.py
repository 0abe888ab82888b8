"""`cxreview analyze`: (re)compute signals, e.g. after changing a threshold."""

from __future__ import annotations

import click

from cxreview.commands.common import database, info, plural, progress_bar, skip_exit_collection


@click.command("analyze")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Signals config (thresholds, weights).")
@click.option("--show-config", is_flag=True, help="Print the default config to copy and edit, then exit.")
@click.option("--stale", is_flag=True, help="Only conversations never analysed, or analysed under another config.")
@click.option("--conversation", "conversations", multiple=True, metavar="ID", help="Only these conversations.")
@click.pass_context
def analyze_command(
    ctx: click.Context,
    config_path: str | None,
    show_config: bool,
    stale: bool,
    conversations: tuple[str, ...],
) -> None:
    """Compute sentiment, frustration, flags and risk for conversations.

    Import already does this; run it again after editing the signals config or the
    lexicons. Every flag is stored with the rule and the messages that raised it.

    \b
    Examples:
      cxreview analyze
      cxreview analyze --show-config > signals.yaml   # edit, then:
      cxreview analyze --config signals.yaml --stale
    """
    from cxreview.signals.config import default_config_text, load_config

    if show_config:
        click.echo(default_config_text(), nl=False)
        return
    from cxreview.signals.analyze import analyze_conversations, stale_ids
    from cxreview.store.conversations import conversation_exists
    from cxreview.store.signals import all_conversation_ids

    config = load_config(config_path)
    with database(ctx) as db:
        if conversations:
            ids = list(conversations)
            missing = [i for i in ids if not conversation_exists(db.conn, i)]
            if missing:
                from cxreview.errors import NotFoundError

                raise NotFoundError(
                    f'no conversation "{missing[0]}"', "check the id with 'cxreview export --level conversation'"
                )
        else:
            ids = stale_ids(db, config) if stale else all_conversation_ids(db.conn)
        with progress_bar("Analysing", len(ids)) as bar:
            summary = analyze_conversations(db, ids, config, on_progress=bar.advance)
    skip_exit_collection()
    info(
        f"Analysed {plural(summary.conversations, 'conversation')} ({plural(summary.messages, 'message')}, "
        f"{summary.distinct_texts:,} distinct texts)."
    )

"""The review screen's keys: every binding has an id (to remap) and a tooltip (for ? and
the command palette)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

_DIGITS = [
    Binding(
        str(d),
        f"score({d})",
        f"Score {d}",
        show=False,
        id=f"review.score_{d}",
        tooltip=f"Give the focused criterion level {d} and move on",
    )
    for d in range(10)
]

REVIEW_BINDINGS: list[BindingType] = [
    *_DIGITS,
    Binding("enter", "submit", "Submit", id="review.submit", tooltip="Submit this review and open the next"),
    # The footer shows keys in this order and cuts the rest at 80 columns: most important first.
    Binding("question_mark", "help", "Help", id="review.help", tooltip="Show every key"),
    Binding("n", "na", "N/A", id="review.na", tooltip="Mark the focused criterion N/A (where the rubric allows)"),
    Binding(
        "up",
        "criterion(-1)",
        "Prev crit.",
        show=False,
        id="review.criterion_up",
        tooltip="Focus the previous criterion",
    ),
    Binding(
        "down",
        "criterion(1)",
        "Next crit.",
        show=False,
        id="review.criterion_down",
        tooltip="Focus the next criterion",
    ),
    Binding(
        "left",
        "preview(-1)",
        "Level -",
        show=False,
        id="review.level_down",
        tooltip="Show the anchor of the level below",
    ),
    Binding(
        "right",
        "preview(1)",
        "Level +",
        show=False,
        id="review.level_up",
        tooltip="Show the anchor of the level above",
    ),
    Binding(
        "space",
        "set_preview",
        "Set level",
        show=False,
        id="review.set_level",
        tooltip="Give the level whose anchor is shown",
    ),
    Binding("j", "message(1)", "Next msg", show=False, id="review.message_down", tooltip="Focus the next message"),
    Binding("k", "message(-1)", "Prev msg", show=False, id="review.message_up", tooltip="Focus the previous message"),
    Binding(
        "right_square_bracket",
        "highlight(1)",
        "Next ⚑",
        key_display="]",
        id="review.next_highlight",
        tooltip="Jump to the next highlighted message",
    ),
    Binding(
        "left_square_bracket",
        "highlight(-1)",
        "Prev ⚑",
        key_display="[",
        show=False,
        id="review.previous_highlight",
        tooltip="Jump to the previous highlighted message",
    ),
    Binding(
        "shift+down",
        "scroll_rubric(1)",
        "Rubric ↓",
        show=False,
        id="review.rubric_down",
        tooltip="Scroll the rubric panel down (anchors run past the bottom on small screens)",
    ),
    Binding(
        "shift+up",
        "scroll_rubric(-1)",
        "Rubric ↑",
        show=False,
        id="review.rubric_up",
        tooltip="Scroll the rubric panel up",
    ),
    Binding(
        "t",
        "details",
        "Details",
        show=False,
        id="review.details",
        tooltip="Open or close the header: full title, signals and why the conversation was picked",
    ),
    Binding(
        "g",
        "evidence",
        "Go to",
        show=False,
        id="review.evidence",
        tooltip="Go to the message the focused message's evidence names",
    ),
    Binding(
        "f",
        "flag_evidence",
        "Flag msgs",
        show=False,
        id="review.flag_evidence",
        tooltip="Go to the messages of the conversation's flag (a bot loop's asks, ignored requests); again: the next",
    ),
    Binding(
        "p",
        "peak",
        "Peak",
        show=False,
        id="review.peak",
        tooltip="Focus the customer's most frustrated message (again: the next most); a click on a bar focuses its message",
    ),
    Binding(
        "pagedown", "page(1)", "Page down", show=False, id="review.page_down", tooltip="Scroll the transcript down"
    ),
    Binding("pageup", "page(-1)", "Page up", show=False, id="review.page_up", tooltip="Scroll the transcript up"),
    Binding("c", "criterion_note", "Note", id="review.criterion_note", tooltip="Write a note on the focused criterion"),
    Binding(
        "r", "root_causes", "Causes", id="review.root_causes", tooltip="Pick root causes for the focused criterion"
    ),
    Binding(
        "A",
        "message_note",
        "Msg note",
        show=False,
        id="review.message_note",
        tooltip="Write a note on the focused message",
    ),
    Binding(
        "a",
        "accept_suggestions",
        "Accept AutoQA",
        show=False,  # nothing changes on screen where no AutoQA model exists
        id="review.accept_suggestions",
        tooltip="Accept every reliable AutoQA suggestion of the conversation (never over a score you gave)",
    ),
    Binding(
        "o",
        "overall_note",
        "Coaching",
        show=False,
        id="review.overall_note",
        tooltip="Write the overall coaching note",
    ),
    Binding("u", "undo", "Undo", id="review.undo", tooltip="Undo the last change"),
    Binding("e", "edit", "Edit", show=False, id="review.edit", tooltip="Reopen this submitted review to correct it"),
    Binding(
        "x",
        "expand",
        "Expand",
        show=False,
        id="review.expand",
        tooltip="Show the whole of a long (shortened) message",
    ),
    Binding(
        "m",
        "toggle_mask",
        "Mask",
        show=False,
        id="review.mask",
        tooltip="Show or mask personal data (e-mail, phone, IBAN, card)",
    ),
    Binding(
        "v",
        "compare",
        "Compare",
        id="review.compare",
        tooltip="Calibration: everyone's scores side by side (after you submitted)",
    ),
    Binding("escape,q", "back", "Queue", id="review.back", tooltip="Back to the session queue (everything is saved)"),
    Binding(
        "i",
        "app.insights",
        "Insights",
        show=False,
        id="review.insights",
        tooltip="Insights across all conversations",
    ),
]

"""The content watch survives the ways deploy tools replace a folder (issue 14, case 3): a rename
swap (`mv content content.old && mv content.new content`) and `rm -rf` plus a fresh copy. Each
is noticed, and so is every later edit inside the new folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CONTENT


def retitle(content: Path, title: str) -> None:
    path = content / "en" / "04-holistic.md"
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("title: ")
    path.write_text(head + f"title: {title}\n" + rest.partition("\n")[2], encoding="utf-8")


def swap_in(content: Path, title: str) -> None:
    """What rsync --delay-updates, Ansible's unarchive and most deploy tools do."""
    fresh = content.with_name("content.new")
    shutil.copytree(CONTENT, fresh)
    retitle(fresh, title)
    content.rename(content.with_name("content.old"))
    fresh.rename(content)


def test_a_folder_swapped_in_by_rename_is_noticed_and_watched_again(  # type: ignore[no-untyped-def]
    make_kiosk, content_copy: Path, qtbot
) -> None:
    controller = make_kiosk(content=content_copy)
    controller.start()  # as the first paint does
    controller.content_watch.settle_timer.setInterval(10)

    def fourth_title() -> str:
        return str(controller.window.sections[3].title)

    swap_in(content_copy, "Replaced")
    qtbot.waitUntil(lambda: fourth_title() == "Replaced", timeout=5000)
    # The watch now follows the new folder: an edit inside it is noticed too.
    retitle(content_copy, "Edited after")
    qtbot.waitUntil(lambda: fourth_title() == "Edited after", timeout=5000)
    assert str(content_copy / "en" / "04-holistic.md") in controller.content_watch.watched()


def test_the_parent_folders_are_watched_too(make_kiosk, content_copy: Path) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk(content=content_copy)
    controller.start()
    watched = controller.content_watch.watched()
    assert str(content_copy.parent) in watched
    assert str(content_copy) in watched


def test_a_folder_deleted_and_copied_again_later_is_noticed_and_watched_again(  # type: ignore[no-untyped-def]
    make_kiosk, content_copy: Path, qtbot
) -> None:
    controller = make_kiosk(content=content_copy)
    controller.start()
    controller.content_watch.settle_timer.setInterval(10)
    shutil.rmtree(content_copy)
    # The kiosk notices the empty place and keeps the last good content meanwhile.
    qtbot.waitUntil(lambda: bool(controller.reload_problems), timeout=5000)
    assert len(controller.window.sections) == 5
    shutil.copytree(CONTENT, content_copy)
    retitle(content_copy, "Copied again")
    qtbot.waitUntil(lambda: controller.window.sections[3].title == "Copied again", timeout=5000)
    retitle(content_copy, "Edited after")
    qtbot.waitUntil(lambda: controller.window.sections[3].title == "Edited after", timeout=5000)

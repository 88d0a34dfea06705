"""Listeners: every one is told, and each can leave, even while being told."""

from __future__ import annotations

import logging

import pytest

from custom_components.nfc_jukebox.listeners import Listeners


def test_every_listener_hears_the_change_with_its_arguments() -> None:
    listeners: Listeners[[str]] = Listeners()
    heard: list[tuple[str, str]] = []
    listeners.add(lambda uid: heard.append(("first", uid)))
    listeners.add(lambda uid: heard.append(("second", uid)))

    listeners.notify("04A1")

    assert heard == [("first", "04A1"), ("second", "04A1")]


def test_a_listener_removed_hears_nothing_more() -> None:
    listeners: Listeners[[]] = Listeners()
    heard: list[str] = []
    remove = listeners.add(lambda: heard.append("told"))
    listeners.notify()

    remove()
    listeners.notify()

    assert heard == ["told"]


def test_a_listener_that_leaves_while_told_does_not_cut_the_others_off() -> None:
    listeners: Listeners[[]] = Listeners()
    heard: list[str] = []

    def leave() -> None:
        heard.append("leaving")
        remove()

    remove = listeners.add(leave)
    listeners.add(lambda: heard.append("staying"))

    listeners.notify()
    listeners.notify()

    assert heard == ["leaving", "staying", "staying"]


def test_a_listener_that_raises_is_logged_once_and_the_others_are_still_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    listeners: Listeners[[str]] = Listeners()
    heard: list[str] = []

    def broken(uid: str) -> None:
        raise RuntimeError(uid)

    listeners.add(broken)
    listeners.add(heard.append)

    listeners.notify("04A1")
    listeners.notify("04B2")

    assert heard == ["04A1", "04B2"]
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 2
    assert "broken" in errors[0].getMessage()
    assert errors[0].exc_info is not None

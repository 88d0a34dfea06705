"""Which episode a podcast chip starts with, as its Episodes setting says (pure helpers)."""

from __future__ import annotations

from custom_components.nfc_jukebox.const import EpisodeOrder
from custom_components.nfc_jukebox.folders import Track
from custom_components.nfc_jukebox.playback.episodes import first_episode
from custom_components.nfc_jukebox.progress import Bookmark

EPISODES = tuple(
    Track(
        media_content_id=f"http://feed/{n}.mp3",
        media_content_type="music",
        title=f"E{n}",
    )
    for n in range(1, 6)
)


def _bookmark(number: int, *, track: int | None = None) -> Bookmark:
    return Bookmark(
        entity_id="media_player.kids",
        media_content_id="http://feed/podcast.xml",
        player_content_id=f"http://feed/{number}.mp3",
        position=12.0,
        saved_at="2026-12-07T12:00:00+00:00",
        track=track,
    )


def _heard(*numbers: int) -> set[str]:
    return {f"http://feed/{n}.mp3" for n in numbers}


def test_newest_plays_the_newest_episode_and_goes_on_only_in_it() -> None:
    assert first_episode(EpisodeOrder.NEWEST, EPISODES, None, set()) == (4, False)
    assert first_episode(EpisodeOrder.NEWEST, EPISODES, _bookmark(5), set()) == (
        4,
        True,
    )
    # halfway through an older one, and a newer one came out: the newest
    assert first_episode(EpisodeOrder.NEWEST, EPISODES, _bookmark(3), set()) == (
        4,
        False,
    )


def test_next_plays_the_oldest_episode_not_heard_and_the_newest_when_all_were() -> None:
    assert first_episode(EpisodeOrder.NEXT, EPISODES, None, _heard(1, 2, 4)) == (
        2,
        False,
    )
    assert first_episode(EpisodeOrder.NEXT, EPISODES, _bookmark(4), _heard(1)) == (
        3,
        True,
    )
    assert first_episode(EpisodeOrder.NEXT, EPISODES, None, _heard(1, 2, 3, 4, 5)) == (
        4,
        False,
    )


def test_from_the_first_plays_the_one_after_an_episode_heard_to_its_end() -> None:
    assert first_episode(EpisodeOrder.FIRST, EPISODES, None, set()) == (0, False)
    assert first_episode(EpisodeOrder.FIRST, EPISODES, _bookmark(2), _heard(2)) == (
        2,
        False,
    )
    assert first_episode(EpisodeOrder.FIRST, EPISODES, _bookmark(5), _heard(5)) == (
        0,
        False,
    )


def test_a_bookmark_finds_its_episode_by_its_file_when_old_episodes_left_the_feed() -> (
    None
):
    # stored as the third of the list; the feed dropped its two oldest since
    moved = _bookmark(5, track=2)

    assert first_episode(EpisodeOrder.FIRST, EPISODES, moved, set()) == (4, True)

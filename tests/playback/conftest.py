"""The jukebox tests' reader and speaker, shared with tests/test_playback.py."""

from tests.test_playback import box, mock_config_entry, options, speaker

__all__ = ["box", "mock_config_entry", "options", "speaker"]

"""Tests of the audio of recordings: the meter, the pipeline, the media folder."""

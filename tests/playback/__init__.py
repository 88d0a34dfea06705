"""Tests of the playback package: one file per part of it."""

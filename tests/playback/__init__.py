"""Tests of the jukebox, part by part."""

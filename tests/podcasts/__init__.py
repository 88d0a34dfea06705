"""Tests of podcast feeds: fetching, reading and keeping their episodes."""

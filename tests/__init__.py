"""Tests for the NFC Jukebox integration."""

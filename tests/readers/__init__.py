"""Tests of the readers: a PN532, a simulated one, a device Home Assistant knows."""

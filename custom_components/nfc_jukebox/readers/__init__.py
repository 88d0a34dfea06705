"""Readers: a PN532 (readers/pn532.py), a simulated one and a device Home Assistant knows."""

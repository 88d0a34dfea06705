"""Tests of the integration's HTTP endpoints."""

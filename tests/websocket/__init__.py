"""Tests of the dashboard card's websocket API, one module per resource."""

"""Tools for the development Home Assistant: scripts/develop, the end-to-end tests, soak runs."""

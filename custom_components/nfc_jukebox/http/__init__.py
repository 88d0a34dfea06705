"""The integration's HTTP endpoints, one module per resource, each with its registration."""

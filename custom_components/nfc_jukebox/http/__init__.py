"""The integration's HTTP endpoints (uploads and files the card sends and fetches)."""

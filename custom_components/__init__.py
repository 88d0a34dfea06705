"""Custom integrations for Home Assistant; makes `custom_components` importable in tests."""

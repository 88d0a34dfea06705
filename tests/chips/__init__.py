"""Tests of the chips of the home: model, validation, the one save path."""

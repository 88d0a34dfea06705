"""Podcast chips: feeds fetched and read, their episode lists kept in .storage."""

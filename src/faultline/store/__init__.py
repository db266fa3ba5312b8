"""The DuckDB store: articles, events, stories, runs and errors in one file."""

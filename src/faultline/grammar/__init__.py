"""The coder's grammar as data, and the converters that fill it (PETRARCH verb patterns)."""

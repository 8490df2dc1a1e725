"""Model: the typed records built from valid data, the set of them (Repository), and where each one lives."""

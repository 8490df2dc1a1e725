"""Read: YAML files parsed with their line and column, and the located problems every stage reports."""

"""Check: load every data file, validate it against its schema and against the other records."""

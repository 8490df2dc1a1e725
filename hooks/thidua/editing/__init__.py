"""Editors' commands: `make check`, new-record skeletons, the calendar draft."""

"""Derive: Vietnamese dates, the lunar calendar, anniversary counts and a commemoration's dates in a year."""

"""Publish: every page and asset of the site: feeds, iCalendar, open data, search index, photos, sanitising."""

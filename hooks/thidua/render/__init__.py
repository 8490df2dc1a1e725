"""Render: what each page shows, decided in Python, and the page templates that print it."""

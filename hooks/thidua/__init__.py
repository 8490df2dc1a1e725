"""Domain code for the "Thi đua, khen thưởng" site.

Nothing in this package imports MkDocs: loading, validation, models, derived facts and page content are
plain Python, so that they outlive the static-site generator they are used with today.
"""

"""Why a file cannot be imported: a Vietnamese message for the editor; nothing has been written."""


class ImportProblem(Exception):
    """The file cannot be imported; `str(err)` is the Vietnamese message, ending with what to do."""

"""Import a signed plan (Word .docx, a text export, or a born-digital PDF) as a draft plan in data/plans/.

Steps, one module each: `readers` picks the reader by the file's bytes (`read_docx`, `read_text`,
`read_pdf`), all of which give the common list of paragraphs and tables (`blocks`); `structure` finds the
header, subject, preamble, numbered body tree, closing, recipients and signer; `references` and
`matching` match what the plan refers to against the catalogue; `assemble` builds the plan in the
project's format (phases, deadlines, units, a calendar from a monthly table, editorial notes for
anniversary mistakes); `yamlwriter` writes it in the project's style; `review` says what a person should
confirm; `run` ties them together and never overwrites a file.
"""

from thidua.editing.importer.errors import ImportProblem
from thidua.editing.importer.run import Result, draft_plan, import_plan

__all__ = ["ImportProblem", "Result", "draft_plan", "import_plan"]

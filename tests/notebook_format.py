"""The form JupyterLab saves a notebook in, so that a committed notebook opens unmodified.

JupyterLab (4, through jupyter_server and nbformat) writes nbformat 4.5 with an id on every cell,
JSON indented by one space with sorted keys and a final newline, and on connecting to the kernel
sets the notebook's ``kernelspec`` (name, display name and language of the kernel) and
``language_info`` (the kernel's ``kernel_info`` reply). A committed notebook that differs in any
of these is marked modified as soon as it opens. :func:`normal_form` returns a notebook's text
in that form, without outputs; ``python tests/notebook_format.py notebooks/*.ipynb`` (``make
tidy-notebooks``) rewrites the notebooks so, and ``tests/test_project.py`` checks them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from ipykernel.ipkernel import IPythonKernel

#: What JupyterLab records for the project's kernel (``ipykernel install --name python3``).
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def normal_form(text: str) -> str:
    """Return the notebook ``text`` as JupyterLab would save it, with no outputs."""
    nb = nbformat.reads(text, as_version=4)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": dict(IPythonKernel.language_info)}
    )
    nbformat.validate(nb)  # also gives every cell an id if one lacks it (nbformat 4.5)
    out = nbformat.writes(nb)
    return out if out.endswith("\n") else out + "\n"


def main(paths: list[str]) -> int:
    """Rewrite each notebook in its normal form; print the ones that changed."""
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        normal = normal_form(text)
        if normal != text:
            path.write_text(normal, encoding="utf-8")
            sys.stdout.write(f"normalised {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

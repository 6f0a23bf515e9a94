"""The package's version, in one place: :mod:`newsframe` hands it on as ``__version__``, and the
report writes it into the folder it makes (so no module needs the package's face for it)."""

__version__ = "0.1.0"

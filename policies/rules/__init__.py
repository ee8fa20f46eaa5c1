"""One folder per AWS service (or engine); in it one rule per pair of files: ``<name>.yaml`` (metadata) and
``<name>.py`` (``evaluate``)."""

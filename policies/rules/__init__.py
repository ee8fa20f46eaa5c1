"""One rule per pair of files: ``<name>.yaml`` (metadata) and ``<name>.py`` (``evaluate``)."""

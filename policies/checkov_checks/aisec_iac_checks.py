"""Checkov executes this file when given ``--external-checks-dir`` pointing at this folder.

It only registers the catalog: the rule logic lives in the installed ``policies`` package. Keep this folder
free of YAML and JSON files, which Checkov would try to read as graph checks.
"""

from policies.checkov_adapter import register_checks

register_checks()

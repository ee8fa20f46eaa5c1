"""The CrossGuard policy pack directory (PulumiPolicy.yaml, __main__.py, requirements.txt)."""

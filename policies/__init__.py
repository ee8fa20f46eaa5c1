"""aisec-iac: plan-time policies for AI workloads on AWS.

The rule catalog lives in ``policies.rules`` (one YAML metadata file and one Python module per rule);
engines reach it through thin adapters (``policies.checkov_adapter`` for Checkov).
"""

__version__ = "0.1.0"

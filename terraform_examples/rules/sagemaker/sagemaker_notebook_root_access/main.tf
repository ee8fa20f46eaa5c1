# CKV_AISEC_12: SageMaker notebook instances do not give their users root access.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "notebook_root_access" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "pass_root_disabled" {
  name          = "research-no-root"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  root_access   = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "fail_default_root_access" {
  name          = "quick-experiment"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "fail_root_enabled" {
  name          = "research-admin"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  root_access   = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "unknown_root_access_from_variable" {
  name          = "research-configurable"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  root_access   = var.notebook_root_access
}

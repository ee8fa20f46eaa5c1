# CKV_AISEC_93: SageMaker notebook instances (awscc provider) do not give their users root access.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "root_access" {
  type = string
}

resource "awscc_sagemaker_notebook_instance" "pass_root_disabled" {
  notebook_instance_name = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-research"
  root_access            = "Disabled"
}

# Unset: SageMaker's default is Enabled.
resource "awscc_sagemaker_notebook_instance" "fail_default_root_access" {
  notebook_instance_name = "sandbox"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-sandbox"
}

resource "awscc_sagemaker_notebook_instance" "fail_root_enabled" {
  notebook_instance_name = "demos"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-demos"
  root_access            = "Enabled"
}

resource "awscc_sagemaker_notebook_instance" "unknown_root_access_from_variable" {
  notebook_instance_name = "shared"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-shared"
  root_access            = var.root_access
}

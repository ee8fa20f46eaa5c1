# CKV_AISEC_95: SageMaker notebook instances (awscc provider) accept only IMDSv2 for instance metadata.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# instance_metadata_service_configuration is an object attribute in awscc.

variable "imds_version" {
  type = string
}

resource "awscc_sagemaker_notebook_instance" "pass_imdsv2" {
  notebook_instance_name = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-research"
  instance_metadata_service_configuration = {
    minimum_instance_metadata_service_version = "2"
  }
}

# Without the object SageMaker allows IMDSv1.
resource "awscc_sagemaker_notebook_instance" "fail_no_imds_configuration" {
  notebook_instance_name = "sandbox"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-sandbox"
}

resource "awscc_sagemaker_notebook_instance" "fail_imdsv1_allowed" {
  notebook_instance_name = "demos"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-demos"
  instance_metadata_service_configuration = {
    minimum_instance_metadata_service_version = "1"
  }
}

resource "awscc_sagemaker_notebook_instance" "unknown_version_from_variable" {
  notebook_instance_name = "shared"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-shared"
  instance_metadata_service_configuration = {
    minimum_instance_metadata_service_version = var.imds_version
  }
}

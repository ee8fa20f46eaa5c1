# CKV_AISEC_13: SageMaker notebook instances accept only IMDSv2 for instance metadata.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "imds_version" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "pass_imdsv2" {
  name          = "research-imdsv2"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

resource "aws_sagemaker_notebook_instance" "pass_imdsv2_written_as_number" {
  name          = "research-imdsv2-number"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = 2
  }
}

resource "aws_sagemaker_notebook_instance" "fail_no_imds_configuration" {
  name          = "quick-experiment"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "fail_empty_imds_configuration" {
  name          = "research-imds-block-only"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"

  instance_metadata_service_configuration {}
}

resource "aws_sagemaker_notebook_instance" "fail_imdsv1_allowed" {
  name          = "research-imdsv1"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "1"
  }
}

resource "aws_sagemaker_notebook_instance" "unknown_imds_version_from_variable" {
  name          = "research-imds-configurable"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = var.imds_version
  }
}

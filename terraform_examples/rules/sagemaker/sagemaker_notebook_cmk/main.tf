# CKV_AISEC_11: SageMaker notebook instances encrypt their storage volume with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "notebook_key_arn" {
  type = string
}

resource "aws_kms_key" "notebooks" {
  description         = "sagemaker notebook volumes"
  enable_key_rotation = true
}

resource "aws_sagemaker_notebook_instance" "pass_key_reference" {
  name          = "research-encrypted"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  kms_key_id    = aws_kms_key.notebooks.arn
}

resource "aws_sagemaker_notebook_instance" "pass_key_arn" {
  name          = "research-shared-key"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  kms_key_id    = "arn:aws:kms:us-east-1:111122223333:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}

resource "aws_sagemaker_notebook_instance" "pass_customer_alias" {
  name          = "research-aliased-key"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  kms_key_id    = "alias/ml-notebooks"
}

resource "aws_sagemaker_notebook_instance" "fail_no_key" {
  name          = "quick-experiment"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "fail_aws_managed_alias" {
  name          = "research-aws-key"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  kms_key_id    = "alias/aws/sagemaker"
}

resource "aws_sagemaker_notebook_instance" "unknown_key_from_variable" {
  name          = "research-configurable-key"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
  kms_key_id    = var.notebook_key_arn
}

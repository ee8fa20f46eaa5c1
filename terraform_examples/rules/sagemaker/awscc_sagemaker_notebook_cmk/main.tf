# CKV_AISEC_94: SageMaker notebook instances (awscc provider) encrypt their storage volume with a customer-managed
# KMS key. Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "notebook_key_arn" {
  type = string
}

resource "awscc_kms_key" "notebooks" {
  description         = "SageMaker notebook volumes"
  enable_key_rotation = true
}

resource "awscc_sagemaker_notebook_instance" "pass_cmk_reference" {
  notebook_instance_name = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-research"
  kms_key_id             = awscc_kms_key.notebooks.arn
}

resource "awscc_sagemaker_notebook_instance" "pass_cmk_key_id" {
  notebook_instance_name = "forecasting"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-forecasting"
  kms_key_id             = "2b7d9f1e-4c3a-4e58-9b6d-0a8c1e5f3d72"
}

# Without kms_key_id SageMaker encrypts the volume with a key AWS manages.
resource "awscc_sagemaker_notebook_instance" "fail_no_key" {
  notebook_instance_name = "sandbox"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-sandbox"
}

resource "awscc_sagemaker_notebook_instance" "fail_aws_managed_alias" {
  notebook_instance_name = "demos"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-demos"
  kms_key_id             = "arn:aws:kms:us-east-1:111122223333:alias/aws/sagemaker"
}

resource "awscc_sagemaker_notebook_instance" "unknown_key_from_variable" {
  notebook_instance_name = "shared"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-shared"
  kms_key_id             = var.notebook_key_arn
}

# CKV_AISEC_91: SageMaker Studio domains (awscc provider) encrypt user storage with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "studio_key_arn" {
  type = string
}

resource "awscc_kms_key" "studio" {
  description         = "SageMaker Studio storage"
  enable_key_rotation = true
}

resource "awscc_sagemaker_domain" "pass_cmk_reference" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = awscc_kms_key.studio.arn
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-research"
  }
}

resource "awscc_sagemaker_domain" "pass_cmk_arn" {
  domain_name             = "ml-forecasting"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = "arn:aws:kms:us-east-1:111122223333:key/9e4b1c7a-2d5f-4a83-b6e0-1f7c3d9a5b24"
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-forecasting"
  }
}

# Without kms_key_id the home file system and space volumes use a key AWS manages.
resource "awscc_sagemaker_domain" "fail_no_key" {
  domain_name             = "ml-sandbox"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-sandbox"
  }
}

resource "awscc_sagemaker_domain" "fail_aws_managed_alias" {
  domain_name             = "ml-demos"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = "alias/aws/sagemaker"
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-demos"
  }
}

resource "awscc_sagemaker_domain" "unknown_key_from_variable" {
  domain_name             = "ml-shared"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = var.studio_key_arn
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-shared"
  }
}

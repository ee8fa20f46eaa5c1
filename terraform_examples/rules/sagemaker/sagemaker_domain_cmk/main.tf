# CKV_AISEC_14: SageMaker Studio domains encrypt user storage with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "studio_key_arn" {
  type = string
}

resource "aws_kms_key" "studio" {
  description         = "studio home file system and space volumes"
  enable_key_rotation = true
}

resource "aws_sagemaker_domain" "pass_key_reference" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f67890"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60729"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = aws_kms_key.studio.arn

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "pass_key_arn" {
  domain_name             = "ml-platform"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f67890"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = "arn:aws:kms:us-east-1:111122223333:key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "fail_no_key" {
  domain_name = "ml-sandbox"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "fail_aws_managed_key" {
  domain_name = "ml-sandbox-efs"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  kms_key_id  = "arn:aws:kms:us-east-1:111122223333:alias/aws/elasticfilesystem"

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "unknown_key_from_variable" {
  domain_name = "ml-configurable"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  kms_key_id  = var.studio_key_arn

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

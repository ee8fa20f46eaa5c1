# CKV_AISEC_6: SageMaker Studio domains route app traffic through the VPC only.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "app_network_access_type" {
  type = string
}

resource "aws_kms_key" "studio" {
  description         = "studio home volumes"
  enable_key_rotation = true
}

resource "aws_sagemaker_domain" "pass_vpc_only" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = var.vpc_id
  subnet_ids              = var.private_subnet_ids
  app_network_access_type = "VpcOnly"
  kms_key_id              = aws_kms_key.studio.arn

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/example-studio-execution"
  }
}

resource "aws_sagemaker_domain" "fail_public_internet_only" {
  domain_name             = "ml-sandbox"
  auth_mode               = "IAM"
  vpc_id                  = var.vpc_id
  subnet_ids              = var.private_subnet_ids
  app_network_access_type = "PublicInternetOnly"

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/example-studio-execution"
  }
}

resource "aws_sagemaker_domain" "fail_default_public_internet" {
  domain_name = "ml-prototyping"
  auth_mode   = "IAM"
  vpc_id      = var.vpc_id
  subnet_ids  = var.private_subnet_ids

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/example-studio-execution"
  }
}

resource "aws_sagemaker_domain" "unknown_access_type_from_variable" {
  domain_name             = "ml-platform"
  auth_mode               = "IAM"
  vpc_id                  = var.vpc_id
  subnet_ids              = var.private_subnet_ids
  app_network_access_type = var.app_network_access_type

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/example-studio-execution"
  }
}

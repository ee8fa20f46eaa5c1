# CKV_AISEC_26: SageMaker Studio domains record which user profile acts under the execution role.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "role_identity_config" {
  type = string
}

resource "aws_sagemaker_domain" "pass_user_profile_name" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f67890"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"

  domain_settings {
    execution_role_identity_config = "USER_PROFILE_NAME"
    security_group_ids             = ["sg-0123456789abcdef0"]
  }

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "fail_no_domain_settings" {
  domain_name = "ml-sandbox"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "fail_identity_disabled" {
  domain_name = "ml-platform"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]

  domain_settings {
    execution_role_identity_config = "DISABLED"
  }

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "fail_settings_without_identity" {
  domain_name = "ml-analytics"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]

  domain_settings {
    security_group_ids = ["sg-0123456789abcdef0"]
  }

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_domain" "unknown_identity_from_variable" {
  domain_name = "ml-configurable"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f67890"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]

  domain_settings {
    execution_role_identity_config = var.role_identity_config
  }

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

# CKV_AISEC_15: SageMaker Studio user profiles run under an execution role of their own.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "analyst_role_arn" {
  type = string
}

resource "aws_iam_role" "studio_analyst" {
  name = "studio-analyst"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f67890"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "VpcOnly"
  kms_key_id              = "arn:aws:kms:us-east-1:111122223333:key/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio-default-execution"
  }
}

resource "aws_sagemaker_user_profile" "pass_role_reference" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "analyst"

  user_settings {
    execution_role = aws_iam_role.studio_analyst.arn
  }
}

resource "aws_sagemaker_user_profile" "pass_role_arn" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "ml-engineer"

  user_settings {
    execution_role  = "arn:aws:iam::111122223333:role/studio-ml-engineer"
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_sagemaker_user_profile" "fail_inherits_domain_role" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "guest"
}

resource "aws_sagemaker_user_profile" "unknown_role_from_variable" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "configurable"

  user_settings {
    execution_role = var.analyst_role_arn
  }
}

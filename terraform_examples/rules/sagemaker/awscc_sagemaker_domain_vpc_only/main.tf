# CKV_AISEC_90: SageMaker Studio domains (awscc provider) route app traffic through the VPC only.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "network_access" {
  type = string
}

resource "awscc_sagemaker_domain" "pass_vpc_only" {
  domain_name             = "ml-research"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
  app_network_access_type = "VpcOnly"
  default_user_settings = {
    execution_role  = "arn:aws:iam::111122223333:role/studio-research"
    security_groups = ["sg-0a1b2c3d4e5f60718"]
  }
}

# Unset: CloudFormation and SageMaker apply PublicInternetOnly.
resource "awscc_sagemaker_domain" "fail_default_public_internet" {
  domain_name = "ml-sandbox"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0a1b2c3d4e5f60718"
  subnet_ids  = ["subnet-0a1b2c3d4e5f60718"]
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-sandbox"
  }
}

resource "awscc_sagemaker_domain" "fail_public_internet_only" {
  domain_name             = "ml-demos"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = "PublicInternetOnly"
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-demos"
  }
}

resource "awscc_sagemaker_domain" "unknown_access_from_variable" {
  domain_name             = "ml-shared"
  auth_mode               = "IAM"
  vpc_id                  = "vpc-0a1b2c3d4e5f60718"
  subnet_ids              = ["subnet-0a1b2c3d4e5f60718"]
  app_network_access_type = var.network_access
  default_user_settings = {
    execution_role = "arn:aws:iam::111122223333:role/studio-shared"
  }
}

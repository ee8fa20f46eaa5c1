# CKV_AISEC_92: SageMaker notebook instances (awscc provider) run in a VPC subnet without direct internet access.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "internet_access" {
  type = string
}

resource "awscc_ec2_subnet" "private" {
  vpc_id            = "vpc-0a1b2c3d4e5f60718"
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
}

resource "awscc_sagemaker_notebook_instance" "pass_private_subnet" {
  notebook_instance_name = "research"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-research"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_group_ids     = ["sg-0a1b2c3d4e5f60718"]
  direct_internet_access = "Disabled"
}

resource "awscc_sagemaker_notebook_instance" "pass_subnet_reference" {
  notebook_instance_name = "forecasting"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-forecasting"
  subnet_id              = awscc_ec2_subnet.private.subnet_id
  security_group_ids     = ["sg-0a1b2c3d4e5f60718"]
  direct_internet_access = "Disabled"
}

# In a subnet, but direct_internet_access is unset: SageMaker's default is Enabled.
resource "awscc_sagemaker_notebook_instance" "fail_default_internet_access" {
  notebook_instance_name = "sandbox"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-sandbox"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_group_ids     = ["sg-0a1b2c3d4e5f60718"]
}

resource "awscc_sagemaker_notebook_instance" "fail_internet_enabled" {
  notebook_instance_name = "demos"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-demos"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_group_ids     = ["sg-0a1b2c3d4e5f60718"]
  direct_internet_access = "Enabled"
}

# Neither a subnet nor the setting: the notebook runs in the SageMaker service network with internet access.
resource "awscc_sagemaker_notebook_instance" "fail_service_network" {
  notebook_instance_name = "scratch"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-scratch"
}

resource "awscc_sagemaker_notebook_instance" "unknown_internet_access_from_variable" {
  notebook_instance_name = "shared"
  instance_type          = "ml.t3.medium"
  role_arn               = "arn:aws:iam::111122223333:role/notebook-shared"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_group_ids     = ["sg-0a1b2c3d4e5f60718"]
  direct_internet_access = var.internet_access
}

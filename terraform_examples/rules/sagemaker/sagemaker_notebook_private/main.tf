# CKV_AISEC_5: SageMaker notebook instances run in a VPC subnet without direct internet access.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "notebook_subnet_id" {
  type = string
}

variable "notebook_internet_access" {
  type = string
}

resource "aws_vpc" "ml" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.ml.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_security_group" "notebook" {
  name   = "sagemaker-notebook"
  vpc_id = aws_vpc.ml.id
}

resource "aws_sagemaker_notebook_instance" "pass_private_subnet_reference" {
  name                   = "research-private"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.private.id
  security_groups        = [aws_security_group.notebook.id]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "pass_private_subnet_id" {
  name                   = "research-shared-vpc"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "fail_defaults" {
  name          = "quick-experiment"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "fail_internet_access_default" {
  name            = "research-vpc-default-access"
  role_arn        = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type   = "ml.t3.medium"
  subnet_id       = aws_subnet.private.id
  security_groups = [aws_security_group.notebook.id]
}

resource "aws_sagemaker_notebook_instance" "fail_internet_access_enabled" {
  name                   = "research-vpc-enabled-access"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.private.id
  security_groups        = [aws_security_group.notebook.id]
  direct_internet_access = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "fail_disabled_without_subnet" {
  name                   = "research-no-subnet"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "unknown_internet_access_from_variable" {
  name                   = "research-configurable"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.private.id
  security_groups        = [aws_security_group.notebook.id]
  direct_internet_access = var.notebook_internet_access
}

resource "aws_sagemaker_notebook_instance" "unknown_subnet_from_variable" {
  name                   = "research-external-subnet"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook-execution"
  instance_type          = "ml.t3.medium"
  subnet_id              = var.notebook_subnet_id
  direct_internet_access = "Disabled"
}

# CKV2_AISEC_5: VPCs that host AI workloads have flow logs.
# VPC names say the verdict each must get: pass_* or fail_*.

resource "aws_vpc" "pass_ml_with_flow_logs" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_subnet" "ml_private" {
  vpc_id     = aws_vpc.pass_ml_with_flow_logs.id
  cidr_block = "10.10.1.0/24"
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = "arn:aws:iam::111122223333:role/notebook"
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.ml_private.id
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}

resource "aws_flow_log" "ml" {
  vpc_id               = aws_vpc.pass_ml_with_flow_logs.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}

resource "aws_vpc" "pass_no_ai_workloads" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "web" {
  vpc_id     = aws_vpc.pass_no_ai_workloads.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.small"
  subnet_id     = aws_subnet.web.id
}

resource "aws_vpc" "fail_gpu_training_without_flow_logs" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "training" {
  vpc_id     = aws_vpc.fail_gpu_training_without_flow_logs.id
  cidr_block = "10.30.1.0/24"
}

resource "aws_instance" "trainer" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "p4d.24xlarge"
  subnet_id     = aws_subnet.training.id
}

resource "aws_vpc" "fail_studio_domain_without_flow_logs" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "ml-studio"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.fail_studio_domain_without_flow_logs.id
  subnet_ids              = ["subnet-0123456789abcdef0"]
  app_network_access_type = "VpcOnly"

  default_user_settings {
    execution_role = "arn:aws:iam::111122223333:role/studio"
  }
}

resource "aws_vpc" "fail_bedrock_endpoint_without_flow_logs" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_vpc_endpoint" "bedrock_runtime" {
  vpc_id            = aws_vpc.fail_bedrock_endpoint_without_flow_logs.id
  service_name      = "com.amazonaws.us-east-1.bedrock-runtime"
  vpc_endpoint_type = "Interface"
}

# --- Private network: no internet gateway, AWS APIs through VPC endpoints, flow logs ----------------

resource "aws_vpc" "ml" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = local.tags
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.20.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_default_security_group" "ml" {
  vpc_id = aws_vpc.ml.id
}

resource "aws_security_group" "workloads" {
  name        = "ml-workloads"
  description = "Notebooks, endpoints and model servers: traffic from inside the VPC only"
  vpc_id      = aws_vpc.ml.id

  ingress {
    description = "HTTPS and model servers from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    description = "vLLM from the VPC"
    from_port   = 8000
    to_port     = 8000
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  egress {
    description = "HTTPS to the VPC endpoints"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

resource "aws_vpc_endpoint" "sagemaker_runtime" {
  vpc_id              = aws_vpc.ml.id
  service_name        = "com.amazonaws.us-east-1.sagemaker.runtime"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.workloads.id]
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "bedrock_runtime" {
  vpc_id              = aws_vpc.ml.id
  service_name        = "com.amazonaws.us-east-1.bedrock-runtime"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  security_group_ids  = [aws_security_group.workloads.id]
  private_dns_enabled = true
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/ml/flow-logs"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 365
}

resource "aws_flow_log" "ml" {
  vpc_id          = aws_vpc.ml.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = aws_iam_role.flow_logs.arn
}

# CKV_AISEC_17: SageMaker models connect to the network only through your VPC.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "private_subnet_ids" {
  type = list(string)
}

variable "attach_to_vpc" {
  type = bool
}

resource "aws_vpc" "ml" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "private_a" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.30.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.ml.id
  cidr_block        = "10.30.2.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_security_group" "inference" {
  name   = "sagemaker-inference"
  vpc_id = aws_vpc.ml.id
}

resource "aws_sagemaker_model" "pass_vpc_references" {
  name               = "fraud-classifier"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
    model_data_url = "s3://example-models/fraud-classifier/model.tar.gz"
  }

  vpc_config {
    subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.inference.id]
  }
}

resource "aws_sagemaker_model" "pass_vpc_ids" {
  name                     = "churn-model"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = true

  primary_container {
    image          = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    model_data_url = "s3://example-models/churn/model.tar.gz"
  }

  vpc_config {
    subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60729"]
    security_group_ids = ["sg-0123456789abcdef0"]
  }
}

resource "aws_sagemaker_model" "unknown_subnets_from_list_variable" {
  name               = "sentiment-model"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04"
    model_data_url = "s3://example-models/sentiment/model.tar.gz"
  }

  vpc_config {
    subnets            = var.private_subnet_ids
    security_group_ids = [aws_security_group.inference.id]
  }
}

resource "aws_sagemaker_model" "fail_no_vpc_config" {
  name               = "rag-reranker"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/reranker:1.4.2"
    model_data_url = "s3://example-models/reranker/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "unknown_vpc_config_dynamic" {
  name               = "configurable-model"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/custom-inference:0.9.0"
  }

  dynamic "vpc_config" {
    for_each = var.attach_to_vpc ? [1] : []
    content {
      subnets            = [aws_subnet.private_a.id]
      security_group_ids = [aws_security_group.inference.id]
    }
  }
}

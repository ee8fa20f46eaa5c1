# CKV_AISEC_16: SageMaker models run their inference containers with network isolation.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "isolate_model" {
  type = bool
}

resource "aws_sagemaker_model" "pass_isolated" {
  name                     = "fraud-classifier"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = true

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311-ubuntu20.04-sagemaker"
    model_data_url = "s3://example-models/fraud-classifier/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "pass_isolated_written_as_string" {
  name                     = "churn-model"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = "true"

  primary_container {
    image          = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    model_data_url = "s3://example-models/churn/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_isolation_default" {
  name               = "sentiment-model"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-cpu-py310-ubuntu22.04"
    model_data_url = "s3://example-models/sentiment/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_isolation_disabled" {
  name                     = "rag-reranker"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = false

  container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/reranker:1.4.2"
    model_data_url = "s3://example-models/reranker/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "unknown_isolation_from_variable" {
  name                     = "configurable-model"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = var.isolate_model

  primary_container {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/custom-inference:0.9.0"
  }
}

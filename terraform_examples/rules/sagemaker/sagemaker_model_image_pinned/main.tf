# CKV_AISEC_134: SageMaker models run pinned inference images.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "inference_image" {
  type = string
}

resource "aws_sagemaker_model" "pass_aws_deep_learning_container_tag" {
  name               = "llm-tgi"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/llm/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "pass_digest" {
  name               = "reranker"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "public.ecr.aws/example/reranker@sha256:4f6b2a9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a"
    model_data_url = "s3://example-models/reranker/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_latest_in_account_ecr" {
  name               = "embedder"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/embedder:latest"
    model_data_url = "s3://example-models/embedder/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_untagged_second_container" {
  name               = "inference-pipeline"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/preprocess:1.2.0"
    model_data_url = "s3://example-models/preprocess/model.tar.gz"
  }

  container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/postprocess"
    model_data_url = "s3://example-models/postprocess/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_public_registry_tag" {
  name               = "tgi-from-ghcr"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "ghcr.io/huggingface/text-generation-inference:2.4.0"
    model_data_url = "s3://example-models/llm/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "unknown_image_from_variable" {
  name               = "configurable"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image = var.inference_image
  }
}

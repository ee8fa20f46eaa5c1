# CKV_AISEC_139: SageMaker models keep no literal credentials in their environment.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# The credentials below are made-up examples in the providers' formats.

variable "hf_token" {
  type      = string
  sensitive = true
}

resource "aws_sagemaker_model" "pass_secret_arn" {
  name               = "gated-llm"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/llm/model.tar.gz"
    environment = {
      HF_MODEL_ID      = "/opt/ml/model"
      HF_TOKEN         = "arn:aws:secretsmanager:us-east-1:111122223333:secret:hf-token-AbCdEf"
      MAX_TOTAL_TOKENS = "8192"
      EOS_TOKEN        = "</s>"
    }
  }
}

resource "aws_sagemaker_model" "fail_hugging_face_token" {
  name               = "gated-llm-from-hub"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID            = "meta-llama/Meta-Llama-3-8B-Instruct"
      HUGGING_FACE_HUB_TOKEN = "hf_EXAMPLEexampleEXAMPLEexampleEXAMPL"
    }
  }
}

resource "aws_sagemaker_model" "fail_api_key_by_name" {
  name               = "rag-reranker"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/reranker:1.4.2"
    model_data_url = "s3://example-models/reranker/model.tar.gz"
    environment = {
      WANDB_API_KEY = "example-not-a-real-wandb-key-0123456789"
    }
  }
}

resource "aws_sagemaker_model" "unknown_token_from_variable" {
  name               = "configurable"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/llm/model.tar.gz"
    environment = {
      HF_TOKEN = var.hf_token
    }
  }
}

# CKV_AISEC_138: SageMaker models load weights from the account, not from a public model hub.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "model_id" {
  type = string
}

resource "aws_sagemaker_model" "pass_model_data_source_s3" {
  name                     = "llama-3-8b"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = true

  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_source {
      s3_data_source {
        s3_uri           = "s3://example-models/llama-3-8b/"
        s3_data_type     = "S3Prefix"
        compression_type = "None"
      }
    }
    environment = {
      HF_MODEL_ID = "/opt/ml/model"
    }
  }
}

resource "aws_sagemaker_model" "pass_model_data_url" {
  name               = "classifier"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    model_data_url = "s3://example-models/classifier/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_hub_model_with_network_isolation" {
  name                     = "mistral-isolated"
  execution_role_arn       = "arn:aws:iam::111122223333:role/sagemaker-model-execution"
  enable_network_isolation = true

  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID = "mistralai/Mistral-7B-Instruct-v0.3"
    }
  }
}

resource "aws_sagemaker_model" "fail_hub_model_downloaded_at_start" {
  name               = "phi-3-lmi"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
    environment = {
      OPTION_MODEL_ID = "microsoft/Phi-3-mini-4k-instruct"
    }
  }
}

resource "aws_sagemaker_model" "unknown_model_id_from_variable" {
  name               = "configurable"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    environment = {
      HF_MODEL_ID = var.model_id
    }
  }
}

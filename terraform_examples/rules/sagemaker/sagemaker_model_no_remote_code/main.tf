# CKV_AISEC_130: SageMaker models do not let their containers run code shipped with the model.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "trust_remote_code" {
  type = string
}

resource "aws_sagemaker_model" "pass_tgi_switch_off" {
  name               = "llm-tgi"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/llm/model.tar.gz"
    environment = {
      HF_MODEL_ID       = "/opt/ml/model"
      TRUST_REMOTE_CODE = "false"
    }
  }
}

resource "aws_sagemaker_model" "pass_no_environment" {
  name               = "classifier"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    model_data_url = "s3://example-models/classifier/model.tar.gz"
  }
}

resource "aws_sagemaker_model" "fail_tgi_trust_remote_code" {
  name               = "falcon-tgi"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/falcon/model.tar.gz"
    environment = {
      HF_MODEL_ID       = "/opt/ml/model"
      TRUST_REMOTE_CODE = "true"
    }
  }
}

resource "aws_sagemaker_model" "fail_lmi_option_in_second_container" {
  name               = "lmi-pipeline"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/preprocess:1.2.0"
    model_data_url = "s3://example-models/preprocess/model.tar.gz"
  }

  container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
    model_data_url = "s3://example-models/phi-3/model.tar.gz"
    environment = {
      OPTION_TRUST_REMOTE_CODE = "1"
    }
  }
}

resource "aws_sagemaker_model" "fail_vllm_arguments_variable" {
  name               = "vllm-on-sagemaker"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-sagemaker:0.6.3"
    model_data_url = "s3://example-models/qwen/model.tar.gz"
    environment = {
      VLLM_EXTRA_ARGS = "--max-model-len 8192 --trust-remote-code"
    }
  }
}

resource "aws_sagemaker_model" "unknown_switch_from_variable" {
  name               = "configurable-llm"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-execution"

  primary_container {
    image          = "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04"
    model_data_url = "s3://example-models/llm/model.tar.gz"
    environment = {
      HF_MODEL_TRUST_REMOTE_CODE = var.trust_remote_code
    }
  }
}

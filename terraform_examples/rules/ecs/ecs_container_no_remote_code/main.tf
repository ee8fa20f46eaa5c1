# CKV_AISEC_131: ECS containers do not run code shipped with the models they serve.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "container_definitions" {
  type = string
}

resource "aws_ecs_task_definition" "pass_vllm_native_model" {
  family = "vllm"
  container_definitions = jsonencode([{
    name    = "vllm"
    image   = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
    command = ["--model", "/models/llama-3-8b", "--port", "8000"]
    user    = "1000"
    environment = [
      { name = "TRUST_REMOTE_CODE", value = "false" },
    ]
  }])
}

resource "aws_ecs_task_definition" "fail_vllm_flag" {
  family = "vllm-custom"
  container_definitions = jsonencode([{
    name    = "vllm"
    image   = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
    command = ["--model", "/models/internlm2-7b", "--trust-remote-code"]
    user    = "1000"
  }])
}

resource "aws_ecs_task_definition" "fail_tgi_environment" {
  family = "tgi"
  container_definitions = jsonencode([
    {
      name  = "proxy"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/envoy:1.31.0"
    },
    {
      name        = "tgi"
      image       = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0"
      environment = [{ name = "TRUST_REMOTE_CODE", value = "true" }]
    },
  ])
}

resource "aws_ecs_task_definition" "fail_pipeline_in_entry_point" {
  family = "batch-embed"
  container_definitions = jsonencode([{
    name       = "embed"
    image      = "111122223333.dkr.ecr.us-east-1.amazonaws.com/embed:1.0.0"
    entryPoint = ["python", "-c", "from transformers import pipeline; pipeline('feature-extraction', model='/models/e5', trust_remote_code=True)"]
  }])
}

resource "aws_ecs_task_definition" "unknown_definitions_from_variable" {
  family                = "configurable"
  container_definitions = var.container_definitions
}

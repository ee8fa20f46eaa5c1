# CKV_AISEC_135: ECS containers run pinned images.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "image" {
  type = string
}

resource "aws_ecs_task_definition" "pass_account_ecr_tag" {
  family = "inference"
  container_definitions = jsonencode([{
    name  = "inference"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/inference:1.4.2"
  }])
}

resource "aws_ecs_task_definition" "pass_public_image_by_digest" {
  family = "vllm"
  container_definitions = jsonencode([{
    name  = "vllm"
    image = "vllm/vllm-openai@sha256:8e1b4c6f0a2d3e5f7a9b1c3d5e7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c9d1e3f"
  }])
}

resource "aws_ecs_task_definition" "fail_docker_hub_tag" {
  family = "ollama"
  container_definitions = jsonencode([{
    name  = "ollama"
    image = "ollama/ollama:0.3.12"
  }])
}

resource "aws_ecs_task_definition" "fail_latest_sidecar" {
  family = "tgi"
  container_definitions = jsonencode([
    {
      name  = "tgi"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0"
    },
    {
      name  = "log-router"
      image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:latest"
    },
  ])
}

resource "aws_ecs_task_definition" "unknown_image_from_variable" {
  family = "configurable"
  container_definitions = jsonencode([{
    name  = "app"
    image = var.image
  }])
}

# CKV_AISEC_107: ECS services give their tasks no public IP address.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "assign_public_ip" {
  type = bool
}

resource "aws_ecs_cluster" "ai" {
  name = "ai-serving"
}

resource "aws_ecs_service" "pass_private_subnets" {
  name            = "llm-inference"
  cluster         = aws_ecs_cluster.ai.id
  task_definition = "llm-inference:7"
  desired_count   = 2
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "pass_public_ip_not_set" {
  name            = "rag-api"
  cluster         = aws_ecs_cluster.ai.id
  task_definition = "rag-api:12"
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets         = ["subnet-0a1b2c3d4e5f60001"]
    security_groups = ["sg-0123456789abcdef0"]
  }
}

resource "aws_ecs_service" "pass_bridge_mode_on_ec2" {
  name            = "triton-gpu"
  cluster         = aws_ecs_cluster.ai.id
  task_definition = "triton-gpu:3"
  desired_count   = 1
  launch_type     = "EC2"
}

resource "aws_ecs_service" "fail_public_ip_on_fargate" {
  name            = "notebook-gateway"
  cluster         = aws_ecs_cluster.ai.id
  task_definition = "notebook-gateway:1"
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0f1e2d3c4b5a60003"]
    security_groups  = ["sg-0fedcba9876543210"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "unknown_public_ip_from_variable" {
  name            = "agent-api"
  cluster         = aws_ecs_cluster.ai.id
  task_definition = "agent-api:4"
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60001"]
    security_groups  = ["sg-0123456789abcdef0"]
    assign_public_ip = var.assign_public_ip
  }
}

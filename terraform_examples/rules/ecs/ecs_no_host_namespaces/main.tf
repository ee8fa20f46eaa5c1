# CKV_AISEC_106: a task definition shares neither the host's network nor its process namespace.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "pass_awsvpc_fargate" {
  family                   = "rag-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name                   = "rag-api"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/rag-api:2.0.1"
      essential              = true
      user                   = "1000"
      readonlyRootFilesystem = true
      portMappings           = [{ containerPort = 8000, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "pass_bridge_gpu_with_task_pid" {
  family                   = "triton-gpu"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  pid_mode                 = "task"

  container_definitions = jsonencode([
    {
      name                 = "triton"
      image                = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tritonserver:24.09"
      essential            = true
      memory               = 30720
      user                 = "1000"
      resourceRequirements = [{ type = "GPU", value = "1" }]
      portMappings         = [{ containerPort = 8000, hostPort = 0, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "pass_modes_not_set" {
  family                   = "embedding-batch"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name      = "embed"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/embeddings:0.9.0"
      essential = true
      memory    = 4096
      user      = "1000"
    }
  ])
}

resource "aws_ecs_task_definition" "fail_host_network" {
  family                   = "vllm-host-net"
  requires_compatibilities = ["EC2"]
  network_mode             = "host"

  container_definitions = jsonencode([
    {
      name                 = "vllm"
      image                = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:v0.6.3"
      essential            = true
      memory               = 61440
      user                 = "1000"
      resourceRequirements = [{ type = "GPU", value = "4" }]
      portMappings         = [{ containerPort = 8000, hostPort = 8000, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "fail_host_pid_profiler" {
  family                   = "gpu-profiler"
  requires_compatibilities = ["EC2"]
  network_mode             = "awsvpc"
  pid_mode                 = "host"

  container_definitions = jsonencode([
    {
      name      = "profiler"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/gpu-profiler:0.2.0"
      essential = true
      memory    = 1024
      user      = "1000"
    }
  ])
}

resource "aws_ecs_task_definition" "unknown_network_mode_from_variable" {
  family                   = "notebook-runner"
  requires_compatibilities = ["EC2"]
  network_mode             = var.network_mode

  container_definitions = jsonencode([
    {
      name      = "notebook-runner"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/notebook-runner:0.3.0"
      essential = true
      memory    = 2048
      user      = "1000"
    }
  ])
}

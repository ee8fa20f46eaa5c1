# CKV_AISEC_105: every ECS container mounts its root filesystem read-only.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "read_only_root" {
  type = bool
}

resource "aws_ecs_task_definition" "pass_read_only_with_scratch_volume" {
  family                   = "llm-inference"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4096"
  memory                   = "16384"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"
  task_role_arn            = "arn:aws:iam::111122223333:role/llm-inference-task"

  volume {
    name = "scratch"
  }

  container_definitions = jsonencode([
    {
      name                   = "inference"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm-inference:1.4.2"
      essential              = true
      user                   = "1000:1000"
      readonlyRootFilesystem = true
      environment            = [{ name = "HF_HOME", value = "/scratch/huggingface" }]
      mountPoints            = [{ sourceVolume = "scratch", containerPath = "/scratch", readOnly = false }]
      portMappings           = [{ containerPort = 8080, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "pass_every_container_heredoc" {
  family                   = "rag-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = <<-EOT
    [
      {
        "name": "rag-api",
        "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/rag-api:2.0.1",
        "essential": true,
        "user": "app",
        "readonlyRootFilesystem": true,
        "portMappings": [{"containerPort": 8000, "protocol": "tcp"}]
      },
      {
        "name": "otel-collector",
        "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
        "essential": false,
        "readonlyRootFilesystem": true
      }
    ]
  EOT
}

resource "aws_ecs_task_definition" "fail_flag_not_set" {
  family                   = "vllm"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4096"
  memory                   = "16384"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name         = "vllm"
      image        = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:v0.6.3"
      essential    = true
      user         = "1000"
      portMappings = [{ containerPort = 8000, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "fail_writable_tool_sidecar" {
  family                   = "agent-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name                   = "agent-api"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent-api:1.2.0"
      essential              = true
      user                   = "1000"
      readonlyRootFilesystem = true
    },
    {
      name                   = "code-interpreter"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/code-interpreter:0.8.0"
      essential              = false
      user                   = "1000"
      readonlyRootFilesystem = false
    }
  ])
}

resource "aws_ecs_task_definition" "unknown_definitions_from_template" {
  family                   = "batch-worker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = templatefile("${path.module}/templates/batch-worker.json.tftpl", {
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/batch-worker:5.0.0"
  })
}

resource "aws_ecs_task_definition" "unknown_flag_from_variable" {
  family                   = "notebook-runner"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name                   = "notebook-runner"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/notebook-runner:0.3.0"
      essential              = true
      user                   = "1000"
      readonlyRootFilesystem = var.read_only_root
    }
  ])
}

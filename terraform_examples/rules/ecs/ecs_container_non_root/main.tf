# CKV_AISEC_10: every ECS container runs as a non-root user and is not privileged.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "container_user" {
  type = string
}

resource "aws_ecs_task_definition" "pass_inference_uid_gid" {
  family                   = "llm-inference"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "4096"
  memory                   = "16384"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"
  task_role_arn            = "arn:aws:iam::111122223333:role/llm-inference-task"

  container_definitions = jsonencode([
    {
      name                   = "inference"
      image                  = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm-inference:1.4.2"
      essential              = true
      user                   = "1000:1000"
      readonlyRootFilesystem = true
      portMappings           = [{ containerPort = 8080, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "pass_named_users_heredoc" {
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
        "privileged": false,
        "portMappings": [{"containerPort": 8000, "protocol": "tcp"}]
      },
      {
        "name": "otel-collector",
        "image": "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
        "essential": false,
        "user": "10001"
      }
    ]
  EOT
}

resource "aws_ecs_task_definition" "fail_no_user" {
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
      portMappings = [{ containerPort = 8000, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "fail_uid_zero_with_group" {
  family                   = "embedding-service"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "4096"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name      = "embeddings"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/embeddings:0.9.0"
      essential = true
      user      = "0:1000"
    }
  ])
}

# The runtime reads "+0" (a signed number) and a quoted "root" as root too.
resource "aws_ecs_task_definition" "fail_signed_uid_zero" {
  family                   = "reranker"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "4096"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name      = "reranker"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/reranker:1.2.0"
      essential = true
      user      = "+0"
    },
    {
      name      = "metrics"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/metrics:1.0.0"
      essential = false
      user      = "\"root\""
    }
  ])
}

resource "aws_ecs_task_definition" "fail_privileged_gpu_worker" {
  family                   = "gpu-training-worker"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"

  container_definitions = jsonencode([
    {
      name       = "trainer"
      image      = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:3.1.0"
      essential  = true
      memory     = 30720
      user       = "1000"
      privileged = true
      resourceRequirements = [{ type = "GPU", value = "1" }]
    }
  ])
}

resource "aws_ecs_task_definition" "fail_root_log_router" {
  family                   = "agent-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name      = "agent-api"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent-api:1.2.0"
      essential = true
      user      = "1000"
    },
    {
      name                  = "log-router"
      image                 = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable"
      essential             = true
      user                  = "root"
      firelensConfiguration = { type = "fluentbit" }
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
    user  = "1000"
  })
}

resource "aws_ecs_task_definition" "unknown_user_from_variable" {
  family                   = "notebook-runner"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-task-execution"

  container_definitions = jsonencode([
    {
      name      = "notebook-runner"
      image     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/notebook-runner:0.3.0"
      essential = true
      user      = var.container_user
    }
  ])
}

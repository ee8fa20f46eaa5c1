# CKV2_AISEC_46: no internet-facing service can write a model store (model poisoning path).
# Buckets and ECR repositories say the verdict each must get: pass_*, fail_* or unknown_*.

variable "notebook_access" {
  type = string
}

resource "aws_s3_bucket" "fail_model_artifacts_writable_by_public_notebook" {
  bucket = "acme-model-artifacts"
}

resource "aws_sagemaker_model" "churn" {
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker-execution"
  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/churn@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    model_data_url = "s3://acme-model-artifacts/churn/model.tar.gz"
  }
}

resource "aws_s3_bucket" "pass_training_data_read_only" {
  bucket = "acme-training-data"
  tags = {
    "aisec:data-class" = "training-data"
  }
}

resource "aws_s3_bucket" "pass_not_a_model_store" {
  bucket = "acme-web-assets"
}

resource "aws_ecr_repository" "fail_serving_images_pushable_from_internet" {
  name = "llm-server"
}

resource "aws_ecr_repository" "pass_images_nobody_internet_facing_pushes" {
  name = "batch-jobs"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com", "ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "notebook" {
  name               = "notebook"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "notebook" {
  name = "artifacts"
  role = aws_iam_role.notebook.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = ["arn:aws:s3:::acme-model-artifacts/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["arn:aws:s3:::acme-training-data/*"]
      },
    ]
  })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
}

resource "aws_iam_role" "server" {
  name               = "llm-server"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_policy" "push" {
  name = "push-llm-server"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecr:*"]
      Resource = ["arn:aws:ecr:us-east-1:111122223333:repository/llm-server"]
    }]
  })
}

resource "aws_iam_role_policy_attachment" "push" {
  role       = aws_iam_role.server.name
  policy_arn = aws_iam_policy.push.arn
}

resource "aws_ecs_task_definition" "server" {
  family                   = "llm-server"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  task_role_arn            = aws_iam_role.server.arn
  container_definitions = jsonencode([{
    name  = "server"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm-server@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  }])
}

resource "aws_ecs_service" "server" {
  name            = "llm-server"
  cluster         = "arn:aws:ecs:us-east-1:111122223333:cluster/ml"
  task_definition = aws_ecs_task_definition.server.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }
}

# A notebook whose role can write checkpoints, but whether it faces the internet is not known at plan time.
resource "aws_s3_bucket" "unknown_checkpoints_writer_exposure_not_known" {
  bucket = "acme-checkpoints"
  tags = {
    "aisec:data-class" = "model"
  }
}

resource "aws_iam_role" "unknown_writer" {
  name               = "opaque-writer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "unknown_writer" {
  name = "opaque"
  role = aws_iam_role.unknown_writer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:PutObject"]
      Resource = ["arn:aws:s3:::acme-checkpoints/*"]
    }]
  })
}

resource "aws_sagemaker_notebook_instance" "unknown_writer" {
  name                   = "opaque-notebook"
  role_arn               = aws_iam_role.unknown_writer.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.notebook_access
}

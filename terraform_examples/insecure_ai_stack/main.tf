# A small AI platform with the misconfigurations the pack exists to catch. Insecure on purpose:
# every comment "<- RULE" names the rule that must report the line above it.
# tests/test_example_stacks.py asserts the exact set of (rule, resource) findings.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

# --- Data and model storage --------------------------------------------------------------------

resource "aws_kms_key" "training_data" {
  description = "training data"
  # enable_key_rotation is not set          <- CKV_AISEC_4
}

# <- CKV2_AISEC_1 (no public access block), CKV2_AISEC_2 (no TLS-only policy), CKV2_AISEC_4 (not versioned)
# <- CKV2_AISEC_3 (SSE-S3 below, not a customer-managed KMS key; the bucket receives no access logs)
resource "aws_s3_bucket" "training_data" {
  bucket = "example-ai-training-data"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "training_data" {
  bucket = aws_s3_bucket.training_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256" # SSE-S3: reported on the bucket, which alone shows it is not an access-log target
    }
  }
}

# --- Notebooks and Studio ------------------------------------------------------------------------

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.notebook.arn
  instance_type = "ml.t3.medium"
  # direct_internet_access defaults to "Enabled" and there is no subnet_id   <- CKV_AISEC_5
  # root access, IMDSv1 and an AWS-managed volume key are the defaults        <- CKV_AISEC_12, CKV_AISEC_13, CKV_AISEC_11
}

resource "aws_sagemaker_domain" "studio" {
  domain_name = "ml-studio"
  auth_mode   = "IAM"
  vpc_id      = "vpc-0123456789abcdef0"
  subnet_ids  = ["subnet-0123456789abcdef0"]
  # app_network_access_type defaults to "PublicInternetOnly"               <- CKV_AISEC_6
  # no kms_key_id, no per-user source identity                             <- CKV_AISEC_14, CKV_AISEC_26

  default_user_settings {
    execution_role = aws_iam_role.notebook.arn
  }
}

resource "aws_security_group" "notebook_access" {
  name        = "notebook-access"
  description = "Jupyter for the data science team"
  vpc_id      = "vpc-0123456789abcdef0"

  ingress {
    description = "Jupyter"
    from_port   = 8888
    to_port     = 8888
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] #             <- CKV_AISEC_7
  }
}

# --- Identity ------------------------------------------------------------------------------------

resource "aws_iam_role" "notebook" {
  name = "notebook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "sagemaker.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "notebook_full_access" {
  role       = aws_iam_role.notebook.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess" # <- CKV_AISEC_9
}

resource "aws_iam_role_policy" "notebook_data" {
  name = "notebook-data"
  role = aws_iam_role.notebook.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*" #                       <- CKV_AISEC_8 (every S3 action on every resource)
      Resource = "*"
    }]
  })
}

# --- Model serving -------------------------------------------------------------------------------

resource "aws_ecs_task_definition" "model_server" {
  family                   = "model-server"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4096
  memory                   = 16384
  container_definitions = jsonencode([{
    name      = "vllm"
    image     = "123456789012.dkr.ecr.us-east-1.amazonaws.com/vllm:0.6.3"
    essential = true
    # no "user": the container runs as root    <- CKV_AISEC_10
    # writable root file system                <- CKV_AISEC_105
    portMappings = [{ containerPort = 8000 }]
  }])
}

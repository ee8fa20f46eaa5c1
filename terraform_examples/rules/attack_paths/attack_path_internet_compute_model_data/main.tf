# CKV2_AISEC_45: compute reachable from the internet cannot read or write models or training data.
# Compute resources say the verdict each must get: pass_*, fail_* or unknown_*.

variable "notebook_access" {
  type = string
}

resource "aws_s3_bucket" "training" {
  bucket = "acme-churn-training"
  tags = {
    "aisec:data-class" = "training-data"
  }
}

resource "aws_s3_bucket" "web_assets" {
  bucket = "acme-web-assets"
}

data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com", "sagemaker.amazonaws.com", "ecs-tasks.amazonaws.com"]
    }
  }
}

# A role that reads the training bucket through an inline policy.
resource "aws_iam_role" "reader" {
  name               = "training-reader"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy" "reader" {
  name = "read-training"
  role = aws_iam_role.reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = ["arn:aws:s3:::acme-churn-training/*"]
    }]
  })
}

# A role with AmazonS3FullAccess: every bucket.
resource "aws_iam_role" "s3_admin" {
  name               = "s3-admin"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy_attachment" "s3_admin" {
  role       = aws_iam_role.s3_admin.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

# A role that reaches only the web assets bucket.
resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy" "web" {
  name = "web-assets"
  role = aws_iam_role.web.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*"]
      Resource = ["arn:aws:s3:::acme-web-assets", "arn:aws:s3:::acme-web-assets/*"]
    }]
  })
}

# A role whose only policy is an AWS-managed one this pack does not know the content of.
resource "aws_iam_role" "opaque" {
  name               = "opaque"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy_attachment" "opaque" {
  role       = aws_iam_role.opaque.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonAthenaFullAccess"
}

resource "aws_sagemaker_notebook_instance" "fail_internet_notebook_reads_training_data" {
  name          = "research"
  role_arn      = aws_iam_role.reader.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "pass_private_notebook" {
  name                   = "private-research"
  role_arn               = aws_iam_role.reader.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0123456789abcdef0"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}

resource "aws_sagemaker_notebook_instance" "pass_internet_notebook_web_role" {
  name          = "web-notebook"
  role_arn      = aws_iam_role.web.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "unknown_notebook_access_from_variable" {
  name                   = "variable-notebook"
  role_arn               = aws_iam_role.reader.arn
  instance_type          = "ml.t3.medium"
  direct_internet_access = var.notebook_access
}

resource "aws_sagemaker_notebook_instance" "unknown_notebook_managed_policy_content_not_known" {
  name          = "opaque-notebook"
  role_arn      = aws_iam_role.opaque.arn
  instance_type = "ml.t3.medium"
}

resource "aws_iam_instance_profile" "s3_admin" {
  name = "s3-admin"
  role = aws_iam_role.s3_admin.name
}

resource "aws_instance" "fail_public_instance_s3_full_access" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "g5.xlarge"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = true
  iam_instance_profile        = aws_iam_instance_profile.s3_admin.name
}

resource "aws_instance" "pass_private_instance_s3_full_access" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "g5.xlarge"
  subnet_id                   = "subnet-0123456789abcdef0"
  associate_public_ip_address = false
  iam_instance_profile        = aws_iam_instance_profile.s3_admin.name
}

resource "aws_launch_template" "fail_public_template_s3_full_access" {
  name          = "trainers"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "g5.xlarge"
  iam_instance_profile {
    name = aws_iam_instance_profile.s3_admin.name
  }
  network_interfaces {
    associate_public_ip_address = true
  }
}

resource "aws_ecs_task_definition" "reader" {
  family                   = "reader"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  task_role_arn            = aws_iam_role.reader.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
  }])
}

resource "aws_ecs_service" "fail_public_tasks_read_training_data" {
  name            = "reader"
  cluster         = "arn:aws:ecs:us-east-1:111122223333:cluster/ml"
  task_definition = aws_ecs_task_definition.reader.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "pass_private_tasks" {
  name            = "private-reader"
  cluster         = "arn:aws:ecs:us-east-1:111122223333:cluster/ml"
  task_definition = aws_ecs_task_definition.reader.arn
  launch_type     = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0123456789abcdef0"]
    assign_public_ip = false
  }
}

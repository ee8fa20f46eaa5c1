# CKV2_AISEC_45 and CKV2_AISEC_46 through role policies that name their buckets and repositories by reference,
# the way most configurations write them. Notebooks, buckets and repositories say the verdict each gets in HCL:
# pass_*, fail_* or unknown_*. tests/rules/attack_paths/test_attack_paths.py scans this folder and its
# tfplan.json: a plan holds these policies as known only after apply, and its configuration section lists the
# addresses an expression mentions but not the expression, so the plan gives the reference-only links no
# verdict (docs/attack-paths.md).

variable "reader_actions" {
  type = list(string)
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["sagemaker.amazonaws.com"]
    }
  }
}

resource "aws_s3_bucket" "fail_model_artifacts" {
  bucket = "acme-ref-model-artifacts"
  tags = {
    "aisec:data-class" = "model"
  }
}

resource "aws_s3_bucket" "pass_training_data_listed_only" {
  bucket = "acme-ref-training-data"
  tags = {
    "aisec:data-class" = "training-data"
  }
}

resource "aws_s3_bucket" "pass_web_assets" {
  bucket = "acme-ref-web-assets"
}

resource "aws_ecr_repository" "fail_serving_images" {
  name = "ref-llm-server"
}

resource "aws_ecr_repository" "pass_batch_images" {
  name = "ref-batch-jobs"
}

# Checkov leaves this jsonencode() unevaluated (a list that names the bucket, then interpolates it) and hands
# over its argument as a literal: the actions are literals, each Resource a reference.
resource "aws_iam_role" "writer" {
  name               = "ref-writer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "writer" {
  name = "models-and-images"
  role = aws_iam_role.writer.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteModelArtifacts"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = [aws_s3_bucket.fail_model_artifacts.arn, "${aws_s3_bucket.fail_model_artifacts.arn}/*"]
      },
      {
        Sid      = "ListTrainingData" # the bucket, not its objects: s3:ListBucket reads no object
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetObject"]
        Resource = aws_s3_bucket.pass_training_data_listed_only.arn
      },
      {
        Sid      = "PushServingImages"
        Effect   = "Allow"
        Action   = ["ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"]
        Resource = aws_ecr_repository.fail_serving_images.arn
      },
    ]
  })
}

resource "aws_sagemaker_notebook_instance" "fail_internet_notebook_writes_models" {
  name          = "ref-research"
  role_arn      = aws_iam_role.writer.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "pass_private_notebook_writes_models" {
  name                   = "ref-private"
  role_arn               = aws_iam_role.writer.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0123456789abcdef0"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}

# A role that only lists the training data: the bucket ARN alone reaches no object.
resource "aws_iam_role" "lister" {
  name               = "ref-lister"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "lister" {
  name = "list-training-data"
  role = aws_iam_role.lister.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
      Resource = [aws_s3_bucket.pass_training_data_listed_only.arn, "${aws_s3_bucket.pass_training_data_listed_only.arn}/*"]
    }]
  })
}

resource "aws_sagemaker_notebook_instance" "pass_internet_notebook_lists_training_data" {
  name          = "ref-lister"
  role_arn      = aws_iam_role.lister.arn
  instance_type = "ml.t3.medium"
}

# Actions from a variable (unknown_* cases live in HCL only: a plan knows its variables).
resource "aws_s3_bucket" "unknown_checkpoints" {
  bucket = "acme-ref-checkpoints"
  tags = {
    "aisec:data-class" = "model"
  }
}

resource "aws_iam_role" "unknown_reader" {
  name               = "ref-reader"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "unknown_reader" {
  name = "checkpoints"
  role = aws_iam_role.unknown_reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.reader_actions
      Resource = [aws_s3_bucket.unknown_checkpoints.arn, "${aws_s3_bucket.unknown_checkpoints.arn}/*"]
    }]
  })
}

resource "aws_sagemaker_notebook_instance" "unknown_internet_notebook_actions_from_variable" {
  name          = "ref-reader"
  role_arn      = aws_iam_role.unknown_reader.arn
  instance_type = "ml.t3.medium"
}

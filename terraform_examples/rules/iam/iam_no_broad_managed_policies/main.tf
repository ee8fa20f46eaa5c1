# CKV_AISEC_9: no broad AWS-managed policy (AdministratorAccess, *FullAccess, ...) is attached.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "extra_policy_arn" {
  type = string
}

data "aws_partition" "current" {}

locals {
  partition = "aws"
}

# A lookup gets no verdict here: CKV2_AISEC_30 follows it (see its own examples). It depends on a resource
# of this plan, so a plan reads it during apply and the fixture needs no AWS API.
data "aws_iam_policy" "sagemaker_managed" {
  name       = "AmazonSageMakerFullAccess"
  depends_on = [aws_iam_role.pass_training_without_managed_policy_arns]
}

# Policies are attached separately, so the role itself has no managed_policy_arns.
resource "aws_iam_role" "pass_training_without_managed_policy_arns" {
  name = "sagemaker-training"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_user" "analyst" {
  name = "ml-analyst"
}

resource "aws_iam_group" "data_scientists" {
  name = "data-scientists"
}

resource "aws_iam_policy" "training_data_read" {
  name = "training-data-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::example-training-data", "arn:aws:s3:::example-training-data/*"]
    }]
  })
}

resource "aws_iam_role_policy_attachment" "pass_customer_policy_reference" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = aws_iam_policy.training_data_read.arn
}

resource "aws_iam_user_policy_attachment" "pass_aws_managed_read_only" {
  user       = aws_iam_user.analyst.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"
}

resource "aws_iam_role_policy_attachment" "pass_aws_managed_service_role_path" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_group_policy_attachment" "pass_customer_policy_arn" {
  group      = aws_iam_group.data_scientists.name
  policy_arn = "arn:aws:iam::111122223333:policy/ml/notebook-access"
}

resource "aws_iam_role" "pass_role_customer_managed_arns" {
  name = "batch-transform"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = ["arn:aws:iam::111122223333:policy/training-data-read"]
}

resource "aws_iam_role_policy_attachment" "fail_administrator_access" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "fail_iam_full_access" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_iam_user_policy_attachment" "fail_bedrock_full_access_govcloud" {
  user       = aws_iam_user.analyst.name
  policy_arn = "arn:aws-us-gov:iam::aws:policy/AmazonBedrockFullAccess"
}

resource "aws_iam_group_policy_attachment" "fail_s3_full_access_china" {
  group      = aws_iam_group.data_scientists.name
  policy_arn = "arn:aws-cn:iam::aws:policy/AmazonS3FullAccess"
}

resource "aws_iam_policy_attachment" "fail_power_user_any_partition" {
  name       = "power-users"
  groups     = [aws_iam_group.data_scientists.name]
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role" "fail_role_sagemaker_full_access" {
  name = "notebook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = [
    "arn:aws:iam::111122223333:policy/training-data-read",
    "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
  ]
}

resource "aws_iam_role_policy_attachment" "pass_aws_managed_admin_for_amplify_only" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess-Amplify"
}

resource "aws_iam_role_policy_attachment" "fail_lambda_full_access" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = "arn:aws:iam::aws:policy/AWSLambda_FullAccess"
}

resource "aws_iam_role_policy_attachment" "fail_admin_built_with_format_and_local" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = format("arn:%s:iam::aws:policy/%s", local.partition, "AdministratorAccess")
}

resource "aws_iam_user_policy_attachment" "fail_ecr_full_access_built_with_format_and_partition" {
  user       = aws_iam_user.analyst.name
  policy_arn = format("arn:%s:iam::aws:policy/%s", data.aws_partition.current.partition, "AmazonEC2ContainerRegistryFullAccess")
}

resource "aws_iam_policy_attachment" "pass_read_only_built_with_format" {
  name       = "read-only"
  groups     = [aws_iam_group.data_scientists.name]
  policy_arn = format("arn:%s:iam::aws:policy/%s", data.aws_partition.current.partition, "AmazonSageMakerReadOnly")
}

resource "aws_iam_role_policy_attachments_exclusive" "fail_exclusive_bedrock_full_access" {
  role_name   = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arns = ["arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonBedrockFullAccess"]
}

resource "aws_iam_group_policy_attachments_exclusive" "pass_exclusive_customer_policy" {
  group_name  = aws_iam_group.data_scientists.name
  policy_arns = [aws_iam_policy.training_data_read.arn]
}

resource "aws_iam_user_policy_attachments_exclusive" "pass_exclusive_aws_managed_read_only" {
  user_name   = aws_iam_user.analyst.name
  policy_arns = ["arn:aws:iam::aws:policy/AmazonSageMakerReadOnly", "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"]
}

resource "aws_iam_role_policy_attachment" "unknown_policy_from_data_source" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = data.aws_iam_policy.sagemaker_managed.arn
}

resource "aws_iam_user_policy_attachment" "unknown_policy_from_variable" {
  user       = aws_iam_user.analyst.name
  policy_arn = var.extra_policy_arn
}

resource "aws_iam_role" "unknown_role_arn_from_variable" {
  name = "pipeline"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = [var.extra_policy_arn, "arn:aws:iam::111122223333:policy/training-data-read"]
}

resource "aws_iam_role_policy_attachment" "unknown_policy_name_from_variable" {
  role       = aws_iam_role.pass_training_without_managed_policy_arns.name
  policy_arn = format("arn:%s:iam::aws:policy/%s", data.aws_partition.current.partition, var.extra_policy_name)
}

variable "extra_policy_name" {
  type = string
}

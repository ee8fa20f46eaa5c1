# CKV2_AISEC_30: no broad AWS-managed policy is attached through a data.aws_iam_policy lookup.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
#
# The lookups depend on a resource of this configuration, so a plan reads them during apply: the plan keeps
# the reference, and the rule follows it as it does in HCL. (A lookup read at plan time is rendered into the
# attachment's policy_arn, which CKV_AISEC_9 judges; so is, often in HCL too, the arn of a lookup by ARN,
# which is known before the lookup: tests/rules/test_iam_no_broad_managed_policy_lookup.py covers that case.)

variable "policy_name" {
  type = string
}


# No lookup attached: nothing for this rule to find (CKV_AISEC_9 judges literal ARNs).
resource "aws_iam_role" "pass_training" {
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

data "aws_iam_policy" "administrator" {
  name       = "AdministratorAccess"
  depends_on = [aws_iam_role.pass_training]
}

data "aws_iam_policy" "s3_full_access" {
  name       = "AmazonS3FullAccess"
  depends_on = [aws_iam_role.pass_training]
}

data "aws_iam_policy" "bedrock_full_access" {
  name       = "AmazonBedrockFullAccess"
  depends_on = [aws_iam_role.pass_training]
}

data "aws_iam_policy" "sagemaker_read_only" {
  name       = "AmazonSageMakerReadOnly"
  depends_on = [aws_iam_role.pass_training]
}

# Under a path AWS does not use, only a customer policy of that name can be found.
data "aws_iam_policy" "team_administrator" {
  name        = "AdministratorAccess"
  path_prefix = "/ml-platform/"
  depends_on  = [aws_iam_role.pass_training]
}

data "aws_iam_policy" "chosen" {
  name       = var.policy_name
  depends_on = [aws_iam_role.pass_training]
}

resource "aws_iam_role_policy_attachment" "fail_administrator_by_name" {
  role       = aws_iam_role.pass_training.name
  policy_arn = data.aws_iam_policy.administrator.arn
}

resource "aws_iam_user_policy_attachment" "fail_s3_full_access" {
  user       = aws_iam_user.analyst.name
  policy_arn = data.aws_iam_policy.s3_full_access.arn
}

resource "aws_iam_policy_attachment" "fail_bedrock_full_access_shared" {
  name       = "bedrock-users"
  groups     = [aws_iam_group.data_scientists.name]
  policy_arn = data.aws_iam_policy.bedrock_full_access.arn
}

resource "aws_iam_role" "fail_role_managed_policy_arns" {
  name = "notebook"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sagemaker.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  managed_policy_arns = [data.aws_iam_policy.administrator.arn]
}

resource "aws_iam_group_policy_attachments_exclusive" "fail_exclusive_s3_full_access" {
  group_name  = aws_iam_group.data_scientists.name
  policy_arns = [data.aws_iam_policy.s3_full_access.arn]
}

resource "aws_iam_role_policy_attachment" "pass_read_only_by_name" {
  role       = aws_iam_role.pass_training.name
  policy_arn = data.aws_iam_policy.sagemaker_read_only.arn
}

resource "aws_iam_group_policy_attachment" "pass_customer_policy_of_the_same_name" {
  group      = aws_iam_group.data_scientists.name
  policy_arn = data.aws_iam_policy.team_administrator.arn
}

resource "aws_iam_role_policy_attachment" "unknown_lookup_name_from_variable" {
  role       = aws_iam_role.pass_training.name
  policy_arn = data.aws_iam_policy.chosen.arn
}

# CKV_AISEC_76: CloudWatch log groups are encrypted with a customer-managed KMS key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "logs_key_arn" {
  type = string
}

data "aws_iam_policy_document" "log_cmk_key_policy" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsUsesTheKey"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.us-east-1.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:us-east-1:111122223333:log-group:*"]
    }
  }
}

resource "aws_kms_key" "log_cmk_logs" {
  description         = "AI workload logs"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.log_cmk_key_policy.json
}

resource "aws_cloudwatch_log_group" "pass_bedrock_invocations_cmk" {
  name              = "/aws/bedrock/log-cmk-model-invocations"
  kms_key_id        = aws_kms_key.log_cmk_logs.arn
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "pass_endpoint_logs_cmk_arn" {
  name              = "/aws/sagemaker/Endpoints/log-cmk-summarizer"
  kms_key_id        = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  retention_in_days = 90
}

resource "aws_cloudwatch_log_group" "fail_lambda_logs_without_key" {
  name              = "/aws/lambda/log-cmk-chat-handler"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "fail_access_logs_without_key" {
  name = "/aws/apigateway/log-cmk-inference-access"
}

resource "aws_cloudwatch_log_group" "unknown_key_from_variable" {
  name       = "/ecs/log-cmk-model-server"
  kms_key_id = var.logs_key_arn
}

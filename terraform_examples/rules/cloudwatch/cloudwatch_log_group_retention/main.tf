# CKV_AISEC_77: CloudWatch log groups keep events for a bounded period of at least 90 days.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "log_retention_days" {
  type = number
}

resource "aws_kms_key" "log_retention_logs" {
  description         = "AI workload logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "pass_one_year" {
  name              = "/aws/bedrock/log-retention-model-invocations"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.log_retention_logs.arn
}

resource "aws_cloudwatch_log_group" "pass_ninety_days_infrequent_access" {
  name              = "/aws/sagemaker/Endpoints/log-retention-summarizer"
  retention_in_days = 90
  log_group_class   = "INFREQUENT_ACCESS"
  kms_key_id        = aws_kms_key.log_retention_logs.arn
}

resource "aws_cloudwatch_log_group" "pass_delivery_to_s3" {
  name            = "/aws/vendedlogs/log-retention-agent-runtime"
  log_group_class = "DELIVERY"
}

resource "aws_cloudwatch_log_group" "fail_never_expires" {
  name       = "/aws/lambda/log-retention-chat-handler"
  kms_key_id = aws_kms_key.log_retention_logs.arn
}

resource "aws_cloudwatch_log_group" "fail_zero_never_expires" {
  name              = "/ecs/log-retention-model-server"
  retention_in_days = 0
  kms_key_id        = aws_kms_key.log_retention_logs.arn
}

resource "aws_cloudwatch_log_group" "fail_one_week" {
  name              = "/aws/apigateway/log-retention-inference-access"
  retention_in_days = 7
  kms_key_id        = aws_kms_key.log_retention_logs.arn
}

resource "aws_cloudwatch_log_group" "unknown_retention_from_variable" {
  name              = "/aws/lambda/log-retention-embedder"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.log_retention_logs.arn
}

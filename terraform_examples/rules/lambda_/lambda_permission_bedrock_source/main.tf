# CKV_AISEC_150: Lambda permissions for bedrock.amazonaws.com name the agent or account they admit.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "agent_account_id" {
  type = string
}

resource "aws_iam_role" "order_lookup" {
  name = "example-order-lookup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "order_lookup" {
  function_name = "example-order-lookup"
  role          = aws_iam_role.order_lookup.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "example-artifacts"
  s3_key        = "order-lookup.zip"
}

resource "aws_lambda_permission" "pass_source_arn_literal" {
  statement_id  = "AllowSupportAgent"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.order_lookup.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = "arn:aws:bedrock:us-east-1:111122223333:agent/AGENT12345"
}

resource "aws_lambda_permission" "pass_any_agent_of_one_account" {
  statement_id  = "AllowOwnAgents"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.order_lookup.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = "arn:aws:bedrock:us-east-1:111122223333:agent/*"
}

resource "aws_lambda_permission" "pass_source_account" {
  statement_id   = "AllowAccountAgents"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_lookup.function_name
  principal      = "bedrock.amazonaws.com"
  source_account = "111122223333"
}

resource "aws_lambda_permission" "pass_other_service" {
  statement_id  = "AllowEvents"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.order_lookup.function_name
  principal     = "events.amazonaws.com"
}

resource "aws_lambda_permission" "fail_no_source" {
  statement_id  = "AllowAnyBedrockAgent"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.order_lookup.function_name
  principal     = "bedrock.amazonaws.com"
}

resource "aws_lambda_permission" "fail_source_arn_without_account" {
  statement_id  = "AllowAgentsAnywhere"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.order_lookup.function_name
  principal     = "bedrock.amazonaws.com"
  source_arn    = "arn:aws:bedrock:us-east-1::agent/*"
}

resource "aws_lambda_permission" "unknown_account_from_variable" {
  statement_id   = "AllowAgentsOfVariableAccount"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.order_lookup.function_name
  principal      = "bedrock.amazonaws.com"
  source_account = var.agent_account_id
}

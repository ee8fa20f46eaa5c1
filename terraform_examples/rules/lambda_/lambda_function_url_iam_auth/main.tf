# CKV_AISEC_71: Lambda function URLs require IAM authentication.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "url_auth_type" {
  type = string
}

resource "aws_iam_role" "function_url_inference" {
  name = "example-inference-function"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_lambda_function" "function_url_inference" {
  function_name = "example-inference"
  role          = aws_iam_role.function_url_inference.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "example-artifacts"
  s3_key        = "inference.zip"
}

resource "aws_lambda_alias" "function_url_live" {
  name             = "live"
  function_name    = aws_lambda_function.function_url_inference.function_name
  function_version = "1"
}

resource "aws_lambda_function_url" "pass_iam" {
  function_name      = aws_lambda_function.function_url_inference.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "pass_iam_streaming_alias" {
  function_name      = aws_lambda_function.function_url_inference.function_name
  qualifier          = aws_lambda_alias.function_url_live.name
  authorization_type = "AWS_IAM"
  invoke_mode        = "RESPONSE_STREAM"
}

resource "aws_lambda_function_url" "fail_open" {
  function_name      = "example-chat-completions"
  authorization_type = "NONE"

  cors {
    allow_origins = ["https://chat.example.com"]
    allow_methods = ["POST"]
  }
}

resource "aws_lambda_function_url" "unknown_auth_from_variable" {
  function_name      = aws_lambda_function.function_url_inference.function_name
  authorization_type = var.url_auth_type
}

# CKV2_AISEC_47: no unauthenticated entry point leads to a function that may invoke any model.
# Function URLs and API Gateway methods say the verdict each must get: pass_*, fail_* or unknown_*.

variable "url_auth" {
  type = string
}

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "chat" {
  name               = "chat"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "chat" {
  name = "invoke-any-model"
  role = aws_iam_role.chat.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_role" "scoped" {
  name               = "scoped-chat"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy" "scoped" {
  name = "invoke-one-model"
  role = aws_iam_role.scoped.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel"]
      Resource = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "scoped_logs" {
  role       = aws_iam_role.scoped.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role" "scorer" {
  name               = "scorer"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
}

resource "aws_iam_role_policy_attachment" "scorer" {
  role       = aws_iam_role.scorer.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

resource "aws_lambda_function" "chat" {
  function_name = "chat"
  role          = aws_iam_role.chat.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "chat.zip"
}

resource "aws_lambda_function" "scoped" {
  function_name = "scoped-chat"
  role          = aws_iam_role.scoped.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "chat.zip"
}

resource "aws_lambda_function" "scorer" {
  function_name = "scorer"
  role          = aws_iam_role.scorer.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "scorer.zip"
}

resource "aws_lambda_function_url" "fail_open_url_any_model" {
  function_name      = aws_lambda_function.chat.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function_url" "pass_iam_url_any_model" {
  function_name      = aws_lambda_function.chat.function_name
  qualifier          = "live"
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "pass_open_url_one_model" {
  function_name      = aws_lambda_function.scoped.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_function_url" "unknown_url_auth_from_variable" {
  function_name      = aws_lambda_function.chat.function_name
  qualifier          = "beta"
  authorization_type = var.url_auth
}

resource "aws_api_gateway_rest_api" "scoring" {
  name = "scoring"
}

resource "aws_api_gateway_resource" "score" {
  rest_api_id = aws_api_gateway_rest_api.scoring.id
  parent_id   = aws_api_gateway_rest_api.scoring.root_resource_id
  path_part   = "score"
}

resource "aws_api_gateway_method" "fail_open_method_sagemaker_full_access" {
  rest_api_id   = aws_api_gateway_rest_api.scoring.id
  resource_id   = aws_api_gateway_resource.score.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "score" {
  rest_api_id             = aws_api_gateway_rest_api.scoring.id
  resource_id             = aws_api_gateway_resource.score.id
  http_method             = aws_api_gateway_method.fail_open_method_sagemaker_full_access.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.scorer.invoke_arn
}

resource "aws_api_gateway_method" "pass_iam_method" {
  rest_api_id   = aws_api_gateway_rest_api.scoring.id
  resource_id   = aws_api_gateway_resource.score.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

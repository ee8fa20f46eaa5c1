# CKV_AISEC_70: API Gateway REST methods require an authorizer, IAM or an API key.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "invoke_authorization" {
  type = string
}

resource "aws_api_gateway_rest_api" "method_auth_inference" {
  name = "example-inference-api"
}

resource "aws_api_gateway_resource" "method_auth_invoke" {
  rest_api_id = aws_api_gateway_rest_api.method_auth_inference.id
  parent_id   = aws_api_gateway_rest_api.method_auth_inference.root_resource_id
  path_part   = "invoke"
}

resource "aws_api_gateway_resource" "method_auth_models" {
  rest_api_id = aws_api_gateway_rest_api.method_auth_inference.id
  parent_id   = aws_api_gateway_rest_api.method_auth_inference.root_resource_id
  path_part   = "models"
}

resource "aws_api_gateway_resource" "method_auth_feedback" {
  rest_api_id = aws_api_gateway_rest_api.method_auth_inference.id
  parent_id   = aws_api_gateway_rest_api.method_auth_inference.root_resource_id
  path_part   = "feedback"
}

resource "aws_cognito_user_pool" "method_auth_users" {
  name = "example-inference-users"
}

resource "aws_api_gateway_authorizer" "method_auth_users" {
  name          = "inference-users"
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.method_auth_users.arn]
}

resource "aws_api_gateway_authorizer" "method_auth_tokens" {
  name           = "inference-tokens"
  rest_api_id    = aws_api_gateway_rest_api.method_auth_inference.id
  type           = "TOKEN"
  authorizer_uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:token-check/invocations"
}

resource "aws_api_gateway_method" "pass_invoke_cognito" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_invoke.id
  http_method   = "POST"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.method_auth_users.id
}

resource "aws_api_gateway_method" "pass_models_iam" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_models.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "pass_models_lambda_authorizer" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_models.id
  http_method   = "PUT"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.method_auth_tokens.id
}

resource "aws_api_gateway_method" "pass_feedback_api_key" {
  rest_api_id      = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id      = aws_api_gateway_resource.method_auth_feedback.id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "pass_invoke_cors_preflight" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_invoke.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "fail_invoke_open_get" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_invoke.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "fail_feedback_open_any" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_feedback.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "fail_models_key_not_required" {
  rest_api_id      = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id      = aws_api_gateway_resource.method_auth_models.id
  http_method      = "DELETE"
  authorization    = "NONE"
  api_key_required = false
}

resource "aws_api_gateway_method" "unknown_invoke_authorization_from_variable" {
  rest_api_id   = aws_api_gateway_rest_api.method_auth_inference.id
  resource_id   = aws_api_gateway_resource.method_auth_invoke.id
  http_method   = "PUT"
  authorization = var.invoke_authorization
}

# --- The model provider's API key, and the inference API in front of the endpoint -------------------

resource "aws_secretsmanager_secret" "model_api_key" {
  name       = "model-provider-api-key"
  kms_key_id = aws_kms_key.ml.arn
}

resource "aws_secretsmanager_secret_rotation" "model_api_key" {
  secret_id           = aws_secretsmanager_secret.model_api_key.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate-model-api-key"

  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_apigatewayv2_api" "inference" {
  name          = "inference"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "users" {
  api_id           = aws_apigatewayv2_api.inference.id
  name             = "users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    audience = ["inference-api"]
    issuer   = "https://auth.example.com/"
  }
}

resource "aws_apigatewayv2_route" "generate" {
  api_id             = aws_apigatewayv2_api.inference.id
  route_key          = "POST /generate"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.users.id
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/apigateway/inference"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 365
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.inference.id
  name        = "prod"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status", ip = "$context.identity.sourceIp" })
  }
}

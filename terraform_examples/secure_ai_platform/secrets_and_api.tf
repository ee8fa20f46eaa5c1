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

# A chat front end for the LLM endpoint behind a function URL: callers sign their requests (AWS_IAM), the role
# may invoke the llm endpoint only, and the provider's API key stays in Secrets Manager.
resource "aws_iam_role" "chat_api" {
  name = "chat-api"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = "111122223333" } }
    }]
  })
}

resource "aws_iam_role_policy" "chat_api" {
  name = "invoke-llm-endpoint"
  role = aws_iam_role.chat_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "sagemaker:InvokeEndpoint"
      Resource = "arn:aws:sagemaker:us-east-1:111122223333:endpoint/llm"
    }]
  })
}

resource "aws_lambda_function" "chat_api" {
  function_name = "chat-api"
  role          = aws_iam_role.chat_api.arn
  package_type  = "Image"
  image_uri     = "111122223333.dkr.ecr.us-east-1.amazonaws.com/chat-api:1.0.3"

  environment {
    variables = {
      LLM_ENDPOINT_NAME        = "llm"
      MODEL_API_KEY_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:model-provider-api-key-AbCdEf"
    }
  }
}

resource "aws_lambda_function_url" "chat_api" {
  function_name      = aws_lambda_function.chat_api.function_name
  authorization_type = "AWS_IAM"
}

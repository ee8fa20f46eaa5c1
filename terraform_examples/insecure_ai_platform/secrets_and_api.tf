# --- The model provider's API key, and the inference API in front of the endpoint -------------------

resource "aws_secretsmanager_secret" "model_api_key" {
  name = "model-provider-api-key"
  # the AWS-managed aws/secretsmanager key   <- CKV_AISEC_74
}

resource "aws_secretsmanager_secret" "embedding_api_key" {
  name       = "embedding-provider-api-key"
  kms_key_id = aws_kms_key.ml.arn
  # no aws_secretsmanager_secret_rotation    <- CKV2_AISEC_16
}

resource "aws_secretsmanager_secret_rotation" "model_api_key" {
  secret_id           = aws_secretsmanager_secret.model_api_key.id
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:rotate-model-api-key"

  rotation_rules {
    automatically_after_days = 180 # <- CKV_AISEC_75
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

resource "aws_apigatewayv2_route" "embed" {
  api_id    = aws_apigatewayv2_api.inference.id
  route_key = "POST /embed"
  # authorization_type defaults to NONE   <- CKV2_AISEC_17
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

  # no default_route_settings throttling   <- CKV_AISEC_73
  # no access_log_settings                 <- CKV_AISEC_78
}

# A chat front end for the LLM endpoint, published with a function URL for a demo: it skips the API's JWT
# authorizer, and its role may invoke every SageMaker endpoint of the account.
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
      Resource = "*" # every endpoint, not only the llm one
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
      LLM_ENDPOINT_NAME = "llm"
      EMBEDDING_API_KEY = "sk-proj-EXAMPLEexampleEXAMPLEexample0123456789" # pasted, not read from the secret   <- CKV_AISEC_141
    }
  }
}

resource "aws_lambda_function_url" "chat_api" {
  function_name      = aws_lambda_function.chat_api.function_name
  authorization_type = "NONE" # anyone on the internet   <- CKV_AISEC_71, CKV2_AISEC_47: and on to any endpoint
}

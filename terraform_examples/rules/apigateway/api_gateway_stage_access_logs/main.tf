# CKV_AISEC_78: API Gateway stages write access logs.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "access_log_destination" {
  type = string
}

locals {
  access_log_format = jsonencode({
    requestId   = "$context.requestId"
    sourceIp    = "$context.identity.sourceIp"
    caller      = "$context.identity.caller"
    requestTime = "$context.requestTime"
    status      = "$context.status"
  })
}

resource "aws_cloudwatch_log_group" "access_logs_inference" {
  name              = "/aws/apigateway/access-logs-inference"
  retention_in_days = 365
}

# -- REST API stages ----------------------------------------------------------------------------------------

resource "aws_api_gateway_rest_api" "access_logs_inference" {
  name = "example-access-logs-inference"
}

resource "aws_api_gateway_resource" "access_logs_invoke" {
  rest_api_id = aws_api_gateway_rest_api.access_logs_inference.id
  parent_id   = aws_api_gateway_rest_api.access_logs_inference.root_resource_id
  path_part   = "invoke"
}

resource "aws_api_gateway_method" "access_logs_invoke" {
  rest_api_id   = aws_api_gateway_rest_api.access_logs_inference.id
  resource_id   = aws_api_gateway_resource.access_logs_invoke.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "access_logs_invoke" {
  rest_api_id = aws_api_gateway_rest_api.access_logs_inference.id
  resource_id = aws_api_gateway_resource.access_logs_invoke.id
  http_method = aws_api_gateway_method.access_logs_invoke.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "access_logs_inference" {
  rest_api_id = aws_api_gateway_rest_api.access_logs_inference.id
  depends_on  = [aws_api_gateway_integration.access_logs_invoke]
}

resource "aws_api_gateway_stage" "pass_rest_logs_to_log_group" {
  rest_api_id   = aws_api_gateway_rest_api.access_logs_inference.id
  deployment_id = aws_api_gateway_deployment.access_logs_inference.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access_logs_inference.arn
    format          = local.access_log_format
  }
}

resource "aws_api_gateway_stage" "fail_rest_no_access_logs" {
  rest_api_id   = aws_api_gateway_rest_api.access_logs_inference.id
  deployment_id = aws_api_gateway_deployment.access_logs_inference.id
  stage_name    = "staging"
}

# -- HTTP and WebSocket API stages --------------------------------------------------------------------------

resource "aws_apigatewayv2_api" "access_logs_chat" {
  name          = "example-access-logs-chat"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "pass_http_logs_to_firehose" {
  api_id      = aws_apigatewayv2_api.access_logs_chat.id
  name        = "prod"
  auto_deploy = true

  access_log_settings {
    destination_arn = "arn:aws:firehose:us-east-1:111122223333:deliverystream/amazon-apigateway-chat-access"
    format          = local.access_log_format
  }
}

resource "aws_apigatewayv2_stage" "fail_http_no_access_logs" {
  api_id      = aws_apigatewayv2_api.access_logs_chat.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_stage" "unknown_http_destination_from_variable" {
  api_id = aws_apigatewayv2_api.access_logs_chat.id
  name   = "staging"

  access_log_settings {
    destination_arn = var.access_log_destination
    format          = local.access_log_format
  }
}

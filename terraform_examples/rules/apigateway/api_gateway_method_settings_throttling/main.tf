# CKV_AISEC_72: API Gateway REST method settings throttle requests with positive rate and burst limits.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "inference_rate_limit" {
  type = number
}

resource "aws_api_gateway_rest_api" "settings_throttle_inference" {
  name = "example-settings-throttle-api"
}

resource "aws_api_gateway_resource" "settings_throttle_invoke" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  parent_id   = aws_api_gateway_rest_api.settings_throttle_inference.root_resource_id
  path_part   = "invoke"
}

resource "aws_api_gateway_method" "settings_throttle_invoke_post" {
  rest_api_id   = aws_api_gateway_rest_api.settings_throttle_inference.id
  resource_id   = aws_api_gateway_resource.settings_throttle_invoke.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "settings_throttle_invoke_post" {
  rest_api_id             = aws_api_gateway_rest_api.settings_throttle_inference.id
  resource_id             = aws_api_gateway_resource.settings_throttle_invoke.id
  http_method             = aws_api_gateway_method.settings_throttle_invoke_post.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:inference/invocations"
}

resource "aws_api_gateway_deployment" "settings_throttle_v1" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  depends_on  = [aws_api_gateway_integration.settings_throttle_invoke_post]
}

resource "aws_api_gateway_stage" "settings_throttle_prod" {
  rest_api_id   = aws_api_gateway_rest_api.settings_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.settings_throttle_v1.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "settings_throttle_staging" {
  rest_api_id   = aws_api_gateway_rest_api.settings_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.settings_throttle_v1.id
  stage_name    = "staging"
}

resource "aws_api_gateway_stage" "settings_throttle_canary" {
  rest_api_id   = aws_api_gateway_rest_api.settings_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.settings_throttle_v1.id
  stage_name    = "canary"
}

resource "aws_api_gateway_method_settings" "pass_stage_wide" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
    metrics_enabled        = true
  }
}

resource "aws_api_gateway_method_settings" "pass_invoke_fractional_rate" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_prod.stage_name
  method_path = "invoke/POST"

  settings {
    throttling_rate_limit  = 0.5
    throttling_burst_limit = 2
  }
}

resource "aws_api_gateway_method_settings" "fail_logging_only" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_staging.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
    logging_level   = "ERROR"
  }
}

resource "aws_api_gateway_method_settings" "fail_explicitly_disabled" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_staging.stage_name
  method_path = "invoke/POST"

  settings {
    throttling_rate_limit  = -1
    throttling_burst_limit = -1
  }
}

resource "aws_api_gateway_method_settings" "fail_rate_without_burst" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_canary.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit = 20
  }
}

resource "aws_api_gateway_method_settings" "unknown_rate_from_variable" {
  rest_api_id = aws_api_gateway_rest_api.settings_throttle_inference.id
  stage_name  = aws_api_gateway_stage.settings_throttle_canary.stage_name
  method_path = "invoke/POST"

  settings {
    throttling_rate_limit  = var.inference_rate_limit
    throttling_burst_limit = 10
  }
}

# CKV_AISEC_73: API Gateway HTTP and WebSocket stages throttle the default route with positive limits.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "chat_burst_limit" {
  type = number
}

resource "aws_apigatewayv2_api" "v2_throttle_inference" {
  name          = "example-v2-throttle-inference"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "v2_throttle_chat" {
  name                       = "example-v2-throttle-chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_stage" "pass_http_default_route_throttled" {
  api_id      = aws_apigatewayv2_api.v2_throttle_inference.id
  name        = "prod"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

resource "aws_apigatewayv2_stage" "pass_websocket_throttled_with_route_override" {
  api_id = aws_apigatewayv2_api.v2_throttle_chat.id
  name   = "prod"

  default_route_settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 20
    logging_level          = "ERROR"
  }

  route_settings {
    route_key              = "sendMessage"
    throttling_rate_limit  = 2
    throttling_burst_limit = 5
  }
}

resource "aws_apigatewayv2_stage" "fail_http_no_route_settings" {
  api_id      = aws_apigatewayv2_api.v2_throttle_inference.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_stage" "fail_http_metrics_only" {
  api_id = aws_apigatewayv2_api.v2_throttle_inference.id
  name   = "staging"

  default_route_settings {
    detailed_metrics_enabled = true
  }
}

resource "aws_apigatewayv2_stage" "fail_http_only_one_route_throttled" {
  api_id = aws_apigatewayv2_api.v2_throttle_inference.id
  name   = "canary"

  route_settings {
    route_key              = "POST /invoke"
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }
}

resource "aws_apigatewayv2_stage" "fail_websocket_zero_burst" {
  api_id = aws_apigatewayv2_api.v2_throttle_chat.id
  name   = "staging"

  default_route_settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = 0
  }
}

resource "aws_apigatewayv2_stage" "unknown_websocket_burst_from_variable" {
  api_id = aws_apigatewayv2_api.v2_throttle_chat.id
  name   = "canary"

  default_route_settings {
    throttling_rate_limit  = 10
    throttling_burst_limit = var.chat_burst_limit
  }
}

# CKV2_AISEC_17: API Gateway HTTP routes and WebSocket connections require authorization.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "admin_authorization_type" {
  type = string
}

# -- an HTTP API: every route authorizes on its own -------------------------------------------------------

resource "aws_apigatewayv2_api" "route_auth_inference" {
  name          = "example-route-auth-inference"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
    allow_methods = ["POST"]
  }
}

resource "aws_apigatewayv2_authorizer" "route_auth_users" {
  api_id           = aws_apigatewayv2_api.route_auth_inference.id
  name             = "users"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    audience = ["inference-app"]
    issuer   = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"
  }
}

resource "aws_apigatewayv2_integration" "route_auth_model" {
  api_id                 = aws_apigatewayv2_api.route_auth_inference.id
  integration_type       = "AWS_PROXY"
  integration_uri        = "arn:aws:lambda:us-east-1:111122223333:function:inference"
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "pass_http_invoke_jwt" {
  api_id             = aws_apigatewayv2_api.route_auth_inference.id
  route_key          = "POST /invoke"
  target             = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.route_auth_users.id
}

resource "aws_apigatewayv2_route" "pass_http_models_iam" {
  api_id             = aws_apigatewayv2_api.route_auth_inference.id
  route_key          = "GET /models"
  target             = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
  authorization_type = "AWS_IAM"
}

resource "aws_apigatewayv2_route" "pass_http_cors_preflight" {
  api_id    = aws_apigatewayv2_api.route_auth_inference.id
  route_key = "OPTIONS /invoke"
  target    = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
}

resource "aws_apigatewayv2_route" "fail_http_chat_open" {
  api_id    = aws_apigatewayv2_api.route_auth_inference.id
  route_key = "POST /chat"
  target    = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
}

resource "aws_apigatewayv2_route" "fail_http_catch_all_open" {
  api_id             = aws_apigatewayv2_api.route_auth_inference.id
  route_key          = "$default"
  target             = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
  authorization_type = "NONE"
}

resource "aws_apigatewayv2_route" "unknown_http_admin_authorization_from_variable" {
  api_id             = aws_apigatewayv2_api.route_auth_inference.id
  route_key          = "POST /admin"
  target             = "integrations/${aws_apigatewayv2_integration.route_auth_model.id}"
  authorization_type = var.admin_authorization_type
}

# -- a WebSocket API whose $connect route runs a Lambda authorizer --------------------------------------------

resource "aws_apigatewayv2_api" "route_auth_chat" {
  name                       = "example-route-auth-chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_authorizer" "route_auth_chat_tokens" {
  api_id           = aws_apigatewayv2_api.route_auth_chat.id
  name             = "chat-tokens"
  authorizer_type  = "REQUEST"
  authorizer_uri   = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:token-check/invocations"
  identity_sources = ["route.request.querystring.token"]
}

resource "aws_apigatewayv2_route" "pass_ws_connect_lambda_authorizer" {
  api_id             = aws_apigatewayv2_api.route_auth_chat.id
  route_key          = "$connect"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.route_auth_chat_tokens.id
}

resource "aws_apigatewayv2_route" "pass_ws_send_message_after_connect" {
  api_id    = aws_apigatewayv2_api.route_auth_chat.id
  route_key = "sendMessage"
}

resource "aws_apigatewayv2_route" "pass_ws_default_after_connect" {
  api_id    = aws_apigatewayv2_api.route_auth_chat.id
  route_key = "$default"
}

# -- a WebSocket API whose $connect route is open -------------------------------------------------------------

resource "aws_apigatewayv2_api" "route_auth_open_chat" {
  name                       = "example-route-auth-open-chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "fail_ws_connect_open" {
  api_id    = aws_apigatewayv2_api.route_auth_open_chat.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_route" "fail_ws_send_message_open_connect" {
  api_id    = aws_apigatewayv2_api.route_auth_open_chat.id
  route_key = "sendMessage"
}

# -- a WebSocket API without a $connect route -----------------------------------------------------------------

resource "aws_apigatewayv2_api" "route_auth_bare_chat" {
  name                       = "example-route-auth-bare-chat"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "fail_ws_no_connect_route" {
  api_id    = aws_apigatewayv2_api.route_auth_bare_chat.id
  route_key = "generate"
}

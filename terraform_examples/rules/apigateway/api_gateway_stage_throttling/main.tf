# CKV2_AISEC_15: API Gateway REST stages set stage-wide throttling in method settings.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# Cases whose settings are not known at plan time would decide every stage of the scan; they are in
# tests/rules/test_api_gateway_stage_throttling.py.

resource "aws_api_gateway_rest_api" "stage_throttle_inference" {
  name = "example-stage-throttle-inference"
}

resource "aws_api_gateway_rest_api" "stage_throttle_admin" {
  name = "example-stage-throttle-admin"
}

resource "aws_api_gateway_resource" "stage_throttle_invoke" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  parent_id   = aws_api_gateway_rest_api.stage_throttle_inference.root_resource_id
  path_part   = "invoke"
}

resource "aws_api_gateway_method" "stage_throttle_invoke_post" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_inference.id
  resource_id   = aws_api_gateway_resource.stage_throttle_invoke.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "stage_throttle_invoke_post" {
  rest_api_id             = aws_api_gateway_rest_api.stage_throttle_inference.id
  resource_id             = aws_api_gateway_resource.stage_throttle_invoke.id
  http_method             = aws_api_gateway_method.stage_throttle_invoke_post.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111122223333:function:inference/invocations"
}

resource "aws_api_gateway_deployment" "stage_throttle_inference" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  depends_on  = [aws_api_gateway_integration.stage_throttle_invoke_post]
}

resource "aws_api_gateway_deployment" "stage_throttle_admin" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_admin.id
}

# Throttled by */* settings that refer to the stage.
resource "aws_api_gateway_stage" "pass_prod" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_inference.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "stage_throttle_prod_all" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  stage_name  = aws_api_gateway_stage.pass_prod.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 50
    throttling_burst_limit = 100
  }
}

# Throttled by */* settings that name the stage literally on the same REST API.
resource "aws_api_gateway_stage" "pass_staging_named_literally" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_inference.id
  stage_name    = "staging"
}

resource "aws_api_gateway_method_settings" "stage_throttle_staging_all" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  stage_name  = "staging"
  method_path = "*/*"
  depends_on  = [aws_api_gateway_stage.pass_staging_named_literally]

  settings {
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
    metrics_enabled        = true
  }
}

# Another API's stage of the same name: the literal "staging" settings above are not its own.
resource "aws_api_gateway_stage" "fail_other_api_same_stage_name" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_admin.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_admin.id
  stage_name    = "staging"
}

# Only one method is throttled; the others keep the account-wide quota alone.
resource "aws_api_gateway_stage" "fail_canary_single_method_only" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_inference.id
  stage_name    = "canary"
}

resource "aws_api_gateway_method_settings" "stage_throttle_canary_invoke" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  stage_name  = aws_api_gateway_stage.fail_canary_single_method_only.stage_name
  method_path = "invoke/POST"

  settings {
    throttling_rate_limit  = 5
    throttling_burst_limit = 10
  }
}

# Stage-wide settings that only turn on metrics leave throttling at -1 (disabled).
resource "aws_api_gateway_stage" "fail_dev_metrics_only" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_inference.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_inference.id
  stage_name    = "dev"
}

resource "aws_api_gateway_method_settings" "stage_throttle_dev_all" {
  rest_api_id = aws_api_gateway_rest_api.stage_throttle_inference.id
  stage_name  = aws_api_gateway_stage.fail_dev_metrics_only.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
  }
}

resource "aws_api_gateway_stage" "fail_admin_no_settings" {
  rest_api_id   = aws_api_gateway_rest_api.stage_throttle_admin.id
  deployment_id = aws_api_gateway_deployment.stage_throttle_admin.id
  stage_name    = "prod"
}

# CKV_AISEC_142: SageMaker notebook and Studio lifecycle scripts hold no literal credentials.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# The scripts are base64, as the provider requires. Decoded: the passing one fetches HF_TOKEN from Secrets
# Manager; the failing ones write a W&B key into a .env file and log in to the Hugging Face Hub with a token
# (made-up examples in the providers' formats).

variable "on_start_script" {
  type = string
}

resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "pass_token_from_secrets_manager" {
  name     = "research-start"
  on_start = "IyEvYmluL2Jhc2gKc2V0IC1lCmV4cG9ydCBIRl9UT0tFTj0kKGF3cyBzZWNyZXRzbWFuYWdlciBnZXQtc2VjcmV0LXZhbHVlIC0tc2VjcmV0LWlkIGhmLXRva2VuIC0tcXVlcnkgU2VjcmV0U3RyaW5nIC0tb3V0cHV0IHRleHQpCnBpcCBpbnN0YWxsIC0tcXVpZXQgLXIgL2hvbWUvZWMyLXVzZXIvU2FnZU1ha2VyL3JlcXVpcmVtZW50cy50eHQK"
}

resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "fail_wandb_key_in_on_create" {
  name      = "research-create"
  on_create = "IyEvYmluL2Jhc2gKc2V0IC1lCmVjaG8gIldBTkRCX0FQSV9LRVk9ZXhhbXBsZS1ub3QtYS1yZWFsLXdhbmRiLWtleS0wMTIzNDU2Nzg5IiA+PiAvaG9tZS9lYzItdXNlci8uZW52Cg=="
}

resource "aws_sagemaker_studio_lifecycle_config" "fail_hub_login_with_token" {
  studio_lifecycle_config_name     = "jupyter-hub-login"
  studio_lifecycle_config_app_type = "JupyterLab"
  studio_lifecycle_config_content  = "IyEvYmluL2Jhc2gKaHVnZ2luZ2ZhY2UtY2xpIGxvZ2luIC0tdG9rZW4gaGZfRVhBTVBMRWV4YW1wbGVFWEFNUExFZXhhbXBsZUVYQU1QTAo="
}

resource "aws_sagemaker_studio_lifecycle_config" "pass_no_credentials" {
  studio_lifecycle_config_name     = "jupyter-dirs"
  studio_lifecycle_config_app_type = "JupyterLab"
  studio_lifecycle_config_content  = "IyEvYmluL2Jhc2gKbWtkaXIgLXAgL2hvbWUvc2FnZW1ha2VyLXVzZXIvLmp1cHl0ZXIK"
}

resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "unknown_script_from_variable" {
  name     = "configurable"
  on_start = var.on_start_script
}

resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "unknown_not_base64" {
  name     = "plain-text"
  on_start = "#!/bin/bash echo not encoded"
}

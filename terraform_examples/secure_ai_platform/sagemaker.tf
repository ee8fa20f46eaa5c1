# --- SageMaker: Studio, notebook, model, endpoint ------------------------------------------------

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "ml-studio"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  app_network_access_type = "VpcOnly"
  kms_key_id              = aws_kms_key.ml.arn

  default_user_settings {
    execution_role  = aws_iam_role.sagemaker_execution.arn
    security_groups = [aws_security_group.workloads.id]
  }

  domain_settings {
    execution_role_identity_config = "USER_PROFILE_NAME"
  }
}

resource "aws_sagemaker_user_profile" "data_scientist" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "data-scientist"

  user_settings {
    execution_role = aws_iam_role.sagemaker_execution.arn
  }
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = aws_iam_role.sagemaker_execution.arn
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.private_a.id
  security_groups        = [aws_security_group.workloads.id]
  direct_internet_access = "Disabled"
  root_access            = "Disabled"
  kms_key_id             = aws_kms_key.ml.arn
  lifecycle_config_name  = aws_sagemaker_notebook_instance_lifecycle_configuration.research.name

  instance_metadata_service_configuration {
    minimum_instance_metadata_service_version = "2"
  }
}

# Decoded, on_start logs the notebook in to the Hugging Face Hub with a token it reads from Secrets Manager.
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "research" {
  name     = "research-start"
  on_start = "IyEvYmluL2Jhc2gKc2V0IC1lCiMgbG9nIHRoZSBub3RlYm9vayBpbiB0byB0aGUgSHVnZ2luZyBGYWNlIEh1YiBmb3IgZ2F0ZWQgYmFzZSBtb2RlbHMsIHdpdGggdGhlIHRva2VuIGtlcHQgaW4gU2VjcmV0cyBNYW5hZ2VyCkhGX1RPS0VOPSIkKGF3cyBzZWNyZXRzbWFuYWdlciBnZXQtc2VjcmV0LXZhbHVlIC0tc2VjcmV0LWlkIGhmLXRva2VuIC0tcXVlcnkgU2VjcmV0U3RyaW5nIC0tb3V0cHV0IHRleHQpIgpzdWRvIC11IGVjMi11c2VyIC1pIGh1Z2dpbmdmYWNlLWNsaSBsb2dpbiAtLXRva2VuICIkSEZfVE9LRU4iCg=="
}

resource "aws_sagemaker_model" "llm" {
  name                     = "llm"
  execution_role_arn       = aws_iam_role.sagemaker_execution.arn
  enable_network_isolation = true

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm-server:1.4.2"
    model_data_url = "s3://example-ai-model-artifacts/llm/model.tar.gz"
  }

  vpc_config {
    subnets            = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.workloads.id]
  }
}

resource "aws_sagemaker_endpoint_configuration" "llm" {
  name        = "llm"
  kms_key_arn = aws_kms_key.ml.arn

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.llm.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 2
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://example-ai-model-artifacts/captures/llm"
    kms_key_id                  = aws_kms_key.data.arn

    capture_options {
      capture_mode = "Input"
    }
    capture_options {
      capture_mode = "Output"
    }
  }
}

resource "aws_sagemaker_endpoint" "llm" {
  name                 = "llm"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.llm.name
}

# The training pipeline: its job encrypts volume and output with the ML key, is isolated and runs in the VPC.
resource "aws_sagemaker_pipeline" "fine_tune" {
  pipeline_name         = "llm-fine-tune"
  pipeline_display_name = "llm-fine-tune"
  role_arn              = aws_iam_role.sagemaker_execution.arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "FineTune"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification                = { TrainingImage = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1", TrainingInputMode = "File" }
        RoleArn                               = aws_iam_role.sagemaker_execution.arn
        OutputDataConfig                      = { S3OutputPath = "s3://example-model-artifacts/fine-tune/", KmsKeyId = aws_kms_key.ml.arn }
        ResourceConfig                        = { InstanceCount = 2, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 50, VolumeKmsKeyId = aws_kms_key.ml.arn }
        StoppingCondition                     = { MaxRuntimeInSeconds = 86400 }
        EnableNetworkIsolation                = true
        EnableInterContainerTrafficEncryption = true
        VpcConfig = {
          Subnets          = [aws_subnet.private_a.id, aws_subnet.private_b.id]
          SecurityGroupIds = [aws_security_group.workloads.id]
        }
      }
    }]
  })
}

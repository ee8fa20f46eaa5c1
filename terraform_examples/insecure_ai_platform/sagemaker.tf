# --- SageMaker: Studio, notebook, model, endpoint ------------------------------------------------

resource "aws_sagemaker_domain" "studio" {
  domain_name             = "ml-studio"
  auth_mode               = "IAM"
  vpc_id                  = aws_vpc.ml.id
  subnet_ids              = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  app_network_access_type = "PublicInternetOnly" # <- CKV_AISEC_6
  # no kms_key_id                                   <- CKV_AISEC_14

  default_user_settings {
    execution_role  = aws_iam_role.sagemaker_execution.arn
    security_groups = [aws_security_group.workloads.id]
  }

  # no domain_settings.execution_role_identity_config   <- CKV_AISEC_26
}

resource "aws_sagemaker_user_profile" "data_scientist" {
  domain_id         = aws_sagemaker_domain.studio.id
  user_profile_name = "data-scientist"

  # no user_settings, so no execution role of its own   <- CKV_AISEC_15
}

resource "aws_sagemaker_notebook_instance" "research" {
  name                   = "research"
  role_arn               = aws_iam_role.sagemaker_execution.arn # a role that reads and writes the model artifacts   <- CKV2_AISEC_45
  instance_type          = "ml.t3.medium"
  subnet_id              = aws_subnet.private_a.id
  security_groups        = [aws_security_group.workloads.id]
  direct_internet_access = "Enabled" # <- CKV_AISEC_5
  lifecycle_config_name  = aws_sagemaker_notebook_instance_lifecycle_configuration.research.name
  # root_access defaults to Enabled     <- CKV_AISEC_12
  # no kms_key_id                       <- CKV_AISEC_11
  # IMDSv1 allowed by default           <- CKV_AISEC_13
}

# Decoded, on_start logs the notebook in to the Hugging Face Hub with a token pasted into the script:
#   sudo -u ec2-user -i huggingface-cli login --token hf_EXAMPLE...   <- CKV_AISEC_142
resource "aws_sagemaker_notebook_instance_lifecycle_configuration" "research" {
  name     = "research-start"
  on_start = "IyEvYmluL2Jhc2gKc2V0IC1lCiMgbG9nIHRoZSBub3RlYm9vayBpbiB0byB0aGUgSHVnZ2luZyBGYWNlIEh1YiBmb3IgZ2F0ZWQgYmFzZSBtb2RlbHMKc3VkbyAtdSBlYzItdXNlciAtaSBodWdnaW5nZmFjZS1jbGkgbG9naW4gLS10b2tlbiBoZl9FWEFNUExFZXhhbXBsZUVYQU1QTEVleGFtcGxlRVhBTVBMCg=="
}

resource "aws_sagemaker_model" "llm" {
  name                     = "llm"
  execution_role_arn       = aws_iam_role.sagemaker_execution.arn
  enable_network_isolation = false # <- CKV_AISEC_16

  primary_container {
    image          = "111122223333.dkr.ecr.us-east-1.amazonaws.com/llm-server:latest" # <- CKV_AISEC_134
    model_data_url = "s3://example-ai-model-artifacts/llm/model.tar.gz"               # the fine-tuned adapter

    environment = {
      HF_MODEL_ID            = "meta-llama/Llama-3.1-8B-Instruct"      # base weights from the Hub at start-up   <- CKV_AISEC_138
      HF_TRUST_REMOTE_CODE   = "true"                                  # <- CKV_AISEC_130
      HUGGING_FACE_HUB_TOKEN = "hf_EXAMPLEexampleEXAMPLEexampleEXAMPL" # literal Hub token   <- CKV_AISEC_139
    }
  }
  # no vpc_config                    <- CKV_AISEC_17
}

resource "aws_sagemaker_endpoint_configuration" "llm" {
  name = "llm"
  # no kms_key_arn for instance storage   <- CKV_AISEC_18

  production_variants {
    variant_name           = "primary"
    model_name             = aws_sagemaker_model.llm.name
    instance_type          = "ml.m5.xlarge"
    initial_instance_count = 1    # a single instance: one failure takes the endpoint down   <- CKV_AISEC_156
    enable_ssm_access      = true # <- CKV_AISEC_25
  }

  data_capture_config {
    enable_capture              = true
    initial_sampling_percentage = 100
    destination_s3_uri          = "s3://example-ai-model-artifacts/captures/llm"
    # no kms_key_id for the captured requests and responses   <- CKV_AISEC_20

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

# The training pipeline: its one step starts a two-instance training job with neither keys, isolation, encrypted
# traffic between its instances nor a VPC.
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
        AlgorithmSpecification = { TrainingImage = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1", TrainingInputMode = "File" }
        RoleArn                = "arn:aws:iam::111122223333:role/sagemaker-execution"
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/fine-tune/" } # no KmsKeyId <- CKV_AISEC_152
        ResourceConfig         = { InstanceCount = 2, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 50 }
        StoppingCondition      = { MaxRuntimeInSeconds = 86400 }
        # no EnableInterContainerTrafficEncryption: clear traffic between its instances   <- CKV_AISEC_154
        # no EnableNetworkIsolation: the container can reach the network  <- CKV_AISEC_153
        # no VpcConfig: the job runs outside the VPC                       <- CKV_AISEC_155
      }
    }]
  })
}

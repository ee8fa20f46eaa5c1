# CKV_AISEC_154: pipeline steps on several instances encrypt the traffic between them.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

locals {
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-pipeline"
  image    = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1"
}

resource "aws_sagemaker_pipeline" "pass_distributed_training_encrypted" {
  pipeline_name         = "llm-finetune"
  pipeline_display_name = "llm-finetune"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Parameters = [{ Name = "InstanceCount", Type = "Integer", DefaultValue = 4 }]
    Steps = [{
      Name = "FineTune"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification                = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                               = local.role_arn
        OutputDataConfig                      = { S3OutputPath = "s3://example-model-artifacts/llm/" }
        ResourceConfig                        = { InstanceCount = { Get = "Parameters.InstanceCount" }, InstanceType = "ml.p4d.24xlarge", VolumeSizeInGB = 200 }
        StoppingCondition                     = { MaxRuntimeInSeconds = 86400 }
        EnableInterContainerTrafficEncryption = true
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "pass_single_instance_processing" {
  pipeline_name         = "llm-eval"
  pipeline_display_name = "llm-eval"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Evaluate"
      Type = "Processing"
      Arguments = {
        AppSpecification    = { ImageUri = local.image }
        RoleArn             = local.role_arn
        ProcessingResources = { ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 } }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "fail_distributed_processing" {
  pipeline_name         = "llm-tokenize"
  pipeline_display_name = "llm-tokenize"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Tokenize"
      Type = "Processing"
      Arguments = {
        AppSpecification    = { ImageUri = local.image }
        RoleArn             = local.role_arn
        ProcessingResources = { ClusterConfig = { InstanceCount = 8, InstanceType = "ml.m5.4xlarge", VolumeSizeInGB = 100 } }
        NetworkConfig       = { EnableInterContainerTrafficEncryption = false }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "unknown_instance_count_parameter_without_default" {
  pipeline_name         = "llm-finetune-param"
  pipeline_display_name = "llm-finetune-param"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Parameters = [{ Name = "InstanceCount", Type = "Integer" }]
    Steps = [{
      Name = "FineTune"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                = local.role_arn
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/llm/" }
        ResourceConfig         = { InstanceCount = { Get = "Parameters.InstanceCount" }, InstanceType = "ml.p4d.24xlarge", VolumeSizeInGB = 200 }
        StoppingCondition      = { MaxRuntimeInSeconds = 86400 }
      }
    }]
  })
}

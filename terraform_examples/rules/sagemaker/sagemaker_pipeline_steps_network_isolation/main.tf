# CKV_AISEC_153: pipeline training, tuning and processing steps run with network isolation.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "isolate" {
  type = bool
}

locals {
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-pipeline"
  image    = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1"
}

resource "aws_sagemaker_pipeline" "pass_isolated_processing_and_training" {
  pipeline_name         = "churn-isolated"
  pipeline_display_name = "churn-isolated"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [
      {
        Name = "Prepare"
        Type = "Processing"
        Arguments = {
          AppSpecification    = { ImageUri = local.image }
          RoleArn             = local.role_arn
          ProcessingResources = { ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 } }
          NetworkConfig       = { EnableNetworkIsolation = true }
        }
      },
      {
        Name = "Train"
        Type = "Training"
        Arguments = {
          AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
          RoleArn                = local.role_arn
          OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/" }
          ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 }
          StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
          EnableNetworkIsolation = true
        }
      }
    ]
  })
}

resource "aws_sagemaker_pipeline" "fail_tuning_job_not_isolated" {
  pipeline_name         = "churn-tuning"
  pipeline_display_name = "churn-tuning"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Tune"
      Type = "Tuning"
      Arguments = {
        HyperParameterTuningJobConfig = { Strategy = "Bayesian", ResourceLimits = { MaxNumberOfTrainingJobs = 10, MaxParallelTrainingJobs = 2 } }
        TrainingJobDefinition = {
          AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
          RoleArn                = local.role_arn
          OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/" }
          ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 }
          StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
          EnableNetworkIsolation = false
        }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "fail_processing_default" {
  pipeline_name         = "churn-features"
  pipeline_display_name = "churn-features"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Features"
      Type = "Processing"
      Arguments = {
        AppSpecification    = { ImageUri = local.image }
        RoleArn             = local.role_arn
        ProcessingResources = { ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 } }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "unknown_isolation_from_variable" {
  pipeline_name         = "churn-variable"
  pipeline_display_name = "churn-variable"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Train"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                = local.role_arn
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/" }
        ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 }
        StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
        EnableNetworkIsolation = var.isolate
      }
    }]
  })
}

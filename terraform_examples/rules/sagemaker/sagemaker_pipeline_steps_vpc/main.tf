# CKV_AISEC_155: pipeline training, tuning and processing steps run in your VPC.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

locals {
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-pipeline"
  image    = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1"
}

resource "aws_sagemaker_pipeline" "pass_steps_in_vpc" {
  pipeline_name         = "churn-vpc"
  pipeline_display_name = "churn-vpc"
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
          NetworkConfig       = { VpcConfig = { Subnets = ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds = ["sg-0123456789abcdef0"] } }
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
          VpcConfig              = { Subnets = ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds = ["sg-0123456789abcdef0"] }
        }
      }
    ]
  })
}

resource "aws_sagemaker_pipeline" "fail_training_outside_vpc" {
  pipeline_name         = "churn-public"
  pipeline_display_name = "churn-public"
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
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "fail_processing_without_security_groups" {
  pipeline_name         = "churn-features-vpc"
  pipeline_display_name = "churn-features-vpc"
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
        NetworkConfig       = { VpcConfig = { Subnets = ["subnet-0a1b2c3d4e5f60718"], SecurityGroupIds = [] } }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "unknown_definition_in_s3" {
  pipeline_name         = "churn-s3"
  pipeline_display_name = "churn-s3"
  role_arn              = local.role_arn
  pipeline_definition_s3_location {
    bucket     = "example-pipeline-definitions"
    object_key = "churn.json"
  }
}

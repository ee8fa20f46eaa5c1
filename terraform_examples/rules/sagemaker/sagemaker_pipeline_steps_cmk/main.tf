# CKV_AISEC_152: pipeline steps encrypt volumes and outputs with customer-managed KMS keys.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "pipeline_definition" {
  type = string
}

locals {
  role_arn   = "arn:aws:iam::111122223333:role/sagemaker-pipeline"
  key_arn    = "arn:aws:kms:us-east-1:111122223333:key/0d4e8b21-7c6a-4f93-8e15-b2a9c3d7f604"
  image      = "111122223333.dkr.ecr.us-east-1.amazonaws.com/trainer:2.1"
  train_data = "s3://example-training-data/churn/"
}

resource "aws_sagemaker_pipeline" "pass_training_and_processing_on_cmk" {
  pipeline_name         = "churn-train"
  pipeline_display_name = "churn-train"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Parameters = [{ Name = "VolumeKey", Type = "String", DefaultValue = local.key_arn }]
    Steps = [
      {
        Name = "Prepare"
        Type = "Processing"
        Arguments = {
          AppSpecification = { ImageUri = local.image }
          RoleArn          = local.role_arn
          ProcessingResources = {
            ClusterConfig = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30, VolumeKmsKeyId = local.key_arn }
          }
          ProcessingOutputConfig = {
            KmsKeyId = local.key_arn
            Outputs  = [{ OutputName = "train", S3Output = { S3Uri = "s3://example-training-data/prepared/", LocalPath = "/opt/ml/processing/train", S3UploadMode = "EndOfJob" } }]
          }
        }
      },
      {
        Name = "Train"
        Type = "Training"
        Arguments = {
          AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
          RoleArn                = local.role_arn
          OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/", KmsKeyId = local.key_arn }
          ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30, VolumeKmsKeyId = { Get = "Parameters.VolumeKey" } }
          StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
        }
      }
    ]
  })
}

resource "aws_sagemaker_pipeline" "pass_local_nvme_training" {
  pipeline_name         = "churn-train-gpu"
  pipeline_display_name = "churn-train-gpu"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "TrainOnGpu"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                = local.role_arn
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/", KmsKeyId = "alias/model-artifacts" }
        ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.g5.2xlarge", VolumeSizeInGB = 100 }
        StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "fail_training_without_keys" {
  pipeline_name         = "fraud-train"
  pipeline_display_name = "fraud-train"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "Train"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                = local.role_arn
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/fraud/" }
        ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30 }
        StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "fail_transform_aws_managed_key_in_condition" {
  pipeline_name         = "fraud-batch"
  pipeline_display_name = "fraud-batch"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version = "2020-12-01"
    Steps = [{
      Name = "IfAccurate"
      Type = "Condition"
      Arguments = {
        Conditions = [{ Type = "GreaterThanOrEqualTo", LeftValue = 0.9, RightValue = 0.8 }]
        ElseSteps  = []
        IfSteps = [{
          Name = "ScoreBatch"
          Type = "Transform"
          Arguments = {
            ModelName          = "fraud-model"
            TransformInput     = { DataSource = { S3DataSource = { S3DataType = "S3Prefix", S3Uri = "s3://example-training-data/batch/" } } }
            TransformOutput    = { S3OutputPath = "s3://example-inference-output/fraud/", KmsKeyId = "alias/aws/s3" }
            TransformResources = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeKmsKeyId = local.key_arn }
          }
        }]
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "unknown_parameter_without_default" {
  pipeline_name         = "churn-train-param"
  pipeline_display_name = "churn-train-param"
  role_arn              = local.role_arn
  pipeline_definition = jsonencode({
    Version    = "2020-12-01"
    Parameters = [{ Name = "OutputKey", Type = "String" }]
    Steps = [{
      Name = "Train"
      Type = "Training"
      Arguments = {
        AlgorithmSpecification = { TrainingImage = local.image, TrainingInputMode = "File" }
        RoleArn                = local.role_arn
        OutputDataConfig       = { S3OutputPath = "s3://example-model-artifacts/churn/", KmsKeyId = { Get = "Parameters.OutputKey" } }
        ResourceConfig         = { InstanceCount = 1, InstanceType = "ml.m5.xlarge", VolumeSizeInGB = 30, VolumeKmsKeyId = local.key_arn }
        StoppingCondition      = { MaxRuntimeInSeconds = 3600 }
      }
    }]
  })
}

resource "aws_sagemaker_pipeline" "unknown_definition_in_s3" {
  pipeline_name         = "churn-train-s3"
  pipeline_display_name = "churn-train-s3"
  role_arn              = local.role_arn
  pipeline_definition_s3_location {
    bucket     = "example-pipeline-definitions"
    object_key = "churn-train.json"
  }
}

resource "aws_sagemaker_pipeline" "unknown_definition_from_variable" {
  pipeline_name         = "churn-train-var"
  pipeline_display_name = "churn-train-var"
  role_arn              = local.role_arn
  pipeline_definition   = var.pipeline_definition
}

# CKV_AISEC_22: SageMaker monitoring jobs encrypt their storage volume and reports with customer-managed KMS keys.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "monitor_volume_key_arn" {
  type = string
}

resource "aws_kms_key" "monitoring" {
  description         = "sagemaker model monitor"
  enable_key_rotation = true
}

resource "aws_sagemaker_data_quality_job_definition" "pass_keys_reference" {
  name     = "fraud-classifier-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "fraud-classifier"
    }
  }

  data_quality_job_output_config {
    kms_key_id = aws_kms_key.monitoring.arn
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/fraud-classifier/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = aws_kms_key.monitoring.arn
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "pass_key_arns" {
  name     = "churn-model-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "churn-model"
    }
  }

  data_quality_job_output_config {
    kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/churn-model/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "pass_local_nvme_volume" {
  name     = "llm-chat-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "llm-chat"
    }
  }

  data_quality_job_output_config {
    kms_key_id = aws_kms_key.monitoring.arn
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/llm-chat/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.r5d.large"
      volume_size_in_gb = 20
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_no_keys" {
  name     = "sentiment-model-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "sentiment-model"
    }
  }

  data_quality_job_output_config {
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/sentiment-model/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_output_without_key" {
  name     = "rag-reranker-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "rag-reranker"
    }
  }

  data_quality_job_output_config {
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/rag-reranker/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = aws_kms_key.monitoring.arn
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_aws_managed_output_key" {
  name     = "credit-scoring-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "credit-scoring"
    }
  }

  data_quality_job_output_config {
    kms_key_id = "arn:aws:kms:us-east-1:111122223333:alias/aws/s3"
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/credit-scoring/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = aws_kms_key.monitoring.arn
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "unknown_volume_key_from_variable" {
  name     = "configurable-data-quality"
  role_arn = "arn:aws:iam::111122223333:role/sagemaker-model-monitor"

  data_quality_app_specification {
    image_uri = "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer"
  }

  data_quality_job_input {
    endpoint_input {
      endpoint_name = "configurable"
    }
  }

  data_quality_job_output_config {
    kms_key_id = aws_kms_key.monitoring.arn
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/configurable/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
      volume_kms_key_id = var.monitor_volume_key_arn
    }
  }
}

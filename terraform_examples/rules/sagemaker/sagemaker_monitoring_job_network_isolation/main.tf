# CKV_AISEC_24: SageMaker monitoring jobs run their container with network isolation.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "isolate_monitoring" {
  type = bool
}

resource "aws_sagemaker_data_quality_job_definition" "pass_isolated" {
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
    }
  }

  network_config {
    enable_network_isolation = true
  }
}

resource "aws_sagemaker_data_quality_job_definition" "pass_isolated_and_encrypted" {
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
    monitoring_outputs {
      s3_output {
        s3_uri = "s3://example-model-monitor/churn-model/reports"
      }
    }
  }

  job_resources {
    cluster_config {
      instance_count    = 2
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }

  network_config {
    enable_inter_container_traffic_encryption = true
    enable_network_isolation                  = true
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_no_network_config" {
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

resource "aws_sagemaker_data_quality_job_definition" "fail_isolation_disabled" {
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
    }
  }

  network_config {
    enable_inter_container_traffic_encryption = true
    enable_network_isolation                  = false
  }
}

resource "aws_sagemaker_data_quality_job_definition" "unknown_isolation_from_variable" {
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
    }
  }

  network_config {
    enable_network_isolation = var.isolate_monitoring
  }
}

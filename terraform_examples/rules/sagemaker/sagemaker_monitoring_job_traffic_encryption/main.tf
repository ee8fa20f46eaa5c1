# CKV_AISEC_23: SageMaker monitoring jobs on several instances encrypt the traffic between them.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "monitor_instance_count" {
  type = number
}

resource "aws_sagemaker_data_quality_job_definition" "pass_encrypted_between_instances" {
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

resource "aws_sagemaker_data_quality_job_definition" "pass_single_instance" {
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
      instance_count    = 1
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_several_instances_default" {
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
      instance_count    = 3
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }
}

resource "aws_sagemaker_data_quality_job_definition" "fail_several_instances_disabled" {
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
      instance_count    = 2
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }

  network_config {
    enable_inter_container_traffic_encryption = false
    enable_network_isolation                  = true
  }
}

resource "aws_sagemaker_data_quality_job_definition" "unknown_instance_count_from_variable" {
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
      instance_count    = var.monitor_instance_count
      instance_type     = "ml.m5.large"
      volume_size_in_gb = 20
    }
  }
}

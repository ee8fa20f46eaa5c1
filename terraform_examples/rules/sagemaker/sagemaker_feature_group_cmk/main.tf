# CKV_AISEC_21: SageMaker feature groups encrypt their online and offline stores with customer-managed KMS keys.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "online_store_key_arn" {
  type = string
}

resource "aws_kms_key" "features" {
  description         = "sagemaker feature store"
  enable_key_rotation = true
}

resource "aws_sagemaker_feature_group" "pass_both_stores_with_keys" {
  feature_group_name             = "customer-profile"
  record_identifier_feature_name = "customer_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::111122223333:role/sagemaker-feature-store"

  feature_definition {
    feature_name = "customer_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  offline_store_config {
    s3_storage_config {
      s3_uri     = "s3://example-feature-store/offline"
      kms_key_id = aws_kms_key.features.arn
    }
  }

  online_store_config {
    enable_online_store = true
    security_config {
      kms_key_id = aws_kms_key.features.arn
    }
  }
}

resource "aws_sagemaker_feature_group" "pass_offline_only_with_key" {
  feature_group_name             = "transactions-history"
  record_identifier_feature_name = "transaction_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::111122223333:role/sagemaker-feature-store"

  feature_definition {
    feature_name = "transaction_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  offline_store_config {
    s3_storage_config {
      s3_uri     = "s3://example-feature-store/offline"
      kms_key_id = "arn:aws:kms:us-east-1:111122223333:key/1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
    }
  }

  online_store_config {
    enable_online_store = false
  }
}

resource "aws_sagemaker_feature_group" "fail_offline_store_without_key" {
  feature_group_name             = "clickstream"
  record_identifier_feature_name = "session_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::111122223333:role/sagemaker-feature-store"

  feature_definition {
    feature_name = "session_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  offline_store_config {
    s3_storage_config {
      s3_uri = "s3://example-feature-store/offline"
    }
  }
}

resource "aws_sagemaker_feature_group" "fail_online_store_without_key" {
  feature_group_name             = "device-signals"
  record_identifier_feature_name = "device_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::111122223333:role/sagemaker-feature-store"

  feature_definition {
    feature_name = "device_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  online_store_config {
    enable_online_store = true
  }
}

resource "aws_sagemaker_feature_group" "unknown_online_key_from_variable" {
  feature_group_name             = "configurable-features"
  record_identifier_feature_name = "entity_id"
  event_time_feature_name        = "event_time"
  role_arn                       = "arn:aws:iam::111122223333:role/sagemaker-feature-store"

  feature_definition {
    feature_name = "entity_id"
    feature_type = "String"
  }
  feature_definition {
    feature_name = "event_time"
    feature_type = "String"
  }

  online_store_config {
    enable_online_store = true
    security_config {
      kms_key_id = var.online_store_key_arn
    }
  }
}

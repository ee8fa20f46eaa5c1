variable "bucket_name" {
  type = string
}

variable "sse_algorithm" {
  type = string
}

variable "kms_key_arn" {
  type = string
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = var.bucket_name
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
  }
}

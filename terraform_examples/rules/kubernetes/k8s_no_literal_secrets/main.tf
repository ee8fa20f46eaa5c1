# CKV_AISEC_143: Kubernetes workloads take credentials from secrets, not from literal env values.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).
# The credentials below are made-up examples in the providers' formats.

variable "hf_token" {
  type = string
}

resource "kubernetes_pod_v1" "pass_secret_key_ref" {
  metadata {
    name = "pass-secret-key-ref"
  }
  spec {
    container {
      name  = "tgi"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0"
      env {
        name = "HF_TOKEN"
        value_from {
          secret_key_ref {
            name = "hf-token"
            key  = "token"
          }
        }
      }
      env {
        name  = "MAX_TOTAL_TOKENS"
        value = "8192"
      }
    }
  }
}

resource "kubernetes_pod_v1" "fail_hf_token_literal" {
  metadata {
    name = "fail-hf-token-literal"
  }
  spec {
    container {
      name  = "tgi"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0"
      env {
        name  = "HF_TOKEN"
        value = "hf_EXAMPLEexampleEXAMPLEexampleEXAMPL"
      }
    }
  }
}

resource "kubernetes_pod_v1" "fail_key_in_args" {
  metadata {
    name = "fail-key-in-args"
  }
  spec {
    container {
      name  = "agent"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/agent:2.0.1"
      args  = ["--openai-key", "sk-proj-EXAMPLEexampleEXAMPLEexample0123456789"]
    }
  }
}

resource "kubernetes_pod_v1" "unknown_token_from_variable" {
  metadata {
    name = "unknown-token-from-variable"
  }
  spec {
    container {
      name  = "tgi"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0"
      env {
        name  = "HF_TOKEN"
        value = var.hf_token
      }
    }
  }
}

# CKV_AISEC_132: Kubernetes workloads do not run code shipped with the models they serve.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "extra_args" {
  type = string
}

resource "kubernetes_pod_v1" "pass_native_model" {
  metadata {
    name = "pass-native-model"
  }
  spec {
    container {
      name  = "vllm"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
      args  = ["--model", "/models/llama-3-8b"]
      env {
        name  = "TRUST_REMOTE_CODE"
        value = "false"
      }
    }
  }
}

resource "kubernetes_pod_v1" "fail_vllm_flag" {
  metadata {
    name = "fail-vllm-flag"
  }
  spec {
    container {
      name  = "vllm"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
      args  = ["--model", "/models/internlm2-7b", "--trust-remote-code"]
    }
  }
}

resource "kubernetes_pod_v1" "fail_lmi_environment" {
  metadata {
    name = "fail-lmi-environment"
  }
  spec {
    container {
      name  = "lmi"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
      env {
        name  = "OPTION_TRUST_REMOTE_CODE"
        value = "true"
      }
    }
  }
}

resource "kubernetes_pod_v1" "unknown_args_from_variable" {
  metadata {
    name = "unknown-args-from-variable"
  }
  spec {
    container {
      name  = "vllm"
      image = "111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3"
      args  = ["var.extra_args"]
    }
  }
}

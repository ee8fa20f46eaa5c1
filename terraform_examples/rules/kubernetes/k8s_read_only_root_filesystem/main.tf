# CKV_AISEC_103: every container's root filesystem is read-only.
# Resource names say the verdict each must get: pass_*, fail_*, unknown_* (no verdict: unresolved input).

variable "read_only_root" {
  type = bool
}

resource "kubernetes_deployment_v1" "pass_read_only_everywhere" {
  metadata {
    name      = "rag-api"
    namespace = "rag"
  }
  spec {
    replicas = 2
    selector {
      match_labels = { app = "rag-api" }
    }
    template {
      metadata {
        labels = { app = "rag-api" }
      }
      spec {
        init_container {
          name  = "migrate"
          image = "registry.example.com/rag-api:2.0.1"
          security_context {
            read_only_root_filesystem = true
          }
        }
        container {
          name  = "rag-api"
          image = "registry.example.com/rag-api:2.0.1"
          port {
            container_port = 8000
          }
          security_context {
            read_only_root_filesystem  = true
            allow_privilege_escalation = false
          }
        }
      }
    }
  }
}

resource "kubernetes_stateful_set" "pass_vector_store" {
  metadata {
    name      = "weaviate"
    namespace = "rag"
  }
  spec {
    replicas              = 1
    service_name          = "weaviate"
    pod_management_policy = "OrderedReady"
    selector {
      match_labels = { app = "weaviate" }
    }
    template {
      metadata {
        labels = { app = "weaviate" }
      }
      spec {
        container {
          name  = "weaviate"
          image = "semitechnologies/weaviate:1.27.0"
          security_context {
            read_only_root_filesystem = true
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "fail_no_security_context" {
  metadata {
    name = "llama-cpp"
  }
  spec {
    container {
      name  = "server"
      image = "ghcr.io/ggerganov/llama.cpp:server"
    }
  }
}

resource "kubernetes_job_v1" "fail_context_without_flag" {
  metadata {
    name      = "quantize"
    namespace = "training"
  }
  spec {
    template {
      metadata {}
      spec {
        restart_policy = "Never"
        container {
          name  = "quantize"
          image = "registry.example.com/quantizer:0.3"
          security_context {
            allow_privilege_escalation = false
            run_as_user                = 1000
          }
        }
      }
    }
  }
}

resource "kubernetes_deployment" "fail_writable_sidecar" {
  metadata {
    name = "agent"
  }
  spec {
    replicas = 1
    selector {
      match_labels = { app = "agent" }
    }
    template {
      metadata {
        labels = { app = "agent" }
      }
      spec {
        container {
          name  = "agent"
          image = "registry.example.com/agent-api:1.2.0"
          security_context {
            read_only_root_filesystem = true
          }
        }
        container {
          name  = "tool-runner"
          image = "registry.example.com/tool-runner:0.8"
          security_context {
            read_only_root_filesystem = false
          }
        }
      }
    }
  }
}

resource "kubernetes_cron_job_v1" "unknown_flag_from_variable" {
  metadata {
    name = "reindex"
  }
  spec {
    schedule = "30 1 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            restart_policy = "OnFailure"
            container {
              name  = "reindex"
              image = "registry.example.com/reindexer:1.0"
              security_context {
                read_only_root_filesystem = var.read_only_root
              }
            }
          }
        }
      }
    }
  }
}

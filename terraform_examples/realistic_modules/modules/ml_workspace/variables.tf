# Inputs of a reusable ML workspace module, written the way public modules write them: optional inputs default
# to null, features are toggled with booleans, settings come in maps read with lookup/try.

variable "name" {
  description = "Prefix of every resource name (required)."
  type        = string
}

variable "kms_key_arn" {
  description = "A customer-managed key to use; when null the module creates its own."
  type        = string
  default     = null
}

variable "create_notebook" {
  type    = bool
  default = false
}

variable "notebook" {
  description = "Notebook settings: instance_type, kms_key_id, subnet_id."
  type        = map(string)
  default     = {}
}

variable "create_agent" {
  type    = bool
  default = false
}

variable "guardrail" {
  description = "The guardrail to attach to the agent; null attaches none."
  type        = object({ id = string, version = string })
  default     = null
}

variable "block_public_access" {
  type    = bool
  default = true
}

variable "versioning" {
  type    = bool
  default = false
}

variable "capture_kms_key_id" {
  description = "Key for the endpoint configuration's storage; null leaves it to AWS."
  type        = string
  default     = null
}

variable "agent_log_group_name" {
  description = "A log group for the agent's traces; null creates none."
  type        = string
  default     = null
}

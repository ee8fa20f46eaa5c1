# CKV_AISEC_104 example: no USER at all, so the model server runs as the base image's root.
FROM vllm/vllm-openai:v0.6.3
COPY chat_template.jinja /templates/chat_template.jinja
ENV HF_HOME=/models
EXPOSE 8000
ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server", "--chat-template", "/templates/chat_template.jinja"]

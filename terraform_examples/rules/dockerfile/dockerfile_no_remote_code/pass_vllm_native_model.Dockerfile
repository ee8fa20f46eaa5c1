# CKV_AISEC_133: the server loads a model whose architecture it supports natively; the switch is off.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3
ENV TRUST_REMOTE_CODE=false
USER 10001:10001
ENTRYPOINT ["python3", "-m", "vllm.entrypoints.openai.api_server"]
CMD ["--model", "/models/llama-3-8b", "--port", "8000"]

# CKV_AISEC_133: --trust-remote-code runs the model repository's Python in every container.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/vllm-openai:0.6.3
USER 10001:10001
CMD ["--model", "/models/internlm2-7b", "--trust-remote-code"]

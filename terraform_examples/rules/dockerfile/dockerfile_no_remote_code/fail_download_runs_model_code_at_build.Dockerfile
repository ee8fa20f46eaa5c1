# CKV_AISEC_133: a build stage that loads a model with trust_remote_code=True runs its code on the build host.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/pytorch-base:2.3.1-cuda12.1 AS fetch
RUN python -c "from transformers import AutoModel; AutoModel.from_pretrained('/src/model', trust_remote_code=True)"
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/pytorch-base:2.3.1-cuda12.1
COPY --from=fetch /src/model /models/model
USER 10001

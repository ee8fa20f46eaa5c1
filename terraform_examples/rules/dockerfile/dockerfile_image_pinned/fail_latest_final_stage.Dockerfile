# CKV_AISEC_137: latest moves to whatever was pushed last.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/pytorch-base:2.3.1-cuda12.1 AS build
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/inference-base:latest
USER 10001

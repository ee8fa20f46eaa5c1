# CKV_AISEC_133: TGI reads TRUST_REMOTE_CODE from the environment.
FROM 111122223333.dkr.ecr.us-east-1.amazonaws.com/tgi:2.4.0
ENV MODEL_ID=/data/falcon-7b TRUST_REMOTE_CODE=true
USER 10001

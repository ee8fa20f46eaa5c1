# CKV_AISEC_104 example: the final stage is built FROM an earlier stage and inherits its USER.
FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1000 --create-home serve
USER 1000

FROM runtime AS app
COPY --chown=1000 model_server/ /home/serve/model_server/
RUN pip3 install --no-cache-dir --user -r /home/serve/model_server/requirements.txt
WORKDIR /home/serve
CMD ["python3", "-m", "model_server"]

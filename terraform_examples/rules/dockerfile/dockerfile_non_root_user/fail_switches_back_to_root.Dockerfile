# CKV_AISEC_104 example: the user is switched to root to install packages and never switched back.
FROM quay.io/jupyter/pytorch-notebook:2024-10-07
USER jovyan
COPY --chown=jovyan notebooks/ /home/jovyan/work/
USER root
RUN apt-get update && apt-get install -y --no-install-recommends graphviz && rm -rf /var/lib/apt/lists/*

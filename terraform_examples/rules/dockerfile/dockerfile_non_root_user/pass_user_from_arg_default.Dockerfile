# CKV_AISEC_104 example: USER names a build argument whose default in the file is a non-root UID.
FROM nvcr.io/nvidia/pytorch:24.09-py3
ARG APP_UID=10001
RUN useradd --uid ${APP_UID} --create-home trainer
COPY --chown=${APP_UID} train.py /home/trainer/
WORKDIR /home/trainer
USER ${APP_UID}
ENTRYPOINT ["python", "train.py"]

# Two stages: build a virtualenv with the project, then copy it into a slim runtime image.
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /venv
COPY pyproject.toml requirements.lock README.md ./
COPY bot ./bot
COPY questions ./questions
COPY migrations ./migrations
RUN /venv/bin/pip install --no-cache-dir -c requirements.lock .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 quizbot
COPY --from=build /venv /venv
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    QUIZBOT_DB_PATH=/data/quizbot.db
RUN mkdir /data && chown quizbot /data
VOLUME ["/data"]
USER quizbot
WORKDIR /home/quizbot
# Migrate first (a no-op when up to date), then start every configured platform and the scheduler.
CMD ["sh", "-c", "quizbot db upgrade && exec quizbot run"]

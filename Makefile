# Quizbot: `make run` plays the quiz in this terminal, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint typecheck bank bench migrate serve clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e .
	@touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	@touch $@ $(STAMP)

migrate: $(STAMP)
	$(BIN)/quizbot db upgrade

## Play in this terminal on the SQLite file (var/quizbot.db) over the shipped bank.
run: migrate
	$(BIN)/quizbot console

## Start every configured platform (Discord, Slack) and the scheduler.
serve: migrate
	$(BIN)/quizbot run

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(TEST_STAMP)
	$(BIN)/mypy

bank: $(STAMP)
	$(BIN)/quizbot generate questions/notes/aws-dva-notes.md --out questions/bank

bench: $(STAMP)
	$(BIN)/python bench/answers.py
	$(BIN)/python bench/leaderboard.py
	$(BIN)/python bench/generate_speed.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

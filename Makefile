# The two commands a newcomer needs: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.txt requirements/base.txt | cksum | cut -d' ' -f1)

.PHONY: run test install migrate demo lint format messages check-translations bench clean

$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## Run the site with demo content, a Celery worker and the beat scheduler.
run: install
	mkdir -p var/celery
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/honcho -f Procfile.dev start

## Run the whole test suite (uses DATABASE_URL and REDIS_URL when they are set), one worker
## per core; a test file stays on one worker (its fixtures and services are set up once).
PYTEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## Extract UI strings into locale/*/LC_MESSAGES/django.po (needs GNU gettext).
messages: install
	$(BIN)/python manage.py makemessages --locale sv --locale en --ignore ".venv/*" --ignore "var/*" --no-obsolete
	$(BIN)/python manage.py compile_translations

check-translations: install
	$(BIN)/python manage.py compile_translations --check

bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/notifications.py
	$(BIN)/python bench/learning.py

clean:
	rm -rf $(VENV) var staticfiles

"""Production settings refuse to start without secrets, and harden every response."""

import json
import os
import subprocess
import sys

import pytest

from tests.services import ROOT

SECRET = "test-only-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz"


def deployment_env(**env):
    """This process's environment less what a deployment never has (the browser tests allow
    ORM calls beside an event loop, which Django's deploy check rightly refuses)."""
    excluded = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    return {**{k: v for k, v in os.environ.items() if k not in excluded}, **env}


def run_with_production_settings(code, **env):
    clean_env = deployment_env()
    clean_env.update(
        DJANGO_SETTINGS_MODULE="heart_site.settings.production", DATABASE_URL="sqlite://:memory:", **env
    )
    clean_env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean_env, capture_output=True, text=True, timeout=120
    )


SETUP = "import django; django.setup(); print('started')"


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "heart.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": SECRET}, "ALLOWED_HOSTS"),
        ({}, "SECRET_KEY"),
    ],
)
def test_refuses_to_start_without_secrets(env, missing):
    result = run_with_production_settings(SETUP, **env)
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert f"{missing} must be set" in result.stderr


def test_refuses_a_short_secret_key():
    result = run_with_production_settings(SETUP, SECRET_KEY="short", ALLOWED_HOSTS="heart.example")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_deploy_check_has_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=deployment_env(
            DJANGO_SETTINGS_MODULE="heart_site.settings.production",
            SECRET_KEY=SECRET,
            ALLOWED_HOSTS="heart.example",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_responses_carry_security_headers():
    code = """
import django, json
django.setup()
from django.test import Client
client = Client(HTTP_HOST="heart.example")
secure = client.get("/robots.txt", secure=True)
plain = client.get("/robots.txt")
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
    "nosniff": secure.get("X-Content-Type-Options"),
    "frame": secure.get("X-Frame-Options"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
}))
"""
    result = run_with_production_settings(code, SECRET_KEY=SECRET, ALLOWED_HOSTS="heart.example")
    assert result.returncode == 0, result.stderr
    headers = json.loads(result.stdout.strip().splitlines()[-1])
    assert "max-age=31536000" in headers["hsts"] and "includeSubDomains" in headers["hsts"]
    assert "default-src 'self'" in headers["csp"] and "frame-ancestors 'self'" in headers["csp"]
    assert "script-src 'self'" in headers["csp"]
    assert headers["nosniff"] == "nosniff"
    assert headers["frame"] == "DENY"
    assert headers["plain_status"] == 301
    assert headers["plain_location"] == "https://heart.example/robots.txt"


@pytest.mark.django_db
def test_public_pages_have_a_csp_and_the_admin_is_left_out(client):
    """The admin's inline scripts would be blocked by the public policy."""
    assert "Content-Security-Policy" in client.get("/robots.txt")
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_production_never_prints_mail_to_the_console():
    code = """
import django
django.setup()
from django.conf import settings
print(settings.EMAIL_BACKEND, settings.NOTIFICATIONS_DELIVERY_BACKEND)
print(settings.EMAIL_HOST, settings.EMAIL_PORT)
"""
    result = run_with_production_settings(code, SECRET_KEY=SECRET, ALLOWED_HOSTS="heart.example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "heart_site.notifications.backends.OutboxEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        "localhost",
        "25",
    ]

"""Settings for bench/pages.py: the production settings, served over plain HTTP on loopback.

Everything production hardens stays (DEBUG off, persistent database connections, the
manifest static files storage, security headers, CSP); only what a loopback benchmark cannot
have is changed: no HTTPS redirect, loopback hosts, a throwaway secret key, and a URLconf with
two extra views to compare the pages against. bench/pages.py passes the database, Redis and
page-cache settings in the environment.
"""

import copy
import os
import secrets
from pathlib import Path

# Production settings refuse to load without these; set them before importing.
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
os.environ["SECURE_SSL_REDIRECT"] = "False"  # also keeps "upgrade-insecure-requests" out of the CSP
# bench/pages.py passes one key to every process it starts; this is for a standalone import.
os.environ.setdefault("SECRET_KEY", f"bench-throwaway-{secrets.token_urlsafe(48)}")

from heart_site.settings.production import *  # noqa: E402, F403
from heart_site.settings.production import TEMPLATES, VAR_DIR  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent

DEBUG = False
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
# Collected here by bench/pages.py, never into the real STATIC_ROOT.
STATIC_ROOT = VAR_DIR / "bench" / "static"

TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BENCH_DIR / "templates"]

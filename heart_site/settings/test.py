"""Test settings: fast hashing, local-memory cache, mail kept in memory.

DATABASE_URL and REDIS_URL still come from the environment, so CI runs the same tests
against PostgreSQL and Redis.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, LOGGING, env

SECRET_KEY = "test-only-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HEART_PAGE_CACHE_SECONDS = 0
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "test-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
CELERY_TASK_ALWAYS_EAGER = False
LOGGING["root"]["level"] = "WARNING"

# SQLite test databases are in memory by default; a file lets the real Celery worker and beat
# processes that some tests start see the same data.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": env("HEART_TEST_SQLITE", default=str(BASE_DIR / "var" / "test-db.sqlite3"))
    }

"""Settings shared by every environment.

Everything that differs between machines comes from the environment, with defaults that
let a newcomer run the site with nothing installed: SQLite, a local-memory cache and a
filesystem Celery broker under ``var/``.
"""

import os
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Apps are grouped by who owns them. The plugins (learning, mapping, network) are listed in
# HEART_PLUGINS so that any of them can be dropped without touching the rest: set
# HEART_PLUGINS to the ones wanted (an empty value means none).
HEART_PLUGINS = env.list("HEART_PLUGINS", default=["learning", "network", "mapping"])

INSTALLED_APPS = [
    "heart_site.core",
    "heart_site.accounts",
    "heart_site.news",
    "heart_site.notifications",
    *HEART_PLUGINS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Installed (not only imported) so that its translated country names are loaded.
    "django_countries",
    "allauth",
    "allauth.account",
    "django_celery_beat",
    "django_tasks",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "heart_site.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "heart_site.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "heart_site.urls"
WSGI_APPLICATION = "heart_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite for zero set-up, PostgreSQL whenever DATABASE_URL says so.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# Without health checks a persistent connection gives one 500 per worker after a restart
# of PostgreSQL.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set. A stopped Redis must not take pages down (Wagtail reads
# site roots from the default cache), so django-redis swallows and logs connection errors,
# and gives up quickly.
REDIS_URL = env("REDIS_URL", default="")


def redis_cache(url):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="heart"),
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(env("CACHE_REDIS_URL", default=REDIS_URL))}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "heart"}}
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Rate limits count in the cache; while Redis is down they let requests through rather than
# refusing every visitor (mail they queue waits safely in the outbox).
RATELIMIT_FAIL_OPEN = True
# Sessions live in the database so that a cache outage never logs anybody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Participant accounts (django-allauth): email is the login, and must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
ACCOUNT_FORMS = {"signup": "heart_site.accounts.forms.SignupForm"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

# Internationalisation: Swedish is the source language, English the translation.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILLOCALIZE_ENABLE_MACHINE_TRANSLATION = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: EMAIL_URL (smtp://user:pass@host:port, or consolemail://) from the environment.
# django-environ turns the URL into EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT and friends. That
# backend is the outbox's transport: every email the site sends (ours, allauth's, Wagtail's)
# is first a row in the outbox, delivered by a worker (heart_site.notifications).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
NOTIFICATIONS_DELIVERY_BACKEND = EMAIL_BACKEND  # noqa: F821 (set by the line above)
EMAIL_BACKEND = "heart_site.notifications.backends.OutboxEmailBackend"
NOTIFICATIONS_REPLY_TO = env("REPLY_TO_EMAIL", default="")
# After this long, a message claimed by a worker that never finished is claimed again.
NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS = env.int("NOTIFICATIONS_CLAIM_TIMEOUT_SECONDS", default=300)
# Messages one sender run claims and sends over one SMTP connection.
NOTIFICATIONS_BATCH_SIZE = env.int("NOTIFICATIONS_BATCH_SIZE", default=100)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="HEART <noreply@heart.example>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Wagtail
WAGTAIL_SITE_NAME = "HEART"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "vtt", "xlsx", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_LIMIT_MAX = 50
# Wagtail's own background work (search index, reference index) runs inline.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Page cache for anonymous visitors (heart_site.core.page_cache). Seconds; 0 turns it off.
HEART_PAGE_CACHE_SECONDS = env.int("HEART_PAGE_CACHE_SECONDS", default=300)

# Partner sites allowed to embed open questionnaires of the mapping plugin in an iframe (CSP
# frame-ancestors of its embed address only), e.g. "https://partner.example".
MAPPING_EMBED_ORIGINS = env.list("MAPPING_EMBED_ORIGINS", default=[])
HEART_NEWS_PER_PAGE = 10

# Content-Security-Policy: everything from our own origin; no external fonts, scripts or
# tiles. Wagtail's admin renders inline scripts (inline panels, date pickers), so it is left
# out of the policy; it is reachable by staff only.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Celery (see heart_site/celery.py for the fixed choices). Without REDIS_URL the broker is a
# folder on disk, which needs nothing installed and is enough for one machine.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
CELERY_TIMEZONE = TIME_ZONE
# Redis redelivers any task not acknowledged within the visibility timeout, so the broker,
# the result backend and the app must agree on one value longer than any task or ETA.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60)
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = str(env.path("CELERY_FILESYSTEM_BROKER_DIR", default=str(VAR_DIR / "celery")))
    # kombu's filesystem transport needs its folders to exist, in every process that publishes.
    os.makedirs(f"{_broker_dir}/control", exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _broker_dir,
        "data_folder_out": _broker_dir,
        "control_folder": f"{_broker_dir}/control",
        "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    }
else:
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
        # Publishing gives up quickly when Redis is down rather than hanging a web request;
        # heart_site.core.tasks.enqueue reports the failure instead of raising it.
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0.2,
        "socket_connect_timeout": 1,
    }
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django_redis": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
    },
}

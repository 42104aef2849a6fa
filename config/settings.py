"""Settings for 政报档案.

Everything site-specific comes from the environment so that the same file serves a
laptop, CI and production:

- ``ARCHIVE_DATA_DIR``: the one folder that holds the SQLite database, uploaded files,
  the search index and collected static files (default ``var/`` beside manage.py).
- ``DATABASE_URL``: e.g. ``postgres://user:pass@host/db``; SQLite in the data folder if unset
  (``ARCHIVE_DB_TIMEOUT``: seconds a SQLite writer waits for another, default 60).
- ``DJANGO_SECRET_KEY``, ``DJANGO_DEBUG`` (off unless set), ``DJANGO_ALLOWED_HOSTS``
  (comma-separated, default ``127.0.0.1,localhost``).
- ``DJANGO_PRODUCTION=1``: a public site. Refuses to start without a real
  ``DJANGO_SECRET_KEY`` and turns on the HTTPS settings below, so that
  ``manage.py check --deploy`` passes.
- ``DJANGO_HTTPS``: the site is reached over HTTPS (default: on in production). It is the
  default of each of ``DJANGO_SECURE_SSL_REDIRECT``, ``DJANGO_SESSION_COOKIE_SECURE``,
  ``DJANGO_CSRF_COOKIE_SECURE``, ``DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS`` and
  ``DJANGO_SECURE_HSTS_PRELOAD``, each of which can be set on its own;
  ``DJANGO_SECURE_HSTS_SECONDS`` defaults to a year with HTTPS, else 0. A production site
  on plain HTTP in a LAN sets ``DJANGO_HTTPS=0``.
- ``DJANGO_SECURE_PROXY_SSL_HEADER=1``: trust ``X-Forwarded-Proto: https`` from a TLS proxy
  (gunicorn already trusts it from a proxy on 127.0.0.1, see its ``forwarded_allow_ips``).
- ``DJANGO_CSRF_TRUSTED_ORIGINS``: comma-separated origins such as ``https://archive.example.org``
  whose form posts are accepted when they differ from the request's own host.
- ``ARCHIVE_REQUEST_SECONDS`` (default 20): a search running longer gives up with a 503
  (config/deadline.py; gunicorn's timeout does not bound a request of a gthread worker).
- ``ARCHIVE_LOGIN_FAILURE_LIMIT`` (default 5) failed logins for one user name from one IP
  address lock that pair out for ``ARCHIVE_LOGIN_LOCKOUT_MINUTES`` (default 15).
- ``HAYSTACK_ENGINE`` / ``HAYSTACK_URL`` / ``HAYSTACK_PATH``: another haystack engine
  (Elasticsearch, Solr) or another index folder.
"""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ARCHIVE_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", default=False)
PRODUCTION = env_flag("DJANGO_PRODUCTION", default=False)
INSECURE_SECRET_KEY = "insecure-development-key-set-DJANGO_SECRET_KEY-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or INSECURE_SECRET_KEY
# What `check --deploy` (security.W009) calls strong enough: 50 characters, 5 of them different.
MIN_SECRET_KEY_LENGTH, MIN_SECRET_KEY_CHARS = 50, 5
if PRODUCTION and (SECRET_KEY == INSECURE_SECRET_KEY or len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH
                   or len(set(SECRET_KEY)) < MIN_SECRET_KEY_CHARS):
    raise ImproperlyConfigured(
        "生产模式（DJANGO_PRODUCTION=1）拒绝使用默认的开发密钥或过短的密钥：请把 DJANGO_SECRET_KEY "
        f"设为至少 {MIN_SECRET_KEY_LENGTH} 个字符的随机字符串，例如 python -c 'from "
        "django.core.management.utils import get_random_secret_key as k; print(k())' 的输出。")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

HTTPS = env_flag("DJANGO_HTTPS", default=PRODUCTION)
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = env_flag("DJANGO_SESSION_COOKIE_SECURE", default=HTTPS)
CSRF_COOKIE_SECURE = env_flag("DJANGO_CSRF_COOKIE_SECURE", default=HTTPS)
# Browsers remember HSTS for this long: once sent, the site cannot go back to plain HTTP
# for its visitors before it expires.
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 365 * 24 * 3600 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD", default=HTTPS)
if env_flag("DJANGO_SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "archive",
    "indicators",
    "search",  # before haystack, so that our rebuild_index command wins
    "haystack",
    "config.apps.LoginGuardConfig",  # django-axes, named in Chinese in the admin
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.NulMiddleware",
    "config.deadline.RequestDeadlineMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

# Content-Security-Policy on every response (django-csp): the pages have no inline script or
# style (charts are inline SVG drawn with attributes; tests/test_hardening.py checks the
# templates), so only the site's own static files run or style anything.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF], "script-src": [SELF], "style-src": [SELF], "img-src": [SELF, "data:"],
        "object-src": [NONE], "base-uri": [NONE], "form-action": [SELF], "frame-ancestors": [NONE],
    },
}

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "config.sqlite"   # reads on a full disk (config/sqlite/base.py)
    # Wait for a concurrent writer instead of failing with "database is locked": take the
    # write lock when a transaction begins (a deferred transaction that later upgrades its
    # lock fails at once rather than wait), and wait for it. Write-ahead logging lets
    # readers go on while a report is being stored.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=float(os.environ.get("ARCHIVE_DB_TIMEOUT", "60")), transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL;")

# Comparisons between reports are computed once per pair and kept here (indicators/comparison.py).
# Local memory, per process, by default (ARCHIVE_CACHE_ENTRIES entries); a shared cache is a
# change of CACHES here (e.g. django.core.cache.backends.redis.RedisCache).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "zhengbao",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("ARCHIVE_CACHE_ENTRIES", "500"))},
    }
}

# The search engine is chosen here and only here. The default is our jieba/Whoosh engine
# with its index in the data folder; HAYSTACK_ENGINE and HAYSTACK_URL move it to another
# haystack engine (e.g. haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine).
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": os.environ.get("HAYSTACK_ENGINE", "search.backend.ChineseWhooshEngine"),
        "PATH": os.environ.get("HAYSTACK_PATH", str(DATA_DIR / "whoosh")),
        "URL": os.environ.get("HAYSTACK_URL", ""),
        "INDEX_NAME": os.environ.get("HAYSTACK_INDEX_NAME", "zhengbao"),
        "LOCK_TIMEOUT": float(os.environ.get("HAYSTACK_LOCK_TIMEOUT", "30")),
    }
}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"  # search.apps wires our own

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Repeated failed logins (admin included) lock out that user name from that IP address
# (django-axes). Axes needs the request in authenticate(): the login forms pass it, but the
# test client's login() does not, so tests use force_login() or post to /admin/login/.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so that a locked-out pair is refused
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ARCHIVE_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
# Chinese for django-axes, which ships no zh_Hans catalogue (locale/zh_Hans/LC_MESSAGES/django.po).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Outside production, whitenoise also serves static/ as it is, so that a site started
# without collectstatic still has its styles; production serves only what was collected.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "archive.storage.OriginalsStorage"},  # no partial file on a full disk
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "media/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Largest report file accepted, by the admin upload and the import command.
ARCHIVE_MAX_UPLOAD_BYTES = int(os.environ.get("ARCHIVE_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# Seconds a request may run before its search gives up with a 503 (config/deadline.py).
ARCHIVE_REQUEST_SECONDS = float(os.environ.get("ARCHIVE_REQUEST_SECONDS", "20"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploads are read into memory whole anyway (import_report takes bytes): kept there, they need
# no temporary file, which a full disk would refuse before the view could say why.
FILE_UPLOAD_MAX_MEMORY_SIZE = ARCHIVE_MAX_UPLOAD_BYTES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

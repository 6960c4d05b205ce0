#!/bin/sh
# The image's entrypoint: the first argument names the role of the container.
#
#   web        gunicorn on 0.0.0.0:8000 (runs migrations first when MIGRATE_ON_START=1)
#   worker     a Celery worker
#   beat       the Celery beat scheduler (django-celery-beat's DatabaseScheduler); run ONE
#   migrate    apply database migrations, then exit
#   load_demo  apply migrations, then load the bilingual demo content and demo users
#   manage     any manage.py command: `manage createsuperuser`
#   anything else is run as given: `python manage.py shell`, `sh`, ...
#
# Extra arguments after web/worker/beat/migrate/load_demo are passed on to the program.
set -eu

if [ "$#" -eq 0 ]; then
    set -- web
fi

migrate() {
    python manage.py migrate --noinput
}

case "$1" in
    web)
        shift
        if [ "${MIGRATE_ON_START:-0}" = "1" ]; then
            migrate
        fi
        # Gunicorn trusts X-Forwarded-* only from FORWARDED_ALLOW_IPS (its default is
        # 127.0.0.1,::1); set it to the proxy's address, or '*' when only the proxy can reach
        # this container. Django itself reads X-Forwarded-Proto via SECURE_PROXY_SSL_HEADER.
        # The control socket (gunicornc) defaults to ~/.gunicorn, and ~ is the read-only /app.
        exec gunicorn heart_site.wsgi:application \
            --bind 0.0.0.0:8000 \
            --workers "${WEB_CONCURRENCY:-3}" \
            --timeout "${GUNICORN_TIMEOUT:-30}" \
            --access-logfile - \
            --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1,::1}" \
            --worker-tmp-dir /dev/shm \
            --control-socket /tmp/gunicorn.ctl \
            "$@"
        ;;
    worker)
        shift
        exec celery -A heart_site worker \
            --loglevel "${CELERY_LOG_LEVEL:-INFO}" \
            --concurrency "${CELERY_WORKER_CONCURRENCY:-2}" \
            "$@"
        ;;
    beat)
        shift
        # The scheduler class (DatabaseScheduler) is set in heart_site/celery.py; it keeps no
        # schedule file and writes no pid file, so a read-only /app is fine.
        exec celery -A heart_site beat --loglevel "${CELERY_LOG_LEVEL:-INFO}" "$@"
        ;;
    migrate)
        shift
        exec python manage.py migrate --noinput "$@"
        ;;
    load_demo)
        shift
        migrate
        exec python manage.py load_demo "$@"
        ;;
    manage)
        shift
        exec python manage.py "$@"
        ;;
    *)
        exec "$@"
        ;;
esac

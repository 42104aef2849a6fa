"""gunicorn settings for 政报档案: ``gunicorn -c config/gunicorn.conf.py config.wsgi``.

Sized for a small machine (2 cores). Environment:

- ``GUNICORN_BIND``: where to listen (default ``127.0.0.1:8000``, for a TLS proxy on the
  same machine; gunicorn trusts that proxy's ``X-Forwarded-Proto``, and ``FORWARDED_ALLOW_IPS``
  names other proxies).
- ``GUNICORN_WORKERS`` (default 2) processes of ``GUNICORN_THREADS`` (default 4) threads each:
  a page mostly waits on the database and the search index, and every process holds its own
  copy of the segmentation dictionary, so threads are cheaper than more processes.
- ``GUNICORN_TIMEOUT`` (default 120 s): a worker silent for longer is restarted; an upload
  of a long PDF is parsed within the request.
- gunicorn's control socket is off: by default every gunicorn of a user shares one path
  (``~/.gunicorn/gunicorn.ctl``), so two servers on a machine would clash over it.
- ``GUNICORN_ACCESS_LOG`` (default ``-``, stdout) and ``GUNICORN_ERROR_LOG`` (default ``-``,
  stderr): file paths for the logs.
"""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
control_socket_disable = True

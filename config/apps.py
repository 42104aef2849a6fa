"""django-axes in Chinese in the admin.

Its strings are translated in locale/zh_Hans (it ships no Chinese catalogue); what no
catalogue reaches is named here: the app itself ("Axes"), the changelist's status column
(named after its method) and an attempt's title ("Attempted Access: …", its __str__).
"""
from axes.apps import AppConfig as AxesConfig


class LoginGuardConfig(AxesConfig):
    verbose_name = "登录防护"

    def ready(self):
        super().ready()
        from axes.admin import AccessAttemptAdmin
        from axes.models import AccessAttempt

        AccessAttemptAdmin.status.short_description = "状态"
        AccessAttempt.__str__ = lambda attempt: f"登录尝试：{attempt.attempt_time:%Y-%m-%d %H:%M:%S}"

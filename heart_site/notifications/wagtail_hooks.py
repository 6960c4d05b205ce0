from wagtail import hooks

from .admin_views import EmailAndSchedulesGroup


@hooks.register("register_admin_viewset")
def register_email_and_schedules():
    return EmailAndSchedulesGroup()

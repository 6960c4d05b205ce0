from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..errors import LearningError
from .common import error_page, login_first, personal


def module_overview(request, module):
    progress = selectors.module_progress(user=request.user, module=module)
    response = module.render(
        request,
        context_overrides={
            "progress": progress,
            "lessons": progress.lessons,
            "prerequisites": list(module.prerequisites.all()),
        },
    )
    if request.user.is_authenticated:
        return personal(response)
    request.heart_page_cacheable = True
    return response


@require_POST
def module_enrol(request, module):
    if not request.user.is_authenticated:
        return login_first(request)
    try:
        services.enrollment_create(user=request.user, module=module)
    except LearningError as error:
        return error_page(request, error, back_url=module.url)
    first = selectors.module_progress(user=request.user, module=module).next_lesson
    return redirect(first.url if first else module.url)

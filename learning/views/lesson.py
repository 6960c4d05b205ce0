from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..errors import LearningError
from ..models import ReflectionAnswer
from .common import error_page, login_first, personal


def _neighbours(lesson, lessons):
    pages = [state.page for state in lessons]
    index = next((i for i, page in enumerate(pages) if page.pk == lesson.pk), None)
    if index is None:
        return None, None
    return (pages[index - 1] if index > 0 else None), (pages[index + 1] if index + 1 < len(pages) else None)


def lesson_view(request, lesson):
    module = lesson.get_parent().specific
    if not module.live:
        # Wagtail serves live children of a draft page: a withdrawn module takes its lessons along.
        raise Http404
    progress = selectors.module_progress(user=request.user, module=module)
    previous, following = _neighbours(lesson, progress.lessons)
    done = any(state.done for state in progress.lessons if state.page.pk == lesson.pk)
    reflections = {}
    if request.user.is_authenticated:
        services.lesson_visited(user=request.user, lesson=lesson)
        reflections = dict(
            ReflectionAnswer.objects.filter(user=request.user, lesson_key=lesson.translation_key).values_list(
                "block_id", "text"
            )
        )
    response = lesson.render(
        request,
        context_overrides={
            "module": module,
            "progress": progress,
            "lesson_done": done,
            "previous_lesson": previous,
            "next_lesson": following,
            "body_blocks": [(block, reflections.get(str(block.id), "")) for block in lesson.body],
        },
    )
    if request.user.is_authenticated:
        return personal(response)
    request.heart_page_cacheable = True
    return response


@require_POST
def lesson_done(request, lesson):
    if not request.user.is_authenticated:
        return login_first(request)
    try:
        enrollment = services.lesson_complete(user=request.user, lesson=lesson)
    except LearningError as error:
        return error_page(request, error, back_url=lesson.url)
    module = lesson.get_parent().specific
    if enrollment.completed_at:
        messages.success(request, _("You have completed the module."))
        return redirect(module.url)
    following = selectors.module_progress(user=request.user, module=module).next_lesson
    messages.success(request, _("Lesson marked as done."))
    return redirect(following.url if following else module.url)


@require_POST
def reflection_save(request, lesson, block_id):
    if not request.user.is_authenticated:
        return login_first(request)
    try:
        services.reflection_save(
            user=request.user, lesson=lesson, block_id=block_id, text=request.POST.get("answer", "")
        )
    except LearningError as error:
        return error_page(request, error, back_url=lesson.url)
    messages.success(request, _("Your answer is saved. Only you can see it."))
    return redirect(f"{lesson.url}#reflection-{block_id}")

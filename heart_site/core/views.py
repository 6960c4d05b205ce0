from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .forms import SearchForm
from .selectors import search_pages

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "page_obj": None, "query": ""}
    status = 200
    if form.is_bound:
        if form.is_valid():
            query = form.cleaned_data["q"]
            paginator = Paginator(search_pages(query), RESULTS_PER_PAGE)
            try:
                page_obj = paginator.page(request.GET.get("page", 1))
            except (EmptyPage, PageNotAnInteger):
                page_obj = paginator.page(1)
            context.update(page_obj=page_obj, results=page_obj.object_list, query=query)
        else:
            status = 400
    return render(request, "core/search.html", context, status=status)


@never_cache
@require_GET
def healthz(request):
    report = health.run_checks()
    return JsonResponse(report, status=503 if report["status"] == "unavailable" else 200)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

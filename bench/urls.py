"""The site's URLs plus the two reference views of the benchmark."""

from django.urls import path

from heart_site.urls import urlpatterns as site_urlpatterns

from . import views

urlpatterns = [
    path("bench/plain/", views.plain, name="bench_plain"),
    path("bench/hello/", views.hello, name="bench_hello"),
    *site_urlpatterns,
]

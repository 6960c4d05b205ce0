from django.urls import path

from .views import certificates, dashboard

app_name = "learning"

urlpatterns = [
    path("dashboard/", dashboard.dashboard_view, name="dashboard"),
    path("certificates/<str:code>.pdf", certificates.certificate_pdf, name="certificate_pdf"),
    path("verify/", certificates.verify, name="verify"),
]

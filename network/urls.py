from django.urls import path

from .views import events

app_name = "network"

urlpatterns = [
    path("registrations/", events.my_registrations, name="my_registrations"),
]

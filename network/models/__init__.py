from .contacts import Contact
from .directory import PartnerDirectoryPage
from .events import EventIndexPage, EventPage, Registration
from .interactions import Interaction
from .organisations import ACCESSIBILITY_FACTS, Organisation
from .partnerships import NetworkSettings, Partnership
from .places import Place
from .practices import PracticeLibraryPage, PracticePage

__all__ = [
    "ACCESSIBILITY_FACTS",
    "Contact",
    "EventIndexPage",
    "EventPage",
    "Interaction",
    "NetworkSettings",
    "Organisation",
    "PartnerDirectoryPage",
    "Partnership",
    "Place",
    "PracticeLibraryPage",
    "PracticePage",
    "Registration",
]

"""The demo catalogue and its four modules, in the order they are created (a prerequisite
before the module that needs it)."""

from ..spec import T
from . import accessibility, csr, equal_treatment, recruitment

CATALOGUE = {
    "slug": T("utbildningar", "training"),
    "title": T("Utbildningar", "Training"),
    "intro": T(
        "Korta utbildningsmoduler om likabehandling, antidiskriminering, socialt ansvar och tillgänglighet, "
        "för dig som arbetar i en kommun, på en myndighet eller som arbetsgivare. Varje modul har lektioner, "
        "ett kunskapstest och ett intyg när du är klar.",
        "Short training modules on equal treatment, anti-discrimination, social responsibility and "
        "accessibility, for people working in a municipality, at an agency or as an employer. Each module "
        "has lessons, a quiz and a certificate when you have finished.",
    ),
}

MODULES = [equal_treatment.MODULE, csr.MODULE, accessibility.MODULE, recruitment.MODULE]

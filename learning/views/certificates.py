from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..certificate_pdf import certificate_pdf_bytes
from ..errors import LearningError
from ..models import Certificate
from ..models.certificates import normalise_certificate_code
from ..verification import certificate_for_code
from .common import personal


def module_certificate(request, module):
    if not request.user.is_authenticated:
        from .common import login_first

        return login_first(request)
    certificate = Certificate.objects.filter(user=request.user, module_key=module.translation_key).first()
    if certificate is None:
        raise Http404(_("You have no certificate for this module yet."))
    return redirect("learning:certificate_pdf", code=certificate.code)


@login_required
def certificate_pdf(request, code):
    # Only the holder downloads the PDF; anyone else learns nothing, not even that it exists.
    certificate = Certificate.objects.filter(code=normalise_certificate_code(code), user=request.user).first()
    if certificate is None:
        raise Http404(_("There is no such certificate."))
    response = HttpResponse(
        certificate_pdf_bytes(certificate, request=request), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return personal(response)


def verify(request):
    """Anyone can check a code: the page shows the name, the module and the date, nothing else."""
    raw = request.GET.get("code", "")[:40]
    code = normalise_certificate_code(raw)
    context = {"code": raw, "certificate": None, "checked": bool(code)}
    status = 200
    if code:
        try:
            context["certificate"] = certificate_for_code(request, code)
        except LearningError as error:
            context["error"], status = error.message, error.status
    response = render(request, "learning/verify.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response

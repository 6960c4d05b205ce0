from celery import shared_task


@shared_task(name="mapping.advance_campaigns")
def advance_campaigns():
    """Open, close, invite and remind whatever is due; safe to run twice or concurrently."""
    from .services.campaigns import campaigns_advance

    return campaigns_advance()

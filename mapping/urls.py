from .urls_respondents import urlpatterns as respondent_patterns
from .urls_swot import urlpatterns as swot_patterns

app_name = "mapping"

urlpatterns = [*respondent_patterns, *swot_patterns]

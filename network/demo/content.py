"""What the network demo contains: the places, organisations, people and partnership states of
the brief's network. The organisations and places are the ones the brief names; every person,
description and interaction is invented for the demo."""

from ..models import Contact, Interaction, Organisation, Partnership, Place

M, C, R = Place.Kind.MUNICIPALITY, Place.Kind.CITY, Place.Kind.REGION

# key: (name, kind, country, latitude, longitude)
PLACES = {
    "jarfalla": ("Järfälla", M, "SE", "59.42330", "17.83450"),
    "norrtalje": ("Norrtälje", M, "SE", "59.75800", "18.70490"),
    "sollentuna": ("Sollentuna", M, "SE", "59.42800", "17.95090"),
    "solna": ("Solna", M, "SE", "59.36000", "18.00090"),
    "sundbyberg": ("Sundbyberg", M, "SE", "59.36110", "17.97210"),
    "upplands-vasby": ("Upplands Väsby", M, "SE", "59.51840", "17.91130"),
    "stockholm": ("Stockholm", C, "SE", "59.32930", "18.06860"),
    "emilia-romagna": ("Emilia-Romagna (Bologna)", R, "IT", "44.49490", "11.34260"),
    "pisa": ("Pisa", C, "IT", "43.72280", "10.40170"),
    "milan": ("Milano", C, "IT", "45.46420", "9.19000"),
    "dublin": ("Dublin", C, "IE", "53.34980", "-6.26030"),
}

K = Organisation.Kind


def _org(
    slug, name, kind, place, sv, en, *, sector="", website="", partner=True, inclusive=False, facts=None
):
    return {
        "slug": slug,
        "name": name,
        "kind": kind,
        "place": place,
        "sector": sector,
        "website": website,
        "is_programme_partner": partner,
        "is_inclusive_employer": inclusive,
        "facts": facts or {},
        "sv": sv,
        "en": en,
    }


STEP_FREE = {"step_free_entrance": True, "accessible_toilet": True, "lift": True}

ORGANISATIONS = [
    _org(
        "jarfalla-kommun",
        "Järfälla kommun",
        K.MUNICIPALITY,
        "jarfalla",
        "Kommunen leder förstudien och samordnar utbildningen av chefer och handläggare i likabehandling.",
        "The municipality leads the pre-study and coordinates the training of managers and case "
        "officers in equal treatment.",
        sector="Offentlig sektor",
        facts={**STEP_FREE, "hearing_loop": True},
    ),
    _org(
        "norrtalje-kommun",
        "Norrtälje kommun",
        K.MUNICIPALITY,
        "norrtalje",
        "Kommunen bidrar med erfarenheter av arbetsmarknadsinsatser på landsbygden och i skärgården.",
        "The municipality brings experience of labour-market measures in the countryside and the "
        "archipelago.",
        sector="Offentlig sektor",
        facts=STEP_FREE,
    ),
    _org(
        "sollentuna-kommun",
        "Sollentuna kommun",
        K.MUNICIPALITY,
        "sollentuna",
        "Kommunen testar utbildningsmodulerna med sina arbetsmarknadshandläggare.",
        "The municipality tries out the training modules with its labour-market case officers.",
        sector="Offentlig sektor",
    ),
    _org(
        "solna-stad",
        "Solna stad",
        K.MUNICIPALITY,
        "solna",
        "Staden deltar med sin vuxenutbildning och sitt arbete med tillgängliga lokaler.",
        "The city takes part with its adult education and its work on accessible premises.",
        sector="Offentlig sektor",
    ),
    _org(
        "sundbybergs-stad",
        "Sundbybergs stad",
        K.MUNICIPALITY,
        "sundbyberg",
        "Individ- och familjeförvaltningen deltar med fokus på vägar till arbete för personer långt "
        "från arbetsmarknaden.",
        "The social services department takes part, focusing on routes into work for people far "
        "from the labour market.",
        sector="Offentlig sektor",
    ),
    _org(
        "upplands-vasby-kommun",
        "Upplands Väsby kommun",
        K.MUNICIPALITY,
        "upplands-vasby",
        "Social- och äldreförvaltningen deltar och kartlägger personalens utbildningsbehov.",
        "The social and elderly care department takes part and maps its staff's training needs.",
        sector="Offentlig sektor",
    ),
    _org(
        "forsakringskassan-solna",
        "Försäkringskassan Solna/Sundbyberg",
        K.AGENCY,
        "solna",
        "Lokalkontoret deltar för att samordna stödet till personer som är på väg tillbaka till arbete.",
        "The local office takes part to coordinate support for people returning to work.",
        sector="Socialförsäkring",
    ),
    _org(
        "bemanningsforetaget",
        "Manpower Jobbförmedling",
        K.COMPANY,
        "stockholm",
        "Bemanningsföretaget delar med sig av hur arbetsgivare kan rekrytera brett och utan diskriminering.",
        "The staffing company shares how employers can recruit widely and without discrimination.",
        sector="Bemanning och rekrytering",
        inclusive=True,
    ),
    _org(
        "roda-korset-bergshamra",
        "Röda Korset, Bergshamra",
        K.NGO,
        "solna",
        "Den lokala kretsen ordnar språkcaféer och mentorskap för nyanlända som söker arbete.",
        "The local branch runs language cafés and mentoring for newly arrived job seekers.",
        sector="Ideell sektor",
        facts={"step_free_entrance": False, "quiet_room": True},
    ),
    _org(
        "csr-sweden",
        "CSR Sweden",
        K.NGO,
        "stockholm",
        "Nätverket för företag som arbetar med samhällsansvar bidrar med exempel från arbetsgivare "
        "och med kontakter i Europa.",
        "The network of companies working on social responsibility contributes examples from "
        "employers and contacts in Europe.",
        sector="Företagens samhällsansvar",
        website="https://www.csrsweden.se/",
    ),
    _org(
        "enaip-emilia-romagna",
        "EnAIP Emilia-Romagna",
        K.TRAINING_CENTRE,
        "emilia-romagna",
        "En ideell utbildningsorganisation som utbildar grupper som riskerar utanförskap, bland "
        "annat nyanlända, och tar emot studiebesök.",
        "A non-profit training organisation for groups at risk of exclusion, among them newly "
        "arrived migrants, which hosts study visits.",
        sector="Vuxenutbildning",
        partner=False,
        facts=STEP_FREE,
    ),
    _org(
        "universita-di-pisa-scienze-politiche",
        "Università di Pisa, Dipartimento di Scienze Politiche",
        K.UNIVERSITY,
        "pisa",
        "Institutionen forskar om migration och ger en magisterutbildning för experter på migration.",
        "The department researches migration and runs a master's programme for migration experts.",
        sector="Forskning och högre utbildning",
        partner=False,
    ),
    _org(
        "kairos-hr",
        "Kairós HR Consulting",
        K.COMPANY,
        "milan",
        "Konsultbyrån arbetar med HR-frågor, lika möjligheter och stöd vid migration.",
        "The consultancy works on HR, equal opportunities and support for migration processes.",
        sector="HR-konsulter",
        partner=False,
    ),
    _org(
        "dublin-csr-forum",
        "Dublin CSR Forum",
        K.NGO,
        "dublin",
        "Ett irländskt nätverk som ligger långt fram i arbetet med företagens samhällsansvar.",
        "An Irish network at the forefront of corporate social responsibility.",
        sector="Företagens samhällsansvar",
        partner=False,
    ),
]

LEGIT = Contact.LawfulBasis.LEGITIMATE_INTEREST

# (organisation slug, full name, role, email, preferred language)
CONTACTS = [
    ("jarfalla-kommun", "Karin Ahlström", "Projektledare", "karin.ahlstrom@jarfalla.example", "sv"),
    ("norrtalje-kommun", "Erik Sandberg", "Arbetsmarknadschef", "erik.sandberg@norrtalje.example", "sv"),
    ("enaip-emilia-romagna", "Giulia Ferri", "Coordinatrice progetti", "g.ferri@enaip.example", "en"),
    ("universita-di-pisa-scienze-politiche", "Paolo Bianchi", "Researcher", "p.bianchi@unipi.example", "en"),
    ("dublin-csr-forum", "Siobhán Murphy", "Programme manager", "s.murphy@csrforum.example", "en"),
]

KIND = Interaction.Kind

# (organisation slug, kind, days from today, summary, contact emails, follow up in days or None)
INTERACTIONS = [
    (
        "enaip-emilia-romagna",
        KIND.MEETING,
        -40,
        "Videomöte om ett studiebesök i Bologna och centrets metoder för praktik med handledare.",
        ["g.ferri@enaip.example"],
        None,
    ),
    (
        "enaip-emilia-romagna",
        KIND.EMAIL,
        -10,
        "Program för studiebesöket skickat; centret bekräftar datum och värdar.",
        ["g.ferri@enaip.example"],
        12,
    ),
    (
        "universita-di-pisa-scienze-politiche",
        KIND.EMAIL,
        -25,
        "Första kontakt om ett gästseminarium om migration och arbetsmarknad.",
        ["p.bianchi@unipi.example"],
        None,
    ),
    (
        "dublin-csr-forum",
        KIND.CALL,
        -15,
        "Samtal om att dela irländska exempel på arbetsgivare som anställer brett.",
        ["s.murphy@csrforum.example"],
        None,
    ),
    (
        "jarfalla-kommun",
        KIND.SEMINAR,
        -30,
        "Uppstartsseminarium med de deltagande kommunerna.",
        ["karin.ahlstrom@jarfalla.example", "erik.sandberg@norrtalje.example"],
        None,
    ),
]

P = Partnership.Status

# (place key, organisation slug, status): two Swedish municipalities and two places abroad
# reached, against the brief's goal of three; Pisa is still under way.
PARTNERSHIPS = [
    ("emilia-romagna", "enaip-emilia-romagna", P.ESTABLISHED),
    ("pisa", "universita-di-pisa-scienze-politiche", P.CONTACTED),
    ("dublin", "dublin-csr-forum", P.COLLABORATING),
    ("jarfalla", "jarfalla-kommun", P.ESTABLISHED),
    ("norrtalje", "norrtalje-kommun", P.ESTABLISHED),
    ("milan", "kairos-hr", P.IDENTIFIED),
]

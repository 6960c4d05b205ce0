"""Texts shared by the demo modules."""

from ..spec import T, score_bands

SCORE_BANDS = score_bands(
    T(
        "Du har en bit kvar. Om du har försök kvar: gå igenom lektionerna igen och läs återkopplingen på "
        "varje fråga innan du försöker på nytt.",
        "You still have some way to go. If you have attempts left, go through the lessons again and read "
        "the feedback on each question before you try again.",
    ),
    T(
        "Du är på god väg. Titta särskilt på frågorna du missade: återkopplingen visar vad du kan läsa på.",
        "You are well on the way. Look closely at the questions you missed: the feedback shows what to "
        "read up on.",
    ),
    T(
        "Mycket bra! Du har goda kunskaper i ämnet. Fundera på hur du kan dela dem med dina kollegor.",
        "Very good! You know the subject well. Think about how you can share what you know with your "
        "colleagues.",
    ),
)

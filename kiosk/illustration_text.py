"""Every word the illustrations show or speak, in every language: one table per language.

Captions, text alternatives, button labels, titles, legend labels, the words painted inside the
pictures and the pause button's names all live here, and the illustrations (kiosk/ui/illustrations)
read them from here. Dataclasses without defaults, as in kiosk/ui_text.py, so that a language
missing a string is a type error, and `untranslated_illustration_text()` finds any that is empty
or still English. Kept free of Qt so that `kiosk check` can ask without a display.

Words painted inside a picture come as tuples, longest wording first: the picture uses the
longest one that fits the room it has. Every caption is at most two short sentences (grade 6),
and every language says exactly what the English says (DESIGN.md, "The science the
illustrations must get right").
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass

# The picture-label type: wordings of one label, longest first.
Variants = tuple[str, ...]


@dataclass(frozen=True)
class StateWords:
    """The words of one state of an illustration."""

    caption: str  # at most two short sentences, shown under the picture
    description: str  # the text alternative: what the picture shows, in full
    button: str | None  # None: the resting state, reached by tapping the active button again


@dataclass(frozen=True)
class PictureWords:
    """What every illustration has: a title (its accessible name) and a StateWords field for
    each state its spec names (kiosk/illustration_specs.py: state `with-snri`, field
    `with_snri`)."""

    title: str


@dataclass(frozen=True)
class SynapseWords(PictureWords):
    without: StateWords
    with_snri: StateWords
    serotonin: str  # legend
    norepinephrine: str
    sending_cell: Variants  # under the drawing, each in at most two lines as wide as its part
    gap: Variants
    receiving_cell: Variants
    transporter: Variants  # beside the transporter, without medicine
    blocked: Variants  # beside the transporter, with the medicine in it
    weak_signal: Variants  # above the signal arrow
    strong_signal: Variants
    receptors: Variants  # below the signal arrow


@dataclass(frozen=True)
class PainPathwayWords(PictureWords):
    without: StateWords
    with_snri: StateWords
    pain_signal: str  # legend
    calming_signal: str
    pain_felt: Variants  # callouts beside the body, top to bottom
    brainstem: Variants
    spinal_cord: Variants
    pain_starts: Variants
    medicine: str  # under the bracket that shows where the medicine works


@dataclass(frozen=True)
class PainMoodCycleWords(PictureWords):
    cycle: StateWords
    medicine: StateWords
    physical_therapy: StateWords
    mindfulness: StateWords
    care_team: StateWords
    pain: str  # the four steps of the cycle, clockwise from the top left
    poor_sleep: str
    low_mood: str
    less_activity: str

    def steps(self) -> tuple[str, str, str, str]:
        return (self.pain, self.poor_sleep, self.low_mood, self.less_activity)


@dataclass(frozen=True)
class IllustrationText:
    """All the illustrations' words in one language."""

    pause: str  # the pause button's accessible name while the picture moves
    play: str  # and while it is paused
    synapse: SynapseWords
    pain_pathway: PainPathwayWords
    pain_mood_cycle: PainMoodCycleWords


ENGLISH = IllustrationText(
    pause="Pause the moving picture",
    play="Play the moving picture",
    synapse=SynapseWords(
        title="Picture: how an SNRI works between two nerve cells",
        without=StateWords(
            caption="The sending cell lets out serotonin and norepinephrine. "
            "Transporters soon pull them back in.",
            description="Drawing of the gap between two nerve cells. The sending cell on the "
            "left lets out serotonin, shown as blue circles, and norepinephrine, shown as orange "
            "triangles. They cross the gap to receptors on the receiving cell on the right. "
            "Transporters on the sending cell pull most of them back in, so the signal to the "
            "next cell, shown as an arrow, is weak.",
            button="Without medicine",
        ),
        with_snri=StateWords(
            caption="An SNRI blocks the transporters, so more messengers stay in the gap. "
            "The signal to the next cell gets stronger.",
            description="The same drawing with an SNRI. The medicine, shown as a purple capsule, "
            "sits in the transporters on the sending cell and blocks them. The cell lets out the "
            "same messengers as before, but more serotonin and norepinephrine stay in the gap "
            "and reach the receptors, so the signal arrow to the next cell is bigger. The "
            "medicine does not add messengers and does not act on the receptors.",
            button="With an SNRI",
        ),
        serotonin="Serotonin",
        norepinephrine="Norepinephrine",
        sending_cell=("Sending nerve cell", "Sending cell"),
        gap=("Gap",),
        receiving_cell=("Receiving nerve cell", "Receiving cell"),
        transporter=("Transporter pulls them back", "Transporter"),
        blocked=("SNRI blocks the transporter", "SNRI blocks it", "SNRI"),
        weak_signal=("Weak signal to the next cell", "Weak signal", "Signal"),
        strong_signal=("Stronger signal to the next cell", "Stronger signal", "Stronger"),
        receptors=("Receptors",),
    ),
    pain_pathway=PainPathwayWords(
        title="Picture: pain signals and calming signals in the body",
        without=StateWords(
            caption="Pain signals travel from the back or knee up the spinal cord to the brain. "
            "Calming signals come down from the brainstem.",
            description="Simple outline of a body. Pain signals, drawn as red spiky bursts, start "
            "in the lower back and the knee, come into the spinal cord and travel up it to the "
            "brain. Calming signals, drawn as green waves, run from the brainstem down the spinal "
            "cord to the place where pain signals come in. A bar next to the head shows how much "
            "pain is felt.",
            button="Without medicine",
        ),
        with_snri=StateWords(
            caption="An SNRI works in the brain and spinal cord, not in the back or knee. "
            "Calming signals get stronger, so pain feels a bit dimmer.",
            description="The same body with an SNRI. A purple bracket shows that the medicine "
            "works in the brain and spinal cord only, not in the back or knee. The calming "
            "signals from the brainstem are bigger and come more often. Fewer pain bursts get "
            "past the spinal cord and they are fainter, but some still reach the brain: the pain "
            "bar is a little shorter, not empty.",
            button="With an SNRI",
        ),
        pain_signal="Pain signal",
        calming_signal="Calming signal",
        pain_felt=("Pain felt in the brain", "Pain felt"),
        brainstem=("Brainstem sends calming signals", "Brainstem"),
        spinal_cord=(
            "Spinal cord: pain signals come in here",
            "Spinal cord: pain comes in",
            "Spinal cord",
        ),
        pain_starts=(
            "Pain starts in the lower back or knee",
            "Pain starts in back or knee",
            "Back or knee",
        ),
        medicine="SNRI",
    ),
    pain_mood_cycle=PainMoodCycleWords(
        title="Picture: how pain, sleep, mood and activity affect each other",
        cycle=StateWords(
            caption="Pain, poor sleep and stress, low mood and less activity can feed each "
            "other. Tap a helper to see where it eases the cycle.",
            description="Four boxes in a square, joined by arrows in a loop: pain leads to poor "
            "sleep and stress, which lead to low mood, which leads to less activity, which leads "
            "to more pain. Dots move round the loop. Buttons under the picture show where each "
            "helper eases the cycle.",
            button=None,
        ),
        medicine=StateWords(
            caption="Medicine such as an SNRI can calm pain signals in the spinal cord. "
            "It may also help mood.",
            description="The same loop with medicine in the middle, drawn as a capsule. A thick "
            "line runs from it to the pain box and a thinner one to the low mood box. The arrows "
            "leaving those boxes are thinner, so the cycle is weaker there. Pain is still part "
            "of the loop.",
            button="Medicine",
        ),
        physical_therapy=StateWords(
            caption="Physical therapy builds strength and helps you move more. "
            "Moving more can ease pain over time.",
            description="The same loop with physical therapy in the middle, drawn as a dumbbell. "
            "Lines run from it to the less activity box and to the pain box. The arrows leaving "
            "those boxes are thinner, so the cycle is weaker there.",
            button="Physical therapy",
        ),
        mindfulness=StateWords(
            caption="Mindfulness or yoga can lower stress and help sleep. "
            "Yoga is also gentle movement.",
            description="The same loop with mindfulness or yoga in the middle, drawn as a lotus "
            "flower. Lines run from it to the poor sleep and stress box and to the less activity "
            "box. The arrows leaving those boxes are thinner, so the cycle is weaker there.",
            button="Mindfulness, yoga",
        ),
        care_team=StateWords(
            caption="Talking with your care team helps with every step. "
            "Together you can change the plan as you go.",
            description="The same loop with your care team in the middle, drawn as two people. "
            "Lines run from it to all four boxes, and every arrow is thinner. The steps are "
            "still there, but the cycle is weaker all the way round.",
            button="Care team",
        ),
        pain="Pain",
        poor_sleep="Poor sleep and stress",
        low_mood="Low mood",
        less_activity="Less activity",
    ),
)

# Spanish as in content/es/: "noradrenalina", "IRSN", "terapia física", "atención plena",
# "equipo de atención médica", and "usted".
SPANISH = IllustrationText(
    pause="Pausar la imagen en movimiento",
    play="Reproducir la imagen en movimiento",
    synapse=SynapseWords(
        title="Imagen: cómo actúa un IRSN entre dos células nerviosas",
        without=StateWords(
            caption="La célula que envía suelta serotonina y noradrenalina. "
            "Los transportadores pronto las devuelven adentro.",
            description="Dibujo del espacio entre dos células nerviosas. La célula que envía, a "
            "la izquierda, suelta serotonina, que se ve como círculos azules, y noradrenalina, "
            "que se ve como triángulos anaranjados. Cruzan el espacio hasta los receptores de la "
            "célula que recibe, a la derecha. Los transportadores de la célula que envía "
            "devuelven adentro a la mayoría, así que la señal a la siguiente célula, que se ve "
            "como una flecha, es débil.",
            button="Sin medicamento",
        ),
        with_snri=StateWords(
            caption="Un IRSN bloquea los transportadores, así que quedan más mensajeros en el "
            "espacio. La señal a la siguiente célula se hace más fuerte.",
            description="El mismo dibujo con un IRSN. El medicamento, que se ve como una cápsula "
            "morada, se pone en los transportadores de la célula que envía y los bloquea. La "
            "célula suelta los mismos mensajeros que antes, pero más serotonina y noradrenalina "
            "se quedan en el espacio y llegan a los receptores, así que la flecha de la señal a "
            "la siguiente célula es más grande. El medicamento no añade mensajeros y no actúa "
            "sobre los receptores.",
            button="Con un IRSN",
        ),
        serotonin="Serotonina",
        norepinephrine="Noradrenalina",
        sending_cell=("Célula nerviosa que envía", "Célula que envía", "Envía"),
        gap=("Espacio",),
        receiving_cell=("Célula nerviosa que recibe", "Célula que recibe", "Recibe"),
        transporter=("El transportador las devuelve", "Transportador"),
        blocked=("El IRSN bloquea el transportador", "El IRSN lo bloquea", "IRSN"),
        weak_signal=("Señal débil a la siguiente célula", "Señal débil", "Señal"),
        strong_signal=("Señal más fuerte a la siguiente célula", "Señal más fuerte", "Más fuerte"),
        receptors=("Receptores",),
    ),
    pain_pathway=PainPathwayWords(
        title="Imagen: señales de dolor y señales calmantes en el cuerpo",
        without=StateWords(
            caption="Las señales de dolor suben de la espalda o rodilla por la médula espinal al "
            "cerebro. Las señales calmantes bajan desde el tronco encefálico.",
            description="Silueta sencilla de un cuerpo. Las señales de dolor, dibujadas como "
            "estallidos rojos con puntas, empiezan en la parte baja de la espalda y en la "
            "rodilla, entran en la médula espinal y suben por ella hasta el cerebro. Las señales "
            "calmantes, dibujadas como ondas verdes, bajan desde el tronco encefálico por la "
            "médula espinal hasta el lugar donde entran las señales de dolor. Una barra junto a "
            "la cabeza muestra cuánto dolor se siente.",
            button="Sin medicamento",
        ),
        with_snri=StateWords(
            caption="Un IRSN actúa en el cerebro y la médula espinal, no en la espalda o rodilla. "
            "Las señales calmantes se refuerzan y el dolor se siente algo menos.",
            description="El mismo cuerpo con un IRSN. Un corchete morado muestra que el "
            "medicamento actúa solo en el cerebro y la médula espinal, no en la espalda ni en la "
            "rodilla. Las señales calmantes del tronco encefálico son más grandes y llegan más a "
            "menudo. Menos estallidos de dolor pasan de la médula espinal y son más débiles, pero "
            "algunos siguen llegando al cerebro: la barra del dolor es un poco más corta, no está "
            "vacía.",
            button="Con un IRSN",
        ),
        pain_signal="Señal de dolor",
        calming_signal="Señal calmante",
        pain_felt=("Dolor que siente el cerebro", "Dolor que se siente", "Dolor sentido"),
        brainstem=("El tronco encefálico envía señales calmantes", "Tronco encefálico"),
        spinal_cord=(
            "Médula espinal: aquí entran las señales de dolor",
            "Médula espinal: entra el dolor",
            "Médula espinal",
        ),
        pain_starts=(
            "El dolor empieza en la parte baja de la espalda o en la rodilla",
            "El dolor empieza en la espalda o rodilla",
            "Espalda o rodilla",
        ),
        medicine="IRSN",
    ),
    pain_mood_cycle=PainMoodCycleWords(
        title="Imagen: cómo el dolor, el sueño, el ánimo y la actividad se afectan entre sí",
        cycle=StateWords(
            caption="Dolor, mal sueño y estrés, ánimo bajo y poca actividad pueden empeorarse "
            "entre sí. Toque una ayuda y verá dónde alivia.",
            description="Cuatro recuadros en un cuadrado, unidos por flechas en círculo: el "
            "dolor lleva al mal sueño y estrés, que llevan al ánimo bajo, que lleva a menos "
            "actividad, que lleva a más dolor. Unos puntos se mueven por el círculo. Los botones "
            "debajo de la imagen muestran dónde alivia el ciclo cada ayuda.",
            button=None,
        ),
        medicine=StateWords(
            caption="Un medicamento como un IRSN puede calmar señales de dolor en la médula "
            "espinal. También puede ayudar al ánimo.",
            description="El mismo círculo con el medicamento en el centro, dibujado como una "
            "cápsula. Una línea gruesa va de él al recuadro del dolor y otra más fina al "
            "recuadro del ánimo bajo. Las flechas que salen de esos recuadros son más finas, así "
            "que el ciclo es más débil ahí. El dolor sigue siendo parte del círculo.",
            button="Medicamento",
        ),
        physical_therapy=StateWords(
            caption="La terapia física le da fuerza y le ayuda a moverse más. "
            "Moverse más puede aliviar el dolor con el tiempo.",
            description="El mismo círculo con la terapia física en el centro, dibujada como una "
            "pesa. Hay líneas de ella al recuadro de menos actividad y al recuadro del dolor. "
            "Las flechas que salen de esos recuadros son más finas, así que el ciclo es más "
            "débil ahí.",
            button="Terapia física",
        ),
        mindfulness=StateWords(
            caption="La atención plena o el yoga pueden bajar el estrés y ayudar a dormir. "
            "El yoga también es un movimiento suave.",
            description="El mismo círculo con la atención plena o el yoga en el centro, dibujados "
            "como una flor de loto. Hay líneas de ella al recuadro de mal sueño y estrés y al "
            "recuadro de menos actividad. Las flechas que salen de esos recuadros son más finas, "
            "así que el ciclo es más débil ahí.",
            button="Atención plena",
        ),
        care_team=StateWords(
            caption="Hablar con su equipo de atención médica ayuda en cada paso. "
            "Juntos pueden ir cambiando el plan.",
            description="El mismo círculo con su equipo de atención médica en el centro, "
            "dibujado como dos personas. Hay líneas de él a los cuatro recuadros, y todas las "
            "flechas son más finas. Los pasos siguen ahí, pero el ciclo es más débil en toda la "
            "vuelta.",
            button="Equipo médico",
        ),
        pain="Dolor",
        poor_sleep="Mal sueño y estrés",
        low_mood="Ánimo bajo",
        less_activity="Menos actividad",
    ),
)

CATALOG: dict[str, IllustrationText] = {"en": ENGLISH, "es": SPANISH}
# Dotted names of words that truly read the same as the English in a language (none so far:
# even "SNRI" is "IRSN" in Spanish); anything else identical to English is untranslated.
SAME_AS_ENGLISH: dict[str, frozenset[str]] = {"es": frozenset()}


def illustration_language(language: str) -> str:
    """The language the illustrations will speak for `language`: English if it has no table."""
    return language if language in CATALOG else "en"


def illustration_text(language: str) -> IllustrationText:
    """The illustrations' words in `language`, or in English for a language without a table."""
    return CATALOG[illustration_language(language)]


def untranslated_illustration_text(language: str) -> list[str]:
    """Dotted names (`synapse.with_snri.caption`, `synapse.blocked[2]`) of the illustration
    words that are empty or still English in `language`; [] for English or an unknown language."""
    text = CATALOG.get(language)
    if text is None or text is ENGLISH:
        return []
    allowed = SAME_AS_ENGLISH.get(language, frozenset())
    return [name for name in _untranslated(ENGLISH, text, "") if name not in allowed]


def _untranslated(english: object, other: object, name: str) -> list[str]:
    if is_dataclass(english) and not isinstance(english, type):
        found = []
        for field in fields(english):
            inner = f"{name}.{field.name}" if name else field.name
            found += _untranslated(getattr(english, field.name), getattr(other, field.name), inner)
        return found
    if isinstance(english, tuple):
        wordings = other if isinstance(other, tuple) else ()
        if not wordings:
            return [name]
        # No wording of a label may be one of the English ones, at whatever position.
        return [
            f"{name}[{index}]"
            for index, wording in enumerate(wordings)
            if not isinstance(wording, str) or not wording.strip() or wording in english
        ]
    if english is None:  # a resting state has no button in any language
        return []
    if not isinstance(other, str) or not other.strip() or other == english:
        return [name]
    return []

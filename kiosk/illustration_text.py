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
    # Where the medicine is shown: the language's one sentence of balance (`IllustrationText
    # .balance`), None elsewhere. A section whose picture has such a state opens its notice with
    # it (kiosk/ui/screens/reader.py): full width, it leaves the picture its room.
    balance: str | None


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
    # Above the arrow on the receiving cell: how long and how much the pain-calming messengers
    # act there, never a "weak" or "strong" signal (which reads as more pain).
    acts_briefly: Variants
    acts_longer: Variants
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
    # One plain sentence of balance wherever the medicine is shown (DESIGN.md): when benefit is
    # judged, the most common side effect, and whom to ask. Every StateWords.balance is this.
    balance: str
    synapse: SynapseWords
    pain_pathway: PainPathwayWords
    pain_mood_cycle: PainMoodCycleWords


# The balance sentence (DESIGN.md, "The science the illustrations must get right"): benefit is
# usually judged after a few weeks [Cymbalta label]; nausea is the most common side effect
# [Cymbalta label]; ask your care team.
_ENGLISH_BALANCE = (
    "Benefit is usually judged after a few weeks, and nausea is the most common side effect. "
    "Ask your care team."
)

ENGLISH = IllustrationText(
    pause="Pause the moving picture",
    play="Play the moving picture",
    balance=_ENGLISH_BALANCE,
    synapse=SynapseWords(
        title="Picture: how an SNRI works between two nerve cells",
        without=StateWords(
            caption="The sending cell lets out serotonin and norepinephrine, which help calm "
            "pain. Transporters soon pull them back in.",
            description="Drawing of the gap between two nerve cells of the body's pain-calming "
            "system. The sending cell on the left lets out serotonin, shown as blue circles, and "
            "norepinephrine, shown as orange triangles. They cross the gap to receptors on the "
            "receiving cell on the right. Transporters on the sending cell soon pull most of them "
            "back in, so they act on the receiving cell only briefly: the arrow in the receiving "
            "cell is short and thin.",
            button="Without medicine",
            balance=None,
        ),
        with_snri=StateWords(
            caption="An SNRI blocks the transporters, so more messengers stay in the gap. "
            "These pain-calming messengers act longer and more.",
            description="The same drawing with an SNRI. The medicine, shown as a purple capsule, "
            "sits in the transporters on the sending cell and blocks them. The cell lets out the "
            "same messengers as before, but more serotonin and norepinephrine stay in the gap "
            "and meet the receptors again and again, so they act on the receiving cell longer "
            "and more: the arrow in the receiving cell is longer and thicker. The medicine does "
            "not add messengers and does not act on the receptors.",
            button="With an SNRI",
            balance=_ENGLISH_BALANCE,
        ),
        serotonin="Serotonin",
        norepinephrine="Norepinephrine",
        sending_cell=("Sending nerve cell", "Sending cell"),
        gap=("Gap",),
        receiving_cell=("Receiving nerve cell", "Receiving cell"),
        transporter=("Transporter pulls them back", "Transporter"),
        blocked=("SNRI blocks the transporter", "SNRI blocks it", "SNRI"),
        acts_briefly=("Pain-calming messengers act briefly", "They act briefly", "Briefly"),
        acts_longer=(
            "Pain-calming messengers act longer and more",
            "They act longer and more",
            "Longer",
        ),
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
            "cord to the place where pain signals come in, and a small green glow shows them "
            "acting there. A bar next to the head shows how much pain is felt.",
            button="Without medicine",
            balance=None,
        ),
        with_snri=StateWords(
            caption="An SNRI works in the brain and spinal cord, not in the back or knee. "
            "Calming signals act more strongly in the spinal cord, so pain feels a bit dimmer.",
            description="The same body with an SNRI. A purple bracket shows that the medicine "
            "works in the brain and spinal cord only, not in the back or knee. The calming "
            "signals come down from the brainstem at the same pace as before, but where they "
            "arrive in the spinal cord they act longer and more strongly: the green glow there "
            "is bigger. Now and then a pain burst is calmed there, and the others pass a little "
            "fainter. Most pain still reaches the brain: the pain bar is about a tenth shorter, "
            "not empty. Some people feel more relief, some less.",
            button="With an SNRI",
            balance=_ENGLISH_BALANCE,
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
            balance=None,
        ),
        medicine=StateWords(
            caption="Medicine such as an SNRI can calm pain signals in the spinal cord. "
            "It may also help mood.",
            description="The same loop with medicine in the middle, drawn as a capsule. A thick "
            "line runs from it to the pain box and a thinner one to the low mood box. The arrows "
            "leaving those boxes are thinner, so the cycle is weaker there. Pain is still part "
            "of the loop.",
            button="Medicine",
            balance=_ENGLISH_BALANCE,
        ),
        physical_therapy=StateWords(
            caption="Physical therapy builds strength and helps you move more. "
            "Moving more can ease pain over time.",
            description="The same loop with physical therapy in the middle, drawn as a dumbbell. "
            "Lines run from it to the less activity box and to the pain box. The arrows leaving "
            "those boxes are thinner, so the cycle is weaker there.",
            button="Physical therapy",
            balance=None,
        ),
        mindfulness=StateWords(
            caption="Mindfulness or yoga can lower stress and help sleep. "
            "Yoga is also gentle movement.",
            description="The same loop with mindfulness or yoga in the middle, drawn as a lotus "
            "flower. Lines run from it to the poor sleep and stress box and to the less activity "
            "box. The arrows leaving those boxes are thinner, so the cycle is weaker there.",
            button="Mindfulness, yoga",
            balance=None,
        ),
        care_team=StateWords(
            caption="Talking with your care team helps with every step. "
            "Together you can change the plan as you go.",
            description="The same loop with your care team in the middle, drawn as two people. "
            "Lines run from it to all four boxes, and every arrow is thinner. The steps are "
            "still there, but the cycle is weaker all the way round.",
            button="Care team",
            balance=None,
        ),
        pain="Pain",
        poor_sleep="Poor sleep and stress",
        low_mood="Low mood",
        less_activity="Less activity",
    ),
)

# Spanish as in content/es/: "norepinefrina" (as US Spanish patient pages say it, e.g. Mayo
# Clinic's "inhibidores de la recaptación de serotonina y norepinefrina (IRSN)"; Spain's AEMPS
# leaflets say "noradrenalina"), "IRSN", "terapia física", "meditación y yoga" (the section's summary;
# "Atención plena, yoga" is too wide for the helper buttons' two rows), "equipo de atención
# médica", "menos actividad", and "usted".
_SPANISH_BALANCE = (
    "El beneficio suele valorarse después de unas semanas, y las náuseas son el efecto "
    "secundario más común. Pregunte a su equipo de atención médica."
)

SPANISH = IllustrationText(
    pause="Pausar la imagen en movimiento",
    play="Reproducir la imagen en movimiento",
    balance=_SPANISH_BALANCE,
    synapse=SynapseWords(
        title="Imagen: cómo actúa un IRSN entre dos células nerviosas",
        without=StateWords(
            caption="La célula que envía libera serotonina y norepinefrina, que ayudan a calmar "
            "el dolor. Los transportadores pronto las vuelven a captar.",
            description="Dibujo del espacio entre dos células nerviosas del sistema que calma el "
            "dolor. La célula que envía, a la izquierda, libera serotonina, que se ve como "
            "círculos azules, y norepinefrina, que se ve como triángulos anaranjados. Cruzan el "
            "espacio hasta los receptores de la célula que recibe, a la derecha. Los "
            "transportadores de la célula que envía pronto vuelven a captar a la mayoría, así "
            "que actúan solo poco tiempo sobre la célula que recibe: la flecha en la célula que "
            "recibe es corta y delgada.",
            button="Sin medicamento",
            balance=None,
        ),
        with_snri=StateWords(
            caption="Un IRSN bloquea los transportadores, así que quedan más mensajeros en el "
            "espacio. Estos mensajeros que calman el dolor actúan más y por más tiempo.",
            description="El mismo dibujo con un IRSN. El medicamento, que se ve como una cápsula "
            "morada, se pone en los transportadores de la célula que envía y los bloquea. La "
            "célula libera los mismos mensajeros que antes, pero más serotonina y norepinefrina "
            "se quedan en el espacio y llegan una y otra vez a los receptores, así que actúan "
            "más y por más tiempo sobre la célula que recibe: la flecha en la célula que recibe "
            "es más larga y más gruesa. El medicamento no añade mensajeros y no actúa sobre los "
            "receptores.",
            button="Con un IRSN",
            balance=_SPANISH_BALANCE,
        ),
        serotonin="Serotonina",
        norepinephrine="Norepinefrina",
        sending_cell=("Célula nerviosa que envía", "Célula que envía", "Envía"),
        gap=("Espacio",),
        receiving_cell=("Célula nerviosa que recibe", "Célula que recibe", "Recibe"),
        transporter=("El transportador las vuelve a captar", "Transportador"),
        blocked=("El IRSN bloquea el transportador", "El IRSN lo bloquea", "IRSN"),
        acts_briefly=(
            "Los mensajeros que calman el dolor actúan poco tiempo",
            "Actúan poco tiempo",
            "Poco tiempo",
        ),
        acts_longer=(
            "Los mensajeros que calman el dolor actúan más y por más tiempo",
            "Actúan más y por más tiempo",
            "Más tiempo",
        ),
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
            "médula espinal hasta el lugar donde entran las señales de dolor, y un pequeño brillo "
            "verde muestra que actúan ahí. Una barra junto a la cabeza muestra cuánto dolor se "
            "siente.",
            button="Sin medicamento",
            balance=None,
        ),
        with_snri=StateWords(
            caption="Un IRSN actúa en el cerebro y la médula espinal, no en la espalda o rodilla. "
            "Las señales calmantes actúan más en la médula espinal y el dolor se siente algo "
            "menos.",
            description="El mismo cuerpo con un IRSN. Un corchete morado muestra que el "
            "medicamento actúa solo en el cerebro y la médula espinal, no en la espalda ni en la "
            "rodilla. Las señales calmantes bajan del tronco encefálico al mismo ritmo que antes, "
            "pero donde llegan, en la médula espinal, actúan por más tiempo y con más fuerza: el "
            "brillo verde ahí es más grande. De vez en cuando un estallido de dolor se calma ahí, "
            "y los demás pasan un poco más débiles. La mayor parte del dolor sigue llegando al "
            "cerebro: la barra del dolor es como una décima parte más corta, no está vacía. "
            "Algunas personas sienten más alivio y otras menos.",
            button="Con un IRSN",
            balance=_SPANISH_BALANCE,
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
            caption="Dolor, dormir mal y estrés, ánimo bajo y menos actividad pueden "
            "agravarse entre sí. Toque una ayuda y verá dónde alivia.",
            description="Cuatro recuadros en un cuadrado, unidos por flechas en círculo: el "
            "dolor lleva a dormir mal y al estrés, que llevan al ánimo bajo, que lleva a menos "
            "actividad, que lleva a más dolor. Unos puntos se mueven por el círculo. Los botones "
            "debajo de la imagen muestran dónde alivia el ciclo cada ayuda.",
            button=None,
            balance=None,
        ),
        medicine=StateWords(
            caption="Un medicamento como un IRSN puede calmar señales de dolor en la médula "
            "espinal. También puede ayudar al ánimo.",
            description="El mismo círculo con el medicamento en el centro, dibujado como una "
            "cápsula. Una línea gruesa va de él al recuadro del dolor y otra más fina al "
            "recuadro del ánimo bajo. Las flechas que salen de esos recuadros son más finas, así "
            "que el ciclo es más débil ahí. El dolor sigue siendo parte del círculo.",
            button="Medicamento",
            balance=_SPANISH_BALANCE,
        ),
        physical_therapy=StateWords(
            caption="La terapia física le da fuerza y le ayuda a moverse más. "
            "Moverse más puede aliviar el dolor con el tiempo.",
            description="El mismo círculo con la terapia física en el centro, dibujada como una "
            "pesa. Hay líneas de ella al recuadro de menos actividad y al recuadro del dolor. "
            "Las flechas que salen de esos recuadros son más finas, así que el ciclo es más "
            "débil ahí.",
            button="Terapia física",
            balance=None,
        ),
        mindfulness=StateWords(
            caption="La meditación o el yoga pueden bajar el estrés y ayudar a dormir. "
            "El yoga también es un movimiento suave.",
            description="El mismo círculo con la meditación o el yoga en el centro, dibujados "
            "como una flor de loto. Hay líneas de ella al recuadro de dormir mal y estrés y al "
            "recuadro de menos actividad. Las flechas que salen de esos recuadros son más finas, "
            "así que el ciclo es más débil ahí.",
            button="Meditación, yoga",
            balance=None,
        ),
        care_team=StateWords(
            caption="Hablar con su equipo de atención médica ayuda en cada paso. "
            "Juntos pueden ir cambiando el plan.",
            description="El mismo círculo con su equipo de atención médica en el centro, "
            "dibujado como dos personas. Hay líneas de él a los cuatro recuadros, y todas las "
            "flechas son más finas. Los pasos siguen ahí, pero el ciclo es más débil en toda la "
            "vuelta.",
            button="Equipo médico",
            balance=None,
        ),
        pain="Dolor",
        poor_sleep="Dormir mal y estrés",
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

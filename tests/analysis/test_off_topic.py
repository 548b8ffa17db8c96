"""Off-topic documents (sport, culture) come out empty although they use cooperation
words; economic news held at a trade fair or a forum's "5th edition" does not.

Each negative text names two countries, a signing and "coopération"/"cooperation": it is
dropped only because its sport or culture vocabulary (lexicons/<lang>/off_topic.toml)
outweighs its economic substance.
"""

from __future__ import annotations

import pytest

from coopwatch import extract
from coopwatch.analysis.pipeline import analyse
from coopwatch.model import Document, EventType, Label

FR_CYCLING = (
    "Tour d'Algérie cycliste : l'Érythréen Tesfay remporte la cinquième étape\n"
    "CONSTANTINE, 14 mars 2025 (APS) - Le coureur érythréen Natnael Tesfay a remporté "
    "mardi la cinquième étape du Tour d'Algérie cycliste, longue de 160 km, au sprint "
    "devant ses coéquipiers, et conserve le maillot jaune du classement général. Le "
    "peloton a rejoint l'échappée à dix kilomètres de la ligne d'arrivée.\n"
    "La Fédération algérienne et la Fédération tunisienne ont signé mardi à Constantine "
    "un accord de partenariat pour renforcer la coopération entre les deux pays : une "
    "délégation tunisienne de coureurs et d'entraîneurs participera aux prochains stages "
    "de préparation."
)

FR_BOOK_FAIR = (
    "Salon international du livre d'Alger : l'Italie invitée d'honneur\n"
    "ALGER, 30 octobre 2024 (APS) - Le Salon international du livre d'Alger a ouvert ses "
    "portes mardi en présence de 300 éditeurs venus de 40 pays. Les lecteurs ont afflué "
    "vers les stands, où auteurs et romanciers dédicacent leurs ouvrages.\n"
    "L'Algérie et l'Italie ont signé mardi un accord de partenariat sur la traduction de "
    "la littérature et les échanges entre bibliothèques, a indiqué la délégation "
    "italienne, qui a salué la coopération entre les deux pays."
)

EN_CYCLING = (
    "Eritrean rider keeps yellow jersey at Tour du Rwanda\n"
    "KIGALI, February 27, 2025 - Eritrean rider Henok Mulueberhan won the fifth stage of "
    "the Tour du Rwanda on Thursday in a sprint finish and kept the yellow jersey at the "
    "top of the general classification. The peloton caught the breakaway group 10 km from "
    "the finish line, and his Rwandan rival lost two minutes in the time trial.\n"
    "Rwanda and Eritrea signed an agreement on Thursday to expand cooperation between "
    "their cycling federations, and an Eritrean delegation will return for joint "
    "training."
)

EN_BOOK_FAIR = (
    "Indian publishers flock to the Abu Dhabi book fair\n"
    "ABU DHABI, April 30, 2025 - More than 1,400 publishers from 90 countries opened "
    "their stands at the Abu Dhabi International Book Fair on Tuesday. Readers queued for "
    "book signings by novelists and poets, and the literary prize went to an Emirati "
    "writer.\n"
    "India and the UAE signed an agreement to promote literature in translation, and an "
    "Indian delegation of writers praised the cooperation between the two countries."
)

AR_CYCLING = (
    "الدراج الجزائري يفوز بالمرحلة الخامسة من طواف الجزائر\n"
    "قسنطينة في 14 مارس 2025 - فاز الدراج الجزائري ياسين حمزة يوم الثلاثاء بالمرحلة "
    "الخامسة من طواف الجزائر الدولي للدراجات، واحتفظ بالقميص الأصفر في الترتيب العام، بعد "
    "سباق طوله 160 كلم أمام الدراجين التونسيين.\n"
    "ووقعت الجزائر وتونس اتفاقية شراكة لتعزيز التعاون بين البلدين في مجال رياضة الدراجات، "
    "وأكد الوفد التونسي حرصه على تطوير هذا التعاون."
)

AR_BOOK_FAIR = (
    "افتتاح معرض الجزائر الدولي للكتاب بمشاركة إيطالية\n"
    "الجزائر في 30 أكتوبر 2024 - افتتح يوم الثلاثاء معرض الجزائر الدولي للكتاب بمشاركة "
    "300 من دور النشر، وتوافد القراء على أجنحة الناشرين للقاء الأدباء والروائيين "
    "والشعراء.\n"
    "ووقعت الجزائر وإيطاليا اتفاقية شراكة لترجمة الأدب وتبادل الخبرات بين المكتبات، وأشاد "
    "الوفد الإيطالي بالتعاون بين البلدين."
)

RU_CYCLING = (
    "Казахстанские велогонщики выиграли этап «Тура Узбекистана»\n"
    "ТАШКЕНТ, 14 марта 2025 года. Казахстанский велогонщик Алексей Луценко выиграл во "
    "вторник пятый этап велогонки «Тур Узбекистана» и сохранил желтую майку лидера "
    "генеральной классификации. Пелотон догнал отрыв за десять километров до финиша, а "
    "спринтер из Узбекистана стал вторым.\n"
    "Федерации велоспорта Узбекистана и Казахстана подписали соглашение о сотрудничестве, "
    "делегация Казахстана проведет совместные сборы."
)

RU_BOOK_FAIR = (
    "В Минске открылась международная книжная выставка-ярмарка\n"
    "МИНСК, 5 февраля 2025 года. В Минске открылась международная книжная ярмарка, в "
    "которой участвуют 300 издательств из 30 стран. Читатели встретились с писателями и "
    "поэтами, а литературная премия досталась белорусской писательнице.\n"
    "Беларусь и Россия подписали соглашение о сотрудничестве в области художественной "
    "литературы и переводов, делегация России отметила развитие сотрудничества двух "
    "стран."
)

FR_AGRICULTURE_FAIR = (
    "Salon international de l'agriculture : l'Algérie et la France signent un accord\n"
    "PARIS, 26 février 2025 (APS) - En marge de la 61e édition du Salon international de "
    "l'agriculture, l'Algérie et la France ont signé mardi à Paris un accord de "
    "partenariat pour la production de semences de pomme de terre et la modernisation de "
    "l'élevage laitier.\n"
    "Le ministre de l'Agriculture et son homologue français ont salué la coopération "
    "entre les deux pays, les exposants et les acteurs économiques de la filière."
)

EN_BUSINESS_FORUM = (
    "India and Japan sign pact at 5th edition of business forum\n"
    "NEW DELHI, March 12, 2025 - India and Japan signed an agreement on Tuesday at the "
    "5th edition of the India-Japan Business Forum for the joint production of electric "
    "vehicle batteries, worth $1.2 billion.\n"
    "The team of the project toured the plant in Gujarat; the national champion in steel "
    "said the race to net zero would create 1,500 jobs in the first stage."
)


def _extract(text: str):
    return extract(Document.create(text, source="t"))


@pytest.mark.parametrize(
    "text",
    [
        FR_CYCLING,
        FR_BOOK_FAIR,
        EN_CYCLING,
        EN_BOOK_FAIR,
        AR_CYCLING,
        AR_BOOK_FAIR,
        RU_CYCLING,
        RU_BOOK_FAIR,
    ],
    ids=[
        "fr-cycling",
        "fr-book-fair",
        "en-cycling",
        "en-book-fair",
        "ar-cycling",
        "ar-book-fair",
        "ru-cycling",
        "ru-book-fair",
    ],
)
def test_sport_and_culture_reports_are_empty(text):
    extraction = _extract(text)
    assert extraction.events == []
    assert extraction.parties == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [(FR_AGRICULTURE_FAIR, ["DZ", "FR"]), (EN_BUSINESS_FORUM, ["IN", "JP"])],
    ids=["fr-agriculture-fair", "en-business-forum-5th-edition"],
)
def test_trade_fairs_and_forum_editions_stay_economic(text, parties):
    extraction = _extract(text)
    assert extraction.parties == parties
    assert EventType.AGREEMENT in [e.type for e in extraction.events]
    # "Salon", "édition", "acteurs", "team", "champion", "race", "stage": none is off-topic.
    assert analyse(Document.create(text, source="t")).of(Label.OFF_TOPIC) == []

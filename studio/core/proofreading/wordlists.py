"""Word lists of the style checks, per language: filler and filter words, adverbs, dialogue tags.

Each list is a space-separated string (lower case), read into frozensets when a language is
first asked for. A language without a list of its own gets the checks that need no list
(repeated words, long sentences, readability) and nothing from the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

# Words that rarely add anything: flagged where they stand. Phrases may have several words.
FILLER = {
    "en": "just really very quite rather somewhat actually basically literally simply totally "
    "suddenly certainly definitely completely absolutely practically virtually truly "
    "kind_of sort_of a_bit a_little started_to began_to in_order_to",
    "es": "realmente muy bastante básicamente literalmente simplemente totalmente "
    "completamente absolutamente prácticamente verdaderamente de_repente un_poco empezó_a comenzó_a",
    "fr": "vraiment très assez plutôt simplement totalement complètement absolument "
    "littéralement pratiquement soudain soudainement un_peu commença_à se_mit_à",
    "de": "wirklich sehr ziemlich eigentlich einfach total völlig absolut "
    "buchstäblich praktisch plötzlich irgendwie ein_bisschen ein_wenig",
    "it": "davvero molto piuttosto semplicemente totalmente completamente assolutamente "
    "letteralmente praticamente improvvisamente un_po' iniziò_a cominciò_a",
    "pt": "realmente muito bastante basicamente literalmente simplesmente totalmente "
    "completamente absolutamente praticamente de_repente um_pouco começou_a",
    "nl": "echt heel erg nogal eigenlijk gewoon totaal volledig absoluut letterlijk "
    "praktisch plotseling een_beetje begon_te",
}

# Words that filter the scene through a character's senses ("she saw the door open").
FILTER = {
    "en": "saw see sees seeing heard hear hears felt feel feels noticed notice notices "
    "realized realised realize realise wondered wonder thought seemed seems "
    "decided watched knew could_see could_hear could_feel",
    "es": "vio veía oyó oía escuchó sintió sentía notó notaba pensó pensaba parecía se_dio_cuenta decidió",
    "fr": "vit voyait entendit entendait sentit sentait remarqua remarquait pensa pensait "
    "sembla semblait se_rendit_compte décida",
    "de": "sah hörte fühlte spürte bemerkte merkte dachte schien überlegte entschied",
    "it": "vide vedeva sentì sentiva notò notava pensò pensava sembrava si_accorse decise",
    "pt": "viu via ouviu ouvia sentiu sentia notou notava pensou pensava parecia percebeu decidiu",
    "nl": "zag hoorde voelde merkte dacht leek besloot realiseerde",
}

# English words ending in -ly that are not adverbs (or are adverbs worth keeping).
EN_LY_EXCEPTIONS = (
    "only family early reply rely apply supply imply comply ally rally tally belly jelly "
    "bully fly july italy holy ugly silly lily lonely lovely friendly likely unlikely daily "
    "weekly monthly yearly hourly nightly deadly costly elderly curly chilly hilly jolly "
    "lively lowly oily orderly smelly sickly timely untimely ghostly ghastly grisly "
    "homely kindly manly womanly motherly fatherly brotherly sisterly worldly "
    "heavenly earthly cowardly scholarly surly burly gnarly wobbly bubbly cuddly "
    "prickly crinkly wrinkly sparkly wiggly sly ply butterfly dragonfly firefly "
    "assembly anomaly monopoly melancholy folly holly dolly molly gully sully "
    "beastly bodily courtly comely dastardly godly leisurely masterly miserly "
    "neighbourly neighborly niggardly princely queenly shapely saintly stately "
    "unruly unseemly unsightly woolly wooly bully frilly gangly measly pearly "
    "portly shapely squiggly steely tinkly unholy willy-nilly hilly anomaly poly "
    "multiply disorderly spindly ungainly unfriendly unlovely melancholy rely doily "
    # names that end like an adverb
    "emily kelly sally polly billy willy shelly beverly kimberly carly marly dolly lilly"
)

# Verbs that tag dialogue. The plain ones (said, asked) are counted but never flagged.
PLAIN_TAGS = {
    "en": "said says say asked asks ask",
    "es": "dijo dice preguntó pregunta",
    "fr": "dit dis demanda demande",
    "de": "sagte sagt fragte fragt",
    "it": "disse dice chiese chiede domandò",
    "pt": "disse diz perguntou pergunta",
    "nl": "zei zegt vroeg vraagt",
}
OTHER_TAGS = {
    "en": "whispered whispers muttered mutters murmured murmurs shouted shouts yelled yells "
    "screamed screams cried cries called calls replied replies answered answers responded "
    "retorted snapped snarled growled hissed barked grumbled groaned sighed laughed chuckled "
    "giggled sneered scoffed exclaimed declared announced added continued explained insisted "
    "demanded begged pleaded protested admitted agreed argued offered suggested warned "
    "stammered stuttered mumbled breathed gasped sobbed wailed roared bellowed shrieked "
    "squeaked squealed purred drawled teased joked mused wondered queried inquired enquired "
    "interrupted interjected blurted ordered commanded promised lied repeated corrected "
    "noted observed remarked conceded countered confessed chided scolded murmured grunted "
    "huffed panted croaked rasped quipped",
    "es": "susurró gritó respondió contestó murmuró exclamó añadió replicó insistió "
    "explicó suspiró chilló masculló balbuceó rugió ordenó sollozó admitió",
    "fr": "murmura chuchota cria répondit répliqua s'exclama ajouta insista expliqua "
    "soupira hurla grommela balbutia ordonna sanglota admit rétorqua",
    "de": "flüsterte rief antwortete schrie murmelte erwiderte fügte brüllte seufzte "
    "erklärte stammelte knurrte zischte befahl schluchzte gab",
    "it": "sussurrò gridò rispose mormorò esclamò aggiunse replicò insistette spiegò "
    "sospirò urlò balbettò ordinò singhiozzò ammise",
    "pt": "sussurrou gritou respondeu murmurou exclamou acrescentou retrucou insistiu "
    "explicou suspirou berrou gaguejou ordenou soluçou admitiu",
    "nl": "fluisterde riep antwoordde schreeuwde mompelde fluisterde zuchtte legde "
    "stamelde gromde siste beval snikte gaf",
}

# Adverb endings per language (English uses -ly with the exceptions above).
ADVERB_SUFFIX = {"en": "ly", "es": "mente", "it": "mente", "pt": "mente"}
MENTE_EXCEPTIONS = "mente demente clemente simiente miente lamente comente aumente alimente fomente semente"

# Common words: never an "echo" or "overused" (articles, pronouns, auxiliaries, the commonest verbs).
COMMON = {
    "en": "the a an and or but if then than that this these those there their they them "
    "he she it we you i me my mine your yours his her hers its our ours him us who whom whose "
    "which what when where why how all any some no not nor none each every both either "
    "neither one two was were is are be been being am have has had having do does did done "
    "will would shall should can could may might must of to in on at by for from with "
    "without into onto upon about above below over under after before again still just "
    "as so too very up down out off back away here now then once said asked says asks "
    "like well even also only more most much many such own same other another into through "
    "while until because though although yes yeah okay something nothing anything "
    "everything someone anyone everyone himself herself itself themselves myself yourself "
    "going get got know knew think thought look looked looking come came make made take took "
    "see saw want wanted tell told time way thing things don't didn't couldn't wasn't "
    "it's i'm that's he's she's can't won't",
    "es": "el la los las un una unos unas y o pero si que de del a al en con por para "
    "se su sus lo le les me mi te tu yo él ella ellos ellas nos no es era fue ser estar "
    "estaba había ha han hay como más muy ya cuando donde todo todos dijo",
    "fr": "le la les un une des et ou mais si que qui de du à au aux en dans avec par "
    "pour sur se sa son ses ce cette ces il elle ils elles je tu nous vous ne pas est "
    "était été être avoir avait a ont plus très comme tout tous dit",
    "de": "der die das den dem des ein eine einen einem einer und oder aber wenn dass "
    "zu in im an am auf mit von für ist war sind waren sein hat hatte haben er sie es "
    "ich du wir ihr nicht so wie auch noch schon sagte",
    "it": "il lo la i gli le un uno una e o ma se che di del della a al in con per su "
    "si suo sua lui lei io tu noi voi non è era fu essere aveva ha hanno come più molto disse",
    "pt": "o a os as um uma e ou mas se que de do da dos das em no na com por para "
    "seu sua ele ela eles elas eu tu nós não é era foi ser estar estava tinha como "
    "mais muito disse",
    "nl": "de het een en of maar als dat die in op aan met van voor is was zijn waren "
    "heeft had hebben hij zij ze het ik jij we niet zo ook nog al zei",
}

# Exact doublings that are grammatical ("had had", "that that").
DOUBLES_ALLOWED = {
    "en": "had that bye knock chop tut ha ho hee no so boo",
    "fr": "nous vous",
    "nl": "dat",
    "de": "die das der",
}


@dataclass(frozen=True)
class LanguageLists:
    """The word lists of one language (empty sets where it has none)."""

    language: str
    filler: frozenset[str]
    filter: frozenset[str]
    plain_tags: frozenset[str]
    other_tags: frozenset[str]
    common: frozenset[str]
    doubles_allowed: frozenset[str]
    adverb_suffix: str
    adverb_exceptions: frozenset[str]


def _words(table: dict[str, str], language: str) -> frozenset[str]:
    return frozenset(word.replace("_", " ") for word in table.get(language, "").split())


@cache
def lists_for(language: str) -> LanguageLists:
    """The lists for a base language code (``en``, ``es``…)."""
    suffix = ADVERB_SUFFIX.get(language, "")
    exceptions = EN_LY_EXCEPTIONS if suffix == "ly" else MENTE_EXCEPTIONS if suffix else ""
    return LanguageLists(
        language,
        _words(FILLER, language),
        _words(FILTER, language),
        _words(PLAIN_TAGS, language),
        _words(OTHER_TAGS, language),
        _words(COMMON, language),
        _words(DOUBLES_ALLOWED, language),
        suffix,
        frozenset(exceptions.split()),
    )

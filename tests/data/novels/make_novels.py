"""Write the test novels and their truth files: `python tests/data/novels/make_novels.py`.

Original prose (sentences written for these tests, arranged by a seeded shuffle) laid out the way
public-domain e-texts and posted chapters are: a Gutenberg header and licence, title pages,
contents lists, books over chapters, two-line headings, wrapping at 70 columns.
"""

from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

HERE = Path(__file__).parent

PROSE = {
    "en": [
        "The wind came off the water in long grey sheets and rattled the shutters of the inn.",
        "Martha had kept the lamp in the window for eleven winters, and she was not going to stop now.",
        "Nobody in the village spoke of the night the schooner went down, though everybody remembered it.",
        "He set the kettle on the stove and waited, listening to the tide drag at the shingle below.",
        "“You will catch your death out there,” she said, without looking up from her mending.",
        "The harbour master was a careful man who wrote everything in a green ledger and trusted no one.",
        "At the top of the hill the old chapel leaned against the sky like a tired shepherd.",
        "There were letters in the drawer that had never been opened, and she knew the hand on every one.",
        "By morning the fog had lifted, and the boats lay on the mud like fish left by the sea.",
        "Thomas walked the length of the quay twice before he found the courage to knock.",
        "The children ran ahead along the cliff path, shouting the names of the gulls they had invented.",
        "It was not the storm that frightened her but the silence after it, when the bells stopped.",
        "“I have come about the lantern,” he said at last, and took off his hat.",
        "She had always thought the sea was patient, but that evening it seemed only cruel.",
        "The doctor arrived late, smelling of rain and tobacco, and asked for a clean towel.",
        "They ate their supper in the kitchen because the parlour was too cold to sit in.",
        "Every Sunday the fishermen mended nets on the slipway and argued about the weather.",
        "A gull landed on the sill, looked at him with one yellow eye, and flew away again.",
        "Her father had built the seawall with his own hands, stone by stone, the year she was born.",
        "The road to the town was washed out, so the post came by boat or did not come at all.",
        "He counted the steps up to the light, one hundred and twelve, as he had done since boyhood.",
        "When the letter came she read it standing in the doorway, and then she read it again.",
    ],
    "es": [
        "El viento bajaba de la sierra y golpeaba las ventanas de la casa con una furia antigua.",
        "Doña Elvira no había salido del pueblo en treinta años, y no pensaba hacerlo ahora.",
        "—¿Quién anda ahí? —preguntó el viejo, levantando la lámpara por encima de la cabeza.",
        "Nadie en la plaza quiso hablar de lo que había ocurrido aquella noche en el molino.",
        "Las campanas de la iglesia sonaron tres veces, y después el silencio se hizo más pesado.",
        "Tomás caminó hasta el puerto con las manos en los bolsillos y la mirada en el suelo.",
        "La carta llevaba un sello de Sevilla y una letra que ella conocía demasiado bien.",
        "En la cocina olía a pan recién hecho y a leña húmeda, como en los inviernos de su infancia.",
        "El médico llegó tarde, cansado del camino, y pidió un vaso de agua antes de subir.",
        "Por la mañana la niebla cubría los campos y los olivos parecían fantasmas quietos.",
        "—No tengo miedo —dijo ella—, pero tampoco soy tonta.",
        "Su padre había plantado aquellos naranjos el mismo año en que se casó con su madre.",
        "Los niños corrían por la orilla del río gritando nombres que solo ellos entendían.",
        "El alcalde era un hombre prudente que anotaba todo en un cuaderno de tapas negras.",
        "Aquella tarde el mar estaba tan quieto que parecía un espejo olvidado por alguien.",
        "Cuando terminó de leer, dobló la carta con cuidado y la guardó en el cajón de la mesa.",
    ],
    "fr": [
        "Le vent soufflait depuis la mer et faisait trembler les volets de la vieille maison.",
        "Madame Lebrun n’avait pas quitté le village depuis la mort de son mari, "
        "et elle ne le quitterait pas.",
        "— Qui est là ? demanda le vieil homme en levant sa lanterne au-dessus de sa tête.",
        "Personne au café ne voulait parler de ce qui s’était passé cette nuit-là sur le port.",
        "Les cloches de l’église sonnèrent trois fois, puis le silence devint plus lourd encore.",
        "Julien marchait le long du quai, les mains dans les poches, sans oser lever les yeux.",
        "La lettre portait un timbre de Lyon et une écriture qu’elle connaissait trop bien.",
        "Dans la cuisine, il y avait une odeur de pain chaud et de bois mouillé.",
        "Le médecin arriva tard, fatigué par la route, et demanda un verre d’eau avant de monter.",
        "Le matin, la brume couvrait les champs et les pommiers ressemblaient à des ombres immobiles.",
        "— Je n’ai pas peur, dit-elle, mais je ne suis pas sotte non plus.",
        "Son père avait planté ces tilleuls l’année même de son mariage.",
        "Les enfants couraient sur la plage en criant des noms que personne d’autre ne comprenait.",
        "Le maire était un homme prudent qui notait tout dans un carnet à couverture noire.",
        "Ce soir-là, la mer était si calme qu’elle semblait un miroir oublié sur la grève.",
        "Quand elle eut fini de lire, elle plia la lettre avec soin et la rangea dans le tiroir.",
    ],
    "de": [
        "Der Wind kam vom Meer herauf und rüttelte an den Fensterläden des alten Hauses.",
        "Frau Berger hatte das Dorf seit dem Tod ihres Mannes nicht mehr verlassen, "
        "und sie wollte es auch nicht.",
        "„Wer ist da?“, fragte der alte Mann und hob die Laterne über seinen Kopf.",
        "Niemand im Gasthaus wollte darüber sprechen, was in jener Nacht am Hafen geschehen war.",
        "Die Glocken der Kirche schlugen dreimal, und danach wurde die Stille noch schwerer.",
        "Jakob ging am Kai entlang, die Hände in den Taschen, und wagte nicht aufzusehen.",
        "Der Brief trug eine Marke aus Hamburg und eine Schrift, die sie nur zu gut kannte.",
        "In der Küche roch es nach frischem Brot und nach feuchtem Holz.",
        "Der Arzt kam spät, müde von der Straße, und bat um ein Glas Wasser, bevor er hinaufging.",
        "Am Morgen lag Nebel über den Feldern, und die Apfelbäume sahen aus wie stille Gespenster.",
        "„Ich habe keine Angst“, sagte sie, „aber dumm bin ich auch nicht.“",
        "Ihr Vater hatte die Linden in dem Jahr gepflanzt, in dem er ihre Mutter geheiratet hatte.",
        "Die Kinder liefen am Ufer entlang und riefen Namen, die nur sie selbst verstanden.",
        "Der Bürgermeister war ein vorsichtiger Mann, der alles in ein schwarzes Heft schrieb.",
        "An diesem Abend war das Meer so ruhig, dass es wie ein vergessener Spiegel aussah.",
        "Als sie fertig gelesen hatte, faltete sie den Brief sorgfältig und legte ihn in die Schublade.",
    ],
    "it": [
        "Il vento saliva dal mare e faceva tremare le imposte della vecchia casa.",
        "La signora Conti non aveva lasciato il paese dalla morte del marito, e non lo avrebbe fatto adesso.",
        "— Chi è là? — chiese il vecchio, alzando la lanterna sopra la testa.",
        "Nessuno all’osteria voleva parlare di quello che era successo quella notte al porto.",
        "Le campane della chiesa suonarono tre volte, e poi il silenzio divenne ancora più pesante.",
        "Marco camminava lungo il molo con le mani in tasca, senza il coraggio di alzare gli occhi.",
        "La lettera aveva un francobollo di Genova e una calligrafia che lei conosceva fin troppo bene.",
        "In cucina c’era odore di pane caldo e di legna bagnata.",
        "Il medico arrivò tardi, stanco per la strada, e chiese un bicchiere d’acqua prima di salire.",
        "Al mattino la nebbia copriva i campi e gli ulivi sembravano fantasmi immobili.",
        "— Non ho paura, — disse lei, — ma non sono nemmeno una sciocca.",
        "Suo padre aveva piantato quei limoni l’anno stesso in cui aveva sposato sua madre.",
        "I bambini correvano sulla spiaggia gridando nomi che solo loro capivano.",
        "Il sindaco era un uomo prudente che annotava tutto in un quaderno dalla copertina nera.",
        "Quella sera il mare era così calmo che sembrava uno specchio dimenticato sulla riva.",
        "Quando ebbe finito di leggere, piegò la lettera con cura e la mise nel cassetto.",
    ],
    "pt": [
        "O vento subia do mar e fazia tremer as janelas da casa velha.",
        "Dona Amélia não saíra da vila desde a morte do marido, e não pensava em sair agora.",
        "— Quem está aí? — perguntou o velho, erguendo a lanterna acima da cabeça.",
        "Ninguém na taberna queria falar do que tinha acontecido naquela noite no cais.",
        "Os sinos da igreja tocaram três vezes, e depois o silêncio ficou ainda mais pesado.",
        "Joaquim andava ao longo do cais com as mãos nos bolsos, sem coragem de levantar os olhos.",
        "A carta trazia um selo do Porto e uma letra que ela conhecia bem demais.",
        "Na cozinha havia cheiro de pão quente e de lenha molhada.",
        "O médico chegou tarde, cansado da estrada, e pediu um copo de água antes de subir.",
        "De manhã a névoa cobria os campos e as oliveiras pareciam fantasmas parados.",
        "— Não tenho medo — disse ela —, mas também não sou tola.",
        "O pai dela tinha plantado aquelas laranjeiras no mesmo ano em que casou com a mãe.",
        "As crianças corriam pela praia gritando nomes que só elas entendiam.",
        "O presidente da câmara era um homem prudente que anotava tudo num caderno de capa preta.",
        "Naquela tarde o mar estava tão calmo que parecia um espelho esquecido na areia.",
        "Quando acabou de ler, dobrou a carta com cuidado e guardou-a na gaveta da mesa.",
    ],
}


def paragraphs(rng: random.Random, language: str, count: int) -> list[str]:
    """``count`` paragraphs of two to five sentences from the language's pool."""
    pool = PROSE[language]
    return [" ".join(rng.sample(pool, rng.randint(2, 5))) for _ in range(count)]


def body(rng: random.Random, language: str, count: int, wrap: int, marker: bool = False) -> str:
    """A chapter's text: paragraphs a blank line apart, wrapped at ``wrap`` (0: one line each)."""
    paras = paragraphs(rng, language, count)
    if wrap:
        paras = [textwrap.fill(p, wrap) for p in paras]
    if marker:
        middle = len(paras) // 2
        paras[middle:middle] = ["*       *       *       *       *"]
    return "\n\n".join(paras)


GUTENBERG_HEAD = """The Project Gutenberg eBook of The Lantern of Harrow

This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no
restrictions whatsoever. You may copy it, give it away or re-use it
under the terms of the Project Gutenberg License included with this
ebook or online at www.gutenberg.org.

Title: The Lantern of Harrow

Author: Margaret Ellery

Release date: March 3, 2019 [eBook #99901]

Language: English

Credits: Produced by volunteers of a reading circle


*** START OF THE PROJECT GUTENBERG EBOOK THE LANTERN OF HARROW ***
"""
GUTENBERG_TAIL = """*** END OF THE PROJECT GUTENBERG EBOOK THE LANTERN OF HARROW ***

Updated editions will replace the previous one--the old editions will
be renamed.

Creating the works from print editions not protected by U.S. copyright
law means that no one owns a United States copyright in these works,
so the Foundation (and you!) can copy and distribute it in the United
States without permission and without paying copyright royalties.

START: FULL LICENSE

THE FULL PROJECT GUTENBERG LICENSE
PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK
"""


def english(rng: random.Random) -> tuple[str, dict[str, object]]:
    """A Gutenberg e-text: header, title page, contents, a prologue, two books of chapters, epilogue."""
    books = [
        ("BOOK I.", "THE HARBOUR", [("I.", "THE STORM"), ("II.", "THE LEDGER"), ("III.", "A VISITOR")]),
        ("BOOK II.", "THE HILL", [("IV.", "THE CHAPEL"), ("V.", "LETTERS"), ("VI.", "THE LAMP RELIT")]),
    ]
    contents = ["CONTENTS", "", "PROLOGUE"]
    for book, book_title, chapters in books:
        contents.append(f"{book} {book_title}")
        contents += [f"    CHAPTER {n} {t.title()}" for n, t in chapters]
    contents.append("EPILOGUE")
    out = [GUTENBERG_HEAD, "", "", "THE LANTERN OF HARROW", "", "by", "", "Margaret Ellery", "", ""]
    out += [*contents, "", "", "", "PROLOGUE", "", body(rng, "en", 6, 70), "", ""]
    truth_chapters, groups = ["PROLOGUE"], []
    for book, book_title, chapters in books:
        out += ["", f"{book}", "", f"{book_title}", "", ""]
        groups.append(f"{book} {book_title}")
        for index, (number, title) in enumerate(chapters):
            prose = body(rng, "en", 9, 70, marker=number == "II.")
            if number == "V.":  # a line of prose that begins like a heading, inside a paragraph
                prose += (
                    "\n\nShe found the old account book and turned to the page headed\n"
                    "BOOK I. of the harbour dues, where her father had written the names\n"
                    "of every boat that paid, and of every boat that did not."
                )
            out += [f"CHAPTER {number}", f"{title}", "", prose, "", ""]
            truth_chapters.append(f"CHAPTER {number} {title}")
            del index
    out += ["", "EPILOGUE", "", body(rng, "en", 5, 70), "", "", "", GUTENBERG_TAIL]
    truth_chapters.append("EPILOGUE")
    truth = {
        "title": "The Lantern of Harrow",
        "author": "Margaret Ellery",
        "language": "en",
        "chapters": truth_chapters,
        "groups": groups,
        "left_out": ["Project Gutenberg header", "contents", "Project Gutenberg licence"],
    }
    return "\n".join(out), truth


def simple(
    rng: random.Random,
    language: str,
    top: list[str],
    headings: list[tuple[str, str]],
    wrap: int,
    expected: list[str],
) -> str:
    """A title page (``top``), then each heading (one or two lines) over its chapter."""
    out = [*top, "", ""]
    for first, second in headings:
        out += [first, second, ""] if second else [first, ""]
        out += [body(rng, language, rng.randint(7, 10), wrap), "", ""]
    del expected
    return "\n".join(out)


def main() -> None:
    """Write every novel and its truth file."""
    rng = random.Random(15)
    text, truth = english(rng)
    write("the-lantern-of-harrow", text, truth)

    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    es_titles = ["El regreso", "La carta", "El molino", "La feria", "Los olivos", "La tormenta", "El puerto"]
    es_titles += ["La despedida"]
    es_heads = [(f"CAPÍTULO {roman[i]}", t) for i, t in enumerate(es_titles)]
    top = ["La casa del faro", "", "por Lucía Ferrández Ocaña"]
    write(
        "la-casa-del-faro",
        simple(rng, "es", top, es_heads, 72, es_titles),
        info("La casa del faro", "Lucía Ferrández Ocaña", "es", es_titles),
    )

    fr_out = ["Les Tilleuls de Saint-Aubin", "", "par Jeanne Morel", "", ""]
    fr_chapters, fr_groups = [], []
    for part, count in (("PREMIÈRE PARTIE", 3), ("DEUXIÈME PARTIE", 2), ("TROISIÈME PARTIE", 3)):
        fr_out += ["", part, "", ""]
        fr_groups.append(part)
        for n in range(count):
            fr_out += [f"CHAPITRE {roman[n]}", "", body(rng, "fr", rng.randint(6, 9), 0), "", ""]
            fr_chapters.append(f"CHAPITRE {roman[n]}")
    write(
        "les-tilleuls",
        "\n".join(fr_out),
        info("Les Tilleuls de Saint-Aubin", "Jeanne Morel", "fr", fr_chapters, fr_groups),
    )

    de_ord = ["Erstes", "Zweites", "Drittes", "Viertes", "Fünftes", "Sechstes", "Siebentes"]
    de_heads = [(f"{o} Kapitel", "") for o in de_ord]
    top = ["Die Linden am Hafen", "", "von Karl Brenner"]
    write(
        "die-linden-am-hafen",
        simple(rng, "de", top, de_heads, 70, []),
        info("Die Linden am Hafen", "Karl Brenner", "de", [h for h, _ in de_heads]),
    )

    it_heads = [("PROLOGO", ""), *[(f"CAPITOLO {roman[i]}", "") for i in range(6)], ("EPILOGO", "")]
    top = ["Title: I limoni di Santa Chiara", "Author: Giulia Ferri"]
    write(
        "i-limoni",
        simple(rng, "it", top, it_heads, 0, []),
        info("I limoni di Santa Chiara", "Giulia Ferri", "it", [h for h, _ in it_heads]),
    )

    pt_titles = ["O rio", "A feira", "O cais", "A carta", "As laranjeiras", "O regresso", "A névoa"]
    pt_heads = [(f"Capítulo {i + 1} — {t}", "") for i, t in enumerate(pt_titles)]
    top = ["As laranjeiras do cais", "", "por Inês Carvalho"]
    write(
        "as-laranjeiras",
        simple(rng, "pt", top, pt_heads, 70, []),
        info("As laranjeiras do cais", "Inês Carvalho", "pt", pt_titles),
    )

    scenes = ["\n\n".join(paragraphs(rng, "en", rng.randint(8, 12))) for _ in range(3)]
    posted = "The Quiet Year — Part Five\nBy ash_writer\n\n" + "\n\n\n".join(scenes) + "\n"
    write(
        "posted-part",
        posted,
        info("The Quiet Year — Part Five", "ash_writer", "en", ["The Quiet Year — Part Five"]),
    )


def info(
    title: str, author: str, language: str, chapters: list[str], groups: list[str] | None = None
) -> dict[str, object]:
    """A truth record with nothing left out."""
    return {
        "title": title,
        "author": author,
        "language": language,
        "chapters": chapters,
        "groups": groups or [],
        "left_out": [],
    }


def write(stem: str, text: str, truth: dict[str, object]) -> None:
    """Write ``stem.txt`` and ``stem.truth.json``."""
    (HERE / f"{stem}.txt").write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    (HERE / f"{stem}.truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

"""The main red flags in Spanish, French, German, Italian and Portuguese.

Only what must never wait: chest pain, can't breathe, stroke signs, collapse,
suicide and overdose, and the other red flags of the English rules that people
with diabetic neuropathy meet (low blood sugar, a sudden worst headache, loss of
bladder control or a numb saddle area, a black or infected foot with fever). Rules run on normalised text (accents and apostrophes
removed, apostrophes split words: "j'ai mal à la poitrine" reads "j ai mal a la poitrine"), and on every
message, because a short cry for help ("quiero morir") is too short for
language detection to be sure of.
"""

from __future__ import annotations

import re

from painchat.guard.drugs import DRUG_ALTERNATIVES, DRUG_NAMES
from painchat.guard.emergency import PASSES_ON_REST, LowGlucoseReading
from painchat.guard.matching import Matcher, any_search, near, words
from painchat.guard.normalize import normalize

# Generic names as Spanish, Portuguese and Italian spell them: "gabapentina", "amitriptilina".
ROMANCE_DRUG_NAMES = "|".join(sorted({name.replace("y", "i")[:-1] + "a" for name in DRUG_NAMES if name.endswith("ine")}
                                     | {name + "a" for name in DRUG_NAMES if name.endswith("in")}))
ES_PT_PILLS = (r"(?:pastillas?|pildoras?|comprimidos?|capsulas?|medicamentos?|remedios?|dosis|doses?|insulina"
               r"|analgesicos?|calmantes?|cartelas?|blisters?|cajas?|caixas?|frascos?|" + DRUG_ALTERNATIVES
               + "|" + ROMANCE_DRUG_NAMES + ")")
FR_PILLS = (r"(?:comprimes?|cachets?|pilules?|gelules?|medicaments?|doses?|insuline|plaquettes?|boites?|flacons?|"
            + DRUG_ALTERNATIVES + ")")
DE_PILLS = (r"(?:tabletten?|pillen?|medikamenten?|kapseln?|dosis|insulin|schmerzmittel|packung|schachtel|"
            + DRUG_ALTERNATIVES + ")")
IT_PILLS = (r"(?:pillole|pastiglie|compresse|farmaci|medicine|dosi|dose|insulina|antidolorific\w*|scatola|confezione"
            r"|blister|flacone|" + DRUG_ALTERNATIVES + "|" + ROMANCE_DRUG_NAMES + r"|\w+olo)")


def _hypoglycaemia(named: str, shaking: str, sweating: str, context: str, meter: str,
                   mmol: bool = True) -> tuple[Matcher, ...]:
    """Low blood sugar named, shaking and sweating close to diabetes, insulin or confusion, or a low reading."""
    return re.compile(named), near(80, shaking, sweating, context), LowGlucoseReading(meter, weak=False, mmol=mmol)


def _cauda_equina(named: str, saddle: str, numb: str) -> tuple[Matcher, ...]:
    """Lost bladder or bowel control named, or a numb saddle area."""
    return re.compile(named), near(60, saddle, numb)


def _diabetic_foot(foot: str, dark: str, swollen: str, fever: str, wound: str) -> tuple[Matcher, ...]:
    """A black or oozing foot, a swollen, red foot with fever, or a wound with pus or fever: the signs of a
    diabetic foot that must not wait."""
    return near(60, foot, dark), near(80, foot, swollen, fever), near(160, wound, f"{dark}|{fever}")


def _swallowed_by_a_child(child: str, swallowed: str, pills: str) -> Matcher:
    """A child (or grandchild) who ate or swallowed tablets: an overdose, however many."""
    return near(60, child, swallowed, pills)


def _stroke(named: str, sudden: str, weak: str, limb: str, confused: str) -> tuple[Matcher, ...]:
    """Stroke signs named (a drooping face, slurred speech, half the body, an eye gone blind), or a limb suddenly
    weak or numb, or sudden confusion.

    A numb or weak leg alone is everyday neuropathy; suddenness makes it a red flag, as in the English rules.
    """
    return re.compile(named), near(60, sudden, weak, limb), near(60, sudden, confused)


def _airway_closing(part: str, swelling: str, throat_closing: str) -> tuple[Matcher, ...]:
    """A swelling tongue, throat or lips, or a throat said to be closing: the airway closing."""
    return near(50, part, swelling), re.compile(throat_closing)


def _racing_heart(racing: str, warning: str) -> Matcher:
    """A racing, pounding or irregular heart with dizziness, faintness, a blackout of vision or chest symptoms:
    urgent, as in the English rules."""
    return near(100, racing, warning)


def _means_in_mind(weapon: str, thinking: str) -> Matcher:
    """A gun within reach that the writer keeps thinking about."""
    return near(80, weapon, thinking)


# language → category → rules; categories share the English names so messages line up.
RULES: dict[str, dict[str, tuple[Matcher, ...]]] = {
    "es": {
        "cardiac": (near(40, words("pecho"), words("dolor", r"duele\w*", "presion", "opresion", r"aprieta\w*",
                                                 "punzada", "pesadez")),
                    re.compile(words("infarto", "ataque al corazon", "ataque cardiaco")),
                    _racing_heart(words("taquicardia", r"palpitacion\w*", r"corazon (?:\w+ ){0,2}(?:a mil|desbocado|acelerado"
                                        r"|muy rapido|como loco|latiendo (?:muy )?(?:fuerte|rapido))",
                                        r"pulso (?:\w+ ){0,3}(?:1[5-9]\d|2\d\d)"),
                                  words(r"mare\w*", r"desmay\w*", "pecho", r"vista (?:\w+ )?(?:negra|nublada)", "todo negro"))),
        "breathing": (re.compile(words(r"no (?:\w+ )?(?:puedo|puede) respirar", r"me ahog\w*", "falta de aire", r"me falta (?:el )?aire",
                                       r"(?:dificultad|cuesta) (?:\w+ )?(?:para )?respirar", "no respira", "sin aire",
                                       r"no me entra (?:el )?aire", r"apenas (?:puedo |puede )?respir\w*",
                                       r"respir\w* (?:muy )?(?:mal|fatal)", r"hunden las costillas", r"labios (?:morados|azules)", r"asfixi\w*",
                                       r"no (?:puedo|puede) (?:coger|tomar|recuperar) (?:el )?aire")),),
        "allergic": _airway_closing(words(r"lengua|garganta|labios"), words(r"hinch\w*"),
                                    words(r"(?:cierra|cerrando|cerro) (?:\w+ )?garganta", r"garganta (?:\w+ ){0,2}(?:cierra|cerrando|cerrada)")),
        "stroke": _stroke(words("ictus", r"derrame (?:cerebral)?", r"boca (?:torcida|caida)",
                                r"(?:cara|boca) (?:\w+ ){0,3}(?:torcida|caida|cayo|cae|dormida|paralizada)",
                                r"(?:cayo|cae|caida|torcida) (?:\w+ ){0,2}(?:cara|boca)", r"no (?:puedo|puede) hablar",
                                r"habla (?:\w+ ){0,2}(?:raro|rara|arrastrad[oa]|mal|trabad[oa]|enredad[oa])",
                                r"arrastra (?:las )?palabras", r"paraliz\w*",
                                r"no (?:puedo|puede) mover (?:el|la|mi|su) (?:brazo|pierna|lado)",
                                r"(?:un|el) lado (?:\w+ ){0,2}(?:del cuerpo|de la cara)", r"mitad (?:del cuerpo|de la cara)",
                                r"no (?:ve|veo) (?:nada )?(?:de|por) un ojo", r"torcid[oa] (?:\w+ ){0,2}boca",
                                r"no (?:me |le )?salen las palabras"),
                          words(r"de (?:repente|golpe)", r"repentin\w*", r"subit\w*", r"hace (?:\w+ ){0,2}minutos",
                                "hace media hora", r"desde hace (?:\w+ ){0,2}min\w*"),
                          words(r"debil\w*", "sin fuerza", r"dormid[oa]", r"no (?:\w+ )?(?:puedo|puede) (?:mover|levantar)",
                                r"no (?:siento|siente)"),
                          words("brazo", "pierna", "mano", "cara", "lado"),
                          words(r"confundid[oa]", r"desorientad[oa]", r"no (?:me )?reconoce")),
        "fainting": (re.compile(words(r"desmay\w*", r"perd\w* (?:el )?conocimiento", "inconsciente",
                                      r"no (?:reacciona|responde|despierta)", "convulsion\\w*", r"(?:se )?desplom\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"quiero morir\w*", r"(?:matarme|me quiero matar)", r"quitarme la vida", r"me (?:\w+ )?quit(?:o|are) la vida",
                                     r"no (?:quiero|quiere|queria) (?:\w+ )?(?:seguir )?vivir", r"se (?:esta )?despid\w* de (?:todos|mi|su|nosotros)", r"(?:me|te|le) mando (?:\w+ ){0,3}(?:despedida|adios)", r"acabar con (?:todo|mi vida)",
                                     r"terminar con (?:todo|mi vida)", r"hacerme dano", r"(?:cortarme|me corto|me corte)",
                                     r"mejor (?:muerto|muerta)", r"(?:estarian|estaria|estarias) mejor sin mi",
                                     r"(?:soy|ser) una carga", r"desaparecer para siempre", r"no (?:vale|merece) la pena vivir",
                                     r"carta de despedida", r"(?:despedirme|me despedi) de (?:todos|mi familia|mis hijos)",
                                     r"no (?:quiero )?despertar(?:me|se)? (?:mas|nunca)", r"(?:para|pa) no (?:despertar(?:me|se)?|volver a despertar)", r"dormir para siempre",
                                     r"(?:tirarme|lanzarme) (?:por|desde|de) (?:la ventana|el balcon|un puente|el puente"
                                     r"|un edificio|la azotea)",
                                     r"(?:tirarme|lanzarme) (?:a las vias|al tren|bajo (?:un|el) (?:tren|coche|camion))",
                                     r"ahorcarme",
                                     r"(?:guardado|juntado|acumulado) (?:\w+ ){0,2}(?:pastillas|pildoras|comprimidos)",
                                     r"no aguanto (?:mas )?(?:vivir|la vida|esta vida)", r"(?:me estoy|estoy) cortando",
                                     r"cortandome", r"no quiero seguir",
                                     r"(?:lo )?tengo (?:todo )?planead[oa]", r"quitarme de en medio",
                                     r"no quiero (?:estar|seguir) aqui",
                                     r"(?:me (?:quemo|queme|estoy quemando)|quemarme|quemandome) (?:\w+ ){0,4}(?:encendedor|mechero|cigarr\w*|plancha)")),
                    # Said of someone else, and everyday idioms of wanting to die.
                    re.compile(words(
                                     r"(?:matarse|suicidarse|se (?:quiere|va a) (?:matar|suicidar))",
                                     r"(?:quiere|queria|quisiera) morir\w*",
                                     r"quitarse la vida",
                                     r"acabar con su vida",
                                     r"hacerse dano",
                                     r"(?:cortarse|se corta|se corto|se esta cortando)",
                                     r"(?:harto|harta|cansado|cansada) de vivir",
                                     r"no (?:le )?encuentr\w* sentido a (?:la vida|vivir|nada)",
                                     r"(?:irme|irse) de este mundo",
                                     r"pensando en (?:matarme|suicidarme|quitarme la vida|matarse|acabar con todo)",
                                     r"(?:quiero|quiere) desaparecer",
                                     r"no (?:quiero|quiere) (?:vivir|seguir viviendo) (?:mas|asi)")),
                    _means_in_mind(words(r"pistola", "arma", "escopeta", "revolver"),
                                   words(r"(?:lo |la )?pienso", r"pensando", "se me pasa por la cabeza"))),
        "overdose": (re.compile(words("sobredosis", r"intoxica\w*")),
                     _swallowed_by_a_child(words(r"nen[ea]", r"ni[nñ][oa]", r"hij[oa]", "bebe", r"cri[oa]", r"niet[oa]"),
                                           words(r"(?:se )?comio", r"trago", r"(?:se )?tomo"), ES_PT_PILLS),
                     near(60, words(r"tom\w*", r"trag\w*"), words("toda", "todas", "todo", "todos", "demasiad\\w*", "muchas", "el doble",
                                                                  "doble", "la caja", r"\d+", "de mas", r"enter[ao]s?",
                                                                  "un monton", "un punado", "el frasco", "el bote",
                                                                  "varias", "muchos", "otra vez"), ES_PT_PILLS),
                     re.compile(words(r"me (?:pase|pasado) con (?:las |los |la |el |mis )?(?:\w+ )?" + ES_PT_PILLS))),
        "hypoglycaemia": _hypoglycaemia(words(r"hipogluc\w*", r"(?:azucar|glucosa) (?:\w+ )?(?:muy )?baj\w*",
                                              r"bajon de (?:azucar|glucosa)", r"(?:tengo|tiene|me dio|le dio) (?:una )?hipo"),
                                        words(r"temblo\w*", r"tembl\w*", r"tiembl\w*"),
                                        words(r"sud\w*", "frio"),
                                        words(r"diabet\w*", "insulina", "azucar", "glucosa", "glucemia", "confus\\w*", "mareado", "mareada"),
                                        "azucar|glucosa|glucemia|glicemia|dextro|glucometro|medidor"),
        "headache": (re.compile(words(r"(?:el )?peor dolor de cabeza", r"dolor de cabeza (?:\w+ ){0,3}(?:repentino|subito"
                                      r"|explosivo|de golpe|insoportable)", r"(?:de golpe|de repente) (?:\w+ ){0,3}dolor de cabeza")),),
        "cauda_equina": _cauda_equina(words(r"no (?:puedo|puede|consigo) (?:orinar|mear|hacer pis)",
                                            r"(?:perdi|perdido|pierdo) (?:el )?control (?:de )?(?:la vejiga|el intestino|los esfinteres)",
                                            r"me (?:orine|hice pis|hago pis) encima"),
                                      words("entrepierna", "zona intima", "genitales", "nalgas", "culo"),
                                      words(r"dormid\w*", r"insensib\w*", "no siento", r"adormecid\w*", r"entumecid\w*")),
        "diabetic_foot": _diabetic_foot(words("pie", "pies", r"dedos?", "tobillo"),
                                        words(r"negr\w*", r"gangren\w*", "pus", r"supura\w*"),
                                        words(r"hinchad\w*", r"roj\w*", "caliente"),
                                        words("fiebre", "escalofrios"),
                                        words(r"heridas?", r"ulceras?", r"llagas?", r"ampollas?")),
    },
    "fr": {
        "cardiac": (near(40, words("poitrine", "thorax"), words("douleur", "mal", r"serre\w*", "oppression",
                                                                "pression", "ecrase", "brule", "barre", r"irradi\w*")),
                    near(50, words("bras gauche", "machoire"), words(r"irradi\w*", r"descend\w*", r"monte\w*")),
                    re.compile(words("crise cardiaque", "infarctus", r"douleurs? thoraciques?")),
                    _racing_heart(words("tachycardie", r"palpitations?", r"coeur (?:\w+ ){0,2}(?:s emballe|bat (?:tres |trop )?"
                                        r"(?:vite|fort|la chamade)|a cent a l heure|irregulier)",
                                        r"pouls (?:\w+ ){0,3}(?:1[5-9]\d|2\d\d)"),
                                  words(r"vertiges?", r"etourdi\w*", "malaise", r"evanoui\w*", "poitrine", "tete qui tourne",
                                        "voile noir"))),
        "breathing": (re.compile(words(r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?respirer", r"etouff\w*",
                                       r"du mal a respirer", "difficulte a respirer", "manque d air",
                                       "respire plus", "respire pas", r"respire (?:tres )?(?:mal|difficilement)",
                                       r"suffo\w*", r"asphyx\w*", r"levres (?:bleues|violettes)", "plus d air",
                                       r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?reprendre (?:mon |son )?souffle")),),
        "allergic": _airway_closing(words(r"langue|gorge|levres"), words(r"gonfl\w*"),
                                    words(r"gorge (?:qui )?(?:se )?(?:ferme|fermee|bloquee)")),
        "stroke": _stroke(words("avc", r"bouche (?:de travers|tordue)", r"visage (?:\w+ )?(?:paralyse|tombe"
                                r"|affaisse|de travers)", r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?parler",
                                r"parle (?:\w+ ){0,2}(?:bizarre|mal|bizarrement|difficilement|de travers)",
                                r"(?:bafouill|marmonn)\w*", r"paralys\w*",
                                r"bras (?:\w+ ){0,2}(?:bouge|bouger) plus", r"(?:un|le) cote (?:\w+ ){0,2}du (?:corps|visage)",
                                r"moitie du (?:corps|visage)", r"(?:voit|vois) (?:plus|pas) (?:rien )?d un oeil"),
                          words(r"soudain\w*", "d un coup", r"brusque\w*", "tout a coup", r"il y a (?:\w+ ){0,2}min\w*",
                                r"depuis (?:\w+ ){0,2}min\w*"),
                          words(r"faible\w*", "sans force", "plus de force", r"engourdi\w*",
                                r"(?:peut|peux) (?:plus|pas) (?:le |la )?(?:bouger|lever)", r"(?:sens|sent) plus"),
                          words("bras", "jambe", "main", "visage", "cote"),
                          words(r"confus\w*", r"desoriente\w*", r"(?:me |nous )?reconnait (?:plus|pas)")),
        "fainting": (re.compile(words(r"evanoui\w*", "perdu connaissance", r"inconscient\w*", "convulsions?",
                                      r"(?:repond|reagit) (?:plus|pas)", r"tombe\w* dans les pommes",
                                      r"se reveille (?:plus|pas)")),),
        "suicide": (re.compile(words(r"suicid\w*", r"me tuer", r"(?:veux|envie de) mourir", r"en finir",
                                     r"(?:mettre|mets|mettrai|vais mettre) fin a (?:mes jours|ma vie)", r"(?:plus|pas) envie de vivre",
                                     r"(?:veux|peux) plus vivre", r"me faire du mal", r"me (?:scarifier|mutiler)",
                                     r"(?:suis|etre) un (?:fardeau|poids)", r"mieux sans moi", r"disparaitre pour toujours",
                                     r"lettres? d adieu", r"dire adieu a (?:tout le monde|ma famille|mes enfants)",
                                     r"(?:plus|pas) (?:me|se|te) reveiller", r"dormir pour toujours", r"me pendre",
                                     r"me (?:jeter|lancer) (?:sous (?:un|le) (?:train|metro|camion)|du (?:pont|balcon|toit)|par la fenetre|d un (?:pont|immeuble))", r"(?:tailler|couper) les veines",
                                     r"(?:garde|mis de cote|accumule) (?:\w+ ){0,2}(?:comprimes|cachets|medicaments)",
                                     r"la vie (?:ne|n) (?:vaut|a) plus", r"je me (?:coupe|scarifie|mutile|brule)", r"me foutre en l air", r"me flinguer",
                                     r"je me suis (?:coupe|brule|scarifie)e? (?:\w+ ){0,3}(?:expres|volontairement)",
                                     r"envie de tout arreter", r"(?:veux|veut) plus etre la",
                                     r"(?:je me brule|me bruler|je me suis (?:\w+ )?brule\w*) (?:\w+ ){0,4}(?:briquet|cigarettes?|fer)")),
                    # Said of someone else, and everyday idioms of wanting to die.
                    re.compile(words(
                                     r"se (?:tuer|suicider|pendre)",
                                     r"(?:veut|voulait|voudrait) mourir",
                                     r"mettre fin a (?:ses jours|sa vie)",
                                     r"se faire du mal",
                                     r"(?:marre|ras le bol) de (?:vivre|la vie)",
                                     r"(?:veux|veut) en finir",
                                     r"(?<!pas d )(?<!sans )(?<!aucune )idees noires",
                                     r"(?:plus|pas) (?:de )?raisons? de vivre",
                                     r"(?:veux|veut|envie de) disparaitre",
                                     r"passer a l acte",
                                     r"(?:je pense|il pense|elle pense|pense) (?:\w+ )?a (?:me|se) (?:tuer|suicider)")),
                    _means_in_mind(words("pistolet", "fusil", "arme", "revolver"),
                                   words(r"j y pense", r"je (?:\w+ )?pense", r"pense (?:\w+ )?a"))),
        "overdose": (re.compile(words("surdose", "overdose", r"intoxica\w*")),
                     _swallowed_by_a_child(words("enfant", "fils", "fille", "bebe", r"petite?", "gamin", "gamine"),
                                           words(r"avale\w*", r"mange\w*", "pris"), FR_PILLS),
                     near(60, words(r"pris", r"avale\w*"), words("tous", "toutes", "tout", "toute", "trop", "double", "la boite",
                                                                 r"\d+", "plaquette", "flacon", "une poignee", "plein de",
                                                                 "beaucoup", "en trop", r"entiere?"), FR_PILLS),
                     re.compile(words(r"surdos\w*"))),
        "hypoglycaemia": _hypoglycaemia(words(r"hypoglyc\w*", r"(?:sucre|glycemie) (?:\w+ )?(?:tres )?bas\w*",
                                              r"(?:fais|fait|faire) une hypo"),
                                        words(r"trembl\w*"),
                                        words(r"transpir\w*", r"sueurs?", "sue", "suer", r"suant\w*"),
                                        words(r"diabet\w*", "insuline", "sucre", "glycemie", "glucose", r"confus\w*", "vertige"),
                                        "sucre|glycemie|glucose|dextro|glucometre|lecteur", mmol=False),
        "headache": (re.compile(words(r"(?:le )?pire mal de tete", r"mal de tete (?:\w+ ){0,3}(?:brutal|soudain|explosif"
                                      r"|insupportable)", r"(?:d un coup|soudain\w*) (?:\w+ ){0,3}mal de tete",
                                      r"mal de tete (?:\w+ ){0,4}(?:d un coup|violent|le pire)",
                                      r"mal (?:de|au) crane (?:\w+ ){0,4}(?:d un coup|atroce|violent|le pire|brutal)")),),
        "cauda_equina": _cauda_equina(words(r"(?:peux|peut|arrive) (?:plus|pas) (?:a )?uriner",
                                            r"(?:perdu|perte du|perds) (?:le )?controle (?:de|des) (?:ma |la )?(?:vessie|selles)",
                                            r"(?:fait|fais) pipi sur moi"),
                                      words("entrejambe", "parties intimes", "fesses", "anus", "perinee"),
                                      words(r"engourdi\w*", r"insensible\w*", r"sens plus", r"sens rien")),
        "diabetic_foot": _diabetic_foot(words("pied", "pieds", r"orteils?", "cheville"),
                                        words(r"noir\w*", r"gangren\w*", "pus"),
                                        words(r"gonfle\w*", r"rouge\w*", "chaud"),
                                        words("fievre", "frissons"),
                                        words(r"plaies?", r"ulceres?", r"blessures?", r"ampoules?")),
    },
    "de": {
        "cardiac": (re.compile(words(r"brust\w*schmerz\w*", r"herzinfarkt", r"engegefuhl", r"brustenge")),
                    near(40, words("brust"), words(r"schmerz\w*", r"druck\w*", "eng", r"stech\w*", r"tut (?:\w+ )?weh")),
                    _racing_heart(words("herzrasen", r"herz\w* (?:\w+ ){0,2}(?:rast|rasen|stolpert|stolpern|hammert|unregelmass\w*)",
                                        r"puls (?:\w+ ){0,3}(?:(?:1[5-9]\d|2\d\d)|rast|rasen|unregelmass\w*)"),
                                  words(r"schwindl\w*", r"schwindel\w*", r"schwarz vor (?:den )?augen", r"brust\w*",
                                        r"ohnmacht\w*", r"umkipp\w*"))),
        "breathing": (re.compile(words(r"(?:kann|bekomme|bekommt|kriege|krieg|kriegt) (?:\w+ )?(?:nicht|keine|kaum) (?:mehr |noch )?"
                                       r"(?:atmen|luft)", "atemnot", r"erstick\w*", r"keine luft", "luftnot",
                                       r"(?:schnapp|ring)\w* (?:\w+ )?nach luft", r"nach luft (?:schnapp|ring)\w*",
                                       r"(?:blaue lippen|lippen (?:\w+ )?blau)", r"atmet (?:\w+ )?nicht",
                                       r"atm\w* (?:\w+ )?(?:fallt|faellt) (?:\w+ )?schwer", "atme schwer")),),
        "allergic": _airway_closing(words(r"zunge|hals|rachen|lippen"), words(r"schwill\w*|geschwollen\w*|anschwell\w*|dick"),
                                    words(r"(?:hals|kehle) (?:\w+ ){0,2}(?:eng|zugeschn(?:ue|ü)rt)", r"(?:schn(?:ue|ü)rt|zieht) (?:\w+ ){0,2}(?:hals|kehle) zu")),
        "stroke": _stroke(words("schlaganfall", r"gesicht (?:\w+ ){0,4}(?:hangt|schief)", r"mundwinkel (?:\w+ ){0,2}hangt",
                                r"(?:hangende\w*|schiefe\w*|schlaffe\w*) (?:mundwinkel|gesicht\w*)", r"(?:lahmung|gelahmt)",
                                r"kann (?:\w+ ){0,2}nicht (?:mehr )?(?:richtig )?sprechen",
                                r"(?:verwaschen\w*|lallend\w*|undeutlich\w*) (?:sprache|sprechen)",
                                r"(?:spricht|redet) (?:\w+ ){0,2}(?:verwaschen|undeutlich|lallend|komisch|wirr\w*)",
                                r"(?:eine|einer|die (?:rechte|linke)) (?:korper)?(?:seite|halfte) (?:\w+ ){0,2}(?:taub|schwach|gelahmt)",
                                r"sieht (?:\w+ ){0,3}auge (?:\w+ )?(?:nichts|nix|nicht)", r"auf einem auge (?:\w+ )?blind"),
                          words(r"plotzlich\w*", "auf einmal", r"seit (?:\w+ ){0,3}(?:min\w*|stunde)"),
                          words(r"schwach\w*", "kraftlos", r"taub\w*", r"kann (?:ihn|sie|es) nicht? (?:mehr )?(?:bewegen|heben)",
                                r"(?:spur\w*|fuhl\w*) (?:\w+ ){0,3}nicht?s?"),
                          words("arm", "bein", "hand", "gesicht", "seite"),
                          words(r"verwirrt", r"desorientiert", r"durcheinander", r"erkennt (?:\w+ )?nicht?")),
        "fainting": (re.compile(words(r"ohnmacht\w*", r"bewusstlos\w*", r"kollabiert", r"zusammengebrochen",
                                      r"krampfanfall", r"umgekippt", r"(?:und|er|sie) reagiert (?:gar |einfach )?nicht?(?! gut| so| richtig)",
                                      r"reagiert nicht? mehr", "nicht ansprechbar")),),
        "suicide": (re.compile(words(r"suizid\w*", r"selbstmord\w*", r"umbringen", r"(?:will|mochte|moechte) sterben",
                                     r"(?:will|mochte|moechte|kann) nicht mehr leben", r"leben (?:beenden|nehmen)", r"(?:mir|mich|sich) das leben (?:zu )?nehmen", r"nehme mir (?:\w+ ){0,3}das leben",
                                     r"mir (?:etwas|was) antun", r"ritze mich", r"lebensmude",
                                     r"(?:bin|eine) (?:\w+ )?last fur (?:alle|meine)", r"besser (?:dran )?ohne mich",
                                     r"abschiedsbrief\w*", r"(?:mit allem|allem ein) (?:schluss|ende)",
                                     r"nicht mehr aufwachen", r"fur immer (?:schlafen|einschlafen)", r"mich (?:erhangen|aufhangen)",
                                     r"(?:vor den|vor einen) zug", r"von (?:der|einer) brucke",
                                     r"(?:gesammelt|gehortet|gespart) (?:\w+ ){0,2}(?:tabletten|pillen)",
                                     r"(?:tabletten|pillen) (?:\w+ ){0,3}(?:gesammelt|gehortet)", r"ritz\w* mich",
                                     r"mich (?:\w+ )?(?:geritzt|ritzen)", r"nicht? (?:mehr )?aufwach\w*", r"nicht (?:mehr )?aufzuwachen", r"bin (?:\w+ ){0,2}nicht mehr da\b",
                                     r"will nicht? mehr (?:da )?sein", r"will (?:\w+ )?verschwinden",
                                     r"(?:verbrenne|verbrannt|verbrennen|verbrenn) (?:\w+ ){0,4}(?:feuerzeug|zigarett\w*|bugeleisen)", r"mit (?:dem |einem )?feuerzeug (?:\w+ ){0,3}(?:verbrenn\w*|gebrannt|brenne)")),
                    # Said of someone else, and everyday idioms of wanting to die.
                    re.compile(words(
                                     r"sich (?:\w+ )?(?:umbringen|umzubringen|das leben (?:zu )?nehmen|etwas antun|was antun)",
                                     # Goodbye to no one named: "dass er sich verabschieden will" (not "von seinem physio").
                                     r"sich (?:\w+ )?verabschieden (?:will|wollte|mochte|muss)\b(?! von)",
                                     r"(?:will|wollte|mochte) sich (?:\w+ )?verabschieden\b(?! von)",
                                     r"(?:will|wollte) (?:sich )?sterben",
                                     r"ritzt sich",
                                     r"(?:keinen|kein) sinn mehr (?:zu leben|im leben|das leben)",
                                     r"alles beenden",
                                     r"(?:dem ganzen|allem) ein ende (?:setzen|machen|bereiten)",
                                     r"(?:nicht|nie) mehr (?:leben|aufwachen) (?:will|wollen|mochte)",
                                     r"(?:mochte|moechte|will|wollte) (?:\w+ )?nicht mehr leben",
                                     r"an (?:den )?(?:tod|selbstmord|suizid) (?:denke|gedacht|denken)")),
                    _means_in_mind(words("pistole", "waffe", "gewehr", "revolver"),
                                   words(r"denke (?:\w+ ){0,2}(?:dran|daran|drueber|uber)", "dran denken", r"denk\w* (?:\w+ )?nach"))),
        "overdose": (re.compile(words(r"uberdosis", r"vergiftung")),
                     _swallowed_by_a_child(words("kind", "sohn", "tochter", "baby", r"kleine[rn]?", "enkel", "enkelin"),
                                           words("gegessen", "geschluckt", "genommen", "verschluckt"), DE_PILLS),
                     near(60, words("genommen", "geschluckt", "eingenommen", "eingeworfen", "nahm", "schluckte"),
                          words("alle", "zu viele", "zu viel", "doppelte", "doppelt", "dreimal", "zweimal", "dreifache", "ganze packung", r"\d+", "handvoll",
                                r"ganzen? (?:packung|schachtel|dose|flasche|blister)", "packung", "viel zu"), DE_PILLS)),
        "hypoglycaemia": _hypoglycaemia(words(r"unterzucker\w*", r"hypoglyk\w*", r"(?:blut)?zucker (?:\w+ )?(?:ist |sehr |zu )?"
                                              r"(?:niedrig|tief|im keller|abgesackt|gefallen)"),
                                        words(r"zitt\w*"),
                                        words(r"schwitz\w*", r"schweiss\w*", r"schweiß\w*"),
                                        words(r"diabet\w*", "insulin", "zucker", "blutzucker", r"verwirrt\w*", "schwindelig", "durcheinander", r"typ ?1"),
                                        "zucker|blutzucker|glukose|bz|messgerat|zuckerwert"),
        "headache": (re.compile(words(r"(?:die |der )?schlimmsten? kopfschmerz\w*", r"(?:plotzlich\w*|explosionsartig\w*"
                                      r"|vernichtend\w*|heftigst\w*) kopfschmerz\w*",
                                      r"kopfschmerz\w* (?:\w+ ){0,3}(?:wie ein (?:schlag|blitz)|plotzlich)")),),
        "cauda_equina": _cauda_equina(words(r"kann (?:\w+ )?nicht? (?:mehr )?(?:pinkeln|wasserlassen|urinieren)",
                                            r"(?:blase|darm) (?:\w+ ){0,3}(?:kontrolle|nicht mehr halten)",
                                            r"(?:in die hose gemacht|eingenasst)"),
                                      words("reithose", "genitalbereich", "intimbereich", r"gesass", "damm", "schritt", "po",
                                            "hintern", "unten rum"),
                                      words(r"taub\w*", r"gefuhllos\w*", "spure nichts")),
        "diabetic_foot": _diabetic_foot(words(r"fuss", r"fusse", r"zehe?n?", "knochel"),
                                        words(r"schwarz\w*", r"gangr\w*", r"eiter\w*", "brandig"),
                                        words(r"geschwollen\w*", r"rot\w*", "heiss", "heiß"),
                                        words("fieber", r"schuttelfrost"),
                                        words(r"wunden?", r"geschwure?", r"blasen?")),
    },
    "it": {
        "cardiac": (near(40, words("petto", "torace"), words("dolore", "male", "oppressione", "pressione",
                                                            "stretto", "stringe", "peso")),
                    re.compile(words("infarto", "attacco di cuore", "attacco cardiaco")),
                    _racing_heart(words("tachicardia", r"palpitazion\w*", r"cuore (?:\w+ ){0,2}(?:a mille|impazzito|batte "
                                        r"(?:fortissimo|velocissimo|all impazzata|forte))",
                                        r"(?:battiti|polso|frequenza) (?:\w+ ){0,3}(?:1[5-9]\d|2\d\d)"),
                                  words(r"giramenti?", "gira la testa", r"sven\w*", "petto", r"vertigin\w*",
                                        r"vedo (?:tutto )?nero"))),
        "breathing": (re.compile(words(r"non (?:\w+ )?(?:riesco|riesce) (?:piu )?a respirare", "non respiro",
                                       r"mi manca (?:il respiro|l aria|il fiato)", r"soffoc\w*", "fame d aria", r"respiro (?:\w+ )?a fatica",
                                       r"fatica a respirare", r"respir\w* (?:molto )?male", r"labbra (?:blu|viola)",
                                       r"non respira\w*", r"manca l aria")),),
        "allergic": _airway_closing(words(r"lingua|gola|labbra"), words(r"gonfi\w*"),
                                    words(r"chiud\w* (?:\w+ )?gola", r"gola (?:\w+ ){0,2}(?:chiusa|chiude|chiudendo|stretta)")),
        "stroke": _stroke(words("ictus", r"bocca storta", r"viso (?:\w+ )?(?:storto|cadente|paralizzato)",
                                r"non (?:riesco|riesce) (?:piu )?a (?:parlare|muovere)",
                                r"parla (?:\w+ ){0,2}(?:strano|male|impastat\w*|confus\w*)", r"biascic\w*",
                                r"paralizz\w*", r"(?:un|il) lato (?:\w+ ){0,2}del (?:corpo|viso)", r"meta del (?:corpo|viso)",
                                r"(?:non|nn) (?:ci )?vede (?:piu )?(?:niente )?da un occhio"),
                          words("all improvviso", r"improvvisament\w*", "di colpo", r"da (?:\w+ ){0,2}minuti"),
                          words(r"debol\w*", "senza forza", r"intorpidit\w*", r"non (?:\w+ )?(?:riesce|riesco) a (?:muover\w*|alzar\w*)",
                                r"(?:non|nn) (?:sento|sente) (?:piu )?"),
                          words("braccio", "gamba", "mano", "viso", "lato"),
                          words(r"confus[oa]", r"disorientat[oa]", r"(?:non|nn) (?:mi )?riconosce")),
        "fainting": (re.compile(words(r"sven\w*", r"perso (?:i sensi|conoscenza)",
                                      r"incoscien\w*", r"convulsion\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"uccidermi", r"ammazzarmi", r"mi (?:\w+ )?tolgo la vita", r"mi (?:ammazzo|uccido)(?! di)", r"(?:si|mi|ti) (?:\w+ )?(?:vuole|voglio|vuoi|vole) (?:ammazzare|uccidere)", r"(?:la faccio|la fa|farla) finita", r"lettere? (?:\w+ ){0,3}(?:ai miei|alla mia|ai suoi|a tutti)", r"togliermi la vita",
                                     r"voglio morire", r"non (?:voglio|vuole|vuoi) piu vivere", r"farla finita", r"farmi del male",
                                     r"(?:sono|essere) un peso", r"meglio senza di me", r"sparire per sempre",
                                     r"letter[ae] d addio", r"non svegliarmi piu", r"per non (?:svegliarmi|svegliarsi|risvegliarmi)", r"dormire per sempre",
                                     r"buttarmi (?:dal (?:ponte|balcone|tetto)|dalla finestra|sotto (?:un|il) (?:treno|camion))", r"impiccarmi", r"tagliarmi le vene",
                                     r"(?:messo da parte|accumulato|conservato) (?:\w+ ){0,2}(?:pillole|pastiglie|compresse)",
                                     r"la vita non ha (?:piu )?senso", r"mi (?:sto )?tagli\w*", r"non (?:mi )?svegli\w* piu",
                                     r"mi sono (?:\w+ )?tagliat[oa] (?:di nuovo|apposta|ancora|le braccia|i polsi|le gambe|il polso)",
                                     r"(?:mi brucio|bruciarmi|mi sono (?:\w+ )?bruciat[oa]|mi sto bruciando) (?:\w+ ){0,4}(?:accendino|sigarett\w*|ferro)")),
                    # Said of someone else, and everyday idioms of wanting to die.
                    re.compile(words(
                                     r"(?:uccidersi|ammazzarsi|suicidarsi|togliersi la vita)",
                                     r"(?:vuole|voleva|vorrebbe) morire",
                                     r"farsi del male",
                                     r"(?:buttarsi|impiccarsi|tagliarsi le vene)",
                                     r"(?:stanc[oa]|stuf[oa]) di vivere",
                                     r"non ha (?:piu )?senso vivere",
                                     r"(?:voglio|vuole) sparire",
                                     r"togliermi di mezzo",
                                     r"non ce la faccio piu a vivere",
                                     r"pens\w* (?:\w+ )?(?:a|di) (?:uccidermi|ammazzarmi|farla finita|togliermi la vita)")),
                    _means_in_mind(words("pistola", "fucile", "arma", "rivoltella"),
                                   words("ci penso", r"(?:\w+ )?penso (?:sempre|spesso|a usarla)", "ci sto pensando"))),
        "overdose": (re.compile(words("overdose", r"sovradosaggio", r"intossica\w*")),
                     _swallowed_by_a_child(words(r"bambin[oa]", r"figli[oa]", r"bimb[oa]", r"nipot[ei]", "neonato"),
                                           words(r"mangiat[oa]", r"ingoiat[oa]", r"pres[oa]", r"inghiottit[oa]"), IT_PILLS),
                     near(60, words("preso", "presa", "presi", "prese", r"ingoiat\w*", r"mandat\w* giu"),
                          words("tutte", "tutti", "troppe", "troppi", "troppo", "doppia", "doppio", "la scatola",
                                r"\d+", "un sacco", "una manciata", "la confezione", "il flacone", r"inter[ao]"),
                          IT_PILLS)),
        "hypoglycaemia": _hypoglycaemia(words(r"ipoglicemi\w*", r"(?:zucchero|glicemia) (?:\w+ )?(?:molto )?bass\w*",
                                              r"crisi ipoglicemica"),
                                        words(r"trem\w*"),
                                        words(r"sud\w*"),
                                        words(r"diabet\w*", "insulina", "zucchero", "glicemia", r"confus\w*", "capogiro"),
                                        "zucchero|glicemia|glucosio|glucometro|glicemia capillare"),
        "headache": (re.compile(words(r"(?:il )?peggior(?:e)? mal di testa", r"mal di testa (?:\w+ ){0,3}(?:improvviso"
                                      r"|esplosivo|fortissimo|insopportabile)", r"(?:all improvviso|di colpo) (?:\w+ ){0,3}mal di testa")),),
        "cauda_equina": _cauda_equina(words(r"non (?:riesco|riesce) (?:piu )?a (?:urinare|fare pipi)",
                                            r"(?:perso|perdo) (?:il )?controllo (?:della|sulla) (?:vescica|intestino)",
                                            r"(?:fatto|faccio) pipi addosso"),
                                      words("zona intima", "genitali", "glutei", "inguine", "sedere", "ano"),
                                      words(r"intorpidit\w*", r"addormentat\w*", r"insensibil\w*", "non sento")),
        "diabetic_foot": _diabetic_foot(words("piede", "piedi", "dito", "dita", "caviglia"),
                                        words(r"ner[oa]\w*", r"cancren\w*", "pus"),
                                        words(r"gonfi\w*", r"ross\w*", "caldo"),
                                        words("febbre", "brividi"),
                                        words(r"ferit[ae]", r"ulcer[ae]", r"piaghe?", r"vescic(?:a|he)")),
    },
    "pt": {
        "cardiac": (near(40, words("peito"), words("dor", r"doi\w*", "aperto", "pressao", "pontada")),
                    re.compile(words("ataque cardiaco", "infarto", "enfarte")),
                    _racing_heart(words("taquicardia", r"palpitac\w*", r"coracao (?:\w+ ){0,2}(?:disparad\w*|acelerad\w*|a mil"
                                        r"|batendo (?:muito )?(?:forte|rapido))",
                                        r"(?:pulso|batimentos) (?:\w+ ){0,3}(?:1[5-9]\d|2\d\d)"),
                                  words(r"tontur\w*", r"tont[oa]", r"desmai\w*", "peito", r"vista (?:\w+ )?escur\w*"))),
        "breathing": (re.compile(words(r"nao (?:\w+ )?(?:consigo|consegue|conseguindo) respirar", "falta de ar", r"sufoc\w*",
                                       r"nao (?:esta )?respira\w*", r"(?:falta|faltando) (?:o )?ar",
                                       r"dificuldade (?:para|de|em) respirar", r"mal (?:consigo|consegue) respirar",
                                       r"labios (?:roxos|azuis)", r"asfixi\w*", r"(?:estou|esta|fiquei|ficou) sem ar")),),
        "allergic": _airway_closing(words(r"lingua|garganta|labios"), words(r"inch\w*"),
                                    words(r"fech\w* (?:\w+ )?garganta", r"garganta (?:\w+ ){0,2}(?:fechando|fechada|fecha)")),
        "stroke": _stroke(words("avc", "derrame", r"boca (?:\w+ ){0,2}(?:torta|caida)", r"rosto (?:\w+ )?(?:caido|torto|paralisado)",
                                r"nao (?:consigo|consegue) (?:falar|mexer)",
                                r"fala (?:\w+ ){0,2}(?:enrolad[oa]|estranh[oa]|arrastad[oa])", r"enrolando (?:a )?fala",
                                r"paralisi\w*", r"(?:um|o) lado (?:\w+ ){0,2}do (?:corpo|rosto)", r"metade do (?:corpo|rosto)",
                                r"nao (?:enxerga|ve|vejo|enxergo) (?:nada )?de um olho"),
                          words("de repente", "do nada", r"subit\w*", r"ha (?:\w+ ){0,2}minutos", "ha meia hora"),
                          words(r"frac[oa]\w*", "sem forca", r"dormente\w*", r"nao (?:\w+ )?(?:consigo|consegue) (?:mexer|levantar)",
                                r"nao (?:sinto|sente)"),
                          words("braco", "perna", "mao", "rosto", "lado"),
                          words(r"confus[oa]", r"desorientad[oa]", r"nao (?:me )?reconhece", r"nao sabe onde (?:esta|ta)")),
        "fainting": (re.compile(words(r"desmai\w*", r"perd\w* (?:a )?consciencia", "inconsciente",
                                      r"convuls\w*")),),
        "suicide": (re.compile(words(r"suicid\w*", r"me matar", r"matar me", r"quero morrer", r"tirar (?:a )?minha (?:propria )?vida",
                                     r"nao quero (?:mais )?viver", r"acabar com tudo", r"acabar com a minha vida",
                                     r"me machucar", r"(?:sou|ser) um (?:peso|fardo)", r"melhor sem mim",
                                     r"sumir para sempre", r"cartas? de despedida", r"nao acordar mais", r"dormir para sempre",
                                     r"me jogar (?:da|de|do) (?:ponte|janela|predio|viaduto|sacada)", r"me jogar (?:na frente|embaixo) (?:de|do) (?:um |uma )?(?:carro|trem|onibus|caminhao)", r"me enforcar", r"cortar os pulsos",
                                     r"(?:guardei|guardando|juntei|juntando) (?:\w+ ){0,2}(?:comprimidos|remedios|pilulas)",
                                     r"a vida nao (?:faz|tem) (?:mais )?sentido", r"(?:to|estou|tou) me cortando", r"me cortei",
                                     r"nao acordar\w* mais", r"(?:para|pra) nao (?:acordar|despertar)", r"nao aguento mais (?:viver|a vida)", r"quero (?:sumir|desaparecer)",
                                     r"(?:me queimo|me queimei|queimar me|me queimar|me queimando) (?:\w+ ){0,4}(?:isqueiro|cigarr\w*|ferro)")),
                    # Said of someone else, and everyday idioms of wanting to die.
                    re.compile(words(
                                     r"se matar",
                                     r"(?:quer|queria) morrer",
                                     r"tirar a (?:propria )?vida",
                                     r"(?:se machucar|se cortar|se cortando)",
                                     r"(?:cansad[oa]|farto|farta) de viver",
                                     r"pensando em (?:me matar|se matar|acabar com tudo|tirar a minha vida)",
                                     r"nao (?:quer|queria) (?:mais )?viver",
                                     r"se enforcar",
                                     r"desistir da vida",
                                     r"(?:a vida|viver) nao vale (?:mais )?a pena")),
                    _means_in_mind(words("arma", "pistola", "revolver", "espingarda"),
                                   words(r"penso (?:\w+ ){0,2}(?:nisso|nela|em usar)", "fico pensando", r"pensando (?:nisso|nela)"))),
        "overdose": (re.compile(words("overdose", "sobredose", r"intoxica\w*")),
                     _swallowed_by_a_child(words(r"filh[oa]", "crianca", "bebe", r"nene", r"net[oa]"),
                                           words("comeu", "engoliu", "tomou"), ES_PT_PILLS),
                     near(60, words(r"tom\w*", r"engoli\w*"), words("todos", "todas", "toda", "todo", "demais", "muitos", "dose dupla",
                                                                   "a caixa", r"\d+", "muitas", "cartela", r"inteir[ao]",
                                                                   "o frasco", "um monte", "a mais", "um punhado"),
                          ES_PT_PILLS)),
        "hypoglycaemia": _hypoglycaemia(words(r"hipoglicemi\w*", r"(?:acucar|glicose|glicemia) (?:\w+ )?(?:muito )?baix\w*"),
                                        words(r"trem\w*"),
                                        words(r"su\w*"),
                                        words(r"diabet\w*", "insulina", "acucar", "glicose", "glicemia", r"confus\w*", "tonto", "tonta"),
                                        "acucar|glicose|glicemia|glicemia capilar|dextro|glicosimetro|medidor"),
        "headache": (re.compile(words(r"(?:a )?pior dor de cabeca", r"dor de cabeca (?:\w+ ){0,3}(?:subita|repentina"
                                      r"|explosiva|do nada|insuportavel)", r"(?:de repente|do nada) (?:\w+ ){0,3}dor de cabeca")),),
        "cauda_equina": _cauda_equina(words(r"nao (?:consigo|consegue) (?:urinar|fazer xixi)",
                                            r"(?:perdi|perdendo) (?:o )?controle (?:da|de|do) (?:bexiga|urina|intestino)",
                                            r"(?:fiz|faco) xixi nas calcas"),
                                      words("virilha", "partes intimas", "nadegas", "anus", "genitais"),
                                      words(r"dormente\w*", r"insensivel\w*", "nao sinto")),
        "diabetic_foot": _diabetic_foot(words("pe", "pes", r"dedos?", "tornozelo"),
                                        words(r"pret[oa]\w*", r"gangren\w*", "pus"),
                                        words(r"inchad\w*", r"vermelh\w*", "quente"),
                                        words("febre", "calafrios"),
                                        words(r"feridas?", r"ulceras?", r"bolhas?", r"machucados?")),
    },
}


# Elided words stand apart: "m'évanouir" is "m evanouir", "l'aria" is "l aria".
APOSTROPHE = re.compile(r"['’‘`´ʼ]")
# As in the English rules, a symptom denied ("no me duele el pecho", "keine Brustschmerzen") or long past ("hace
# años tuve un desmayo") is set aside for the physical categories; suicide and overdose read the whole text.
KEPT_WHOLE = frozenset({"suicide", "overdose"})
# Punctuation only: "mas" is "but" in Portuguese and "more" in Spanish.
# A point or comma between digits is a decimal ("glicemia 3,5").
CLAUSE_BREAK = re.compile(r"(?:[;:!?\n]|(?<!\d)[.,]|[.,](?!\d))+")
# Words that may stand between the denial and the symptom: pronouns, "I have", articles, prepositions.
_BETWEEN = (r"(?:d|l|me|te|le|se|tengo|tiene|hay|siento|nada de|el|la|al|de|del|ai|a|j ai|il|du|des|au|"
            r"habe|hab|hat|ich|im|in|der|die|das|ho|c e|sento|lo|di|tenho|sinto|tem|o|do|da|no|na)")


# A denial reaches to the next "and", "but" or "nor": "no me duele el pecho" denies the chest too.
_DENIAL_ENDS = r"(?:y|e|et|und|ed|pero|mas|mais|aber|ma|porem|sino|sondern|doch|ni|ne|nem|o|ou|oder)"


def _denied(cue: str, symptom: str, next_to: str = "") -> re.Pattern[str]:
    """``next_to``: cues that deny only the symptom right after them ("niente dolore al petto"): with words between,
    "nada" is "anything" ("sin hacer nada me duele el pecho") or "swims", and "do nada" is "suddenly"."""
    tight = rf"|\b(?:{next_to})" if next_to else ""
    return re.compile(rf"(?:\b(?:{cue})\b(?: {_BETWEEN}){{0,3}}{tight}) (?:{symptom})\b(?: (?!{_DENIAL_ENDS}\b)\w+)*")


# A number right after a medicine's name is its strength ("pregabalina 75"), not a count of tablets.
STRENGTH = re.compile(rf"\b((?:{DRUG_ALTERNATIVES}|{ROMANCE_DRUG_NAMES}) )\d+(?: ?(?:mg|mcg|ug|g|ml))?\b")
# "I won't hurt myself" in each language: a denial of the self-harm words the suicide rules look for.
NOT_GOING_TO_HARM = re.compile(words(
    r"(?:no|nunca|jamas) (?:pienso|voy a|quiero|tengo (?:intencion|ganas) de) (?:\w+ )?(?:hacerme dano|matarme"
    r"|suicidarme|cortarme|quitarme la vida)",
    r"(?:ne|n) (?:vais|veux|compte) (?:pas|jamais) (?:me faire du mal|me tuer|me suicider|mettre fin a mes jours)",
    r"(?:will|werde|wurde|mochte) (?:mir |mich )?(?:nicht|nichts|niemals|nie) (?:\w+ )?(?:antun|umbringen)",
    r"non (?:ho intenzione di|voglio|penso di|ho voglia di) (?:\w+ )?(?:farmi del male|uccidermi|ammazzarmi|farla finita)",
    r"nao (?:vou|quero|penso em|pretendo) (?:\w+ )?(?:me machucar|me matar|me cortar)"))
# Phone shorthand written out, so that one rule reads both: "nn riesco a respirare", "q no puedo".
ABBREVIATIONS = {"nn": "non", "q": "que", "pq": "porque", "xq": "porque", "vc": "voce", "ner": "einer",
                 "nich": "nicht", "nix": "nichts"}
ABBREVIATION = re.compile(r"\b(?:" + "|".join(ABBREVIATIONS) + r")\b")
# Breathlessness that passes when the writer stops ("se me pasa al parar") is the effort of the exercise.
EASED_BY_REST = {
    "es": re.compile(words(r"(?<!no )se (?:me |le )?(?:pasa|paso|quita|quito|va|fue|calma|calmo)\w* (?:\w+ ){0,3}(?:al |cuando )"
                           r"(?:parar|paro|pare|descanso|descanse|me paro|me pare|descansar|me siento|me sente)",
                           r"(?:al (?:\w+ )?(?:minuto|rato|ratito)|enseguida|rapido|en (?:un|unos|pocos) (?:\w+ )?minutos?) "
                           r"(?:\w+ )?se (?:me |le )?(?:pasa|paso|quita|quito|calma|calmo)",
                           r"(?<!no )se (?:me |le )?(?:pasa|paso|quita|quito|calma|calmo) (?:\w+ )?(?:al (?:\w+ )?(?:minuto|rato|ratito)|enseguida"
                           r"|rapido|en (?:un|unos|pocos) (?:\w+ )?minutos?)",
                           r"(?:al (?:\w+ )?(?:minuto|rato|ratito)|a los (?:pocos |\d+ )?minutos|enseguida"
                           r"|en (?:un|unos|pocos|\d+) (?:\w+ )?minutos?) (?:ya )?"
                           r"(?:estoy|me siento|me encuentro) bien",
                           r"(?<!no )(?:vuelve|vuelvo) a (?:la )?normal\w*", r"(?<!no )se normaliza")),
    "fr": re.compile(words(r"(?:ca|cela) (?:se )?(?:passe|part|calme) (?:\w+ ){0,3}(?:quand|des que|si) (?:je|on)"
                           r" (?:m arrete|me repose|ralentis|s arrete)",
                           r"(?:ca|cela) (?:se )?(?:passe|part|calme) (?:vite|tout de suite|en (?:une|quelques) (?:\w+ )?minutes?"
                           r"|apres (?:une|quelques) (?:\w+ )?minutes?)",
                           r"(?:redevient|revient) (?:a la )?normal\w*")),
    "de": re.compile(words(r"(?:geht|vergeht|legt sich|wird besser)\w* (?:\w+ ){0,4}(?:wenn|sobald) ich "
                           r"(?:stehen bleibe|anhalte|pause mache|mich ausruhe|langsamer)",
                           r"(?:geht|vergeht|legt sich)\w* (?:\w+ )?(?:schnell|gleich|sofort|nach (?:einer|ein paar|paar|wenigen) "
                           r"(?:\w+ )?minuten?) (?:wieder )?(?:weg|vorbei)?",
                           r"nach (?:\d+|einer|ein paar|paar|wenigen) (?:min|minuten?) (?:ist |war )?(?:alles )?wieder (?:gut|ok|okay|normal)",
                           r"(?:ging|verging|war) (?:\w+ )?(?:schnell|gleich|sofort|nach (?:einer|ein paar|paar|wenigen) "
                           r"(?:\w+ )?minuten?) (?:wieder )?(?:weg|vorbei)",
                           r"(?<!nicht )wieder normal", r"normalisiert sich",
                           r"nach (?:der|einer|ner|kurz\w*) (?:\w+ )?pause (?:ist |war )?(?:alles )?(?:wieder )?(?:gut|ok|okay|weg|vorbei|normal)")),
    "it": re.compile(words(r"(?<!non )(?:passa|mi passa|va via|e passato|mi e passato|passato|andato via) (?:\w+ ){0,3}"
                           r"(?:quando|appena|se) mi (?:fermo|riposo|siedo|sono fermat\w|sono riposat\w|sono sedut\w)",
                           r"(?<!non )mi riprendo (?:subito|presto|in (?:un|pochi) (?:\w+ )?minut\w*)",
                           r"(?<!non )torna (?:alla )?normal\w*",
                           r"(?<!non )(?:passa|mi passa|va via) (?:subito|in (?:un|pochi) (?:\w+ )?minut\w*|dopo (?:un|pochi) "
                           r"(?:\w+ )?minut\w*)",
                           r"dopo (?:un|pochi|qualche) (?:\w+ )?minut\w* (?:mi )?(?:passa|va via|e passato)")),
    "pt": re.compile(words(r"(?<!nao )(?:passa|passou|melhora|melhorou|some|sumiu) (?:\w+ ){0,3}(?:quando|assim que|se) (?:eu )?"
                           r"(?:paro|parei|descanso|descansei|me sento|me sentei)",
                           r"(?<!nao )(?:passa|passou|some|sumiu) (?:logo|rapido|em (?:um|poucos) (?:\w+ )?minutos?|depois de (?:um|uns|poucos) "
                           r"(?:\w+ )?minutos?)",
                           r"(?<!nao )volta ao normal")),
    "en": PASSES_ON_REST,  # for the semantic layer (the English rules read the stricter SETTLES_ON_STOPPING)
}
# Breathlessness at rest, lying or sitting, or with blue lips is no effort of exercise, whatever passes after.
NOT_EFFORT = {
    "es": re.compile(words(r"(?:en|de) reposo", r"(?:sentad|acostad|tumbad)[oa]s?", r"labios (?:\w+ )?(?:azules|morados)")),
    "fr": re.compile(words(r"au repos", r"(?:assise?|allongee?|couchee?)s?", r"levres (?:\w+ )?(?:bleues|violettes)")),
    "de": re.compile(words(r"in ruhe", r"im (?:liegen|sitzen|bett)", r"(?:sitzend|liegend)", r"blaue\w* lippen",
                           r"lippen (?:\w+ )?blau")),
    "it": re.compile(words(r"a riposo", r"(?:sedut|sdraiat|stes)[oaie]", r"labbra (?:\w+ )?(?:blu|viola|violacee)")),
    "pt": re.compile(words(r"em repouso", r"(?:sentad|deitad)[oa]s?", r"labios (?:\w+ )?(?:roxos|azuis)")),
    "en": re.compile(words(r"at rest", r"(?:sitting|lying|laying) (?:still|down)", r"in bed", r"blue lips",
                           r"lips (?:\w+ )?(?:blue|purple)")),
}
# language → (a denied symptom, a clause about long ago, a word saying it is happening again)
QUIET: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "es": (_denied(r"no|ni|sin|nunca|jamas|ningun\w*", r"duele\w*|dolor\w*|pecho|desmay\w*|falta (?:de |el )?aire|ahogo|ideas suicidas|pensamientos (?:oscuros|suicidas)", "nada de"),
           re.compile(words(r"hace (?:\w+ ){0,2}(?:anos|mucho|meses)", r"de (?:nino|nina|joven|pequen[oa])",
                            r"el (?:ano|mes) pasado", r"(?:en|el) (?:19|20)\d\d")),
           re.compile(words("otra vez", "de nuevo"))),
    "fr": (_denied("pas|sans|jamais|aucune?|ni", r"douleurs?|mal|poitrine|evanoui\w*|malaise|essoufflement|souffle court|idees noires|idees suicidaires"),
           re.compile(words(r"il y a (?:\w+ ){0,2}(?:ans|annees|mois)", r"quand j etais (?:petite?|jeune|enfant)",
                            r"l an dernier", r"l annee derniere", r"le mois dernier", r"en (?:19|20)\d\d")),
           re.compile(words("encore", "de nouveau", "a nouveau"))),
    "de": (_denied(r"kein\w*|nicht|nie|ohne", r"brust\w*|schmerz\w*|weh|ohnmacht\w*|bewusstlos|atemnot|luftnot|atembeschwerden|suizidgedanken|selbstmordgedanken|dunklen? gedanken|diabet\w*|insulin|zucker\w*"),
           re.compile(words(r"vor (?:\w+ ){0,2}(?:jahren|monaten)", "als kind", r"letzte[ns]? (?:jahr|monat)",
                            r"im (?:jahr )?(?:19|20)\d\d")),
           re.compile(words("wieder", "erneut"))),
    "it": (_denied(r"non|nn|senza|mai|ne|nessun\w*", r"dolore|male|petto|svenut[oa]|svenimento|affanno|fiatone|pensieri (?:brutti|suicidi|oscuri)", "niente"),
           re.compile(words(r"(?:\w+ ){0,2}(?:anni|mesi) fa", r"da (?:bambin[oa]|piccol[oa]|giovane)",
                            r"l anno scorso", r"lo scorso anno", r"il mese scorso", r"nel (?:19|20)\d\d")),
           re.compile(words("di nuovo", "ancora"))),
    "pt": (_denied(r"nao|sem|nunca|nem|nenhum\w*", r"dor|doi\w*|peito|desmai\w*|falta de ar|pensamentos (?:suicidas|ruins|sombrios)", "nada de"),
           re.compile(words(r"ha (?:\w+ ){0,2}(?:anos|meses)", r"(?:anos|meses) atras", r"quando (?:eu )?era (?:crianca|pequen[oa]|jovem)",
                            r"(?:o )?(?:ano|mes) passado", r"em (?:19|20)\d\d")),
           re.compile(words("de novo", "outra vez", "novamente"))),
}


def detect_foreign_emergency(text: str, language: str) -> tuple[str, tuple[str, ...]] | None:
    """(language, categories) of the red flags found in the text, or None.

    The detected ``language`` is tried first; Spanish and Portuguese share many words. What the message says
    is long past, denied or eased by rest is read in its detected language as well as in the rules' language:
    "un infarto hace 5 años" is past even when the Italian rules read "infarto".
    """
    clauses = _normalised_clauses(text)
    read_as_said = " ".join(clauses)
    # "no pienso hacerme daño" says the writer will not: the self-harm words it denies are not read.
    whole = " ".join(NOT_GOING_TO_HARM.sub(" ", read_as_said).split())
    order = sorted(RULES, key=lambda code: code != language)
    for code in order:
        readings = {code, language} & QUIET.keys()
        present = " ".join(" ".join(_kept(clauses, [QUIET[reading] for reading in readings])).split())
        eased = any(_eased(read_as_said, reading) for reading in readings)
        found = tuple(name for name, rules in RULES[code].items()
                      if not (eased and name == "breathing")
                      and any_search(rules, whole if name in KEPT_WHOLE else present))
        if found:
            return code, found
    return None


def eased_by_rest(text: str, language: str) -> bool:
    """The message says its breathlessness or pounding heart passes on rest or within minutes: the effort of exercise."""
    return _eased(" ".join(_normalised_clauses(text)), language)


def _eased(normalised: str, language: str) -> bool:
    return (language in EASED_BY_REST and bool(EASED_BY_REST[language].search(normalised))
            and not NOT_EFFORT[language].search(normalised))


def present_clauses(text: str, language: str) -> list[str]:
    """The message's clauses, normalised, without those its language says are long past, denials removed (of harm to
    oneself too: "no pienso hacerme daño", as the rules read it)."""
    clauses = [" ".join(NOT_GOING_TO_HARM.sub(" ", clause).split()) for clause in _normalised_clauses(text)]
    return _kept(clauses, [QUIET[language]] if language in QUIET else [])


def _normalised_clauses(text: str) -> list[str]:
    clauses = (_expanded(normalize(APOSTROPHE.sub(" ", clause))) for clause in CLAUSE_BREAK.split(text))
    return [STRENGTH.sub(r"\1", clause) for clause in clauses]


def _expanded(clause: str) -> str:
    return ABBREVIATION.sub(lambda match: ABBREVIATIONS[match.group(0)], clause)


def _kept(clauses: list[str], quiet: list[tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]]) -> list[str]:
    """The clauses not about long ago (unless something happens again), denied symptoms removed."""
    happening_again = any(again.search(clause) for _, _, again in quiet for clause in clauses)
    kept = []
    for clause in clauses:
        if not happening_again and any(long_ago.search(clause) for _, long_ago, _ in quiet):
            continue
        for denied, _, _ in quiet:
            clause = denied.sub(" ", clause)
        if clause.strip():
            kept.append(clause)
    return kept

"""Red-flag detection: symptoms that need urgent care, and thoughts of suicide or self-harm.

Each category is a set of rules written from the clinical red flag (symptom +
context), not from example sentences. Rules run on normalised text with key
words' typos corrected, so "chest pian" and "cant breath" read as meant.
Negation is deliberately not handled: "I can't breathe" is itself a negation,
and a missed emergency costs more than a false alarm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from painchat.guard.drugs import DIABETES_MEDICINES, DRUG_ALTERNATIVES, DRUG_NAMES
from painchat.guard.matching import Matcher, Unless, any_search, at_least, near, not_after, words
from painchat.guard.normalize import Vocabulary, normalize
from painchat.guard.scope import VOCABULARY as MEDICINE_VOCABULARY

# Qualifiers that make breathlessness or light-headedness ordinary ("a bit faint").
MILD = ("bit", "little", "slightly", "mildly", "somewhat", "abit", "tad")
# Questions about what is normal during exercise, not reports of a symptom.
NORMALITY_QUESTION = ("normal to be", "normal to feel", "normal to get", "ok to be", "okay to be",
                      "fine to be", "should i be", "should i feel", "should i get")
SUDDEN = words(r"sudden\w*", "all of a sudden", r"out of (?:nowhere|the blue)", r"abrupt\w*",
               "without warning", "just now", r"(?:a few|few|\d+|five|ten|twenty) minutes ago",
               r"(?:an|one|half an) hour ago")
CANT = r"(?:cant|can not|couldnt|could not|unable to|not able to|(?:havent|hasnt|have not|has not) been able to)"
# "I think I'm having a stroke" is an event; "scared of having a heart attack" is a worry.
HAPPENING_NOW = (not_after("of", "about") + r"\b(?:having|having had|just had|think i had|think im having"
                 r"|might be having|could be having|am i having|is this|is it|going to have) (?:a |an )?")


@dataclass(frozen=True)
class Category:
    """One kind of emergency; ``name`` is used in the verdict's reason."""

    name: str
    rules: tuple[Matcher, ...]
    # Rules read over the whole message, its clauses about the past included.
    whole_message: tuple[Matcher, ...] = ()


# Breathlessness, a tight chest or a pounding heart the message says passes within minutes or on stopping is the effort of a
# workout: "calmed down in a couple of mins", "settles once i stop". Not when the message says it did not, or still
# has not: "hasnt settled in 20 minutes", "never went back to normal".
NOT_SETTLED = (r"^(?!.*\b(?:not|never|hasnt|hadnt|havent|isnt|didnt|wont|doesnt|still)(?: \w+){0,2} (?:calm|settl|eas"
               r"|pass|stop|gone|go|went|back to normal|let up|shift))"
               # Settled last time, not this time: "last time it was fine after a couple of minutes, this time ...".
               r"(?!.*\b(?:last time|yesterday|previously)\b.*\b(?:this time|today|now)\b)"
               # What usually happens is not what happened: "it usually settles when i stop but not today".
               r"(?!.*\b(?:usually|normally|generally|always|often) (?:\w+ )?(?:calm|settl|eas|pass|stop|go))")
SETTLED_SOON = (
    (r"(?:calm(?:ed|s)? down|settled|settles|eased|eases|passed|passes|stopped|stops|went away|goes away"
     r"|gone away|went off|died down) (?:\w+ ){0,3}(?:in|within|after) (?:(?:a |an )?(?:few|couple of|couple"
     r"|\d+|one|two|three|five|ten|half a)|a|an) (?:\w+ )?(?:min\w*|seconds?|secs?)"),
    (r"(?:went away|goes away|gone away|passed|passes|eased|eases|settled|settles|stopped|stops|calmed"
     r"|calms)(?: down)? (?:\w+ ){0,2}(?:when|once|as soon as|after) (?:i|he|she|we) (?:slowed|slow"
     r"|stopped|stop|rested|rest|sat|sit|had a rest|took a break|cooled down)"),
    # "I get puffed on stairs but fine after a minute."
    (r"(?:fine|ok|okay|better|back to normal) (?:again )?(?:in|within|after) (?:(?:a |an )?(?:few|couple of|couple|\d+|one"
     r"|two|three|five|ten|half a)|a|an) (?:\w+ )?(?:min\w*|seconds?|secs?)"),
)
SETTLES_ON_STOPPING = re.compile(NOT_SETTLED + r"(?=.*" + words(*SETTLED_SOON) + ")")
# A chest that settled on stopping but has come back or is worse is not the familiar one of effort.
CHEST_SETTLES_ON_STOPPING = re.compile(r"^(?!.*\b(?:again|worse|came back|come back|coming back|its back|it s back"
                                       r"|back now|returned)\b)" + SETTLES_ON_STOPPING.pattern)
# The semantic layer, which reads no symptom word by word, also takes "back to normal" and "felt fine afterwards".
PASSES_ON_REST = re.compile(NOT_SETTLED + r"(?=.*" + words(*SETTLED_SOON, "back to normal",
                                                              r"(?:felt|feel|feeling) fine after(?:wards)?") + ")")
# --- Chest pain, pressure or tightness; heart attack -------------------------------
# "chest" right before a training word is the muscle or the exercise, not the symptom.
CHEST = (r"\b(?:chest(?! (?:muscles?|wall|press(?:es)?|stretch\w*|fly|flies|exercises?|workouts?|day"
         r"|strap|straps|binder|hair|x ?ray)\b)|breastbone|sternum|heart(?! (?:rate|rates|disease|diseases"
         r"|failure|condition|conditions|problems?|health|surgery|attack|beat|rhythm|patients?)))\b")
CHEST_SYMPTOM = words(r"pains?", "painful", r"(?:sitting|standing|sat) on (?:it|me|my chest)", r"weight on", r"(?<!blood )pressure", r"tight\w*", r"heav\w*",
                      r"squeez\w*", r"crush\w*", r"hurts?", "hurting", r"aches?", "aching", "discomfort",
                      "burning", "stabbing", "sharp", "elephant", "vice", "band", "gripping", "killing",
                      "dying", r"constrict\w*")
CARDIAC = Category("cardiac", (
    # A tight chest that settles within minutes of slowing down is the familiar one of effort (or cold air).
    Unless(near(40, CHEST, CHEST_SYMPTOM), CHEST_SETTLES_ON_STOPPING),
    near(50, words("jaw", "left arm", "left shoulder"),
         words(r"spread\w*", r"radiat\w*", r"travel+\w*", r"(?:going|moving) (?:up|down|into)")),
    # A heart attack without chest pain, as women and people with diabetes often have it.
    Unless(near(80, words("jaw", r"between (?:my |his |her )?shoulder ?blades", "left arm"), CHEST_SYMPTOM,
                words(r"nause\w*", r"sweat\w*", "clammy", "grey", "gray", r"breathless\w*", "short of breath", "dizzy")),
           # The face's own nerve pain and teeth ache in the jaw.
           re.compile(words("trigeminal", r"neuralgia", "tmj", r"teeth", "tooth", "dentist"))),
    Unless(near(80, words("left shoulder", r"upper (?:belly|stomach|tummy|abdomen)"), CHEST_SYMPTOM,
                words(r"nause\w*", "clammy", "grey", "gray", "being sick", "cold sweat", "sweating buckets", "washed out")),
           re.compile(words("sleeping on", "menopause", "night sweats", r"sit ?ups?", "crunches", "rotator", "frozen shoulder",
                            r"when i (?:stand|get up)", "in the pool", r"swim\w*"))),
    re.compile(HAPPENING_NOW + r"(?:heart attack|cardiac arrest)\b"),
    # A weight on the body with the arm, jaw or sweat of a heart attack: "this pressure like someone sitting on me thats
    # still there, arm feels heavy".
    Unless(near(100, words(r"(?<!cats )(?<!cat s )(?<!bar )(?<!disc )(?:pressure|weight|heaviness|tightness|elephant)(?: \w+){0,3}"
                           r" (?:sitting|standing|sat|pressing|pushing|crushing) (?:on|down on) (?:me\b|my (?:chest|ribs"
                           r"|breastbone|sternum))"),
                words(r"arms?", "jaw", "shoulder", r"sweat\w*", "clammy", r"breath\w*", "sick", r"nause\w*", "still there",
                      r"wont (?:go|shift)", r"(?:not|isnt) (?:going|easing)")),
           CHEST_SETTLES_ON_STOPPING),
    # A racing or irregular heart is urgent when it comes with dizziness, faintness or chest symptoms, unless it settled
    # within minutes or on stopping (the effort of a workout).
    Unless(near(100, words(r"hearts? (?:is |was |keeps |(?:has |had )?been )?(?:racing|pounding|fluttering|skipping"
                           r"|jumping|beating (?:\w+ )?(?:fast|hard|irregular\w*|all over))", r"palpitations?"),
                words("dizzy", r"dizziness", "faint", r"light ?headed", "chest", r"breath\w*", r"sick", "nauseous",
                      r"sweat\w*")),
           CHEST_SETTLES_ON_STOPPING),
), whole_message=(
    # The same pain as before a stent or a heart attack, now: read in the whole message, where the stent is often told
    # as long ago ("had a stent put in two years ago and now hes got the same pain he had then").
    Unless(near(150, words("stent", "stents", r"heart attacks?", "bypass", "angina", r"cardiac arrest"),
                words(r"same (?:\w+ )?(?:pain|ache|pressure|tightness|feeling|heaviness) (?:as (?:before|last time|then)"
                      r"|(?:i|he|she|they) (?:had|felt) (?:then|before|back then|that time|with))"),
                words("now", "started", "again", "back", "today", "tonight", r"(?:minutes?|mins?|hours?) ago")),
           CHEST_SETTLES_ON_STOPPING),
))

# --- Breathlessness ---------------------------------------------------------------------
BREATH = words("breathe", "breath", "breathing", r"catch (?:my |his |her |your )?breath",
               r"get (?:my |enough )?(?:breath|air)")
BREATH_TROUBLE = words(CANT, r"(?:can|could)? ?barely", r"struggl\w*", r"fight\w*",
                       r"(?:hard|difficult|impossible) to", "trouble", "difficulty", r"problems?")
# "I get breathless walking uphill, is that normal?" asks about a familiar, everyday symptom.
ASKS_IF_NORMAL = r"(?!.*\b(?:is|isnt) (?:that|this|it) (?:normal|usual|ok|okay)\b)"
# "I get breathless on stairs" is a familiar, habitual symptom of exertion.
SHORT_OF_BREATH = not_after(*MILD, *NORMALITY_QUESTION, "i get", "i always get", "i usually get", "gets") + words(
    r"short(?:ness)? of breath", r"breathless\w*", r"gasp\w*"
) + ASKS_IF_NORMAL
# Breathlessness the writer says passed ("took 5 min to get my breath back") is the effort of a workout.
BREATH_CAME_BACK = re.compile(words(r"(?:got|get|getting|caught|catch|had) (?:my|his|her|their) breath back",
                                    r"(?:breathing|breath) (?:\w+ ){0,2}(?:back to normal|settled|fine|ok|okay)"))
BREATHING = Category("breathing", (
    # A blocked nose is not breathlessness.
    re.compile(BREATH_TROUBLE + r" (?:\w+ ){0,2}" + BREATH + r"(?! (?:through|out of) (?:my|the) nose)"),
    Unless(re.compile(SHORT_OF_BREATH), re.compile(
        f"{BREATH_CAME_BACK.pattern}|^(?!.*\\b(?:at rest|resting|sitting|lying|in (?:his|her|my|the) chair|in bed)\\b)"
        + SETTLES_ON_STOPPING.pattern)),
    re.compile(words("blue lips", r"lips (?:\w+ ){0,2}blue")),
    near(100, words(r"inhalers?", r"puffers?", r"nebuli[sz]ers?", "ventolin", "salbutamol", r"relievers?", "blue one"),
         words(r"(?:isnt|is not|not|doesnt|does not|didnt|did not|hasnt|has not|wont|arent) (?:\w+ )?(?:working|work|helping|help"
               r"|doing (?:anything|much|a thing)|touching it|making (?:a|any) difference)",
               r"(?:\d{2}|[5-9]|eight|ten|twelve|several|loads of|lots of) (?:puffs|times (?:in|within) (?:the last |an |one )?hour)",
               CANT + r" (?:finish|complete|get out|say) (?:a |my |full |whole )?(?:sentences?|words?)"),
         words(r"wheez\w*", r"breath\w*", "asthma", "chest", r"tight\w*")),
    re.compile(words(r"(?:gone|going|turned|turning) blue (?:round|around) (?:the |his |her |my )?(?:lips|mouth)")),
    re.compile(words(r"suffocat\w*", r"(?:stopped|not|isnt|arent) breathing")),
    # Out of breath at rest or for hours is never the effort of a workout; very out of breath is, when it settles.
    near(40, "out of breath", words("at rest", "resting", "sitting", "lying", "still", "wont go away",
                                    r"(?:not|isnt) going away", "doesnt go away", "for hours")),
    Unless(near(40, "out of breath", words("very", "really", "badly", "extremely", "completely", "rest")),
           SETTLES_ON_STOPPING),
))

# --- Severe allergic reaction (anaphylaxis) ---------------------------------------------------
AIRWAY_SIGN = words(r"wheez\w*", "short of breath", "out of breath", r"breathless\w*", CANT + r" (?:\w+ ){0,2}breathe?",
                    r"(?:hard|difficult|struggl\w*|trouble|problems?) (?:\w+ ){0,2}breath\w*", r"throat (?:\w+ ){0,2}tight\w*",
                    r"tight (?:\w+ )?throat", r"collaps\w*")
FAINT_SIGN = words("dizzy", "faint", r"light ?headed")
SWELLING = words(r"swell\w*", "swollen", r"puff\w* up", "puffy", r"closing(?: up)?")
FACE_SWELLING = words("face", "eyes", "eyelids") + r" (?:\w+ ){0,3}?" + not_after(*MILD) + SWELLING
HIVES = words("hives", "welts", r"rash\w*", r"itch\w* all over", r"blotch\w*")
ADRENALINE_PEN = r"(?:epi ?pens?|adrenaline(?: pen)?|auto ?injector|jext|emerade)"
# What starts one: a sting, a food, a new medicine.
ALLERGY_TRIGGER = words(r"stung", r"stings?", "bee", "wasp", "hornet", r"peanuts?", r"nuts?", "shellfish",
                        r"(?:new|first) (?:\w+ )?(?:tablets?|pills?|medicines?|medication|meds|dose|injection)",
                        r"antibiotics?")
ALLERGIC = Category("allergic", (
    # A swelling tongue, throat, lips or mouth closes the airway.
    near(50, words("tongue", "throat", "lips", "lip", "mouth"), SWELLING),
    # Hives with wheeze, faintness or a swelling face; a swelling face or wheeze after what starts one. A rash beside
    # swollen joints, a wasp sting's swollen ankle, a new tablet's dizziness or "a bit out of breath" is not.
    near(60, HIVES, not_after(*MILD) + "(?:" + AIRWAY_SIGN + "|" + FAINT_SIGN + ")|" + FACE_SWELLING),
    near(60, ALLERGY_TRIGGER, not_after(*MILD) + "(?:" + AIRWAY_SIGN + ")|" + FACE_SWELLING),
    # An adrenaline pen just used needs a hospital even when the reaction eases: it can come back within hours.
    re.compile(words(r"(?:just|had to|have just|ive just|i just|we just|she just|he just) (?:use|used|give|gave|jab"
                     r"|jabbed|inject|injected) (?:my|his|her|their|an?|the) " + ADRENALINE_PEN,
                     r"(?:used|gave|jabbed|injected) (?:my|his|her|their|the|an?) " + ADRENALINE_PEN
                     + r" (?:\w+ ){0,3}(?:today|tonight|just now|minutes? ago|an hour ago|this (?:morning|afternoon|evening))")),
))

# --- Fainting, collapse, seizure ------------------------------------------------------------
LOST_CONSCIOUSNESS = words(
    "fainted", "faints", "fainting", r"pass(?:ed|es|ing)? out", r"black(?:ed|s|ing)? out",
    "blackouts?", r"los(?:t|e|ing) consciousness", "unconscious", "unresponsive",
    r"keel(?:ed|s|ing)? over", r"(?:i|he|she|they|just|then|and|nearly|almost) collapsed",
    r"collapsed (?:on|at|in|while|when|during|after|and)", r"(?:having|had|just had) (?:a )?(?:seizure|fit)",
    r"(?:hes|shes|he is|she is|is|was|started|keeps|been) fitting(?! (?:in|into|exercise|it|them|my|the|a|some|new))",
    "seizing", r"convuls\w*", r"lights went out",
    r"(?:not|isnt|arent|stopped) (?:waking up|responding)", r"(?:wont|cant|doesnt) (?:wake up|respond)",
    r"cant wake (?:him|her|them)",
    r"(?:doing|giving|started|start|gave) (?:him |her |them )?cpr\b(?! (?:on (?:a |the )?(?:dummy|dummies|manikin|mannequin)"
    r"|training|course|class))", "chest compressions",
    r"(?:everything|vision|world|it all) (?:went|goes|going|turned) (?:black|dark|grey|gray)")
# Feeling faint for a moment on standing up is postural and familiar; fainting itself is not.
ON_STANDING = r"(?!.*\b(?:when|if|as|after) i (?:stand|get up|sit up|stood|got up)\b)"
ABOUT_TO_FAINT = (r"\b(?:feel|feels|feeling|felt|going to|about to|nearly|almost|might|could|think ill"
                  r"|like ill|like im going to) (?:\w+ ){0,2}" + not_after(*MILD) + r"faint\b(?! hearted)"
                  + ON_STANDING)
# Collapsing onto a sofa or into bed, tired out, is a figure of speech ("collapsed in a heap on the sofa after my
# spin class haha, shattered"); a collapse that is one has other signs beside it (not waking, not breathing).
FLOPPED = re.compile(r"\bcollapsed (?:in a heap )?(?:on|onto|into|in) (?:the |my |our |a )?(?:sofa|couch|settee|bed"
                     r"|armchair|recliner)\b")
TIRED_OUT = re.compile(words("shattered", "exhausted", "knackered", r"tired(?! of)", "wiped out", "worn out", "done in",
                             "pooped"))
# Signs beside a collapse that make it one, whatever else the message says.
COLLAPSE_SIGNS = re.compile(words(r"cant (?:get up|remember|wake|rouse|move)", r"eyes? (?:rolled|rolling)", "grey", "gray",
                                  "pale", "clammy", "floppy", r"jerk\w*", r"shak\w*", "fit", "fitting", r"seiz\w*", "blue",
                                  r"breath\w*", "chest", r"hit (?:his|her|my|their) head", r"respond\w*", r"answer\w*",
                                  "unconscious", r"(?:not|wont|isnt) wak\w*"))
FAINTING = Category("fainting", (
    re.compile(LOST_CONSCIOUSNESS), re.compile(ABOUT_TO_FAINT),
    # Someone who went down and came round confused: "she went white and dropped and now doesnt know what day it is".
    Unless(near(150, words(not_after("swelling", "temperature", "temp", "pain", "mood", "sugar", "sugars", "level", "levels",
                                     "it", "weight", "baby", "sun", "price", "score", "phone", "reading", "bp", "pressure",
                                     "number", "numbers", "fever")
                           + r"(?:dropped|went down)(?! (?:from|to|by|into|for|a|an|the|my|his|her|some|\d+)\b)",
                           r"keel\w*", "collapsed",
                           "went white", "went grey", "hit the (?:floor|ground|deck)"),
                words(r"(?:doesnt|does not|didnt|cant|couldnt|dont|did not) (?:know|remember|recogni[sz]e|tell (?:us|me))"
                      r" (?:what day|where (?:she|he|they|i) (?:is|was|am|are)|who (?:i|she|he|we) (?:am|is|are)"
                      r"|(?:her|his|my) (?:own )?(?:name|address)|what happened)", r"confus\w*", "talking rubbish",
                      r"not making (?:any )?sense", r"(?:not|isnt|hasnt been|wasnt) moving(?! (?:much|as much|a lot|enough"
                      r"|around|well)\b)",
                      r"(?:cant|can not|couldnt|could not) (?:feel|find|get) (?:a|his|her|their|any) pulse(?! (?:in|on) )",
                      "no pulse(?! (?:detected|sensor|reading))")),
           re.compile(words(r"dementia", r"alzheimer\w*"))),
))

# --- Stroke: face, arm, speech, one-sided weakness or numbness --------------------------------
FACE = words("face", "mouth", "smile", "lips?", r"eye ?lids?")
DROOP = words(r"droop\w*", r"dropp\w*", "dropped", r"sag\w*", "fallen", "lopsided", "crooked", "uneven", "wonky",
              "gone funny", "one sided", "slipped",
              "slanted", r"(?:wont|cant|doesnt) move", r"paraly[sz]\w*", "frozen", r"twist\w*")
SPEECH_LOSS = words(
    r"slurr\w*",
    r"(?:speech|words|voice|talking|speaking) (?:\w+ ){0,3}(?:garbled|jumbled|slurred|strange|weird"
    r"|funny|wrong|muddled|messed up|gibberish|nonsense)",
    # "I can't talk to my doctor" is not a speech problem.
    CANT + r" (?:speak|talk)(?! to| with| about| of)",
    r"(?:trouble|difficulty|problems?|struggling) (?:speaking|talking|getting (?:my |the )?words out)",
    r"cant get (?:my |his |her |their |the )?words out", r"talking (?:gibberish|nonsense)",
    # Lay descriptions: "talking like he's drunk", "his words come out wrong".
    r"(?:talking|talks|speaking|sounds|sounding) (?:\w+ )?(?:like|as if) (?:\w+ ){0,2}drunk",
    r"words (?:\w+ ){0,4}(?:wrong|jumbled|mixed up|muddled|backwards)",
    r"what (?:i|he|she|they) (?:say|said|says) (?:\w+ ){0,2}(?:comes?|came|coming) out (?:\w+ ){0,2}(?:wrong"
    r"|jumbled|garbled|muddled|funny|weird|slurred|mixed up)")
WEAK_OR_NUMB = words(r"weak\w*", r"numb\w*", r"paraly[sz]\w*", CANT + r" (?:move|lift|feel|use)",
                     "limp", "dead", "floppy", "no feeling", "gave way")
# Half the body or face, not one side of a foot or muscle ("weak glutes on one side").
ONE_SIDE = words(r"(?:one|left|right) side of (?:my |his |her |the )?(?:body|face)",
                 r"(?:my|his|her|whole|the whole) (?:left|right) side",
                 r"half (?:of )?(?:my |his |her |the )?(?:body|face)",
                 r"(?:weak|numb)\w* (?:all )?(?:on|down) (?:one|1|my left|my right|the left|the right)"
                 r" side(?! of)")
LIMB = words("arms?", "legs?", "hands?", "face", "side", "body")
# One arm, hand or leg named by its side and failing: a stroke sign with a changed face (speech alone is one
# already), not alone: a numb right hand is often the wrist's nerve.
SIDED_LIMB = words(r"(?:my|his|her|their|\w+s) (?:right|left) (?:arm|hand|leg|side)")
LIMB_FAILING = WEAK_OR_NUMB + "|" + words(CANT + r" (?:\w+ )?(?:grip|hold)", "not working", "heavy",
                                          r"(?:isnt|wont|doesnt) (?:\w+ )?work\w*", "not (?:mine|hers|his|theirs)",
                                          r"(?:dont|doesnt) belong")
FACE_CHANGED = words(r"(?:mouth|face|lips?|cheek|smile) (?:\w+ ){0,3}(?:numb\w*|lower|droop\w*|lopsided|dropp\w*"
                     r"|wonky|crooked|sagg\w*)", r"corner of (?:\w+ )?mouth")
STROKE = Category("stroke", (
    near(40, FACE, DROOP),
    near(150, SIDED_LIMB, LIMB_FAILING, FACE_CHANGED),
    # Slurred after drink is the drink.
    Unless(re.compile(SPEECH_LOSS), re.compile(words(r"(?:after|with) (?:\w+ ){0,3}(?:wine|beers?|pints?|drinks|glasses|vodka"
                                                   r"|gin|whisky|alcohol|booze)", r"when (?:im|i am|hes|shes|he is|she is) drunk"))),
    near(50, ONE_SIDE, WEAK_OR_NUMB),
    near(60, SUDDEN, WEAK_OR_NUMB, LIMB),
    # Face and arm together (the "F" and "A" of FAST).
    near(40, words("face"), words("arms?", "hands?", "legs?"), WEAK_OR_NUMB),
    near(40, SUDDEN, words(r"(?:loss of|lost|losing) (?:the |my |all |all the |all my )?(?:vision|sight)", r"blind\w*", r"confus\w*",
                           "double vision", "seeing double", "cant see", r"(?:vision|sight) (?:\w+ ){0,2}(?:loss|lost|gone|went)")),
    # Seeing double while the walk veers (the brainstem's stroke), however it began.
    near(80, words("double vision", "seeing double", r"seeing (?:two|2) of (?:every|each)\w*"),
         words(CANT + r" walk (?:in a )?straight(?: line)?", r"veer\w*", r"stagger\w*", r"(?:lost|losing|lose) (?:my |his |her )?balance",
               r"(?:falling|leaning|pulling) (?:over )?to (?:one|the) side")),
    re.compile(HAPPENING_NOW + r"(?:mini |small )?(?:stroke|tia)\b"),
))

# --- Sudden severe ("thunderclap") headache ---------------------------------------------
HEAD_PAIN = words(r"headaches?", "head pain", r"pain in (?:my |the )?head",
                  r"head (?:is |was )?(?:exploding|pounding|splitting)",
                  r"(?:pain|ache|hurt\w*|explo\w*|bang|hit|struck|whacked) (?:\w+ ){0,3}(?:in |at |to |on )?the back of (?:my |his |her |the )?"
                  r"(?:head|skull)")
WORST_OR_SUDDEN = words("worst", r"thunder\w*", r"explo\w*", r"sudden\w*", "all of a sudden",
                        "out of nowhere", "out of the blue", "all at once",
                        r"like (?:being|i was|id been|getting) (?:hit|struck|kicked|smacked)",
                        r"like an? (?:bolt|bomb|gunshot|hammer|lightning|explosion)",
                        r"(?:10|ten) out of (?:10|ten)", "never had (?:one|a headache|anything) like",
                        r"(?:in|within) (?:a few )?seconds", r"instant\w*")
TEMPERATURE = ("fever", "feverish", "high temperature", "a temperature", r"high temp\w*")
HIGH_TEMPERATURE = words(*TEMPERATURE, r"temp\w* (?:\w+ ){0,2}(?:3[89]|4[01]|10[1-5])(?:c|f)?")
# Meningitis: a headache with fever and a neck that won't bend, or a rash that doesn't fade under a glass.
# Light that hurts is left out: a migraine or the flu has that too.
MENINGISM = words(r"stiff (?:\w+ )?neck", r"neck (?:\w+ ){0,2}(?:stiff\w*|wont bend|rigid)",
                  CANT + r" (?:\w+ ){0,2}(?:bend|move|turn|tilt|put) (?:\w+ ){0,3}(?:neck|chin)",
                  r"rash (?:\w+ ){0,4}(?:glass|fade\w*)")
HEADACHE = Category("headache", (Unless(near(50, HEAD_PAIN, WORST_OR_SUDDEN),
                                        # Neuralgia's sudden shooting pains are the nerve, not a bleed.
                                        re.compile(words(r"neuralgi\w*", r"shooting", "zaps?", "electric",
                                                         "worst hangover"))),
                                 near(120, HEAD_PAIN, HIGH_TEMPERATURE, MENINGISM)))

# --- Cauda equina: bladder/bowel control or saddle numbness, with back pain ---------------------
LOST_CONTROL = words(
    r"(?:lost|losing|lose|loss of|trouble|difficulty|" + CANT + r") (?:\w+ ){0,3}(?:bladder|bowels?)",
    r"no (?:\w+ ){0,2}control (?:of|over) (?:my )?(?:bladder|bowels?)", r"no (?:bladder|bowel) control",
    CANT + r" feel (?:\w+ ){0,6}(?:toilet|pee|wee|urinate)",
    r"(?:bladder|bowels?) (?:\w+ ){0,2}(?:gone|stopped working|gave way|let go|accidents?)",
    r"accidents? (?:with|from|of) (?:my |his |her |their )?(?:bladder|bowels?)",
    # Not the leak of a jump or a cough that many have after childbirth.
    r"leak\w* (?:\w+ ){0,2}(?:urine|wee|pee|poo)(?! (?:\w+ )?when i (?:jump|cough|sneeze|laugh|run|lift))",
    r"(?:urine|wee|pee) (?:is |keeps )?leak\w*",
    r"accidents? (?:\w+ ){0,2}(?:where|when|without) (?:i|he|she|they) (?:didnt|did not|couldnt|could not)?"
    r" ?(?:feel|notic\w*|realis\w*|realiz\w*)",
    # "but" ends a clause, so the joined text reads "needed to go nothing came".
    r"(?:need|needed|needing|felt like i needed) to (?:go|pee|wee) (?:but )?(?:nothing|it wouldnt|i couldnt)",
    r"(?:wet|peed|pissed|soiled|pooed|pooped|messed) (?:my ?self|my pants|my trousers|the bed)",
    r"incontinen\w*",
    r"(?:trouble|difficulty|struggl\w*|cant|can not|couldnt|hard to|not able to) (?:\w+ )?(?:start\w*|get\w*) (?:a )?(?:wee|pee"
    r"|wees|pees|peeing|weeing|urinat\w*|my stream|the flow)\b(?! (?:in|on)\b)",
    CANT + r" (?:pee|wee|urinate|pass urine|pass water|empty my bladder)",
    r"(?:cant|can not|couldnt|could not|can barely|can hardly|(?:dont|do not) think i can) hold (?:\w+ ){0,2}"
    r"(?:wee|pee|urine|poo|bladder|bowels?|it in)",
    r"(?:didnt|did not|couldnt|could not|never) make it (?:\w+ ){0,2}(?:to )?(?:the )?(?:loo|toilet|bathroom|lav\w*)")
BACK_OR_SPINE = words("back", "spine", "spinal", "sciatica", "lumbar", "disc", "disk", "slipped",
                      r"herniat\w*", r"sudden\w*", r"both (?:my |his |her )?legs",
                      r"legs? (?:\w+ ){0,2}(?:numb\w*|weak\w*|gave way)")
NUMB = words(r"numb\w*", "no feeling", CANT + r" (?:\w+ )?feel", r"tingl\w*", "pins (?:and )?needles", "dead")
SADDLE_AREA = words("saddle", "groin", r"genitals?", r"genital area", "private parts", "privates",
                    "private area", "bum", "buttocks", "butt", r"bottom(?! of)", "backside", "anus",
                    "back passage", "between my legs", "down there", r"inner thighs?", "crotch", "perineum",
                    "vagina", "penis", "down below", r"wip(?:e|ed|es|ing)")
# Numb from sitting, gone on getting up: the pressure of a hard chair ("bum goes numb at my desk, fine when i stand").
GONE_ON_MOVING = re.compile(words(
    r"(?:fine|ok|okay|normal|goes away|go away|went away|wears off|wore off|gone|better|comes back|came back) (?:\w+ ){0,2}"
    r"(?:when|once|as soon as|after|if) (?:i|he|she|they|we) (?:stand|stood|get up|got up|get off|got off|move|moved"
    r"|walk|walked)"))
CAUDA_EQUINA = Category("cauda_equina", (
    # Not a shy bladder, a sample on demand or a child's potty.
    Unless(near(150, LOST_CONTROL, BACK_OR_SPINE), re.compile(words("shy bladder", "paruresis", r"(?:urine|wee|pee) sample",
                                                                  r"potty\w*", r"public (?:loo|toilet)s?",
                                                                  r"when (?:anyone|someone|people) (?:is|are) (?:nearby|around)"))),
    # A numb groin alone is usually a long ride or long sitting; with back pain it is a red flag.
    Unless(near(200, NUMB, SADDLE_AREA, BACK_OR_SPINE + "|" + LOST_CONTROL), GONE_ON_MOVING),
    re.compile(words(r"saddle (?:numb\w*|anaesthesia|anesthesia)")),
))

# --- Diabetic foot: hot/red/swollen foot (infection, Charcot) or an infected wound ------------
FOOT = words("foot", "feet", "toes?", "ankles?", "heels?", "soles?", "legs?", "calf", "calves",
             "shins?", "instep", "arch")
SWOLLEN = words("swollen", r"swell\w*", "puffy", "puffed up", "inflamed")
# Hot only when it describes the body ("feels warm", "hot and swollen"), not a pool or a bath.
HOT = (r"\b(?:(?:is|are|feels?|felt|feeling|looks?|got|gets|getting|gone|went|turned|very|really|so|quite"
       r"|and|also|too|burning|swollen|red) (?:hot|warm|warmer|hotter)|(?:hot|warm|warmer|hotter) (?:and|to the touch"
       r"|red|swollen|foot|feet|toes?|ankles?|legs?|calf|skin|spot|patch|area))\b")
RED = words("red", "redness", "reddish", "purple", "angry")
# Not a patient discharged: "the surgeon discharged me", "was discharged from physio" (a wound "was discharging").
INFECTION_SIGN = words("pus", r"ooz\w*", r"discharg(?!ed\b)\w*",
                       r"(?<!was )(?<!got )(?<!been )(?<!were )(?<!being )discharged(?! (?:me|him|her|them|us|my ?self|him ?self"
                       r"|her ?self)\b| from (?:the )?(?:hospital|clinic|physio\w*|care|ward|podiatry|service))", "weeping", r"spreading (?:redness|red)",
                       r"redness (?:is )?spreading", r"red (?:streaks?|lines?)", r"streaks?",
                       r"gangren\w*", "infected", r"(?:skin|toes?|foot) (?:\w+ ){0,2}(?:black|blackened)",
                       r"(?:going|gone|turned|turning|went) (?:(?:a|all|really|very|quite|dark|bit|blue|purple|kind of) ){0,3}"
                       r"black(?!ened toenails?| toenails?)")
FEVER = words(*TEMPERATURE, "chills", r"shiver\w*", "rigors")
WOUND = words(r"wounds?", r"ulcers?", r"(?:a|the|my|this|that) (?:\w+ )?(?:cut|sore|blister|graze|scratch"
              r"|puncture|bite)", "blisters", "cuts", "sores", "ingrown")
SMELL = words(r"smell\w*", r"stink\w*", "foul")
DIABETIC_FOOT = Category("diabetic_foot", (
    near(60, FOOT, SWOLLEN, HOT + "|" + RED),
    near(60, FOOT, INFECTION_SIGN),
    # Toes or a foot turned blue or dusky and cold: the blood supply, not the nerves.
    Unless(near(80, words(r"(?:gone|turned|turning|went) (?:(?:a|all|really|very|quite|dark|bit|kind of) ){0,3}(?:blue|black"
                         r"|dusky|mottled|grey|gray)"), FOOT,
                words("cold", r"(?:not|wont|isnt|arent) (?:\w+ )?warm\w*", "icy", "freezing")),
           re.compile(words(r"raynauds?"))),
    near(80, FOOT, FEVER, f"{SWOLLEN}|{HOT}|{RED}"),
    near(60, WOUND, f"{INFECTION_SIGN}|{FEVER}|{SMELL}"),
    near(60, WOUND, RED, SWOLLEN + "|" + HOT),
))

# Who a question about means is about ("my dad", "a person").
SOMEONE = r"(?:you|u|someone|somebody|a person|people|anyone|i|he|she|they|(?:my|a|your|his|her|their) \w+)"
# Medicines as people name them, and what they come in: the means of an overdose, taken or asked about.
# Glucose tablets treat a low: "took 4 glucose tablets" is the nurse's advice, not an overdose.
MEDICINE = words(*DRUG_NAMES, "oxy", "xanax", "insulin", "sleeping pills", r"pills?",
                 not_after("glucose", "dextrose", "sugar", "dextro") + r"tablets?", "meds",
                 r"medications?", r"medicines?", r"pain ?killers?", r"capsules?", r"patch(?:es)?",
                 r"doses?", r"(?:box|packet|bottle|strip|pack|blister pack)s?")

# --- Suicide and self-harm ----------------------------------------------------------------------
SELF = r"(?:my ?self|me self)"
# Someone else's self, where the words can only be self-harm ("cutting himself", "wants to hurt herself"): not in
# idioms ("cutting himself some slack", "shooting himself in the foot", "burnt herself with the iron" on numb hands).
ANYONES_SELF = r"(?:my ?self|me self|him ?self|her ?self|them ?selves?)"
# Someone's death: "my wife died", "lost my dad", "since the funeral".
BEREAVED = words(r"died", r"passed (?:away|on)", r"lost (?:my|our|his|her|their) (?:late )?(?:wife|husband|partner|mum|mom"
                 r"|mother|dad|father|son|daughter|child|baby|brother|sister|friend|nan|gran|grandma|grandad)",
                 r"funerals?", r"bereave\w*", r"widow\w*")
SELF_HARM = r"self ?(?:harm\w*|injur\w*)"
STUDIED = (r"(?:for|doing|writing|on|in) (?:a |an |my |our |the )?(?:uni |university |college |school |class |psychology "
           r"|nursing |medical |sociology |research )?(?:project|course|coursework|essay|assignment|dissertation|thesis"
           r"|presentation|module|lecture|seminar)")
# Words that bring self-harm from the coursework to someone: "doing an essay on it because i've been doing it myself".
DISCLOSED = words(r"my ?self", r"(?:ive|i have|been) (?:been )?doing it", r"i do it", r"(?:my|her|his) (?:arms?|legs?"
                  r"|wrists?|thighs?)", r"cuts?", r"relaps\w*", "worse", "again", "last night", r"bleed\w*", r"scars?",
                  r"urges?")
# After a death, wanting to be with the one who died: "lost my wife last year, i just want to be with her again".
# Read in the whole message: a death told as long past still gives its meaning to the wish told now.
JOINING_THE_DEAD = near(150, BEREAVED, words(r"(?:be|being) with (?:him|her|them) (?:again|soon)",
                                             r"(?:want|wanna|going|ready|need|long\w*) to be with (?:him|her|them)"
                                             r" (?:now|tonight|tomorrow|this (?:weekend|week)|next (?:week|weekend))\b"
                                             r"(?! (?:at|for|to|in|on)\b)",
                                             r"join (?:him|her|them)", r"follow (?:him|her|them)",
                                             r"(?:go|going|went) the same way", r"do (?:the same|what (?:he|she|they) did)"))
# A question of how much it takes (height, speed, strength, number), a means, and a death as the answer: "how high
# does a fall need to be so you dont survive it", "what speed would a car need to hit a wall for it to be instant".
LETHALITY_QUESTION = words(r"how (?:high|far|fast|strong|deep|long|big|many|much|hard|tall|heavy|quick|cold|hot)",
                           r"(?:which|what) (?:floor|storey|story|height|speed|drop|dose|amount|number)")
# An impact, and "instant": "what speed would a car need to hit a wall for it to be instant".
IMPACT = words(r"falls?", r"drops?", r"jump\w*", "height", r"floors?", r"bridges?", r"buildings?", r"cliffs?", r"cars?",
               r"walls?", r"trains?", "sea", r"rivers?", r"canals?", r"lakes?")
MEANS = (IMPACT + "|" + words(r"storeys?", r"roofs?", "speed", r"ropes?", r"belts?", r"noose", r"hang\w*", r"cut\w*",
                              r"veins?", r"wrists?", r"water", r"drown\w*", "gas", r"knife", r"blades?") + "|" + MEDICINE)
DEATH_OUTCOME = words("die", "dies", "fatal", "lethal", "deadly", "unsurvivable",
                      r"kill (?:you|u|someone|somebody|a person|an adult|him|her|them|my ?self|your ?self)",
                      r"(?:would|will|could|to) (?:\w+ )?kill me",
                      r"(?:not|never|dont|wont|doesnt|didnt|couldnt|cant) (?:\w+ )?survive",
                      r"(?:never|not|dont|doesnt|wont|wouldnt|didnt) (?:wake|woke|waking) up(?! (?:for|till|until|before"
                      r"|in time)\b)", r"(?:guaranteed|certain) death",
                      "bleed out", r"(?:you|u|someone|a person|i|they) (?:\w+ )?go (?:peacefully|painlessly)",
                      r"so (?:that )?(?:you|u|someone|a person|i|they) (?:\w+ )?go (?:quickly|quick|fast)",
                      r"(?:dont|doesnt|wont|never) come back (?:out|up)",
                      r"finish (?:someone|somebody|me|him|her|them|you|a person) off")
# Warning signs that are ordinary alone and alarming together: two of these, or one beside a weaker sign.
FAREWELL_SIGNS = (
    words(r"(?:sorted|sorting|sort out|sorted out|put in order|putting in order|finished|updated|updating|made|making"
          r"|wrote|writing|written) (?:out )?(?:all )?(?:of )?(?:my |his |her |their )?(?:will|affairs|life insurance"
          r"|funeral (?:plans|arrangements))", r"(?:put|putting|got|getting) (?:all )?(?:my|his|her|their) affairs in order"),
    words(r"(?:giv\w*|gave|hand\w*) (?:away|out) (?:all )?(?:of )?(?:my|his|her|their) (?:\w+ )?(?:things|stuff|belongings"
          r"|possessions|clothes|books|tools|guitar|dog|cat|jewel\w*|records|collection|bike)",
          r"(?:gave|given|giving|handed|handing) (?:all |most )?(?:of )?(?:my|his|her|their) (?:\w+ ){0,2}(?:things|stuff"
          r"|belongings|possessions|clothes|books|tools|guitar|jewel\w*|records|collection|bike|mats|kit|gear) away\b",
          r"(?:gave|given|giving|handed|handing) (?:\w+ )?(?:my|his|her|their) (?:\w+ )?(?:medals|wedding ring|rings?|watch"
          r"|jewel\w*) (?:\w+ ){0,3}(?:to|away)\b"),
    words(r"(?:apologis\w*|apologiz\w*|sorry) (?:\w+ ){0,4}for (?:everything|whats coming|what is coming"
          r"|what (?:i|im|hes|shes) (?:about|going) to)"),
    words(r"(?:youll|you will|theyll|they will|\w+ will) (?:all )?(?:understand|know why) (?:soon|one day|eventually)"),
    words(r"(?:tying|tie|tied) up (?:all )?(?:the |my )?loose ends"),
    words(r"(?:funeral|cremation) (?:is |all )?(?:paid|planned|sorted|arranged)", r"paid (?:for )?my funeral",
          r"paid off (?:all )?my debts?"),
    words(r"(?:im|i am|i feel|hes|he is|shes|she is|theyre|they are) ready (?:now|to go)\b(?! (?:back|out|home|on|for|to"
          r"|again|with|\w+ing)\b)"),
    words(r"(?:gave|given|giving) (?:my|his|her) (?:dog|cat|pets?) to"),
    words(r"thank you (?:and|for everything) (?:\w+ )?goodbye", r"thank you for (?:everything|trying)"),
    words(r"look after (?:\w+ ){0,3}for me when"),
    words(r"(?:said|saying|say) goodbye to (?:everyone|everybody|them all|(?:my|the) (?:family|kids|children|wife"
          r"|husband|partner|friends))"),
    # The means at hand, and the letter written: "decided im done. have the means", "the letter is written".
    words(r"(?:have|got|has) the means\b(?!(?: \w+){0,2} (?:to|of|for)\b)"),
    words(r"(?:the|my) (?:letter|note) is (?:all )?(?:written|done|ready)\b(?! up)"),
)
# Weaker signs: alarming with one of the above, beside despair, or three together ("everyone would be better off, im
# a weight round their necks and ive worked out how to fix that").
WEAK_FAREWELL_SIGNS = (
    words(r"(?:had|has had|hes had|shes had|ive had) a good (?:innings|life)", r"made (?:my|his|her|their) peace"),
    words(r"(?:made|reached) (?:my|his|her|their) (?:final )?(?:decision|choice)\b(?! (?:about|on|to|re)\b)"),
    words(r"(?:wont|will not|not going to) be (?:around|here) (?:for|at|to see) (?:the|my|his|her|next|christmas)",
          r"(?:says|said|told \w+) (?:hes|shes|he|she) (?:wont|will not) be (?:here|around)\b(?! (?:for|on|at|next|this)\b)"),
    words(r"(?:a|such a|just a) (?:burden|drain|millstone) (?:round|around|on|to|for)",
          r"(?:a|such a|just a) weight (?:round|around) (?:their|his|her|your|everyones) necks?"),
    words(r"(?:everyone|everybody|they|my family|the kids|my kids) (?:would|will|d) (?:all )?be better off\b(?! (?:if|when|once"
          r"|with)\b)"),
    words(r"(?:worked|figured|found|sorted) out (?:how|a way) to (?:fix|end|sort|solve|stop) (?:that|this|it|everything)"
          r"\b(?! (?:with|by|for)\b)"),
    words(r"decided (?:that )?(?:im|i am|hes|shes) done\b(?! (?:with|for) (?:the|this|that|my|today|physio|exercis\w*|gym"
          r"|running|yoga|walking)\b)(?! for (?:the|to)day)"),
    words(r"(?:need|needs|find|get|getting|got|have|had) (?:\w+ ){0,2}(?:the )?courage(?! (?:up )?to (?:ask|go|try|start|tell"
          r"|see|talk|exercise|get back|book|join))"),
    words(r"(?:help|helping) (?:me|him|her|them) (?:to )?(?:finish|end) (?:it|things|my life|his life|her life)\b(?! off)"),
    words(r"(?:hes|shes|he is|she is|been|im|ive been|i am) refus\w* (?:all )?(?:food|fluids|to eat|to drink)"),
    words(r"(?:nobody|no one|noone|no body) (?:has|will have|needs|will need) to (?:deal with|worry about|look after|put up with"
          r"|care for) (?:me|him|her)\b(?! (?:since|now that|because)\b)"),
    words(r"none of (?:it|this|that) (?:will|is going to) matter\b(?! (?:as much|more|if)\b)"),
)
ANY_FAREWELL_SIGN = "|".join(FAREWELL_SIGNS)
ANY_WEAK_FAREWELL_SIGN = "|".join(WEAK_FAREWELL_SIGNS)
# Despair beside a weaker sign: "no point giving me more exercises", "wants to go tonight".
DESPAIR = words("had enough", r"cant (?:go on|do this any ?more|take (?:it|this) any ?more)", "no point", "whats the point",
                "end it", "tonight", "for good", r"(?:give|giving|gave) up on", "no way out", "hopeless",
                r"wants? to go\b(?! (?:to|back|home|out|for|swimming|walking)\b)")
# A firearm, not a tool called a gun ("massage gun", "glue gun").
FIREARM = (not_after("massage", "glue", "nail", "heat", "staple", "water")
           + r"(?:gun|pistol|rifle|shotgun|firearm)")
# Said as a plan: "im just going to walk into the canal".
ABOUT_TO = (r"(?:going to|just going to|ill just|i will just|might just|could just)"
            r" (?:walk|jump|step|throw my ?self|drive)")
# What one would "rather die than" do, when it is a dislike: "id rather die than do another burpee" (the suicide
# rules and the semantic layer's figures of speech read it alike).
CHORE_VERB = (r"(?:do|doing|go to|going to|go back (?:in|into|to)|get (?:back )?(?:in|into)|set foot in|sit through|try|trying"
              r"|eat|eating)")
CHORE_OBJECT = r"(?:another|more|a|an|the|that|those|any)\b"
SUICIDE = Category("suicide", (re.compile(words(
    # "kms" alone is usually kilometres.
    # Not a death by suicide told of someone else ("my friend died by suicide"), nor the subject in general.
    not_after("not", "never", "never been", "wasnt", "isnt", "am not", "im not", "died by", "die by", "dies by")
    + r"suicid\w*(?! (?:risk|rates?|statistics|stats|research) (?:in|among|for|of|with)\b)",
    # Not the effort of a workout: "im killing myself doing 10k steps a day".
    r"kill(?:ing)? " + SELF + r"(?! (?:doing|trying|over|at (?:the gym|work)|to (?:get|finish|keep up|make))\b)",
    r"(?:going to|want to|about to|might|should) kms",
    r"unalive\w*",
    r"end(?:ing)? (?:it all|my life|my own life|everything|myself)", r"finish(?:ing)? (?:it all|my life|my ?self)",
    r"tak(?:e|ing) my (?:own )?life",
    r"(?:want|going|plan\w*|ready|decided|thinking about|think about|thought about|tempted|considering)"
    r" (?:to )?end(?:ing)? (?:it|things)",
    r"want (?:it|everything) (?:all )?to end",
    # "I want the pain to stop" is ordinary; wanting everything to stop, or no longer coping, is not.
    r"want (?:it all|everything|all of it|life) to stop", r"(?:cant|can no longer|no longer able to) cope"
    r"(?: any ?more| with (?:life|anything|everything))",
    not_after("dont", "do not", "never") + r"(?:want|wish|ready|prefer) to die",
    r"wish i (?:was|were|could be) dead", "wish i could die",
    # "id rather die than do another burpee" is a dislike; "rather die than go on like this" is not.
    rf"rather (?:be dead|die)(?! than {CHORE_VERB} {CHORE_OBJECT})",
    r"wish i (?:wasnt|werent|was not|were not) (?:here|alive|born|around)",
    r"better (?:off )?(?:dead|without me|gone)", r"better off (?:when|once|after|if) (?:im|i am) (?:gone|dead|not here)",
    # Told as a plan for the near future: "this time next week ill be dead", "you wont hear from me again".
    r"(?:ill|i will|im going to) be dead\b(?! (?:tired|on my feet|beat|before|by the time)\b)",
    r"(?:ill|i will) be gone (?:soon|by|before)\b", r"(?:wont|will not) be alive\b",
    r"(?:wont|will not) be around (?:much longer|any ?more|to see)\b",
    r"(?:you|they|nobody|no one|noone) (?:wont|will not|will never|will) (?:ever )?hear from me again",
    r"(?:not|wont|no longer) (?:be )?(?:a|any) (?:problem|burden|bother) (?:for|to) (?:anyone|anybody|you|them|everyone)"
    r" (?:any ?more|much longer)",
    r"(?:not planning on|dont plan on|not going to be|dont expect to be) (?:being )?(?:around|here|alive)"
    r" (?:much longer|for long|any ?more)",
    r"(?:im|i am) (?:so |just |completely |totally )?(?:done|finished) with (?:everything|it all|life|living|being alive)"
    r"\b(?! (?:for|today|now that)\b)",
    # Last words: "this is the last message ill send", "my wife will find the letter tomorrow".
    r"(?:this is|its|this will be) (?:my|the) last (?:message|post|time i (?:write|message|post))",
    r"last (?:message|post) (?:ill|i will|im going to) (?:ever )?(?:send|write|post)",
    r"(?:will|ll) find (?:the|my) (?:letter|note)s?\b",
    r"(?:calm|peace|peaceful|relieved|relief) (?:\w+ ){0,4}(?:now that|since|because) (?:\w+ ){0,3}(?:decided|made up my mind"
    r"|(?:have|got) a plan)",
    r"(?:want|wish|like|rather|going) to (?:stop existing|not exist|cease to exist|disappear)(?! from)",
    r"wish i (?:didnt|did not) exist", r"disappear (?:forever|for good|permanently)",
    r"want (?:it|this|everything|life|it all) (?:all )?(?:to be )?over(?! with)",
    r"(?:no|not any|nothing|no more|zero) (?:\w+ )?(?:reason|point|purpose) (?:to|in|for) (?:live|living"
    r"|life|going on|carrying on|being alive|being here|waking up)",
    r"(?:whats|what is) the (?:point|use) (?:in|of) (?:living|life|going on|carrying on|being alive"
    r"|being here)",
    r"(?:cant|cannot|dont|do not) see (?:a |any )?(?:reason|point) (?:to|in|of) (?:carry\w* on|go\w* on|liv\w*|keep\w* going"
    r"|be\w* here)", r"(?:no|not any) (?:\w+ )?(?:reason|point) (?:to|in) carry\w* on",
    r"(?:worked out|found|know) how to make (?:it|this|the pain|everything) stop for good",
    r"nothing (?:left )?to live for", "not worth living", r"life (?:isnt|is not) worth (?:living|it)",
    r"(?:dont|do not|no longer) want to (?:live|be alive|be here|exist|wake up|go on)",
    # "I don't wake up at night any more" is good news; wishing not to wake up is not.
    # "and" ends a clause: the joined clauses read "sleep never wake up".
    r"(?:sleep|asleep) (?:and )?(?:never|not) (?:\w+ ){0,3}wake up",
    r"(?:hope|wish|want|pray) (?:that )?i (?:\w+ )?(?:never|dont|do not|wont|will not|wouldnt) wake up",
    # Only at the end or with "like this": "I can't go on walking that far" is about exercise.
    r"cant (?:go on|carry on|keep going)(?: like this| living| anymore| any more|$)",
    # Not "can't do it any more": that is usually an exercise.
    r"cant (?:take|handle) (?:it|this|life) any ?more",
    # Hurting oneself on purpose, or to feel something else: "I hit my legs with a hammer so I feel something".
    r"(?:hurt|harm|cut|injure|punish|burn|burnt|burned|hit|punch|bang|scratch|stab)(?:ing|ed|s)? (?:" + ANYONES_SELF
    + r"|my (?:own )?(?:legs?|arms?|wrists?|thighs?|head|skin|body|hands?|feet|stomach)) (?:\w+ ){0,4}(?:on purpose"
    r"|deliberately|intentionally|so (?:that )?i (?:can )?feel|to feel (?:something|anything)|to punish"
    r"|to distract)",
    # Hitting one's own body without end ("over and over" is read with its "and" gone: the clauses are joined).
    # (Not burning or scratching: numb feet burn on hot water unnoticed, and neuropathy itches.)
    r"(?:hurt|cut|hit|punch|bang|stab)\w* (?:" + ANYONES_SELF + r"|my own \w+) (?:\w+ ){0,2}(?:over"
    r" (?:and )?over|again (?:and )?again|(?:cant|can not) (?:make (?:my ?self|me) )?stop)",
    # A cut that went further than meant: "cut deeper than i meant to on my wrist".
    r"cut (?:" + SELF + r" |my (?:arms?|forearms?|wrists?|legs?|thighs?|skin|stomach) )?(?:deeper|too deep)",
    r"(?:burn|burning|burnt|burned)(?:s)? (?:" + SELF + r"|my (?:legs?|arms?|wrists?|thighs?|skin|hands?|feet|stomach))"
    r" (?:\w+ ){0,2}with (?:a |the |my )?(?:\w+ )?(?:lighter|cigarettes?|fags?|match(?:es)?|iron|candle|lighter flame"
    r"|straighteners|spoon|kettle)",
    r"(?:used|using|use|put|held|holding|pressed|pressing) (?:a |the |my )?(?:hot )?(?:lighter|cigarettes?|fags?|iron|spoon"
    r"|straighteners) (?:on|to|onto|against) my (?:arms?|legs?|wrists?|thighs?|skin|stomach)",
    r"(?:cutting|carving|carved|slicing|sliced|cut) (?:into )?(?:my|her|his|their) (?:own )?(?:arms?|forearms?|legs?|thighs?"
    r"|wrists?|stomach|skin) (?:\w+ ){0,3}with (?:a |the |my |her |his )?(?:\w+ ){0,2}(?:razors?|blades?|knife|knives"
    r"|scissors|compass|glass)",
    r"(?:hit|punch|slap|whack|smash|bash)\w* my ?self (?:\w+ ){0,5}(?:when|whenever|every time) (?:the )?(?:pain|it)\b",
    r"(?:slam|slamm|smash|crush|trap)\w* (?:my|his|her) (?:\w+ )?(?:hands?|fingers?|arms?|legs?|feet|foot|head) (?:\w+ ){0,4}"
    r"(?:on purpose|deliberately|to feel)",
    # A gun within reach that the writer keeps thinking about.
    r"(?:gun|pistol|rifle|shotgun|firearm)(?: \w+){0,10} (?:keep thinking|been thinking|think about (?:it|using)"
    r"|thinking about (?:it|using))",
    # "I hurt myself lifting" is an injury; wanting to hurt yourself is not.
    r"(?:want|wants|wanted|threaten\w*|trying|tried|going|urges?|tempted|thinking about|thought about|think about|feel like"
    r"|felt like|feeling like|plan\w*) (?:to )?(?:\w+ )?(?:hurt|harm|cut|injure|punish)(?:ing)? " + ANYONES_SELF
    + r"(?! (?:a|an|some|off|out|short|slack)\b)",
    r"(?:nobody|no one|noone) would (?:even )?(?:miss|care|notice)",
    r"(?:saving|saved|stockpil\w*|hoard\w*|collecting|collected|hiding|hidden|hid|stash\w*) (?:up )?(?:some of )?(?:my |her |his"
    r" |their |all my |all the |all her |all his )?(?:pills|tablets|meds|doses|painkillers|" + DRUG_ALTERNATIVES + ")",
    r"(?:stockpil\w*|hoard\w*|stash\w*) (?:them|these|those)",
    r"(?:putting|put|setting|set|keeping|kept|squirrel\w*|stash\w*) (?:\w+ ){0,2}(?:pills|tablets|meds|painkillers|"
    + DRUG_ALTERNATIVES + r") (?:\w+ ){0,2}(?:aside|away|by)\b",
    r"(?:wont|will not|not going to|wont be|shant) (?:be )?need(?:ing)? (?:them|it|these|those|any of (?:it|this|them)"
    r"|my \w+)(?! (?:for|on|if|until|during|when|after|while))",
    r"(?:wrote|written|writing|write|left|leaving) (?:\w+ ){0,2}(?:letters?|notes?) (?:to|for) (?:(?:my|the) (?:kids|children|family"
    r"|wife|husband|son|daughter|parents|mum|mom|dad|partner|girls|boys|grandchildren|loved ones)|everyone|everybody"
    r"|all of them)",
    # Knowing exactly what one will do, and when.
    r"(?:i|he|she) (?:know|knows) exactly what (?:im|i am|hes|shes|he is|she is) (?:doing|going to do) (?:\w+ ){0,2}"
    r"(?:tonight|today|this evening|this weekend|tomorrow|later)",
    # Said of someone else: "she's got a date to end her life".
    r"(?:end|ending|take|taking) (?:her|his|their) (?:own )?li(?:fe|ves)", r"took (?:her|his|their) own li(?:fe|ves)", r"kill(?:ing|ed)? (?:him|her|them)(?:self|selves)",
    r"(?:today|tonight|tomorrow|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r" (?:is|will be|feels like|could be|might be) the (?:day|night)",
    r"(?:want|wanted|wants|wish|wished|wishes) to (?:not|never) wake up",
    r"(?:sleep|go to sleep) (?:forever|(?:and )?not wake)", r"(?:no|dont see a|cant see a|there is no|theres no) way out",
    r"(?:tired|sick) of (?:living|being alive|life|existing)", r"done (?:i am |im )?with (?:living|being alive|life|existing)\b(?! room)", r"(?:give|giving|given|gave) up on (?:life|living)",
    r"(?:end|ending|finish|finishing) (?:my|this|it) (?:life|pain) (?:for good|forever|permanently)",
    r"(?<!skipping )(?<!jump )(?<!jumping )(?<!climbing )(?<!battle )(?:rope|noose|razor|blades?|bridge|ledge|train tracks)"
    r"(?: (?!(?:away|electric|shav\w*)\b)\w+){0,6} (?:ready|bought|got|found|waiting|tonight)",
    # Tablets set out to take: "tonight ive got the tablets all lined up on the kitchen table" (not a week's dosette).
    r"(?:pills|tablets|meds|painkillers|" + DRUG_ALTERNATIVES + r") (?:\w+ ){0,2}(?:lined up|laid out|counted out|set out)"
    r"(?! (?:in|into|for) (?:my |the |a |his |her )?(?:pill ?box|dosette|organi[sz]er|blister|week|days?)\b)"
    r" (?:\w+ ){0,3}(?:on (?:the|my) (?:\w+ )?(?:table|bed|bedside|counter|desk|floor)|in front of me|ready|tonight)"
    r"(?! (?:\w+ )?for (?:the |my |a )?(?:week|morning|mornings|tomorrow|collection|carer|nurse|days?)\b)",
    r"this (?:week|weekend|month|christmas|birthday|year) (?:is|will be|s) (?:my|his|her) last\b(?! (?:\w+ )?(?:of|on|at|in"
    r"|before|with|for|week|month|year|day|session|class|shift|term)\b)",
    # A gun taken out and held, again and again.
    FIREARM + r"(?!(?: \w+){0,6} (?:clay|range|shooting|hunting|club|wrong)\b)(?: \w+){0,4} (?:keep|kept|been)"
    r" (?:\w+ ){0,3}(?:holding it|taking it out|looking at it|picking it up|loading it)",
    r"(?:keep|kept|been) (?:taking|getting|picking) (?:\w+ ){0,3}" + FIREARM
    + r" out\b(?! (?:\w+ ){0,5}(?:clay|range|shooting|hunting|club))",
    # A wish to walk into water or traffic told as intent: "im just gonna walk into the canal".
    ABOUT_TO + r" (?:\w+ )?(?:into|off) (?:the |a )?(?:canal|river|sea|lake|reservoir|quarry|bridge|cliff)\b"
    r"(?! (?:\w+ ){0,5}(?:for|to) (?:\w+ ){0,5}(?:paddle|swim|dip|cool|splash|wade|bathe|photo|walk))"
    r"(?!.*\b(?:cold water|wild swim\w*|dip|paddle)\b)",
    ABOUT_TO + r" (?:\w+ )?in front of (?:a |the )?(?:traffic|train|bus|lorry|truck|car)\b",
    # Scratching or carving the arms with something sharp: "scratching her wrists with a compass point".
    r"(?:scratch|scor|dig|carv|slic|cut)\w* (?:into |at )?(?:my|her|his|their) (?:own )?(?:arms?|forearms?|wrists?"
    r"|thighs?|stomach|skin) (?:\w+ ){0,3}with (?:a |the |my |her |his )?(?:\w+ ){0,2}(?:compass\w*|safety pins?"
    r"|sharpeners?|blades?|razors?|glass|knife|knives|scissors)",
    # Hurting a part of the body on purpose or to feel something, whoever's it is: "scald my hands under the hot tap on
    # purpose", "bruising his shins with a cricket bat, says it helps him feel in control".
    r"(?:scald|bruis|burn|hit|whack|bash|smash|punch|cut)\w* (?:my|his|her|their) (?:own )?(?:hands?|arms?|legs?|shins?"
    r"|thighs?|wrists?|skin|feet|head|stomach) (?:\w+ ){0,7}(?:on purpose|deliberately|so (?:that )?(?:i|he|she|they)"
    r" (?:can )?feel (?:something|anything|alive|real|in control)|to feel (?:something|anything|alive|real|in control)"
    r"|helps? (?:me|him|her|them) (?:to )?feel (?:something|anything|alive|real|in control))",
    # Looking for a way out that is not relief: "whats the quickest way out of this pain, and i dont mean stretching".
    r"(?:quickest|surest|fastest|easiest|painless\w*) way out of (?:\w+ ){0,3}(?:i|and i) (?:dont|do not) mean",
    r"(?:got|have|bought|found) (?:a |the )?(?:rope|noose|razor blades?|blades?)(?! (?:for|to) (?:exercise|skipping|training))",
    r"(?:plan|plans|planned|planning) (?:to|how to|on) (?:end|kill|die|overdose|take)",
    # Means on the road: "thinking of driving into a wall tonight".
    r"(?:thinking (?:of|about)|want to|wanted to|going to|tempted to|urge to|could just|might just) (?:\w+ )?"
    r"(?:driv\w*|crash\w*|swerv\w*|steer\w*) (?:\w+ ){0,3}(?:into|off|in front of)",
    r"this is (?:my )?goodbye", r"(?:say|said|saying) goodbye (?:to everyone|for good|forever)",
    r"(?:sorted|sorting|put|putting|got) (?:out )?my (?:affairs|will|things) (?:in order|sorted)",
    r"cutting (?:again|my (?:arms?|wrists?|legs?|skin|thighs?))",
    r"(?:need|needs|urge|want|wanting|going|about|have) to cut (?:again|my ?self|tonight|now|so bad\w*)",
    r"(?:blades?|razors?|knife|knives) (?:\w+ ){0,3}(?:next to|beside|in front of|by) me",
    r"(?:bleed\w*|blood) (?:\w+ ){0,3}from what (?:i|he|she|they) did",
    # Injuring the body "until it bleeds" is deliberate, whatever the tool.
    r"(?:until|till) (?:it|they|i|my \w+) (?:start )?(?:bleeds?|bled|bleeding|bruises?|bruised|goes black|turns black"
    r"|broke|breaks)",
    # "I cut myself on a rock" is an accident; "cutting myself" and "cut myself again" are not.
    r"(?:i|im|ive|id|he|hes|she|shes|they|theyre|been|my|his|her|their|urges? to|start\w*|stop\w*) (?:\w+ ){0,2}?"
    + SELF_HARM, r"harm(?:ing)? " + SELF, r"harming " + ANYONES_SELF + r"(?! by)", r"cutting " + ANYONES_SELF + r"(?! (?:some slack|off|out|short|back|down)\b)",
    r"cut " + SELF + " again",
    r"(?:hang|shoot|drown|poison|stab|gas)(?:ing)? " + SELF, r"slit (?:my )?wrists?",
    # Not "jump off a cliff into a warm sea": that is cliff diving.
    r"jump (?:off|in front of) (?:a |the )?(?:bridge|building|train|roof|cliff)(?! into (?:a |the )?(?:\w+ )?(?:sea|pool"
    r"|lake|river|water))",
    # About to take them: "should I take all my pills before a walk?" is a routine question.
    r"(?:(?:going|want|about|plan\w*|tempted|ready) to (?:take|swallow)|(?:thinking|thought) (?:of|about)"
    r" (?:taking|swallowing)|considering (?:taking|swallowing)) (?:all|a lot of|too many|loads of|lots of"
    r"|a bunch of|the whole|a handful of) (?:of )?(?:my |the )?(?:pills|tablets|meds|medication|painkillers"
    r"|box|" + DRUG_ALTERNATIVES + ")",
    # Plans and farewells.
    r"(?:wrote|writing|write|left|leaving) (?:\w+ ){0,2}(?:goodbye|suicide|farewell) (?:notes?|letters?)",
    r"goodbye (?:notes?|letters?)", r"(?:said|saying) (?:my )?goodbyes?",
    r"giv(?:e|ing|en) (?:away )?(?:all )?(?:my|away my) (?:things|stuff|belongings|possessions)",
    r"(?:this|next|it) (?:is|will be|s) my last (?:week|day|night|weekend|month|christmas|birthday)",
    r"(?:wont|will not|not going to) be (?:around|here) (?:much longer|for long|next|by|after)",
    r"(?:plan\w*|going|intend\w*|expect\w*|hope|want|decided) (?:to )?not (?:to )?be (?:around|here|alive)",
    r"(?:im|i am|ive) (?:\w+ )?(?:plan\w*|going|intend\w*|decided|ready) to be (?:gone|dead)\b(?! (?:for|all|from)\b)",
    # "and" is gone from the joined clauses: "a plan and a date" reads "a plan a date".
    r"(?:a|the|my) plan (?:and )?(?:a|the) (?:date|day|time)(?! (?:for|of|after|before)\b)",
    r"(?:when|once|after) (?:im|i am) (?:not (?:here|around) any ?more|no longer (?:here|around|alive))(?! (?:at|in|for)\b)",
    r"(?:my|a) will (?:and )?(?:a|my|the) (?:goodbye )?(?:notes?|letters?)",
    r"(?:want\w* to|thinking (?:of|about)|tempted to|going to|urge to|could just|might just|plan\w* to|think about)"
    r" (?:\w+ )?(?:step\w*|walk\w*|throw\w* my ?self|jump\w*|lie|lying|lay) (?:\w+ ){0,3}?(?:in front of|under|into|on)"
    r" (?:a |the |an )?(?:\w+ )?(?:train|bus|lorry|truck|car|traffic|tram|tracks|railway line)",
    # "Nearly stepped out in front of a car" is a fall; nearly jumping is not.
    r"(?:nearly|almost|close to) (?:\w+ )?(?:jump\w*|threw my ?self|throw\w* my ?self) (?:\w+ ){0,3}?(?:in front of|under)",
    r"(?:nearly|almost|wanted to|want to|thinking of|thinking about|tempted to) (?:\w+ )?(?:step\w*|jump\w*) (?:off|out)"
    r" (?:\w+ ){0,5}(?:train|lorry|bus) (?:came|comes|goes|went|passed|passes)",
    r"(?:thinking|think|thought|tempted|want\w*|ill|i will|might|could) (?:\w+ ){0,2}(?:walk|wade|swim)\w* (?:out )?into"
    r" (?:the )?(?:sea|ocean|river|lake|water)",
    r"(?:im|i am|i feel like|feel like) (?:just )?a burden",
    # "I'm not safe right now"; "not safe on my feet" is balance.
    r"(?:im|i am|(?:dont|do not) feel) (?:not )?safe (?:with|around|from) (?:my ?self|me)",
    r"(?:im|i am) not safe (?:right now|tonight|anymore|any more|at the moment)", r"burden (?:to|on) (?:everyone|my|them|others)",
    # Questions about lethal amounts or means, however framed (a story, "hypothetically", for a friend).
    r"(?:lethal|fatal|deadly|toxic|killing) (?:dose|amount|quantity|number)",
    r"(?:amount|dose|much|many|quantity|which|what) (?:\w+ ){0,5}(?:would|will|could|might|is|be|are) (?:\w+ ){0,2}"
    r"(?:lethal|fatal|deadly|the most certain|most likely to kill)",
    r"how (?:many|much) (?:\w+ ){0,4}(?:would|will|does it take to|to|could|can|before it|before they)"
    r" (?:\w+ ){0,4}(?:kill|die|be (?:lethal|fatal|deadly)|stop (?:a|the|your|my|his|her) heart|od|overdose"
    r"|(?:not|never) (?:wake|woke) up)",
    r"enough (?:\w+ ){0,3}to (?:kill|die|not wake up|never wake up|end it)",
    r"before (?:it s|its|it is|it gets|it becomes|it would be|they are|theyre|they become) (?:\w+ )?(?:lethal|fatal|deadly)",
    r"(?:not|never) survive (?:the night|it|that)",
    r"to (?:go|die|pass away|slip away) (?:peacefully|quietly|painlessly|in (?:my|their|his|her) sleep)",
    r"(?:what|which) (?:height|distance|drop|floor|storey|story) (?:\w+ ){0,4}(?:kill|fatal|lethal|deadly|die|survive)",
    r"how (?:high|far|deep|tall|long|fast) (?:\w+ ){0,12}(?:fatal|lethal|deadly|to kill|to die)",
    r"(?:painless|easiest|quickest|fastest|best|surest|quietest) way to (?:die|kill|end it|go)",
    r"(?:use|used|using|uses) (?:them|it|these|those) to (?:die|kill (?:themselves|yourself|myself|himself|herself)"
    r"|end (?:their lives|their life))",
    r"(?:which|what) (?:floor|storey|story|height) (?:\w+ ){0,8}(?:high|tall) enough",
    r"how (?:to|do i|would i|could i|can i|would someone|could someone|do people) (?:kill (?:myself|themselves|someone)"
    r"|overdose|od|die)",
    r"(?:can|could|would|will) (?:you|someone|a person|i|he|she|people) (?:\w+ ){0,2}die (?:from|of|if) (?:\w+ ){0,4}"
    r"(?:too many|too much|taking|an overdose|overdos\w*|all|the whole|a whole|pills|tablets|meds|"
    + DRUG_ALTERNATIVES + ")",
    r"(?:what|which) (?:pills?|tablets?|meds|medications?|drugs?|medicines?) (?:\w+ ){0,4}(?:kill|killed|deadly|lethal"
    r"|fatal|to die|overdose on)",
    # Whether a medicine can kill or be fatal, or what too much of it does, asks about it as a means.
    r"(?:can|could) " + SOMEONE + r" (?:\w+ )?(?:overdose|od) on (?:(?:my|your|his|her|their|the) )?(?:\w+ ){0,2}?"
    + MEDICINE,
    r"(?:can|could|would|will|does|do) (?:\w+ ){0,5}?" + MEDICINE + r" (?:\w+ ){0,2}kill (?:you|u|someone|somebody"
    r"|a person|people|me|him|her|them|anyone)",
    r"what (?:(?:happens|would happen|will happen) (?:if|when)|if) " + SOMEONE + r" (?:\w+ )?(?:takes?|took|swallows?"
    r"|swallowed|has|had|ate|eats) (?:way )?(?:to{1,2} (?:much|many)|a whole|an entire|the whole|all(?: of)?|\d+)"
    r"(?: \w+){0,4}? " + MEDICINE,
    MEDICINE + r" (?:\w+ ){0,3}?(?:be |is |are |get )?(?:deadly|fatal|lethal)", r"too (?:much|many) to survive",
    r"how (?:many|much) (?:\w+ ){0,5}(?:before|until|till) (?:you|someone|a person|i|he|she) (?:\w+ ){0,2}"
    r"(?:die|dies|dead|stop breathing|never wake)",
)), re.compile(
    # "What amount of those together would be too much for a heart?" asks a lethal amount in other words; "how much
    # walking is too much for my body" does not.
    r"\b(?:amount|how many|how much|what number|quantity) (?:of )?(?:\w+ ){0,4}?(?:" + DRUG_ALTERNATIVES
    + r"|pills|tablets|meds|those|them|these) (?:\w+ ){0,4}?too much for (?:a|the|my|your|his|her|someone s"
    r"|somebody s|a persons) (?:heart|body|liver|system)\b"),
    re.compile(LETHALITY_QUESTION + r" (?:\w+ ){0,10}?(?:" + MEANS + r") (?:\w+ ){0,14}?" + DEATH_OUTCOME),
    re.compile(words("would", "could", "will", "is", "does", "do", "whats", "what", "which") + r" (?:\w+ ){0,8}?(?:" + MEANS
               + r") (?:\w+ ){0,10}?" + DEATH_OUTCOME),
    re.compile(words(r"(?:is|would|does) (?:hanging|drowning|jumping|an overdose|overdosing|bleeding out|gassing"
                     r"|(?:carbon monoxide|(?:car |exhaust )?fumes)(?: from (?:a |the |my )?(?:car|exhaust|van))?)"
                     r" (?:\w+ )?(?:painless|quick|peaceful|hurt)",
                     r"(?:quickest|surest|fastest|easiest|best|painless\w*) way (?:out\b(?! of)|to (?:not|never) wake)",
                     r"(?:beam|hook|rail|banister|bannister|loft hatch) (?:\w+ ){0,3}strong enough to hold (?:me|my weight"
                     r"|a person|an adult|someone)")),
    re.compile(LETHALITY_QUESTION + r" (?:\w+ ){0,10}?" + IMPACT + r" (?:\w+ ){0,14}?" + words(r"(?:be|is|was) instant\w*")),
    Unless(near(60, words("where", "how deep", "which way", "which vein", "best vein", "right way", "make sure", "it works"),
                words("cut", "cutting", "slit", "slice"), words(r"wrists?", r"veins?", r"arter\w*")),
           re.compile(words(r"surg\w*", "carpal", "cubital", "release", "do they cut", r"incisions?", r"operat\w*", "surgeon",
                            "nurse", "blood test"))),
    Unless(near(60, words("rope", "belt", "cord", "noose", "ligature", "dog lead"),
                words(r"hold (?:an adult|a person|a grown \w+|my weight|someone|a body|\d+ ?kg)", "take my weight")),
           re.compile(words("gym", r"climb\w*", "machine", r"pull ?ups?", r"chin ?ups?", "trx", "swing", "hammock",
                            r"exercis\w*", "band", "yoga", "aerial", "traction", "device"))),
    # A hose run from a car's exhaust ("hose duct taped to the muffler"), or a hose and tape got ready beside words of
    # an end ("a hosepipe and tape in the car boot and he's done with the pain after this week").
    re.compile(r"\b(?:hose ?pipes?|hoses?|tubing|tube|pipe)(?: \w+){0,4} (?:from|to|on|onto|into|over|round|around)"
               r" (?:the |his |her |my |their |a )?(?:car s |cars |van s |vans )?(?:exhaust|tail ?pipe|muffler)\b"),
    # ("and" splits clauses, so the rules read "a hosepipe tape").
    near(200, r"\bhose ?(?:pipe)?s? (?:and )?(?:some )?(?:duct |gaffer |parcel )?tape\b",
         words(r"done with", "had enough", r"cant (?:go on|do this|take)", "no point", "end it", "goodbye",
               r"after this (?:week|weekend|month)", "better off", r"wont be (?:here|around)")),
    # A stock of a medicine put by: "three months of codeine saved up in a drawer".
    Unless(re.compile(r"\b(?:months?|weeks?|boxes|packs|packets|strips|bottles|years?) (?:worth )?of (?:my |his |her )?"
                      r"(?:\w+ )?(?:" + DRUG_ALTERNATIVES + r"|pills|tablets|meds|painkillers) (?:\w+ ){0,2}(?:saved|stashed"
                      r"|hoarded|stockpiled|put aside|hidden(?! from))\b(?! (?:up )?for (?:my |the |a )?(?:holiday|trip|travel))"),
           re.compile(words(r"dispos\w*", r"get rid", "late", "return them", "take them back"))),
    # Medicines kept back rather than taken: "ive been stockpiling my oramorph", "not taking my tablets, saving them".
    near(60, not_after("not to", "dont", "shouldnt", "not") + words(r"stockpil\w*", r"hoard\w*", r"squirrel\w*",
                                                                  "kept back", "keeping them", "put by", "saving them",
                                                                  "saving up"), MEDICINE + "|" + words("morphine", "oramorph")),
    # Hurting oneself with something, or against a wall, as a habit or on purpose.
    Unless(near(140, r"\b(?:(?:hit|hitting|hits|smash\w*|beat\w*|whack\w*|bash\w*) (?:my|his|her) (?:own )?(?:legs?|shins?"
                r"|arms?|feet|foot|thighs?|knees?|head|body|stomach) (?:\w+ ){0,2}with (?:a |the |my )?(?:hammer|belt|bat"
                r"|stick|rolling pin|shoe|book|mallet|bottle)|(?<!like )bang(?:ing|ed|s)? (?:my|his|her) head (?:\w+ ){0,2}"
                r"(?:against|on|into) (?:the |a )?(?:wall|floor|door))\b",
                words("keep", r"every (?:day|night|time)", "until", "till", "on purpose", "deliberately", "to feel",
                      "to stop", "cant stop", "how to stop", "it helps")),
           re.compile(words(r"accident\w*", "diy", r"shel(?:f|ves)", r"reflex\w*", r"when i (?:fell|fall|slipped|tripped)",
                            "playing", "with my gp", "with the gp", "trying to"))),
    # Scratching or digging at the skin till it bleeds, to distract from the pain or unable to stop.
    near(160, words(r"scratch\w*", r"(?:dug|dig|digging|digs) (?:it )?(?:in|into)", r"goug\w*"),
         words("blood", r"bleed\w*", "bled"), words(r"cant stop (?:my ?self|doing)", "doing more", "on purpose",
                                                    "deliberately", r"to distract")),
    # Warning signs that are ordinary alone and alarming together (not the things of someone who died).
    Unless(at_least(2, *FAREWELL_SIGNS), re.compile(BEREAVED)),
    Unless(near(2000, ANY_FAREWELL_SIGN, ANY_WEAK_FAREWELL_SIGN), re.compile(BEREAVED)),
    near(150, ANY_WEAK_FAREWELL_SIGN, DESPAIR),
    at_least(3, *WEAK_FAREWELL_SIGNS),
    # Waiting at the tracks: "i keep looking at the train tracks on my walk, yesterday i waited for one".
    near(150, words("train tracks", "railway line", "rail line", "level crossing", "platform edge", "the tracks"),
         words(r"waited for (?:one|a train|the train)", r"(?:nearly|almost|wanted to|want to|thinking of|tempted to)"
               r" (?:step|jump|walk)")),
    # Looking at a medicine again and again, thinking it would do: "i keep looking at the paracetamol in the cupboard and
    # thinking thatd do it".
    near(120, words(r"(?:keep|kept|been|cant stop|always) (?:\w+ ){0,2}(?:looking|staring|eyeing|thinking)"), MEDICINE,
         words(r"(?:thatd|that would|that will|thatll|theyd|they would|those would|itd|it would) (?:\w+ )?(?:do (?:it|the job"
               r"|the trick)|be enough|finish me)")),
    # At a height or by water now, with the step in mind: "standing on the footbridge thinking about climbing over".
    near(120, words(r"(?:standing|stood|sat|sitting|im|i am) (?:on|at|by|next to) (?:the |a )?(?:bridge|footbridge|ledge|edge"
                    r"|roof|cliff|canal|river|platform|railway)"),
         words(r"climb\w* over", r"jump\w*", "step off", r"walk (?:in|into)", "cant swim", "going to", "over the edge")),
    # A date set, and something to do till then: "set a date. 14th. stretches for sleep till then?".
    near(100, r"\b(?:set|picked|chose|chosen|got) (?:a|the|my) (?:date|day)\b(?! (?:for|with|of|to|on the calendar)\b)",
         words("till then", "until then", "before then", "in the meantime", "meanwhile")),
    # How many it would take, beside an end: "writing a novel where she ends it, how many amitriptyline would it take".
    near(150, r"\bhow (?:many|much) (?:\w+ ){0,4}?(?:would it|does it|will it|it would|it d) (?:\w+ )?take\b",
         words("ends it", "end it", "ending it", "ended it", r"(?:i|you|someone|a person|he|she|they) (?:would |will )?(?:die"
               r"|be dead)\b(?! (?:down|off|back)\b)", r"kill (?:you|someone|a person|him|her|them|me|my ?self)",
               r"suicid\w*", r"overdos\w*", r"(?:not|never) wake up", "fatal", "lethal")),
    # Whether too much of a medicine is dangerous or can kill: "is it dangerous to take too much pregabalin".
    near(40, r"\btoo (?:much|many) (?:of )?(?:(?:my|your|his|her|their|the) )?(?:\w+ ){0,2}?" + MEDICINE,
         words("dangerous", "kill", "die", "fatal", "deadly", "lethal")),
    # Self-harm named as the subject of coursework ("is self harm common in chronic pain? it's for my psychology
    # course") is no disclosure; said of the writer or someone close, it alarms through the rule above.
    Unless(re.compile(words(SELF_HARM)), re.compile(r"^(?!.*" + DISCLOSED + r")(?=.*" + STUDIED + ")"))),
    whole_message=(JOINING_THE_DEAD,))

# --- Overdose: too much of a medicine, own or someone else's, on purpose or by mistake ---------
TOOK = words("took", "taken", "swallowed", "ate", "eaten", "popped", "downed", "necked", "chewed", "ended up taking",
             r"(?:has|have|had|he|she|they|i) had", r"^had(?= (?:\w+ )?(?:extra|too many|too much|double|a handful)| \d+ of)",
             "got into",
             r"(?:overdid|overdone)")
EXCESS = words("too many", "too much", "all", "double", "doubled", "twice", "triple", "extra", "a lot",
               "lots", "loads", "a bunch", "a handful", "handfuls", "whole", "entire", "several", "dozens?",
               "a few extra", r"more than (?:\w+ ){0,2}(?:should|prescribed|allowed|meant|supposed)",
               "by mistake", "by accident", r"accidentally", r"(?:a|the|half a|half the) (?:whole )?(?:packet|box|strip"
               r"|bottle|blister) of", "the rest of",
               r"(?:two|2|three|3|several) days worth", r"(?:two|2|both|three|3|several) (?:days|nights|mornings) doses",
               r"todays (?:and )?tomorrows",
               # A count of tablets, not a strength ("took 6 of them", not "300 mg"), nor a time ("at 9", "10:30" read
               # "10 30").
               not_after("at", "by", "until", "till", "since", "before", "after", "from") + r"(?<![0-9] )"
               + r"(?:[3-9]|\d{2}|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty)"
               r"(?! ?(?:mg|mcg|milligrams?|micrograms?|ml|hours?|hrs?|minutes?|mins?|days?|weeks?|years?|am|pm))")
OVERDOSE = Category("overdose", (
    near(50, words("too many", "too much", "way too many", "way more", r"the (?:whole )?lot", r"more than (?:\w+ ){0,2}(?:should|prescribed"
                   r"|supposed|allowed)", r"(?:whole|entire|half (?:a|the)) (?:box|packet|bottle|strip|pack|blister)",
                   r"emptied", r"finished (?:off )?(?:the|a|his|her|my) (?:box|packet|bottle)"),
         MEDICINE, words("took", "taken", "swallowed", "had", "ate", "eaten", r"accident\w*", "mistake")),
    near(60, words(r"(?:child|kid|toddler|baby|son|daughter|grandson|granddaughter|dog|puppy) (?:\w+ ){0,3}(?:got into"
                   r"|ate|eaten|swallowed|chewed|found)"), MEDICINE),
    # \b after the word, or "overdose on exercise" would match as "overdos" before "e on exercise".
    re.compile(r"\b(?:overdos\w*|od d|odd on|oded)\b(?! on (?:exercise|exercising|walking|training|running"
               r"|stretching|activity|it))"),
    near(70, TOOK, EXCESS, MEDICINE),
    # "had his pregabalin 3 times today instead of twice".
    near(60, r"\bhad (?:his|her|my|their) (?:\w+ )?" + MEDICINE, words(r"(?:times|doses) (?:\w+ )?instead of",
                                                                        "double", "too many", "extra")),
    # Not a prescriber's change: "my gp doubled my pregabalin dose".
    re.compile(words(not_after("gp", "doctor", "doc", "consultant", "nurse", "neurologist", "specialist", "pharmacist",
                               "prescriber", "pain clinic") + r"doubled (?:up )?(?:on )?(?:my|his|her|their) (?:\w+ )?(?:dose|meds"
                     r"|pills|tablets|medication)", r"(?:poison\w*|toxic) (?:from|with|by) (?:\w+ )?(?:pills|tablets"
                     r"|meds|medication)")),
))

# --- Low blood sugar during or after exercise (people with diabetic neuropathy) -----------------------
SUGAR = words(r"(?:blood )?sugars?", "glucose", "bg", "bgl")
LOW = words("low", "dropped", "dropping", "drop", r"crash\w*", "fell", "falling", r"plummet\w*", "tanked")
HYPO_SIGN = words(r"shak\w*", r"trembl\w*", r"confus\w*", r"sweat\w*", "dizzy", "faint", r"light ?headed",
                  "drowsy", r"cant think", r"slurr\w*", r"blurr\w*", r"pass\w* out", r"seiz\w*")
SHAKY = words(r"shak\w*", r"trembl\w*", "jittery", r"shiver\w*")
CLAMMY = words(r"sweat\w*", "clammy", "drenched")
CONFUSED = words(r"confus\w*", r"cant think", "foggy", "muddled", "dizzy", r"light ?headed", "faint", "drowsy",
                 r"blurr\w*", "weird", "strange", "spaced out", "out of it", "disoriented", r"not making (?:any )?sense", "making no sense",
                 # How a low looks from outside: "just stared at me", "not himself", suddenly stroppy.
                 r"not (?:him|her|my|them)(?:self|selves)", r"star(?:ed|ing) (?:at|into|blankly)", "vacant", "stroppy",
                 "irritable", "agitated")
DIABETES = words(not_after("not", "non", "isnt", "im not", "wasnt", "no") + r"diabet\w*", "insulin", r"sugars?",
                 "glucose", "type 1", "type 2", "t1d", "t2d", "hypo", *DIABETES_MEDICINES)


# Symptoms alone, with a reading the writer calls normal, are not a low ("sugar was fine, just shaky after the gym").
SUGAR_NORMAL = re.compile(words(r"(?:sugars?|glucose|bg|levels?|reading|numbers?|meter) (?:\w+ ){0,2}(?:is|was|were|are|came back"
                                r"|reads|read|said|says|showed|shows) (?:\w+ )?(?:fine|normal|ok|okay|good|in range|steady)",
                                # A reading in range: 4 to 19 mmol/L, or 70 to 299 mg/dL ("6.2" reads "6 2").
                                r"(?:sugars?|glucose|bg|levels?|reading) (?:\w+ ){0,2}(?:is|was|were|are|reads|read|showed"
                                r"|shows|at) (?:(?:[4-9]|1[0-9])(?: [0-9]{1,2})?|[7-9][0-9]|[12][0-9][0-9])(?! [0-9])"))


class LowGlucoseReading:
    """A meter reading below the hypo line, in mmol/L (under 4), mg/dL (under 70) or g/L (under 0.7, as in France).

    "Sugar 3.1" is a reading on its own; "the test says 3.1" only with shakiness, confusion or diabetes.
    Other languages name the meter in their words (``meter``) and have no weak readings.
    """

    # Normalised text has no decimal point: "2.8" reads "2 8".
    NUMBER = r"(?: \w+){0,4}? (\d{1,3})(?: (\d{1,2}))?(?! (?:hours?|hrs?|mins?|minutes?|days?|weeks?|times?|years?|sessions?)\b)\b"
    WEAK_READING = re.compile(r"\b(?:test\w*|reading|levels?|says|reads|read|showed|shows|checked|low|down to"
                              r"|dropped to)" + NUMBER)
    CONTEXT = re.compile(f"{SHAKY}|{CONFUSED}|{CLAMMY}|{DIABETES}")
    OF = r"(?:on|de|da|di|du|em|no|na|sur|auf|am|im)"
    # A whole number first is a reading only after a word saying someone has it ("tengo 40 de azucar", "was 45 on
    # the cgm"): ages, types and counts come first too ("type 1 on the libre", "my dad is 68, on a cgm").
    HAS = (r"(?:was|at|got|reading|reads|read|showed|shows|down to|dropped to|tengo|tiene|estoy con|esta con"
           r"|estoy en|esta en|marca|marco|tenho|tem|estou com|deu|ho|ha|sono a|hab|habe|hat|bin bei|ist bei|zeigt"
           r"|j ai|suis a|est a)")
    WHOSE = r"(?:my|the|his|her|mi|su|la|le|il|o|a|meu|minha|mon|ma|mein|meine|der|dem)"
    # "took 3 of my glucose tablets" counts tablets.
    NOT_A_THING = r"(?! (?:tablets?|tabs?|pills?|sweets?|gels?|drinks?|juice|sachets?|strips?|sensors?)\b)"

    def __init__(self, meter: str = r"sugars?|glucose|bg|bs|bgl|bm|meter|libre|cgm|mmol|hypo", weak: bool = True,
                 mmol: bool = True) -> None:
        """``mmol=False``: readings from 1 to 4 are grams per litre, not mmol/L ("glycémie à 1,10" is normal in France)."""
        self.reading = re.compile(rf"\b(?:{meter})" + self.NUMBER)
        # The number first, the meter after a preposition: "tengo 40 de azucar", "2.8 on my libre".
        meter_after = rf" {self.OF} (?:{self.WHOSE} )?(?:{meter})\b{self.NOT_A_THING}"
        # The whole number's empty second group stands for its missing decimals, as in ``reading``.
        self.readings_first = (re.compile(rf"\b{self.HAS} (\d{{1,3}})()" + meter_after),
                               re.compile(r"\b(\d{1,2}) (\d{1,2})" + meter_after))
        # A meter shows "LO" below its range.
        self.below_range = re.compile(rf"\b(?:{meter})(?: \w+){{0,3}} lo\b")
        self.weak = weak
        self.mmol = mmol

    def search(self, text: str) -> bool:
        if self.below_range.search(text):
            return True
        matches = [match for reading in (self.reading, *self.readings_first) for match in reading.finditer(text)]
        if self.weak and self.CONTEXT.search(text):
            matches += self.WEAK_READING.finditer(text)
        for match in matches:
            whole, decimals = match.groups()
            value = int(whole) + (int(decimals) / 10 ** len(decimals) if decimals else 0)
            if (self.mmol and 1 <= value < 4) or 20 <= value < 70 or (whole == "0" and 0.2 <= value < 0.7):
                return True
        return False


HYPOGLYCAEMIA = Category("hypoglycaemia", (
    near(80, SUGAR, LOW, HYPO_SIGN),
    re.compile(HAPPENING_NOW + r"hypo\b|" + words(r"(?:having|had|going) (?:a )?hypo", r"hypoglyc\w*")),
    # Described by its symptoms: shaky, sweaty and muddled together, or two of them with diabetes.
    near(80, SHAKY, CLAMMY, CONFUSED),
    Unless(near(120, SHAKY + "|" + CONFUSED, CLAMMY, DIABETES), SUGAR_NORMAL),
    Unless(near(120, SHAKY, CONFUSED, DIABETES), SUGAR_NORMAL),
    LowGlucoseReading(),
))

# Physical categories first: their guidance (stop, call, don't drive) leads the message.
PHYSICAL = (CARDIAC, BREATHING, ALLERGIC, STROKE, HEADACHE, FAINTING, HYPOGLYCAEMIA, CAUDA_EQUINA, DIABETIC_FOOT)
# Negation is not removed here: "no reason to live", "nobody would miss me" are the signal.
NEGATION_KEPT = (OVERDOSE, SUICIDE)

# Key words whose typos are corrected before matching; real look-alikes stay as typed.
VOCABULARY = Vocabulary(
    key_words=(
        "chest", "pressure", "tightness", "squeezing", "crushing", "heaviness", "breathe", "breathing",
        "breathless", "breathlessness", "shortness", "fainted", "fainting", "passed", "passing",
        "blacked", "collapsed", "unconscious", "consciousness", "seizure", "sudden", "suddenly",
        "weakness", "numbness", "paralysed", "paralyzed", "drooping", "slurred", "slurring",
        "headache", "headaches", "thunderclap", "bladder", "bowels", "incontinent", "incontinence",
        "urinate", "saddle", "genitals", "buttocks", "swollen", "swelling", "redness", "fever",
        "feverish", "infected", "infection", "oozing", "suicidal", "suicide", "myself", "overdose",
        "overdosed", *MEDICINE_VOCABULARY.key_words,
    ),
    # Slips of words too short for fuzzy matching, text-speak, and spellings of "can't".
    misspellings={
        "pian": "pain", "pai": "pain", "payn": "pain", "paine": "pain", "chst": "chest", "chet": "chest",
        "ches": "chest", "chset": "chest", "hart": "heart", "brethe": "breathe", "breth": "breath",
        "cannot": "cant", "cnt": "cant", "carnt": "cant", "kant": "cant", "wanna": "want to",
        "gonna": "going to", "n": "and", "r": "are", "u": "you", "numm": "numb", "nunb": "numb",
        "faintd": "fainted", "pasd": "passed", "puss": "pus", "bowl": "bowel", "bowls": "bowels",
        "bowles": "bowels", "kil": "kill", "kll": "kill", "mysef": "myself", "myslf": "myself",
        "wrost": "worst", "speach": "speech", "speeh": "speech", "grion": "groin", "tght": "tight",
        "tite": "tight",
    },
    slips={
        **{f"{whose} chess {word}": f"{whose} chest {word}"
           for whose in ("my", "his", "her", "their", "bad", "sharp", "severe", "have", "has", "got", "having", "with", "a")
           for word in ("pain", "pains", "pressure", "tightness", "hurts", "hurting", "is tight", "feels tight",
                        "feels heavy")},
        **{f"{who} {slip} out": f"{who} passed out"
           for who in ("i", "he", "she", "they", "we", "just", "nearly", "almost", "had", "then", "and")
           for slip in ("past", "passt")},
        "over dosed": "overdosed", "over dosing": "overdosing",
        **{f"{verb} over dose": f"{verb} overdose" for verb in ("an", "took", "taking", "take", "taken")},
    },
    # Real words within difflib reach of a key word (found by scanning an English word
    # list): left alone, "injection" would read "infection" and "blocked out" "blacked out".
    protected=(
        "backed", "bathing", "beating", "blacken", "blackened", "bladders", "blanked", "blocked",
        "breadth", "breath", "breathed", "breathes", "breaths", "chests", "collapse", "collapses",
        "crashing", "cruising", "doping", "drooling", "dropping", "fainter", "fevers", "infecting",
        "infections", "injected", "injection", "injections", "overdo", "overdoes", "overdone",
        "passion", "pasting", "pausing", "pressured", "pressures", "readiness", "saddled", "saddles",
        "seizures", "selling", "shelling", "slurping", "smelling", "spelling", "spurred", "suicides",
        "swilling", "unconsciously", "weaknesses", *MEDICINE_VOCABULARY.protected,
    ),
)


# Negation: the cue and the few words it governs, up to a clause word ("no chest pain, just sore calves").
# "could not breathe" is the symptom itself, so bare "not" is a cue only after other words.
NEGATION_CUE = (r"\b(?:no|(?<!could )(?<!can )(?<!did )(?<!does )(?<!would )(?<!do )not|without|not any|denies|free of|none of|dont have|do not have|didnt have|did not have"
                r"|havent had|have not had|hasnt had|doesnt have|dont get|didnt get)\b")
# Cue words that are themselves the symptom or an idiom ("no feeling", "no control", "without warning").
NEGATION_EXCEPTIONS = (r"(?! (?:feeling|sensation|control|longer|warning|way|one|reason|point|idea|strength|air|breathing"
                       r"|responding|responsive|waking|moving|making|able|going|stopping|stopped|improving|easing"
                       r"|getting|passing|settling|helping|sure|right|normal|letting|working|enough|much|even|so|wake|waking"
                       r"|very|really|quite|only|pulse|talking|speaking|sense|answering))")
NEGATED = re.compile(NEGATION_CUE + NEGATION_EXCEPTIONS + r"(?: (?!(?:or|nor|but|and|just|only|except|now|though|although"
                     r"|yet|however|then|until)\b)\w+){1,4}(?: (?:or|nor) \w+)*")
# A clause about something years ago, unless the text says it is back or happening now.
LONG_AGO = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|many|few|couple of|some)"
    r" (?:years?|yrs|decades?|months?) (?:ago|back|before)|(?<!since )(?<!from )(?:last|previous) (?:year|month|summer"
    r"|winter|spring|autumn|fall|term|semester)|back in (?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december"
    r"|the (?:spring|summer|autumn|fall|winter))"
    r"|in (?:19|20)\d\d|when i was (?:a (?:kid|child|teen\w*|boy|girl)|young|younger|little|\d+)"
    r"|as a (?:kid|child|teen\w*)|years ago|long time ago|(?:once|twice) in my life"
    r"|(?:back|when i was) in my (?:teens|twenties|thirties|forties|fifties|sixties|[1-6]0s)"
    r"|i used to (?:get|have|suffer))\b")
# A clause whose symptom a clinician has since explained or cleared ("was just a pulled muscle, my gp checked").
CLINICIAN = r"(?:gp|doctor|dr|doc|physio|cardiologist|consultant|nurse|hospital|a and e|er|urgent care|paramedics?)"
MUSCULAR = r"(?:muscular|musculoskeletal|costochondritis|(?:a )?(?:pulled|strained|torn) muscle)"
# Said at the end of its clause: "told in a&e it was muscular the pain is crushing now" tells of now.
MUSCULAR_AT_THE_END = MUSCULAR + r"(?: \w+){0,3}$"
EXPLAINED = re.compile(words(
    r"(?:was|turned out (?:to be)?|its|it was|were) (?:just|only) (?:a |an )?(?:pulled|strained|torn|muscle\w*"
    r"|muscular|musculoskeletal|indigestion|heartburn|reflux|anxiety|panic|cramp\w*|bruis\w*|sprain\w*)",
    CLINICIAN + r" (?:\w+ ){0,3}(?:checked|cleared|ruled (?:it |that )?out|said (?:it|its|it was|that was|that its) "
    r"(?:fine|nothing|ok|okay|normal|benign|" + MUSCULAR_AT_THE_END + "))",
    # "was told in a&e last week my chest pain was muscular"
    r"told (?:\w+ ){0,2}(?:at|in|by) (?:the |my )?" + CLINICIAN + r" (?:\w+ ){0,6}?(?:was|is|its) (?:just |only )?"
    + MUSCULAR_AT_THE_END,
    # Not had it for months: the symptom has cleared.
    r"(?:havent|have not|hasnt|has not) had (?:one|it|any|them|an? \w+|the \w+) (?:in|for) (?:\w+ )?(?:months|years"
    r"|ages)"))
# A clause passing on advice ("a nurse told me to watch for numbness down there") reports no red flag, unless it
# brings it to now ("told me to look out for chest pain like i have now"). A general question about red flags
# ("what are the signs of a heart attack") is not set aside: it is too often written beside one.
PASSED_ON_ADVICE = re.compile(words(r"(?:told|advised|said|says|asked|warned) (?:me |us |him |her |them )?(?:to )?(?:watch|look"
                                    r"|keep an eye|check) (?:out )?(?:(?:my|his|her|their|your) \w+ (?:daily |every day |each day )?)?"
                                    r"(?:for|on)"))
# What a clause tells of now after the advice in it: "the nurse said to check her feet for redness her foot is hot".
NOW_AFTER_ADVICE = re.compile(r"\b(?:i|im|hes|shes|he is|she is|her|his|its|it s|theyre|my) (?:\w+ ){0,2}(?:cant|is|has|gone|got"
                              r"|keeps|sweating|shaking)\b|\bcant (?:breathe|wake)\b")
# "never happened again" says the opposite.
# Nor of asking how to prevent it: "how do i stop that happening again".
NOT_AGAIN = not_after("never", "never happened", "not happened", "hasnt happened", "havent had it", "never had it",
                      "stop", "prevent", "avoid",
                      # Said of the future: "so it doesnt happen again", "scared it might happen again".
                      "doesnt", "dont", "wont", "will", "might", "could", "would", "may",
                      *(f"{verb} {what}" for verb in ("stop", "prevent", "avoid") for what in ("it", "that", "this")))
# "Again" of a symptom or an event ("it happened again", "the pain again"), not of an exercise ("lift weights again",
# "start running again").
AGAIN = (r"(?:(?:happen\w*|start\w*|came|come|coming|back|got|get|getting|having|had|felt|feel|feeling|it|this|that"
         r"|pains?|attacks?|episodes?|fainted|collapsed|out|numb|weak|dizzy|tight|symptoms?) "
         r"(?:(?!(?:weights|running|walking|swimming|training|lifting|cycling|yoga|gym|class|exercis\w*)\b)\w+ )?again"
         r"|again (?:today|now|tonight|this morning|this afternoon|this evening))")
# "No problems right now" says the opposite ("fine" is left out: "not fine right now" is not).
NOT_NOW = not_after("no problems", "no symptoms", "no issues", "nothing", "none")
HAPPENING_AGAIN = re.compile(words(NOT_AGAIN + AGAIN, NOT_NOW + "right now", "just now", "came back", "coming back",
                                   r"now (?:i|ive|he|hes|she|shes|they|theyve) (?:have |has |got )?(?:got )?(?:it|that|them"
                                   r"|those)", r"(?:i|ive|he|hes|she|shes|they|theyve) (?:have |has |got )?(?:got )?(?:it|that"
                                   r"|them|those) now",
                                   r"(?:its|it is|thats|that is) happening",
                                   r"(?:im|i am|hes|he is|shes|she is|theyre|they are) (?:(?!not\b)\w+ )?having (?:one|it)\b",
                                   r"(?:its|it s) back", r"return\w*", r"getting worse", r"keeps? happening", r"recurr\w*", "same thing", r"creep\w* back",
                                   r"(?:thoughts|urges|feelings) (?:are|have) (?:\w+ )?back",
                                   # "what i'm feeling since i started walking again", "it's the same pain"
                                   r"since (?:i|he|she|we|they) (?:\w+ ){0,3}again", r"(?:its|it s|it is|is) the same (?:feeling|pain)"))
# A clause that goes on telling a past event ("back in 2015 i had a dark time and took an overdose, i was in
# hospital") belongs to it, unless it brings the story back to now.
CONTINUES_THE_PAST = re.compile(r"^\s*(?:(?:i|he|she|we|they|then) )?(?:took|had|was|were|ended up|got|went|spent"
                                r"|fainted|collapsed|overdosed|passed out|tried|felt)\b")
# A check with a clear result told after a past episode tells on it ("had a panic attack last year, heart was checked
# and all fine").
CHECKED_CLEAR = re.compile(words(r"(?:was|were|got|been|had (?:it|them|\w+ \w+)) (?:all )?(?:checked|tested|scanned"
                                 r"|examined|looked at)(?: out| over)?",
                                 r"(?:all|everything|it|ecg|bloods?|tests?|scans?|results?) (?:was |were |is |are "
                                 r"|came back |come back )?(?:all )?(?:fine|normal|clear)"))
# What an old stroke or operation left behind ("had a stroke 6 yrs ago, still weak down his left side") is no new
# sign, unless its clause brings it to now or the message says anything is new, worse or sudden ("still weak but now
# it is suddenly worse").
LEFT_OVER = re.compile(words(r"still (?:got |has |have |a bit |quite |very |slightly |really |somewhat |some |abit )*"
                             r"(?:weak\w*|numb\w*|tingl\w*|a limp|limp\w*|drag\w*|no feeling|(?:cant|can not) (?:feel"
                             r"|move|lift|use|grip))"))
LEFT_BEHIND = re.compile(f"{CHECKED_CLEAR.pattern}|{LEFT_OVER.pattern}")
IN_THE_SADDLE_AREA = re.compile(SADDLE_AREA)
NEW_OR_WORSE = re.compile(words("new", "worse", "worsening", r"sudden\w*", "again", r"spread\w*"))
BACK_TO_NOW = re.compile(words("now", "today", "tonight", r"this (?:morning|afternoon|evening|week)", "yesterday",
                               "last night", "just", "currently", "at the moment", "since", "still", "until",
                               r"(?:minutes?|hours?) ago"))
# A clause telling of an episode that is over ("she used to faint", "once when she was on chemo she passed out",
# "a few weeks ago i had a hypo"), unless the clause itself brings it to now.
PAST_EPISODE = re.compile(words(not_after("like", "as", "than") + r"(?:i|he|she|they|we|you|(?:my|his|her|their) \w+) used to",
                                r"once when (?:i|he|she|they|we) (?:was|were)"))
# Days or weeks ago is recent: an episode then is over only when the message says it ended ("back to normal in 15
# mins", "had a hypo last tuesday, was fine in 15 mins"); "two weeks ago my foot went red and now there's pus" is
# still going on.
RECENTLY = re.compile(words(r"(?:a|one|two|three|four|five|few|a few|couple of|a couple of|several|\d+) (?:days?|weeks?) ago",
                            r"last (?:week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
                            r"the other (?:day|night)"))
# A recent episode told as ended is over unless the message comes to today: "had a hypo last week, was fine after,
# felt shaky and sweaty today" may be the next one, and its own clause no longer says what.
TODAY = re.compile(words("now", "today", "tonight", r"this (?:morning|afternoon|evening)", "at the moment", "currently"))
ENDED = re.compile(words("back to normal", r"(?:been|felt|feeling|feel|was|were) (?:\w+ )?(?:fine|ok|okay|well|good|normal)",
                         r"fine (?:for )?the rest of the (?:day|evening|night|week)", r"fine after(?:wards| that)?",
                         "sorted", "resolved", "cleared up", "all clear", "recovered", r"(?:fine|better) since",
                         r"(?:it|that|they|this|which) (?:all )?(?:passed|went away|settled|eased off|wore off)(?! out)"))
# The writer's word that they have no such thoughts ("no thoughts of harming myself", "no suicidal thoughts") is
# taken out before the crisis rules read the message: its words of harm are what it denies. Only the denial goes;
# anything else the message says still alarms.
DENIED_HARM = re.compile(r"\b(?:no|not any|not having any|not had any|never had any|without any|dont have any"
                         r"|do not have any|havent had any|have not had any) (?:(?:suicidal|self ?harm) (?:thoughts?"
                         r"|plans?|urges?|ideas?|intentions?)|(?:thoughts?|plans?|intentions?|urges?|ideas?) (?:of|to"
                         r"|about) (?:hurting|harming|killing|ending|hurt|harm|kill|end)(?: (?:my ?self|my life|it all)"
                         r")?)\b")
# A red flag imagined ("what should i do if i ever get chest pain while running?") is no symptom now; a crisis imagined
# ("if it ever gets that bad again i'll take all my pills") still alarms.
IMAGINED = re.compile(words(r"if (?:\w+ ){0,2}ever", r"in case (?:\w+ ){0,2}ever", r"should (?:i|you|he|she|we|they) ever"))
# A protocol asked for one's work or training ("whats the protocol if a pupil faints, its for our first aid training"),
# not for someone in front of the writer now.
PROTOCOL_ASKED = re.compile(words(r"(?:protocol|procedure|policy|what to do|what do (?:you|we|staff) do) (?:\w+ ){0,2}(?:if|when)"
                                  r" (?:a|an|someone|somebody|anyone|one of (?:my|our|the))"))
FOR_WORK = re.compile(words(r"instructors?", r"teachers?", "training", "course", "for work", "first aid", "refresher",
                            "staff", "policy", "coach"))
SOMEONE_HERE = re.compile(words("in front of me", "right now", "here", r"is \w+ing", r"my (?:dad|mum|mom|husband|wife|son"
                                r"|daughter|friend|partner|brother|sister)"))
# A question about a red flag, not a symptom: what a term means ("whats a thunderclap headache", "what does saddle
# anaesthesia mean"), beside where it was met ("saw it on a list of warning signs"); or how to tell one ("how do you tell
# chest pain thats serious from a pulled muscle?"), beside the writer's word that there is none now. It is set aside
# only when every other clause says no more than that: any other clause ("i think ive got one", "my son is shaking")
# keeps the message whole.
DEFINITION_ASKED = re.compile(r"^\s*(?:(?:so|ok|hi|sorry) )*(?:(?:what is|whats|what s) (?:a|an) (?:\w+ ){0,3}\w+"
                              r"|what (?:does|do) (?:\w+ ){1,3}(?:mean|stand for))\s*$")
RED_FLAG_QUESTION = re.compile(words(
    r"how (?:do|can|would|could|will|should) (?:you|i|we|one|people|someone) (?:\w+ )?(?:tell|know|recogni[sz]e|spot"
    r"|distinguish|differentiate)", r"what (?:are|r|would be) (?:the )?(?:\w+ )?(?:signs?|symptoms?|red flags?)"))
TERM_MET = re.compile(words(r"warning signs?", r"red flags?", "mentioned", r"lists?", r"leaflets?", r"articles?",
                            "website", r"posters?", r"videos?", r"books?"))
# A clause that says no more than where the term was met ("my migraine app mentions it") or that the writer's own are
# the ordinary kind ("mine are the usual slow-building ones"); not "the app says im having one".
MET_OR_USUAL = re.compile(r"^(?:my |the |a |an |this |that )?(?:\w+ ){0,2}(?:app|website|leaflet|article|video|book|poster)"
                          r" (?:mentions|mentioned|lists|listed|talks about|talked about) (?:it|them|that|this|one)$"
                          r"|^mine (?:are|is) (?:just |always |usually |all )?(?:the )?(?:usual|normal|ordinary|regular"
                          r"|typical)\b(?: (?!not\b)\w+){0,3}$")
# A clause of a word or two that still says something of now ("having one") is no fragment to pass over.
NOW_IN_A_FRAGMENT = re.compile(words("having", "got", "have", "now", "today", "tonight", "me", "im"))
NOTHING_NOW = re.compile(r"^\s*(?:(?:i have|ive got|i ve got|there is|theres|there s) )?(?:none|nothing|no symptoms?)"
                         r"(?: (?:right )?now| at the moment)?\s*$")
JUST_ASKING = re.compile(words(r"just (?:want|wanted|wondering|curious|asking)", r"for (?:the )?future", "just in case"))
# A point between digits is a decimal ("sugar was 3.9 once last month" is one clause).
CLAUSE_BREAK = re.compile(r"(?:[;!?\n]|(?<!\d)\.|\.(?!\d))+|,|\b(?:but|though|although|however|and)\b", re.IGNORECASE)
FRAGMENT_WORDS = 2


def detect_emergency(text: str) -> tuple[str, ...]:
    """Names of the emergency categories the text signals, in message order; () if none.

    Clauses about long ago, or about a symptom since explained or cleared, are dropped unless the
    text says it is happening again; negated symptoms ("no chest pain, just sore calves") are dropped
    for the physical categories.
    """
    clauses, present = _clauses(text)
    recent = [clause for clause, keep in zip(clauses, present) if keep]
    current = _join(NEGATED.sub(" ", clause) for clause in recent if not _imagined(clause, clauses))
    whole = _join(clauses)
    if TIRED_OUT.search(whole) and not COLLAPSE_SIGNS.search(whole):
        current = FLOPPED.sub("flopped down", current)
    physical = [c.name for c in PHYSICAL if any_search(c.rules, current) or any_search(c.whole_message, whole)]
    undenied = _join(DENIED_HARM.sub(" ", clause) for clause in recent)
    kept = [c.name for c in NEGATION_KEPT
            if any_search(c.rules, undenied) or any_search(c.whole_message, whole)]
    return tuple(physical + kept)


def without_the_past(text: str) -> str:
    """The text as written without its clauses about long ago or about a symptom since cleared (see above)."""
    _, present = _clauses(text)
    if all(present):
        return text
    return " ".join(clause.strip() for clause, keep in zip(CLAUSE_BREAK.split(text), present) if keep)


def without_denials(text: str) -> str:
    """The text's present clauses (normalised), its imagined ones and its denied symptoms left out; the text itself if
    it imagines or denies none."""
    clauses, present = _clauses(text)
    recent = [clause for clause, keep in zip(clauses, present) if keep]
    real = [clause for clause in recent if not _imagined(clause, clauses)]
    if len(real) == len(recent) and not any(NEGATED.search(clause) for clause in real):
        return text
    return ". ".join(kept for clause in real if (kept := _join([NEGATED.sub(" ", clause)])))


def _clauses(text: str) -> tuple[list[str], list[bool]]:
    """The text's clauses, normalised with key words corrected, and whether each is about the present."""
    clauses = [VOCABULARY.correct(normalize(clause)) for clause in CLAUSE_BREAK.split(text)]
    if any(HAPPENING_AGAIN.search(clause) for clause in clauses):
        return clauses, [True] * len(clauses)
    present: list[bool] = []
    story = False  # the clause before tells of the past (a leftover or a clear check alone does not go on a story)
    left_behind: list[int] = []
    for index, clause in enumerate(clauses):
        # A fragment of a word or two ("… after meals and lying down, got myself in a state") is the clause before.
        fragment = len(clause.split()) <= FRAGMENT_WORDS
        told_on = story and (fragment or bool(CONTINUES_THE_PAST.search(clause)))
        # Told on from the past, or advice passed on, unless the clause brings it to now.
        advice = PASSED_ON_ADVICE.search(clause)
        passed_on = advice and not NOW_AFTER_ADVICE.search(clause[advice.end():])
        set_aside = (told_on or passed_on) and not BACK_TO_NOW.search(clause)
        story = bool(LONG_AGO.search(clause) or EXPLAINED.search(clause) or set_aside or _episode_over(clause, clauses))
        if not story and present and not present[-1] and _left_behind(clause, clauses):
            left_behind.append(index)
        present.append(not story and index not in left_behind)
    # What an old event left behind is set aside only when nothing else in the message, nor in its own clause,
    # is a red flag: "still weak on the left, face drooping" is a stroke.
    if left_behind and _red_flag_in([clause for clause, keep in zip(clauses, present) if keep]
                                    + [LEFT_BEHIND.sub(" ", clauses[index]) for index in left_behind]):
        present = [keep or index in left_behind for index, keep in enumerate(present)]
    return clauses, present


def _left_behind(clause: str, clauses: list[str]) -> bool:
    """A check with a clear result, or weakness or numbness still there since (see ``CHECKED_CLEAR``, ``LEFT_OVER``)."""
    checked = CHECKED_CLEAR.search(clause) and not BACK_TO_NOW.search(clause)
    # Numbness left in the saddle area is kept: beside a bladder or bowel change it is cauda equina.
    left_over = (LEFT_OVER.search(clause) and not TODAY.search(clause) and not IN_THE_SADDLE_AREA.search(clause)
                 and not any(NEW_OR_WORSE.search(c) for c in clauses))
    return bool(checked or left_over)


def _red_flag_in(clauses: list[str]) -> bool:
    text = _join(NEGATED.sub(" ", clause) for clause in clauses)
    return any(any_search(category.rules, text) for category in (*PHYSICAL, *NEGATION_KEPT))


def _episode_over(clause: str, clauses: list[str]) -> bool:
    """The clause tells of an episode that is over (see ``PAST_EPISODE`` and ``RECENTLY``)."""
    # The words are looked for first: the patterns' lookbehinds are slow on a long story, which rarely has them.
    over = ("used to" in clause or "once when" in clause) and PAST_EPISODE.search(clause)
    recent_but_ended = (("ago" in clause or "last" in clause or "other" in clause) and RECENTLY.search(clause)
                        and any(ENDED.search(c) for c in clauses) and not any(TODAY.search(c) for c in clauses))
    return bool(over or recent_but_ended) and not BACK_TO_NOW.search(clause)


def _imagined(clause: str, clauses: list[str]) -> bool:
    """The clause imagines a red flag ("if i ever get …") and no clause of the message says it is here now, asks the
    protocol for one at work or in training (``PROTOCOL_ASKED``), or only asks about one (``_asks_about_a_red_flag``)."""
    imagined = IMAGINED.search(clause) and not BACK_TO_NOW.search(clause) and not any(
        TODAY.search(c) or HAPPENING_AGAIN.search(c) for c in clauses)
    if not imagined and PROTOCOL_ASKED.search(clause):
        whole = " ".join(clauses)
        imagined = FOR_WORK.search(whole) and not SOMEONE_HERE.search(whole)
    return bool(imagined) or _asks_about_a_red_flag(clause, clauses)


def _asks_about_a_red_flag(clause: str, clauses: list[str]) -> bool:
    """The clause asks what a red-flag term means, and the others only say where it was met; or it asks how to tell a
    red flag, and the others only say there is none now (see ``DEFINITION_ASKED``)."""
    if DEFINITION_ASKED.match(clause):
        said = TERM_MET
    elif RED_FLAG_QUESTION.search(clause) and any(NOTHING_NOW.match(c) for c in clauses):
        said = NOTHING_NOW
    else:
        return False
    others = [c for c in clauses if c != clause and (len(c.split()) > FRAGMENT_WORDS or NOW_IN_A_FRAGMENT.search(c))]
    return bool(others) and all(said.search(c) or JUST_ASKING.search(c) or said is TERM_MET and MET_OR_USUAL.match(c.strip())
                                for c in others)


def _join(clauses) -> str:
    return " ".join(" ".join(clauses).split())

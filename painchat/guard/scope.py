"""What the assistant must not answer: medicines, personal diagnosis, topics outside exercise and pain.

Runs on the question after injected instructions are removed. General questions
about pain, nerves, symptoms and the papers stay in scope; only personal
medicine decisions, diagnoses of the asker and unrelated requests are declined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from painchat.guard.drugs import DRUG_ALTERNATIVES, DRUG_NAMES
from painchat.guard.injection import strip_instructions
from painchat.guard.matching import Unless, near, not_after, words
from painchat.guard.normalize import Vocabulary, normalize

# Exercise science has doses, prescriptions, analgesic effects and endogenous opioids of its
# own; only medicines taken by the asker count.
EXERCISE_DOSE = r"(?! (?:of|for) (?:exercise|activity|physical activity|walking|training|movement|aerobic))"
MEDICATION = re.compile(words(
    *DRUG_NAMES,
    r"meds", r"medications?", r"pills?", r"tablets?", r"capsules?",
    # The body's own: "exercise releases natural painkillers".
    r"(?<!natural )(?<!own )(?<!bodys )(?<!body s )pain ?killers?",
    # Medicine as a field ("sports medicine", "Frontiers in Medicine") is not a medicine.
    r"(?<!sports )(?<!physical )(?<!rehabilitation )(?<!family )(?<!internal )(?<!in )(?<!is )(?<!as )"
    r"(?<!of )medicines?",
    r"(?<!exercise )(?:doses?|dosage|dosing)" + EXERCISE_DOSE + r"(?! response)",
    r"\d+ ?(?:mg|mcg|milligrams?|micrograms?)", "mg", "mcg",
    r"(?:my|his|her) prescriptions?", r"prescribed (?:me|him|her)",
    r"prescri\w+ (?:drugs?|meds|medications?|medicines?|painkillers?|pills?|tablets?)",
    r"analgesics", r"analgesic (?:drugs?|medications?|pills?|tablets?)",
    r"(?<!endogenous )(?<!natural )opioids?(?! (?:system|receptors?|pathways?|signal\w*|mechanisms?"
    r"|release))",
    r"(?<!non )drugs?(?! free)", r"opiates?", r"nsaids?", r"benzos?", r"benzodiazepines?",
    r"anti ?depressants?", r"anti ?convulsants?", r"anti ?epileptics?", r"ssris?", r"snris?",
    r"steroids?", r"injections?", r"epidurals?", r"nerve blocks?", r"muscle relaxants?",
    r"blood thinners?", r"anti ?coagulants?", r"statins?", r"beta ?blockers?", r"supplements?",
    r"insulin(?! (?:resistance|sensitivity|levels?|signal\w*|production))",
    r"(?:lidocaine|capsaicin|pain|fentanyl) (?:patch|patches|cream|gel)",
))

EXERCISE = re.compile(words(
    r"exc?ers?c?i[sz]\w*", r"walk\w*", r"swim\w*", r"cycl\w*", r"bik\w*", "yoga", "tai chi", "pilates",
    r"stretch\w*", r"strength\w*", r"train\w*", "gym", r"work ?outs?", "working out", "work out",
    r"run\w*", r"jog\w*", "aerobic", "resistance", "weights", r"physio\w*", "physical activity", r"laps?", r"lengths?", "steps",
    r"activit\w*", r"active", r"sports?", r"danc\w*", "balance", r"squats?", "lifting", "hiking",
))

# How much or when to start exercise is not a medicine's ("how much walking", "start swimming").
EXERCISE_AFTER = (r"(?! (?:(?!(?:" + DRUG_ALTERNATIVES + r"|tablets?|pills?)\b)\w+ ){0,2}?"
                  r"(?:exercis|walk|swim|run|jog|cycl|stretch|yoga|pilates|moving|gym|times|steps|minutes|aerobic|aqua"
                  r"|hydro|class|danc|hik|sport|physio|routine|program|lifting|lift (?:weights|heavy)|weights|strength"
                  r"|resistance|balance|tai chi|spin|parkrun|rehab|days?|laps?|lengths?|sessions?|reps|sets|hours))")
# An exercise, or an occasion of one ("my class", "the session", "the hills"): what skipping or missing is about.
ACTIVITY = (f"(?:{EXERCISE.pattern}|"
            + words(r"class\w*", r"sessions?", r"rides?", "riding", r"hydro\w*", r"aqua\w*", "spin", "parkrun", r"hills?", "reps")
            + ")")
# "My meds got changed" and "my pregabalin was increased" tell a story: a change already made decides nothing;
# "i've been reducing my pregabalin myself" is one the writer is making.
TOLD = r"(?:(?=\w+ing\b)|(?<!got )(?<!was )(?<!were )(?<!been ))"
# What makes a question about a medicine a medicine decision: how much, starting, stopping, changing,
# combining. "I'm on pregabalin, can I still swim?" names one in passing.
MEDICINE_ACTION = words(
    r"doses?", "dosage", "dosing", r"\d+ ?(?:mg|mcg|milligrams?|micrograms?)", "mg", "mcg", "how much" + EXERCISE_AFTER,
    "how many" + EXERCISE_AFTER,
    # Taking or trying a medicine, or "it": "should i get moving" and "could i try swimming" take no medicine.
    r"(?:should|can|could|do|may|must|to|would|shall|ok to|okay to) (?:i |we |you |he |she |they )?(?:take|use|try"
    r"|have|give|get|ask for|be prescribed) (?:(?:\w+ ){0,2}(?:" + MEDICATION.pattern + r")|(?:an? )?(?:extra|another)\b|(?:it(?! easy| slow)|them|this|that"
    r"|these|those|one(?! to one)|some|more|any|something|anything)\b)",
    # "how long does it take to start working" asks how it works, not when to start it; "since starting it"
    # tells a story.
    r"(?<!since )start\w*(?! working| to work| help\w*)" + EXERCISE_AFTER, r"(?<!since )begin\w*" + EXERCISE_AFTER,
    TOLD + r"(?:stop|reduc|lower|increas|rais|switch|chang|swap|replac)\w*",
    r"quit\w*", r"come off", "coming off", r"wean\w*", r"taper\w*", r"cut (?:down|back|out)",
    # "Up" as the verb ("should i up my dose"), not "mixed up my tablets"; "she upped my dose" tells a story.
    r"(?:i|we|you|he|she|they|to|can|could|should|will|would|may|might|doc|doctor|gp) up (?:my|the|his|her|their|your)",
    # Skipping or missing a walk or a class is the exercise's ("should i skip my morning walk, i take gabapentin"), not
    # a day of a medicine nor "my physio day tablets".
    r"(?:skip|miss)\w*(?! (?:the |my |a |this |his |her |today s |todays |tomorrow s |tomorrows )?(?:\w+ )?" + ACTIVITY
    + r"\b(?! (?:day |of (?:my |the |his |her |their )?(?:\w+ )?)?(?:tablets?|pills?|meds|medication|doses?|ones?|capsules?"
    r"|infusions?|injections?|" + DRUG_ALTERNATIVES + r")\b))",
    # "Should i put my pregabalin up"; "my gp put my meds up" tells a story.
    (r"(?:i|we|you|to|can|could|should|will|would|may|might) (?:put|bump|push|bring) (?:my |the |his |her |their )?"
     r"(?:dose|dosage|meds|" + MEDICATION.pattern + r") up"),
    r"doubl(?!e ?check)\w*",  # "my partner double checks my pills" verifies them
    # Instead of a medicine someone takes is a decision; "instead of just covering it up like meds" compares.
    r"instead of (?:my|his|her|their|our|your|the|these|those|them|it|tak\w*|us\w*|giv\w*)",
    r"interact\w*", "alcohol", "which one",
    # When to take it around exercise: "'take naproxen as needed', as needed when? before exercise or after?".
    r"tak(?:e|ing) (?:(?:my|the|his|her) )?(?:" + MEDICATION.pattern + r"|it|them|these|those|a dose)(?: \w+){0,5}"
    r" (?:before|after) (?:\w+ ){0,2}or (?:after|before)",
    # A drink with a medicine is the pharmacist's question, beside exercise too ("a glass of wine with my pregabalin").
    "wine", r"beers?", "booze", r"pints?", "vodka", r"whiske?y", "gin", "cocktails?",
    # Asking for a prescription; "prescribed, taking as told" reports one.
    r"prescribes? (?:me|him|her|us|them|something|anything|it)", r"(?:get|ask for|need|want) (?:a )?prescriptions?",
)
# How, when and whether to take a medicine ("before bed or in the morning?", "can it be taken with food?", "should
# diabetics take it?"): a decision when the question is about the medicine alone; beside exercise, "how often
# should i walk" or "drink water" is the walk's.
HOW_TO_TAKE = words(
    r"should(?:nt)?", r"(?:ok|okay|alright|fine|allowed|safe) to",
    "wine", "beer", "booze", r"drink\w*", "drunk", "how often", r"take (?:less|fewer)", "go up",
    r"(?:be|being) (?:taken|used|stopped|started|mixed|combined|cut|crushed|split|opened|chewed|avoided)",
    "before bed", "with food", "empty stomach", r"(?:morning|night|evening|bedtime) or (?:morning|night|evening|bedtime)",
    r"every \d+ hours?", "times a day",
)
# Worries about a medicine: a decision beside exercise ("will lyrica make me dizzy on a bike ride?"); alone, only
# when it is someone's own medicine (``PERSONAL``): "is amitriptyline addictive?" asks what is known of it.
MEDICINE_CONCERN = words(
    r"side ?effects?", r"withdraw\w*", r"addict\w*", r"depend\w*",
    # Asking whether a medicine causes something; "my gabapentin makes me sleepy" only describes it.
    r"(?:does|do|did|can|could|will|would|might|may) (?:\w+ ){0,3}(?:make|makes|made|making|give|gives"
    r"|giving|cause|causes|causing) (?:me|him|her|them|my)",
    r"(?:is|are) (?:it|this|that|they|these|those) (?:\w+ )?(?:making|giving|causing) (?:me|him|her|them|my)",
)
# A decision is about the medicine when it is close to it: in a long story, "to get ready for a hike" or
# "could i try cycling" far from "on my tablets" decides nothing about them.
ACTION_NEAR_MEDICINE = near(40, MEDICATION.pattern, r"(?:" + MEDICINE_ACTION + "|" + HOW_TO_TAKE + ")")
DECISION_NEAR_MEDICINE = near(40, MEDICATION.pattern, r"(?:" + MEDICINE_ACTION + "|" + MEDICINE_CONCERN + ")")
NERVE_COMPLAINT = (r"(?:nerve pain|neuropathy|neuropathic pain|tingling|numbness|pins and needles|burning|nerves?"
                   r"|nerve damage)")
# A question about a medicine alone, not exercise, asks what is known of it only in a few forms: what it is, how it
# works, whether it helps or what it can cause in general, whether the papers looked at it. Any other question about
# one, about someone's ("my", "mum's"), choosing one or asking if one is safe, is a decision.
MEDICINE_NAMED = (r"(?:\w+ ){0,3}?" + MEDICATION.pattern
                  + r"(?: (?:patch(?:es)?|creams?|gels?|oils?|tablets?|pills?|capsules?|supplements?|injections?))?")
GENERAL_ABOUT_MEDICINE = re.compile(r"|".join((
    rf"\bwhat(?: is| are|s| s)? (?:a |an |the )?{MEDICINE_NAMED}(?: (?:used for|for|exactly|made of))?\b",
    r"\bwhat (?:type|kind|sort|class) of (?:drug|medicine|medication|tablet|pill) (?:is|are)\b",
    rf"\bhow (?:does|do) {MEDICINE_NAMED} work\b",
    rf"\bhow long (?:does|do) {MEDICINE_NAMED} (?:\w+ )?(?:take to|to) (?:work|kick in|start working|help)\b",
    (rf"\b(?:does|do|can|could|will|would|did) {MEDICINE_NAMED} (?:\w+ ){{0,2}}?(?:help|helps|work|works|cure|fix|ease"
    r"|relieve|treat|reduce|cause|make|lead to|damage|affect|do anything|do much)\b"),
    (rf"\b(?:is|are|isnt|arent) {MEDICINE_NAMED} (?:\w+ ){{0,2}}?(?:an? )?(?:opioids?|opiates?|steroids?|benzos?"
    r"|benzodiazepines?|antidepressants?|nsaids?|anti ?inflammator\w*|painkillers?|drugs?|narcotics?|addictive"
    r"|habit forming|legal|illegal|banned|effective|good for|any good|worth the money|natural|the same|bad for"
    r"|(?:stronger|weaker) than)\b"),
    rf"\bheard (?:that )?{MEDICINE_NAMED} (?:\w+ ){{0,2}}?(?:can|could|causes?|makes?|helps?|is|are|works?)\b",
    rf"\bdifference between {MEDICINE_NAMED} and\b",
    # Others' experience of one ("has anyone had any luck with gabapentin?"), not of two together.
    (r"\b(?:has|have|did) (?:anyone|anybody|any of you|people|someone) (?:\w+ )?(?:had|tried|used|taken|been on)\b"
     r"(?! (?:\w+ ){0,4}?" + MEDICATION.pattern + r" (?:\w+ ){0,3}?(?:with|and|plus|alongside) (?:\w+ ){0,2}?"
     + MEDICATION.pattern + ")"),
    r"\b(?:can|do) (?:people|you|someone|anyone) get (?:addicted|hooked) (?:to|on)\b",
    rf"^(?:\w+ )?{MEDICATION.pattern} (?:\w+ ){{0,3}}?for (?:\w+ ){{0,2}}?(?:{NERVE_COMPLAINT}|pain|feet|sciatica)\b",
    # A name and a subject, no more: "ozempic and nerve pain", "pregabalin side effects".
    rf"^{MEDICINE_NAMED} (?:and |for |with |vs )?(?:\w+ ){{0,2}}?(?:side ?effects?|{NERVE_COMPLAINT})$",
    rf"\b(?:side ?effects?|risks?) (?:of|from|with) {MEDICINE_NAMED}\b",
    rf"\bwhy (?:do|would|are|is|does) (?:\w+ ){{0,3}}?(?:give|gives|giving|given|prescribe\w*|use|used|using) {MEDICINE_NAMED}",
    # Named first, then asked of: "capsaicin cream nerve pain does it work".
    rf"^{MEDICINE_NAMED} (?:\w+ ){{0,4}}?(?:does|do|will|would|can|could) (?:it|they|this|that|these) (?:\w+ )?(?:work|help)\b",
    (r"\b(?:did|do|does) (?:they|the (?:papers?|stud(?:y|ies)|research|reviews?|authors)|any (?:of the )?(?:papers?"
    r"|stud(?:y|ies))) (?:\w+ ){0,3}?(?:say|mention|look at|study|compare|test|cover|include)\b"),
)))
PERSONAL = re.compile(words(r"i", r"im", r"ive", r"id", r"me", r"my", r"mine", r"myself", r"we", r"our",
                            r"he", r"she", r"him", r"his", r"her", r"hes", r"shes", r"mum\w*", r"mom\w*", r"dad\w*",
                            r"husband", r"wife", r"partner", r"son", r"daughter", r"nan", r"gran\w*", r"mother",
                            r"father", r"kids?", r"child\w*"))
CHOICE_BESIDE_MEDICINE = near(15, MEDICATION.pattern, words(r"best", r"better", r"safer", r"safest",
                                                            r"recommend\w*", r"safe", r"dangerous"))
# Exercise ("it", "this") weighed against a medicine: "is it cheaper than all the meds?" asks about exercise.
COMPARED_WITH_MEDICINE = re.compile(r"\b(?:is|are|isnt|arent|would|will|could) (?:it|this|that|doing (?:it|this|that)) (?:\w+ ){0,3}?"
                                    r"(?:better|worse|cheaper|safer|more effective|as good|as effective|as safe|as useful)"
                                    r" (?:than|as) (?:\w+ ){0,3}?" + MEDICATION.pattern)
# Help other than medicines in general, which is what the papers are about: "anything besides pills?", "without
# meds". Naming one ("instead of gabapentin") or someone's ("without taking my painkillers") decides about it.
WITHOUT_MEDICINES = re.compile(words(r"(?:without|besides|other than|apart from|instead of|alternatives? to|except"
                                     r"|(?:dont|do not|rather not) (?:want to )?(?:take|be on|use|rely on))"
                                     r" (?:(?!tak|using|my |his |her |their |your |our )\w+ )?(?:pills?|tablets?|meds"
                                     r"|medications?|medicines?|drugs?|pain ?killers?|capsules?)",
                                     r"non ?(?:drug|medication|medicine|pharmacological)", r"(?:drug|medication|pill) free",
                                     r"natural (?:remed\w*|ways?|treatments?|options?|alternatives?)"))
# Choosing between two medicines: "lyrica vs gabapentin", "ibuprofen or paracetamol for nerve pain".
BETWEEN_MEDICINES = re.compile(MEDICATION.pattern + r" (?:\w+ )?(?:vs|versus|or) (?:\w+ )?" + MEDICATION.pattern)
# Asking which medicine to use: "what supplements cure neuropathy", "which tablets help" (not "what is duloxetine"
# nor "what type of drug is nortriptyline").
WHICH_MEDICINE = re.compile(r"\b(?:what|which) (?:(?:kinds?|types?|sorts?) of )?" + MEDICATION.pattern
                            + r"(?! (?:is|are) (?:\w+ )?" + words(DRUG_ALTERNATIVES) + ")")

# Combining is a medicine decision, unless it is exercise combined with the medicines ("exercise alongside my meds").
# "Mixed up my co-codamol and paracetamol" confused them: it tells a story, it does not ask to combine them.
COMBINING = words(r"combin\w*", r"mix(?!\w* up)\w*", "together", "alongside", r"on top of")
EXERCISE_ALONGSIDE = near(30, EXERCISE.pattern, COMBINING)
# Decisions the writer says they are not asking about ("not asking about changing them"), and a dose that stays.
DISCLAIMED = re.compile(words(r"(?:not|never|no plans?|dont want|do not want|im not) (?:asking|looking|wanting|planning"
                              r"|trying|going)(?: \w+){0,3}", r"(?:same|stable|steady) (?:doses?|dosage)",
                              # "on my usual dose" stays; "whats the normal dose of gabapentin" asks for one.
                              r"(?:my|his|her|their|on|at) (?:usual|normal|regular|current) (?:doses?|dosage)",
                              # The dose someone is on ("on duloxetine 60mg", "150mg twice a day") asks nothing.
                              r"(?:on|taking|prescribed) (?:\w+ ){0,3}?\d+ ?(?:mg|mcg)",
                              r"\d+ ?(?:mg|mcg) (?:twice|once|three times|a day|daily|at night|in the morning|each|every)",
                              # A change the clinician made is reported, not asked: "doctor upped my duloxetine to
                              # 60mg" (the medicine's name is kept: what is asked of it next may be a decision).
                              r"(?:doctor|doc|dr|gp|consultant|neurologist|specialist|nurse|clinic|they|she|he)"
                              r" (?:\w+ ){0,2}(?:upped|raised|increased|lowered|reduced|changed|switched) (?:my |the )?"
                              r"(?P<kept>\w+) (?:to|on) \d+ ?(?:mg|mcg)"))

# Asking whether to go on with a medicine, or how to come off it, wherever its name is in the message ("im on
# amitriptyline 20mg for my back, can i keep taking it or should i stop"; "is it better to taper really slowly").
ASKS_TO_CHANGE_COURSE = re.compile(words(
    r"(?:should|can|could|do|shall|(?:is it )?(?:ok|okay|better|safe|best) to) (?:i |we |he |she |they )?(?:\w+ ){0,2}?"
    r"(?:taper\w*|wean\w*|come off|stop taking|keep taking|carry on taking|continue taking|stop (?:it|them)"
    # Leaving out one of the day's doses: "can i just skip the morning one on gym days?"
    r"|(?:skip|miss|drop|leave out) (?:the |my |his |her |their )?(?:morning|night|evening|bedtime|lunchtime|afternoon"
    r"|daytime|night ?time) (?:one|dose|tablet|pill|capsule)s?)"))
# An amount, more of one, going on with one, or one in pregnancy is the prescriber's, in whatever form it is asked
# ("side effects of taking 30 amitriptyline", "is it worth carrying on with gabapentin", "risks of … while pregnant").
HOW_MUCH_OR_WHEN_PREGNANT = re.compile(words(
    r"too (?:much|many)", r"at once", r"overdos\w*", r"(?:take|taking|took|takes) \d+",
    r"(?:need|take|taking|want|try|have|give) (?:\w+ )?more", r"(?:would|will|does|do|could) more (?:\w+ )?(?:help|work)",
    r"(?:carry|carrying) on (?:with|taking)",
    r"(?:keep|keeping) (?:on )?taking", r"pregnan\w*", r"breast ?feed\w*"))

# Conditions a person may ask to be told they have; suffixes cover the long tail.
CONDITION = (r"(?:neuropath\w*|nerve (?:pain|damage|problems?|issues?|injury|injuries|disease|compression"
             r"|entrapment)|(?:pinched|trapped|damaged) nerves?|(?:pre ?)?diabet\w*|ms|multiple sclerosis"
             r"|fibromyalgia|sciatica|cancer|tumou?rs?|arthritis|crps|complex regional pain syndrome"
             r"|shingles|carpal tunnel|(?:slipped|herniated|bulging) discs?|stenosis|lupus|parkinsons?"
             r"|guillain barre\w*|charcot|radiculopathy|\w+itis|\w+opathy|\w+algia"
             r"|something (?:serious|wrong|bad)|anything (?:serious|wrong)"
             r"|an? (?:\w+ )?(?:condition|disease|disorder|syndrome|illness|infection)"
             r"|neuropathic|nerve related|serious)")
# Whose condition, not whose medicine: "will ozempic help my diabetic neuropathy?" asks what is known of ozempic.
# Whose clinician, too: "would sertraline help, my gp mentioned it" asks what is known of sertraline.
OWN_CONDITION = re.compile(words(rf"(?:my|his|her|their|our) (?:\w+ ){{0,2}}?(?:{CONDITION}|pain|symptoms)",
                                 r"(?:my|his|her|their|our) (?:gp|doctor|doc|consultant|nurse|pharmacist|specialist"
                                 r"|neurologist|physio) (?:\w+ )?(?:mentioned|suggested|brought up|talked about|said)"
                                 r"(?: (?:it|that|them|this))?$"))
ASK_WHETHER = r"(?:tell me|tell|know|say|check|find out|wondering|wonder|sure|confirm) (?:if|whether)"
SYMPTOM_NOUN = (r"(?:pain|pains|numbness|tingling|burning|symptoms?|feelings?|sensations?|problem"
                r"|condition)")
DIAGNOSIS = re.compile(words(
    rf"(?:do|might|could|may) i (?:have|suffer from|have got)(?! to\b)(?: \w+){{0,2}}? {CONDITION}",
    rf"(?:have i got|am i (?:developing|getting|going to get|suffering from)|is it possible i have"
    rf"|do you think i have) (?:\w+ ){{0,2}}?{CONDITION}",
    r"am i (?:pre ?)?diabetic",
    r"whats wrong with (?:me|my)", r"what is wrong with (?:me|my)", r"what do i have",
    # Not told of: "they cant fully fix whats causing my neuropathy".
    not_after("fix", "fixed", "treat", "treated", "cure", "cured", "found")
    + r"(?:whats|what is) (?:causing|behind) (?:my|this|these)",
    r"what (?:condition|disease|illness) do i have",
    r"diagnos(?:e|ing) (?:me|my|this|what i have)", r"can you diagnos\w*",
    r"(?:give|tell) me (?:a|my) diagnos\w*", r"(?:whats|what is|what would be) my diagnos\w*",
    rf"(?:is|are) (?:this|it|that|these) (?:(?:a |the )?(?:signs?|symptoms?) of )?{CONDITION}",
    # "Is my pain neuropathic?" is personal; "what are the symptoms of neuropathy?" is general.
    rf"(?:is|are) my (?:\w+ ){{0,2}}?{SYMPTOM_NOUN} (?:\w+ ){{0,2}}?{CONDITION}",
    rf"(?:could|might|may|can) (?:(?:this|it|that|these) |my (?:\w+ ){{1,3}}?)be (?:\w+ ){{0,3}}?{CONDITION}",
    # "Does it look like exercise helps?" is not about the asker.
    rf"(?:does|do) (?:this|it|that|these|my (?:\w+ ){{0,2}}?\w+) (?:sound|seem|look) like"
    rf" (?:i have |i ve got )?{CONDITION}",
    # "tell me if this is CRPS" asks for a diagnosis; "if I have neuropathy, ..." only gives context.
    rf"{ASK_WHETHER} (?:this|it|that|these|my (?:\w+ ){{0,2}}?\w+) (?:is|are|could be|might be) (?:\w+ ){{0,2}}?"
    rf"{CONDITION}",
    rf"{ASK_WHETHER} i (?:have|ve got|might have|could have) (?:\w+ ){{0,2}}?{CONDITION}",
    r"(?:sounds|seems|looks) like i (?:have|ve got)",
))

# Whether medicines treat the cause or only the pain: the papers speak to what the therapies aim at, and it is no
# decision about the asker's own ("do my painkillers actually treat the cause of my nerve pain?").
TREATS_THE_CAUSE = re.compile(words(
    # Researching it counts when said of anyone or of researchers, not of the writer's own doctor ("my gp is still
    # investigating the cause, is my gabapentin right for me?").
    r"(?:fix|treat|cure|go after|goes after|target|address|tackle|get at|deal with"
    r"|(?:(?<=anyone )|(?<=anybody )|(?<=researchers )|(?<=scientists ))"
    r"(?:research|stud(?:y|ies|ying)|investigat|looking into|working on))\w* (?:\w+ ){0,3}?(?:the )?(?:cause"
    r"|causes|causing|underlying|root|source)",
    r"(?:just|only|simply) (?:dull|mask|cover|numb|hide|treat|ease|help|take the edge off)\w*(?: \w+){0,2}? (?:the )?"
    r"(?:pain|symptoms?)"))
# "what about metformin, could that be causing the nerve pain?" asks about the medicine, not for a diagnosis.
MEDICINE_BLAMED = near(40, MEDICATION.pattern, words(r"caus(?:e|es|ed|ing)", r"to blame", r"side ?effects?"))

PAPERS = re.compile(words(
    r"papers?", r"stud(?:y|ies)", r"reviews?", r"articles?", r"authors?", r"trials?", "research",
    r"journals?", r"findings?", "evidence", "abstract", r"rcts?",
    "meta analysis", "consensus", "delphi", "frontiers",
))

# "is it nerve pain from injuries they looked at too?" asks what the papers studied, not for a diagnosis.
ASKS_WHAT_WAS_STUDIED = re.compile(words(
    r"(?:they|the authors|the researchers|scientists) (?:\w+ )?(?:looked at|studied|included|covered|reviewed|tested)",
    r"(?:in|did) (?:the|these|those|your) (?:papers?|stud(?:y|ies)|reviews?)"))

LANGUAGE = (r"(?:french|spanish|german|italian|chinese|mandarin|japanese|arabic|russian|portuguese|hindi"
            r"|dutch|polish|korean|turkish)")

# Words that put a trivia-like question ("who wrote …", "how many …") about the papers.
PAPERS_SUBJECT = re.compile(words(r"papers?", "review", r"stud(?:y|ies)", "research", "guidance", r"guidelines?",
                                  "consensus", r"articles?", r"trials?", r"neuropath\w*", "nerve", r"exercis\w*"))
# Off-topic requests, named by the kind of request (patterns, not a topic whitelist, so
# short follow-ups like "and for how long?" stay answerable).
OFF_TOPIC = (
    re.compile(words(  # code
        "python", "javascript", "typescript", "java", "c plus plus", "sql", "html", "css", "regex",
        "bash script", "source code", "coding", "programming", r"compil(?:e|er|ing)",
        # Not "code of practice".
        r"(?:write|debug|fix|review|run)(?: \w+){0,3} code", "code snippet",
        r"debug\w*", "stack trace", "github",
        # Not "a program" or "a class": exercise has those too.
        r"(?:write|fix) (?:me )?(?:a |an |some |the |my )?(?:function|script|app|website|algorithm)")),
    re.compile(words(  # recipes
        r"recipes?", "ingredients for",
        r"bak(?:e|ing) (?:a |an |some |the |my )?\w+",
        r"(?:how (?:do i|to|can i|should i)|what (?:can|should) i) (?:cook|make) (?:a |an |some |the )?"
        r"(?:\w+ )?(?:for dinner|cake|pasta|pizza|bread|soup|curry|cookies|pancakes|omelette|lasagne"
        r"|lasagna|dinner|lunch|breakfast|sauce|salad|cocktail|chicken|rice|eggs?)")),
    re.compile(words(  # money
        r"stocks?", "stock market", "shares in", "index funds?", r"(?:good|best|safe) investments?",
        r"invest\w* (?:in )?(?:stocks?|shares|crypto\w*|bitcoin|property|funds?|gold|etfs?)",
        r"crypto\w*", "bitcoin", "ethereum", r"mortgages?", r"loans?", r"tax(?:es)?", r"interest rates?",
        "exchange rate", "forex", "savings account", r"pensions?", "401k", r"(?:buy|sell) (?:shares|gold)",
        r"dividends?", r"(?:dollars|euros|pounds|yen|usd|gbp|eur) (?:to|in|into) (?:dollars|euros|pounds"
        r"|yen|usd|gbp|eur)")),
    re.compile(words(  # jokes, poems, stories and other writing jobs
        r"jokes?", r"riddles?", r"poems?", "poetry", r"haikus?", r"limericks?", r"lyrics",
        r"(?:write|compose) (?:me )?(?:a |an |my )?(?:song|story|rap|poem|limerick|haiku|sonnet|email"
        r"|letter|cover letter|cv|resume|tweet|blog post|speech|novel)",
        r"tell (?:me )?a (?:story|joke)", "make me laugh", "fairy tale")),
    re.compile(words(  # translation; "studies in Chinese patients" is not a request
        r"translat\w+", "how do you say",
        r"(?:say|write|answer|reply|respond|explain|put|speak|it|this|that) (?:\w+ )?in " + LANGUAGE,
        r"in " + LANGUAGE + " please")),
    re.compile(words(  # weather
        r"weather (?:forecast|today|tomorrow|tonight|this week|this weekend|report)",
        r"(?:whats|what is|how is|hows) the weather(?: like)?(?: (?:today|tomorrow|tonight|in|at|this|now"
        r"|outside|going to be)\b|$)", "forecast", r"(?:will it|is it going to) (?:rain|snow)",
        r"temperature (?:today|tomorrow|outside)")),
    # Sport results; playing a sport is exercise, and trial results and pain scores are the papers'.
    near(30, words(r"scores?", r"results?", "fixtures", "standings", "league table", "winner"),
         words("football", "soccer", "basketball", "baseball", "cricket", "hockey", "rugby", "tennis", "nba",
               "nfl", "nhl", "mlb", "premier league", "champions league", "world cup", "super bowl", "f1",
               "formula 1", "grand prix", "olympics")),
    re.compile(words(r"who won (?:the|last)", r"(?:game|match) last night",
                     r"(?:game|match|race) (?:scores?|results?)", "final score")),
    re.compile(words(  # entertainment, travel, gadgets and other things people ask general chatbots
        r"movies?", "netflix", r"tv (?:show|series)", r"horoscopes?", r"lottery", r"elections?",
        r"politic\w*", "celebrity", r"dating (?:advice|apps?)", r"news (?:today|headlines)", "play chess",
        r"(?:plot|ending|spoilers?) of (?:the )?(?:movie|film|book|show|series|game|novel|season|episode)",
        r"recommend (?:me )?(?:a |an |some )?(?:good )?(?:\w+ ){0,2}(?:books?"
        r"|novels?|movies?|films?|songs?|music|podcasts?|restaurants?|games?|shows?)",
        r"(?:plan|book) (?:me )?(?:a |my )?(?:trip|holiday|vacation|flights?|hotel|table)",
        r"(?:fix|repair|reset|set up|install) (?:my |the )?(?:car|phone|laptop|computer|printer|wifi|router"
        r"|tv|account|password|email)",
        r"(?:car|phone|laptop|computer|printer|wifi) (?:repair|problem|broken|not working)")),
    # Trivia and homework, unless they are about the papers ("who wrote the review?").
    Unless(re.compile(words(
        r"capital (?:city )?of", r"who (?:won|invented|discovered|painted|directed|sang|wrote)",
        r"who is the (?:president|prime minister|king|queen|ceo)", "population of",
        r"(?:tallest|largest|biggest|longest|highest|smallest|deepest) (?:mountain|river|country|city"
        r"|ocean|animal|building|planet|lake|desert)",
        r"how many (?:moons|planets|countries|continents|states)", "what year did",
        r"when did (?:world war|ww|the war)",
        r"(?:distance|how far) (?:from|is|between) (?:the )?(?:earth|moon|sun|mars)", "meaning of life",
        r"speed of (?:light|sound)", r"fun facts?", "how tall is", "quantum", "astronomy", r"black holes?",
        r"dinosaurs?",
        # The clock, not "what time is it best to exercise".
        r"what time is it(?: now| in \w+)?$",
        # Not "history of stroke": that is a medical history.
        r"tell me about the history of", r"(?:world|ancient|medieval|roman|greek|european|american"
        r"|british) history", r"convert \d+",
        "homework", r"essays?", r"(?:my|homework|school|class|college|university) assignments?",
        r"exam (?:questions?|answers?)", r"quiz\w*", r"solve for [a-z]\b",
        r"solve (?:this|the|my) (?:\w+ )?(?:equation|sum|puzzle|maths?|math problem)", r"equations?",
        "algebra", "calculus", r"derivative of", r"integral of", r"math\w* (?:problem|question|homework)",
        r"\d+ (?:plus|minus|times|divided by) \d+", r"\w+ equals \d+", r"(?:x|y|\d+) squared",
        "square root of")), PAPERS),
)

# Typos of drug names ("pregablin", "gabapentine") still name a drug.
VOCABULARY = Vocabulary(
    key_words=(
        *(name for name in DRUG_NAMES if len(name) >= 6), "medication", "medications", "medicine",
        "medicines", "prescription", "prescribed", "painkiller", "painkillers", "tablets", "capsules",
        "dosage", "antidepressant", "antidepressants",
    ),
    misspellings={"medz": "meds", "pils": "pills", "u": "you", "r": "are", "ur": "your", "wat": "what"},
    protected=(
        # Real words within difflib reach of a key word (found by scanning an English word
        # list): left alone, "meditation" would read "medication" and "tables" "tablets".
        "aspiring", "capsule", "lyric", "lyrical", "mariana", "mediation", "medici", "meditation",
        "meditations", "methane", "prescribe", "tables", "tablet", "talents", "ultra",
    ),
)


def out_of_scope_reason(question: str, paper_names: AbstractSet[str] = frozenset()) -> str | None:
    """Why the question is out of scope ("medication", "diagnosis_mixed", ...), or None.

    ``paper_names``: the loaded papers' first authors (normalised words); naming one is talking about
    the papers, like the words of ``PAPERS`` ("what year did dobson publish?").
    """
    remaining = strip_instructions(question)
    if not remaining:
        return "injection"
    text = _corrected(remaining)
    mixed = "_mixed" if EXERCISE.search(text) else ""
    if _decides_about_a_medicine(text):
        return "medication" + mixed
    if DIAGNOSIS.search(text) and not ASKS_WHAT_WAS_STUDIED.search(text) and not MEDICINE_BLAMED.search(text):
        return "diagnosis" + mixed
    if _off_topic(text, paper_names):
        return "offtopic"
    return None


def _off_topic(text: str, paper_names: AbstractSet[str]) -> bool:
    """An off-topic request; a request off-topic unless about the papers (``Unless``) is not, when it names an
    author or the papers' subject ("who wrote the guidance on exercise for nerve pain?")."""
    about_the_papers = not paper_names.isdisjoint(text.split()) or bool(PAPERS_SUBJECT.search(text))
    return any(matcher.search(text) and not (about_the_papers and isinstance(matcher, Unless)) for matcher in OFF_TOPIC)


def medicine_in_passing(question: str) -> bool:
    """True for a question that names a medicine without asking what to do with it: an exercise question
    ("I'm on pregabalin, can I swim?") or one about the medicine itself ("do lidocaine patches help?")."""
    return _names_a_medicine_in_passing(_scope_text(question))


def _names_a_medicine_in_passing(text: str) -> bool:
    return bool(MEDICATION.search(text)) and not _decides_about_a_medicine(text)


def _decides_about_a_medicine(text: str) -> bool:
    """Normalised text asks what to do with a medicine it names; asking for help other than medicines ("besides
    pills") names them without asking about one, unless it goes on to decide ("…, should i stop them?")."""
    rest = WITHOUT_MEDICINES.sub(" ", text)
    if rest != text and not MEDICATION.search(rest):
        return bool(re.search(MEDICINE_ACTION, rest))
    return bool(MEDICATION.search(text)) and _asks_what_to_do_with_it(text)


def about_an_unloaded_medicine(question: str, missing: Iterable[str]) -> bool:
    """The question is about a medicine itself, not exercise nor whether medicines treat the cause (``TREATS_THE_CAUSE``),
    and names one of its ``missing`` terms (words the loaded papers never use): "is cbd oil good for nerve pain?" is then
    not covered, whatever else matches."""
    text = _scope_text(question)
    return (not EXERCISE.search(text) and not WITHOUT_MEDICINES.search(text) and not TREATS_THE_CAUSE.search(text)
            and _names_a_medicine_in_passing(text) and any(MEDICATION.search(VOCABULARY.correct(term)) for term in missing))


def without_medicines_phrase(text: str) -> str:
    """The words of normalised text that ask for help other than medicines ("besides pills", "drug free"), or ""."""
    match = WITHOUT_MEDICINES.search(text)
    return match.group(0) if match else ""


def _scope_text(question: str) -> str:
    return _corrected(strip_instructions(question) or question)


def _corrected(text: str) -> str:
    return VOCABULARY.correct(normalize(text))


def _asks_what_to_do_with_it(text: str) -> bool:
    """The normalised text asks what to do with a medicine: a decision word it does not disclaim beside exercise;
    alone, any question but a general one about the medicine (``GENERAL_ABOUT_MEDICINE``)."""
    if ASKS_TO_CHANGE_COURSE.search(text):
        return True
    text = DISCLAIMED.sub(lambda match: f" {match['kept'] or ''} ", text)
    if re.search(COMBINING, text) and not EXERCISE_ALONGSIDE.search(text):
        return True
    if EXERCISE.search(text) or COMPARED_WITH_MEDICINE.search(text):
        return bool(DECISION_NEAR_MEDICINE.search(text))
    if HOW_MUCH_OR_WHEN_PREGNANT.search(text):
        return True
    choosing = bool(ACTION_NEAR_MEDICINE.search(text) or CHOICE_BESIDE_MEDICINE.search(text) or WHICH_MEDICINE.search(text)
                    or BETWEEN_MEDICINES.search(text))
    if TREATS_THE_CAUSE.search(text):
        return choosing
    return not GENERAL_ABOUT_MEDICINE.search(text) or choosing or bool(PERSONAL.search(OWN_CONDITION.sub(" ", text)))

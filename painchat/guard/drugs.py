"""Names of medicines people mention: generic names, brands and classes used as names."""

DRUG_NAMES = (
    "pregabalin", "lyrica", "gabapentin", "neurontin", "gralise", "horizant", "gabapentinoids",
    "duloxetine", "cymbalta", "amitriptyline", "elavil", "nortriptyline", "pamelor", "imipramine",
    "desipramine", "venlafaxine", "effexor", "milnacipran", "savella", "carbamazepine", "tegretol",
    "oxcarbazepine", "trileptal", "lamotrigine", "lamictal", "topiramate", "topamax", "valproate",
    "lidocaine", "lignocaine", "lidoderm", "capsaicin", "qutenza", "morphine", "oxycodone",
    "oxycontin", "percocet", "hydrocodone", "vicodin", "codeine", "cocodamol", "co codamol", "tramadol", "ultram",
    "tapentadol", "nucynta", "fentanyl", "buprenorphine", "butrans", "methadone", "hydromorphone",
    "dilaudid", "naloxone", "naltrexone", "ibuprofen", "advil", "motrin", "nurofen", "naproxen",
    "aleve", "diclofenac", "voltaren", "aspirin", "celecoxib", "celebrex", "meloxicam",
    "paracetamol", "acetaminophen", "tylenol", "panadol", "prednisone", "prednisolone", "cortisone",
    "dexamethasone", "diazepam", "valium", "clonazepam", "baclofen", "tizanidine",
    "cyclobenzaprine", "flexeril", "methocarbamol", "ketamine", "botox", "cannabis", "cannabidiol",
    "cbd", "thc", "marijuana", "metformin", "ozempic", "semaglutide", "mounjaro", "tirzepatide",
    "sertraline", "fluoxetine", "citalopram", "escitalopram", "mirtazapine", "trazodone", "warfarin",
    "apixaban", "rivaroxaban", "clopidogrel", "metoprolol", "atenolol", "bisoprolol", "propranolol",
    "gliclazide", "lantus", "levemir", "tresiba", "toujeo", "humalog", "novorapid", "fiasp", "humulin", "apidra",
    "lyumjev", "abasaglar", "dihydrocodeine", "oramorph", "zomorph",
)

# The names as one regex alternation, for patterns that name any of them.
DRUG_ALTERNATIVES = "|".join(DRUG_NAMES)

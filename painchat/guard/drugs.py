"""Names of medicines people mention: generic names, brands and classes used as names."""

# Tablets and insulins for diabetes: medicines like any other, and, beside shakiness or sweat, a sign of a low.
DIABETES_MEDICINES = (
    "metformin", "gliclazide", "humalog", "novorapid", "fiasp", "lantus", "levemir", "tresiba", "toujeo", "humulin",
    "apidra", "lyumjev", "abasaglar",
)
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
    "cbd", "thc", "marijuana", "ozempic", "semaglutide", "mounjaro", "tirzepatide",
    "sertraline", "fluoxetine", "citalopram", "escitalopram", "mirtazapine", "trazodone", "warfarin",
    "apixaban", "rivaroxaban", "clopidogrel", "metoprolol", "atenolol", "bisoprolol", "propranolol",
    "dihydrocodeine", "oramorph", "zomorph", *DIABETES_MEDICINES,
)

# The names as one regex alternation, for patterns that name any of them.
DRUG_ALTERNATIVES = "|".join(DRUG_NAMES)

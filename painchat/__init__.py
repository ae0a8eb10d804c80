"""painchat: grounded answers about exercise for neuropathic pain, from the research papers it is given."""

"""painchat: grounded answers about exercise for neuropathic pain, from three papers."""

"""Write path: load papers from the corpus folder, chunk, embed and store them."""

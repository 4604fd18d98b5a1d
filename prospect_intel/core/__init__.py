"""The core every layer builds on: the evidence contract and its field registry, typed errors,
URL rules, decoding and the parsed page, and text matching. It imports no other layer."""

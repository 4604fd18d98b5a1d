"""Business-registry exports beside the website's claims: reading exports, matching rows to prospects, storing
their facts."""

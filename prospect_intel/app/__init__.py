"""The application: the SQLite store, the workflows over it, the CLI and the review web app.
It is the top layer: it may use every other one, and none uses it."""

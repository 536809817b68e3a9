"""The workspace store: schema, layer I/O in guarded transactions, and the project's memory of it."""

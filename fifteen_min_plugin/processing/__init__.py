"""Processing provider `fifteenmin` and its algorithms (thin wrappers over core)."""

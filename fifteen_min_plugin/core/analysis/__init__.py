"""What each circle lacks: coverage, grading, population served coverage rows, summaries, exports and map styles."""

"""What each circle lacks: coverage, grading, population served and the analysis tables."""

"""Circle boundaries: radius levels and writing drawn or computed circles into the workspace."""

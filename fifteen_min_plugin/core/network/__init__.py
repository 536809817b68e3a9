"""Walking network: the road graph and exact isochrones on it."""

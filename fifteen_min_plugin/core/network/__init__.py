"""Walking network: the road graph and exact isochrones on it.

This package's own module holds only constants, so importing it needs no scientific packages.
"""

#: default distance (m) a walker may step off the reachable street: the polygon is the streets buffered by it
WALK_OFF_M = 25.0
#: the `method` value of network isochrones in the circles layer
METHOD = "network"

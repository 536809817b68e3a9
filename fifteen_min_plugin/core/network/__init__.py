"""Walking network: the road graph and exact isochrones on it.

This package's own module holds only constants, so importing it needs no scientific packages.
"""

#: the `method` value of network isochrones in the circles layer
METHOD = "network"

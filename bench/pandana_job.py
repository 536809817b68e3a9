"""The pandana anchor of bench_nearest, run by the pandana venv's own Python (pandana needs a newer numpy).

Usage: python pandana_job.py problem.npz result.npz

Reads the graph, origin and facility nodes exported by bench_nearest.py, then times pandana's whole job:
`Network` (contraction hierarchies), `set_pois` for every category and `nearest_pois` for every category.
Writes the metres from every origin to the nearest facility of every category (inf beyond the limit),
the three timings and pandana's version.
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandana
import pandas as pd


def main(source: str, target: str) -> None:
    data = np.load(source)
    limit = float(data["limit"])
    node_x, node_y = pd.Series(data["x"]), pd.Series(data["y"])
    facility_node, category = data["facility_node"], data["category"]
    origin_node = data["origin_node"]
    snapped = facility_node >= 0

    start = time.perf_counter()
    network = pandana.Network(
        node_x, node_y, pd.Series(data["a"]), pd.Series(data["b"]), pd.DataFrame({"m": data["weight"]}), twoway=True
    )
    network_s = time.perf_counter() - start

    start = time.perf_counter()
    names = []
    for column in range(int(data["categories"])):
        members = facility_node[snapped & (category == column)]
        if len(members):
            # each facility is a node of its own at its exact position, so pandana maps it onto that node
            network.set_pois(f"c{column}", limit, 1, node_x[members], node_y[members])
            names.append(column)
    pois_s = time.perf_counter() - start

    metres = np.full((len(origin_node), int(data["categories"])), np.inf)
    located = origin_node >= 0
    start = time.perf_counter()
    for column in names:
        nearest = network.nearest_pois(limit, f"c{column}", num_pois=1, max_distance=np.inf)[1]
        metres[located, column] = nearest.loc[origin_node[located]].to_numpy()
    query_s = time.perf_counter() - start
    np.savez(
        target,
        metres=np.where(metres <= limit, metres, np.inf),
        network_s=network_s,
        pois_s=pois_s,
        query_s=query_s,
        version=pandana.__version__,
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])

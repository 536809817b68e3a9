"""Cover a set of street segments with few walks, so GEOS buffers a few long lines instead of many short ones."""

from __future__ import annotations

import numpy as np
import shapely


def trail_cover(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edge-disjoint trails using every segment `first[i]`-`second[i]` (node ids) exactly once.

    A set with 2j nodes of odd degree is covered by j open trails, plus closed ones for what they leave.
    Returns the segments in walking order, whether each is walked from `second` to `first`, and the trail
    number of each.
    """
    count = len(first)
    nodes, ends = np.unique(np.concatenate([first, second]), return_inverse=True)
    head, tail = ends[:count].tolist(), ends[count:].tolist()
    incident: list[list[int]] = [[] for _ in range(len(nodes))]
    for segment in range(count):
        incident[head[segment]].append(segment)
        incident[tail[segment]].append(segment)
    left = [len(segments) for segments in incident]
    used = [False] * count
    order: list[int] = []
    backwards: list[bool] = []
    trail: list[int] = []

    def walk(node: int) -> None:
        while True:
            options = incident[node]
            while options and used[options[-1]]:
                options.pop()
            if not options:
                break
            segment = options.pop()
            used[segment] = True
            reverse = tail[segment] == node and head[segment] != node
            left[head[segment]] -= 1
            left[tail[segment]] -= 1
            node = head[segment] if reverse else tail[segment]
            order.append(segment)
            backwards.append(reverse)
            trail.append(number)

    number = 0
    # a walk from a node of odd degree ends at another one: pairing them first leaves only closed walks
    for start in range(len(nodes)):
        if left[start] % 2:
            walk(start)
            number += 1
    for start in range(len(nodes)):
        while left[start]:
            walk(start)
            number += 1
    return np.array(order, dtype=np.int64), np.array(backwards, dtype=bool), np.array(trail, dtype=np.int64)


def trail_lines(segments: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """LineStrings walking every segment (`segments` (n, 2, 2), ends `first`/`second` as node ids)."""
    if len(segments) == 0:
        return np.empty(0, dtype=object)
    order, backwards, trail = trail_cover(first, second)
    walked = segments[order]
    walked[backwards] = walked[backwards][:, ::-1]
    starts = np.r_[True, trail[1:] != trail[:-1]]
    end_position = np.arange(len(order)) + np.cumsum(starts)
    points = np.empty((len(order) + int(starts.sum()), 2))
    line = np.empty(len(points), dtype=np.int64)
    points[end_position] = walked[:, 1]
    line[end_position] = trail
    points[end_position[starts] - 1] = walked[starts, 0]
    line[end_position[starts] - 1] = trail[starts]
    return shapely.linestrings(points, indices=line)

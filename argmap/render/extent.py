"""How tall a drawing will be, roughly, before Graphviz lays it out: the legend is laid out in
as many columns as it takes to be no taller."""

from __future__ import annotations

# Points between the tops of two legend rows (a sample box and dot's nodesep), and that gap.
LEGEND_ROW = 58.0
_NODESEP = 21.6


class Extent:
    """The drawn nodes with their estimated heights, and the edges that rank them."""

    def __init__(self) -> None:
        self.heights: dict[str, float] = {}
        self.successors: dict[str, list[str]] = {}

    def node(self, name: str, height: float) -> None:
        """A node about ``height`` points tall."""
        self.heights[name] = height

    def edge(self, tail: str, head: str) -> None:
        """An edge dot ranks ``head`` after ``tail`` by."""
        self.successors.setdefault(tail, []).append(head)

    def legend_rows(self, across: bool) -> int:
        """How many legend rows fit beside the map: its ranks when they run down the page
        (``across``: a legend row per rank), else its tallest rank's height in rows."""
        layers = self._layers()
        if not layers:
            return 0
        if across:
            return max(layers.values()) + 1
        height: dict[int, float] = {}
        for name, layer in layers.items():
            height[layer] = height.get(layer, 0.0) + self.heights.get(name, 0.0) + _NODESEP
        return int(max(height.values()) // LEGEND_ROW)

    def _layers(self) -> dict[str, int]:
        """Each node's rank as dot's longest-path ranking gives it, back edges left out."""
        order: list[str] = []  # post-order of a depth-first search, made iterative
        seen: set[str] = set()
        for root in self.heights:
            if root in seen:
                continue
            seen.add(root)
            stack = [(root, iter(self.successors.get(root, ())))]
            while stack:
                node, children = stack[-1]
                for child in children:
                    if child not in seen:
                        seen.add(child)
                        stack.append((child, iter(self.successors.get(child, ()))))
                        break
                else:
                    order.append(node)
                    stack.pop()
        order.reverse()  # a topological order once the edges that close cycles are dropped
        position = {name: index for index, name in enumerate(order)}
        layer = dict.fromkeys(order, 0)
        for name in order:
            for child in self.successors.get(name, ()):
                if position[child] > position[name] and layer[child] <= layer[name]:
                    layer[child] = layer[name] + 1
        return layer

"""Draw a map: the graph of nodes and edges, DOT text, and running Graphviz."""

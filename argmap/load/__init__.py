"""Map files to a validated model: YAML with positions, one field reader, the loader."""

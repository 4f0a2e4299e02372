"""`argmap report`: one self-contained HTML page for a review."""

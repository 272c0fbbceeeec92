"""Detection: recognizers that propose spans, and the engine that runs them."""

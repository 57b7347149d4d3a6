"""liveavatar: the handwritten client layer over the generated liveavatar_api package."""

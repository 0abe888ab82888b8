"""One module per CLI command: option parsing and printing only, the work is in the core."""

"""`python -m cxreview` runs the command line."""

from cxreview.cli import main

main()

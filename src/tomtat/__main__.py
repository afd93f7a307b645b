"""``python -m tomtat``: the command line."""
import sys

from tomtat.apps.cli import main

sys.exit(main())

"""`python -m grader PATH...` is `grade PATH...`."""
import sys

from .cli import grade_main

sys.exit(grade_main())

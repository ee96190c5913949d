"""`python -m grader PATH...` is `grade PATH...`."""
from .cli import grade_entry

grade_entry()

import sys

from thidua.editing.cli import main

sys.exit(main())

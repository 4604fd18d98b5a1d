import sys

from prospect_intel.evaluation.harness import main

sys.exit(main())

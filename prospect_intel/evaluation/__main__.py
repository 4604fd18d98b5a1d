import sys

if "--corpus" in sys.argv[1:]:
    from prospect_intel.evaluation.sidebyside import main
else:
    from prospect_intel.evaluation.harness import main

sys.exit(main())

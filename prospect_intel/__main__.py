from prospect_intel.app.cli import main

main()

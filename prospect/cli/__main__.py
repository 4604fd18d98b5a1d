from prospect.cli import main

main()

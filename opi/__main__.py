from opi.cli import main

main()

"""`python -m healthlens`: the same command as `healthlens`."""

from healthlens.cli import main

if __name__ == "__main__":
    main(prog_name="healthlens")

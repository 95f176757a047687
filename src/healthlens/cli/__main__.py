"""`python -m healthlens.cli`: the same command as `healthlens`."""

from healthlens.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()

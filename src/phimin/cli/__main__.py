"""`python -m phimin.cli` runs the `redact` command."""

from phimin.cli.main import entry

if __name__ == "__main__":
    entry()

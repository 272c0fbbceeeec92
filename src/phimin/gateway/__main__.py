"""`python -m phimin.gateway`: the same as the `phimin-gateway` command."""

from phimin.gateway.cli import entry

if __name__ == "__main__":
    entry()

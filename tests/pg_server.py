"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl in a temporary folder.

Found through PATH or Debian's /usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run
as root, so as root the server runs as the ``postgres`` user. Trust authentication on
127.0.0.1 and a port of its own, except for the role ``PASSWORD_USER``, which must give its
password (scram-sha-256, as on a team's server); fsync off (the data is thrown away).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path

USER = "cxtest"
# A role that logs in with a password over TCP: pg_hba.conf asks it for scram-sha-256.
PASSWORD_USER = "cxpassword"
PASSWORD = "correct horse"
# First match wins: the password role before the trust lines initdb writes for everyone else.
_HBA = f"""local all all trust
host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
"""


def binaries() -> Path | None:
    """The folder with initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, folder: Path) -> None:
        bindir = binaries()
        if bindir is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb/pg_ctl)")
        self.bindir = bindir
        self.folder = folder
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.url = f"postgresql://{USER}@127.0.0.1:{self.port}"
        self._template = False

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self._run(
            str(self.bindir / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-locale", "-N"
        )
        (data / "pg_hba.conf").write_text(_HBA, encoding="utf-8")  # root may write here; the owner stays
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "start"
        )
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN PASSWORD '{PASSWORD}'")

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def create_database(self, name: str, migrated: bool = False) -> str:
        """A new database; ``migrated`` copies a template that already has cxreview's schema
        (migrating takes a second or two; copying a template a tenth of that)."""
        import psycopg

        template = ""
        if migrated:
            if not self._template:
                from cxreview.store import open_database

                open_database(self.create_database("cx_template")).close()
                self._template = True
            template = " TEMPLATE cx_template"
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{template} STRATEGY FILE_COPY')
        return f"{self.url}/{name}"

    def drop_databases(self, names: list[str]) -> None:
        """Drop databases a test made (FORCE: a connection the test left open does not block it)."""
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

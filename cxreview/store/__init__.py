"""The store: the only package that talks SQL to the cxreview database."""

from cxreview.store.connection import DEFAULT_DB, Database, open_database

__all__ = ["DEFAULT_DB", "Database", "open_database"]

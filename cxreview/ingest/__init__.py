"""Ingest: read conversation exports (JSONL, CSV), validate them and write them to the store."""

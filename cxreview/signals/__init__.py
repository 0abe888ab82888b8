"""Signals: per-message sentiment and frustration, flags with evidence, conversation risk."""

"""Reports for people: coaching reports for agents (and, later, insight reports)."""

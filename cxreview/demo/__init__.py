"""Demo data: a seeded generator of realistic contact-center conversations."""
